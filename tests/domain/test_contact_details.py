"""The same e-mail, phone or web address written differently normalises to one value."""

from __future__ import annotations

import pytest

from journal.domain.contact_details import normalize_detail, normalize_email, normalize_phone, normalize_url


def test_email():
    assert normalize_email("  Dana.Smith@Stripe.COM ") == "dana.smith@stripe.com"


@pytest.mark.parametrize("written", ["(202) 555-0143", "202-555-0143", "+1 202 555 0143", "2025550143"])
def test_phone_us_forms_agree(written):
    assert normalize_phone(written) == "+12025550143"


def test_phone_international_and_unparseable():
    assert normalize_phone("+44 20 7946 0958") == "+442079460958"
    assert normalize_phone("ext. 12") == "12"


@pytest.mark.parametrize(
    "written",
    ["https://www.linkedin.com/in/DanaSmith/", "linkedin.com/in/danasmith", "http://LinkedIn.com/in/danasmith"],
)
def test_linkedin_urls_agree(written):
    assert normalize_url(written) == "linkedin.com/in/danasmith"


def test_other_urls_keep_path_case():
    assert normalize_url("https://www.Example.org/Team/") == "example.org/Team"
    assert normalize_url("   ") == ""


def test_dispatch_by_kind():
    assert normalize_detail("email", "A@B.C") == "a@b.c"
    assert normalize_detail("phone", "202-555-0143") == "+12025550143"
    assert normalize_detail("website", "www.example.org/") == "example.org"
