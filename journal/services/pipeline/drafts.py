"""Drafting the messages the introduction pipeline asks for, and mailto: links to send them."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from journal.domain.pipeline import Stage
from journal.services.people.detail import first_email
from journal.services.pipeline.introductions import IntroductionCard

ASK = "ask"
NUDGE = "nudge"
REACH_OUT = "reach_out"
THANK = "thank"

KIND_LABELS = {
    ASK: "Ask for the introduction",
    NUDGE: "Nudge about the introduction",
    REACH_OUT: "Reach out to the person introduced",
    THANK: "Thank for the introduction",
}

# The message each stage's next step calls for.
STAGE_KIND = {
    Stage.OFFERED: ASK,
    Stage.ASKED: NUDGE,
    Stage.INTRODUCED: REACH_OUT,
    Stage.MET: THANK,
    Stage.THANKED: THANK,
    Stage.DECLINED: NUDGE,
    Stage.LAPSED: NUDGE,
}


@dataclass(frozen=True)
class Draft:
    kind: str
    recipient_id: int
    recipient: str
    to: str
    subject: str
    body: str


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else name


def default_kind(card: IntroductionCard) -> str:
    return STAGE_KIND[card.stage]


def draft(card: IntroductionCard, kind: str | None = None) -> Draft:
    """A prefilled message for `card`; the user edits it before it goes anywhere."""
    kind = kind or default_kind(card)
    intro_first, target_first = first_name(card.introducer), first_name(card.target)
    if kind == ASK:
        subject = f"Introduction to {card.target}"
        body = (
            f"Hi {intro_first},\n\n"
            f"Thanks again for offering to introduce me to {card.target}. "
            f"Would you still be happy to connect us? I'm glad to send a short blurb you can forward.\n\n"
            "Best,\n"
        )
    elif kind == NUDGE:
        subject = f"Re: Introduction to {card.target}"
        body = (
            f"Hi {intro_first},\n\n"
            f"Just a gentle nudge about the introduction to {card.target} — no pressure if now is not "
            "a good time. Anything I can send you to make it easier?\n\n"
            "Best,\n"
        )
    elif kind == REACH_OUT:
        subject = f"{intro_first} suggested we talk"
        body = (
            f"Hi {target_first},\n\n"
            f"{card.introducer} kindly connected us. I'd love to hear about your work — "
            "would you have 20 minutes for a call in the next couple of weeks?\n\n"
            "Best,\n"
        )
    elif kind == THANK:
        subject = f"Thank you for the introduction to {card.target}"
        body = (
            f"Hi {intro_first},\n\n"
            f"Thank you for introducing me to {card.target} — we had a great conversation. "
            "I really appreciate it, and let me know if I can return the favour.\n\n"
            "Best,\n"
        )
    else:
        raise ValueError(f"unknown draft kind {kind!r}")
    recipient_id, recipient = (card.target_id, card.target) if kind == REACH_OUT else (card.introducer_id, card.introducer)
    return Draft(kind, recipient_id, recipient, first_email(recipient_id), subject, body)


def mailto_url(to: str, subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068): every reserved character percent-encoded, line breaks as CRLF."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    address = quote(to.strip(), safe="@")
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{address}?{query}"
