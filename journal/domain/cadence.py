"""Keep-in-touch cadence: when is a person next due for contact?"""

from __future__ import annotations

import datetime as dt

# Presets offered in the UI, in days.
CADENCE_PRESETS = {
    "Every 2 weeks": 14,
    "Monthly": 30,
    "Every 2 months": 60,
    "Quarterly": 91,
    "Twice a year": 182,
    "Yearly": 365,
}


def keep_in_touch_due(
    cadence_days: int | None,
    last_contact: dt.date | None,
    cadence_set_on: dt.date | None,
    snoozed_until: dt.date | None = None,
) -> dt.date | None:
    """Next due date, or None when the person has no cadence.

    Due = last logged conversation (or, before any, the day the cadence was set) + cadence.
    A snooze moves it later, never earlier; logging a conversation clears the snooze (the
    service does that), which resets the count from the new contact.
    """
    if not cadence_days or cadence_days <= 0:
        return None
    anchor = last_contact or cadence_set_on
    if anchor is None:
        return None
    due = anchor + dt.timedelta(days=cadence_days)
    if snoozed_until is not None and snoozed_until > due:
        return snoozed_until
    return due


def describe_cadence(cadence_days: int | None) -> str:
    if not cadence_days:
        return "No cadence"
    for label, days in CADENCE_PRESETS.items():
        if days == cadence_days:
            return label
    return f"Every {cadence_days} days"
