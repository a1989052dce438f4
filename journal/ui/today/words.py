"""The window's words for dates that matter, job changes and suggestions, translated. The
services word them in English for the command line; these give the same sentences through Qt's
translations, from the item's facts (a Today item's fields or an agenda item's facts)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journal.domain.agenda import ItemKind
from journal.domain.pipeline import Stage
from journal.ui import dates

CONTEXT = "DateWords"

DATE_KINDS = {
    "birthday": QT_TRANSLATE_NOOP("DateWords", "Birthday"),
    "anniversary": QT_TRANSLATE_NOOP("DateWords", "Anniversary"),
    "work_anniversary": QT_TRANSLATE_NOOP("DateWords", "Work anniversary"),
    "custom": QT_TRANSLATE_NOOP("DateWords", "Date that matters"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def fact(item, name: str, default=None):
    """A Today item's field, else an agenda item's fact."""
    value = getattr(item, name, None)
    if value is None and hasattr(item, "fact"):
        value = item.fact(name)
    return default if value is None else value


def person_of(item) -> str:
    return item.people[0] if item.people else fact(item, "person", "")


def date_kind_label(kind: str) -> str:
    return _tr(DATE_KINDS.get(kind, DATE_KINDS["custom"]))


def date_title(item) -> str:
    name, kind = person_of(item), fact(item, "date_kind", "custom")
    years, label = fact(item, "years"), (fact(item, "label", "") or "").strip()
    if kind == "birthday":
        if years:
            return QCoreApplication.translate("DateWords", "{name}'s birthday (turns {n})").format(name=name, n=years)
        return QCoreApplication.translate("DateWords", "{name}'s birthday").format(name=name)
    if kind == "anniversary":
        if years:
            text = QCoreApplication.translate("DateWords", "{name}: 1 year married") if years == 1 else QCoreApplication.translate("DateWords", "{name}: {n} years married")
            return text.format(name=name, n=years)
        return QCoreApplication.translate("DateWords", "{name}'s anniversary").format(name=name)
    if kind == "work_anniversary":
        if years:
            text = QCoreApplication.translate("DateWords", "{name}: 1 year at work") if years == 1 else QCoreApplication.translate("DateWords", "{name}: {n} years at work")
            return text.format(name=name, n=years)
        return QCoreApplication.translate("DateWords", "{name}'s work anniversary").format(name=name)
    if not label:
        text = QCoreApplication.translate("DateWords", "{name}'s date ({n} years)") if years else QCoreApplication.translate("DateWords", "{name}'s date")
        return text.format(name=name, n=years)
    text = QCoreApplication.translate("DateWords", "{name}: {label} ({n} years)") if years else QCoreApplication.translate("DateWords", "{name}: {label}")
    return text.format(name=name, label=label, n=years)


def reconnect_title(item) -> str:
    name, organisation, role = person_of(item), fact(item, "organisation", ""), fact(item, "role", "")
    if fact(item, "same_organisation", False) and role:
        if organisation:
            return QCoreApplication.translate("DateWords", "{name} is now {role} at {organisation}").format(name=name, role=role, organisation=organisation)
        return QCoreApplication.translate("DateWords", "{name} is now {role}").format(name=name, role=role)
    if organisation and role:
        return QCoreApplication.translate("DateWords", "{name} moved to {organisation} as {role}").format(name=name, organisation=organisation, role=role)
    if organisation:
        return QCoreApplication.translate("DateWords", "{name} moved to {organisation}").format(name=name, organisation=organisation)
    if role:
        return QCoreApplication.translate("DateWords", "{name} is now {role}").format(name=name, role=role)
    return QCoreApplication.translate("DateWords", "{name} changed jobs").format(name=name)


def title(item) -> str | None:
    """The title of a date or job-change item; None for other kinds."""
    if item.kind is ItemKind.DATE:
        return date_title(item)
    if item.kind is ItemKind.RECONNECT:
        return reconnect_title(item)
    return None


def when_date(due: dt.date, today: dt.date) -> str:
    """When a date that matters falls: today, tomorrow, in 3 days."""
    days = (due - today).days
    if days <= 0:
        return QCoreApplication.translate("DateWords", "today")
    if days == 1:
        return QCoreApplication.translate("DateWords", "tomorrow")
    return QCoreApplication.translate("DateWords", "in {n} days").format(n=days)


def when_noticed(noticed: dt.date, today: dt.date) -> str:
    days = (today - noticed).days
    if days <= 0:
        return QCoreApplication.translate("DateWords", "noticed today")
    if days == 1:
        return QCoreApplication.translate("DateWords", "noticed yesterday")
    return QCoreApplication.translate("DateWords", "noticed {n} days ago").format(n=days)


def notice_prefix(due: dt.date, today: dt.date) -> str:
    """How a reminder of a date begins: "Today", "Tomorrow", "In 3 days"."""
    days = (due - today).days
    if days <= 0:
        return QCoreApplication.translate("DateWords", "Today")
    if days == 1:
        return QCoreApplication.translate("DateWords", "Tomorrow")
    return QCoreApplication.translate("DateWords", "In {n} days").format(n=days)


# --- suggestions (contact seen in mail and calendars) ------------------------------------------


def together(names) -> str:
    """"Dana Smith", "Dana Smith and Sam Lee", "Dana, Sam and Kim", "Dana, Sam and 3 others"."""
    names = list(names)
    if not names:
        return QCoreApplication.translate("DateWords", "someone")
    if len(names) == 1:
        return names[0]
    if len(names) <= 3:
        return QCoreApplication.translate("DateWords", "{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])
    return QCoreApplication.translate("DateWords", "{first}, {second} and {n} others").format(first=names[0], second=names[1], n=len(names) - 2)


def meeting_title(item) -> str:
    """"You met Dana Smith on Tue 24 Nov (Coffee chat) — log it?"."""
    s = item.suggestion
    day = dates.weekday(s.start.date() if s.start else s.date)
    if s.summary:
        return QCoreApplication.translate("DateWords", "You met {people} on {day} ({summary}) — log it?").format(
            people=together(s.people), day=day, summary=s.summary
        )
    return QCoreApplication.translate("DateWords", "You met {people} on {day} — log it?").format(people=together(s.people), day=day)


def stage_title(item) -> str:
    """"Dana replied on the thread with Sam — mark introduced?", or the thank-you's words."""
    s = item.suggestion
    if s.stage == Stage.THANKED.value:
        return QCoreApplication.translate("DateWords", "You wrote to {introducer} on {day} after meeting {target} — mark thanked?").format(
            introducer=s.introducer, day=dates.weekday(s.date), target=s.target
        )
    writer = s.writer or s.introducer
    other = s.target if writer == s.introducer else s.introducer
    if s.stage == Stage.INTRODUCED.value:
        return QCoreApplication.translate("DateWords", "{writer} replied on the thread with {other} — mark introduced?").format(writer=writer, other=other)
    return QCoreApplication.translate("DateWords", "{writer} wrote on the thread with {other} — move it on?").format(writer=writer, other=other)


