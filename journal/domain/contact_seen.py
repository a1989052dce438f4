"""Pure rules for contact seen outside the journal: the channel a meeting suggests, and the
stage of an introduction that a message suggests it has reached."""

from __future__ import annotations

import re

from journal.domain.pipeline import Stage

_VIDEO = re.compile(r"zoom\.us|meet\.google|teams\.microsoft|teams\.live|webex|whereby|jitsi|\bvideo\b|\bzoom\b"
                    r"|\bteams\b|\bfacetime\b|\bskype\b", re.IGNORECASE)
_CALL = re.compile(r"^tel:|\bphone\b|\bcall\b|^\+?[\d ()./-]{6,}$", re.IGNORECASE)
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)

# How far back a past meeting is offered to log, and how far the calendar is read each way.
SUGGEST_DAYS = 30
MEETINGS_AHEAD_DAYS = 90


def meeting_channel(location: str, summary: str = "") -> str:
    """The conversation channel a meeting's location (and title) suggests: "video" for a
    meeting link, "call" for a phone number, "in person" for a place, else "other"."""
    text = f"{location} {summary}"
    if _VIDEO.search(text):
        return "video"
    if _CALL.search(location.strip()) or re.search(r"\b(phone|call)\b", summary, re.IGNORECASE):
        return "call"
    if location.strip() and not _URL.match(location.strip()):
        return "in person"
    return "other"


def hinted_stage(
    stage: Stage,
    *,
    introducer: bool,
    target: bool,
    sender_is_party: bool,
    from_user: bool,
) -> Stage | None:
    """The stage a message suggests an introduction has reached, or None.

    - Before "introduced": a message from the introducer or the target with both of them on it
      means the introduction was made.
    - At "met": a message from the user to the introducer is most likely the thank-you.
    """
    if stage in (Stage.OFFERED, Stage.ASKED) and introducer and target and sender_is_party:
        return Stage.INTRODUCED
    if stage is Stage.MET and introducer and from_user:
        return Stage.THANKED
    return None

