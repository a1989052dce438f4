"""Drafting a note for a reason to get in touch: congratulations on a new job, wishes on a date
that matters. Like the introduction drafts (journal.services.pipeline.drafts), a prefilled
message the user edits, handed to the mail app as a mailto: URL."""

from __future__ import annotations

from journal.services.agenda import dates
from journal.services.people.detail import first_email
from journal.services.pipeline.drafts import Draft, first_name, mailto_url

CONGRATULATE = "congratulate"
WISH = "wish"

__all__ = ["CONGRATULATE", "WISH", "Draft", "congratulation", "mailto_url", "wishes"]


def congratulation(
    person_id: int, person: str, organisation: str, role: str, *, same_organisation: bool = False, to: str | None = None
) -> Draft:
    """A short note on someone's new job; `to` is their first e-mail unless given."""
    hi = first_name(person)
    if same_organisation and role:
        news = f"you're now {role}" + (f" at {organisation}" if organisation else "")
        subject = f"Congratulations on the new role{', ' + hi if hi else ''}!"
    elif organisation:
        news = f"you've moved to {organisation}" + (f" as {role}" if role else "")
        subject = f"Congratulations on {organisation}!"
    else:
        news = f"you're now {role}" if role else "you've started something new"
        subject = "Congratulations on the new role!"
    body = (
        f"Hi {hi},\n\n"
        f"I just saw that {news} — congratulations! I hope it's off to a great start. "
        "It would be lovely to catch up when things settle.\n\n"
        "Best,\n"
    )
    return Draft(CONGRATULATE, person_id, person, first_email(person_id) if to is None else to, subject, body)


def wishes(person_id: int, person: str, date_kind: str, label: str = "", years: int | None = None, *, to: str | None = None) -> Draft:
    """A short note for a date that matters (a birthday, an anniversary)."""
    hi = first_name(person)
    if date_kind == "birthday":
        subject, line = "Happy birthday!", "Happy birthday! I hope you have a wonderful day."
    elif date_kind == "anniversary":
        subject = "Happy anniversary!"
        line = f"Happy {years}-year anniversary!" if years else "Happy anniversary!"
        line += " Wishing you both a lovely day."
    elif date_kind == "work_anniversary":
        subject = "Happy work anniversary!"
        line = (f"Congratulations on {years} years!" if years else "Happy work anniversary!") + " Here's to many more."
    else:
        title = label.strip() or dates.KIND_NOUNS["custom"]
        subject, line = title, f"Thinking of you today ({title})."
    body = f"Hi {hi},\n\n{line}\n\nBest,\n"
    return Draft(WISH, person_id, person, first_email(person_id) if to is None else to, subject, body)