ACTIONS = {  # what Enter does to a stage suggestion: as a button, and within a sentence
    Stage.INTRODUCED.value: (QT_TRANSLATE_NOOP("DateWords", "Mark introduced"), QT_TRANSLATE_NOOP("DateWords", "mark introduced")),
    Stage.MET.value: (QT_TRANSLATE_NOOP("DateWords", "Mark met"), QT_TRANSLATE_NOOP("DateWords", "mark met")),
    Stage.THANKED.value: (QT_TRANSLATE_NOOP("DateWords", "Mark thanked"), QT_TRANSLATE_NOOP("DateWords", "mark thanked")),
}
MOVE_ON = (QT_TRANSLATE_NOOP("DateWords", "Move it on"), QT_TRANSLATE_NOOP("DateWords", "move it on"))


def stage_action(item, *, in_sentence: bool = False) -> str:
    """What Enter does to a stage suggestion: "Mark introduced" ("mark introduced" within a
    sentence)."""
    button, phrase = ACTIONS.get(item.suggestion.stage, MOVE_ON)
    return _tr(phrase if in_sentence else button)


def suggestion_title(item) -> str | None:
    """The title of a suggestion in Today; None for other items."""
    if item.suggestion is None:
        return None
    return meeting_title(item) if item.suggestion.kind == "meeting" else stage_title(item)


def when_past(day: dt.date, today: dt.date) -> str:
    """When something happened: today, yesterday, 3 days ago."""
    days = (today - day).days
    if days <= 0:
        return QCoreApplication.translate("DateWords", "today")
    if days == 1:
        return QCoreApplication.translate("DateWords", "yesterday")
    return QCoreApplication.translate("DateWords", "{n} days ago").format(n=days)
