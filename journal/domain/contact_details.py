"""Normalising e-mail addresses, phone numbers and web addresses so the same one matches."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import phonenumbers

DEFAULT_REGION = "US"


def normalize_email(value: str) -> str:
    return value.strip().lower()


def normalize_phone(value: str, region: str = DEFAULT_REGION) -> str:
    """E.164 when phonenumbers can parse it, else the digits (with a leading + kept)."""
    try:
        parsed = phonenumbers.parse(value, region)
        if phonenumbers.is_possible_number(parsed):
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        pass
    digits = re.sub(r"[^\d+]", "", value)
    return digits


def normalize_url(value: str) -> str:
    """Scheme, 'www.' and trailing slashes dropped; host lower-cased."""
    text = value.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}".lower() if "linkedin.com" in host else f"{host}{path}"


def normalize_detail(kind: str, value: str) -> str:
    if kind == "email":
        return normalize_email(value)
    if kind == "phone":
        return normalize_phone(value)
    return normalize_url(value)
