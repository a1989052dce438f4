"""The journal's own words as the window shows them, translated: stages, keep-in-touch cadences,
Today's groups and channels. The domain keeps plain English values (stored, compared, used by
the command line); these tables give each one its translatable label, and a test keeps them
covering every value the domain has."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journal.domain.agenda import ItemKind
from journal.domain.pipeline import Stage, next_forward
from journal.services.agenda.today import Group
from journal.ui.today import words

CONTEXT = "Labels"

STAGES = {
    Stage.OFFERED: QT_TRANSLATE_NOOP("Labels", "Offered"),
    Stage.ASKED: QT_TRANSLATE_NOOP("Labels", "Asked"),
    Stage.INTRODUCED: QT_TRANSLATE_NOOP("Labels", "Introduced"),
    Stage.MET: QT_TRANSLATE_NOOP("Labels", "Met"),
    Stage.THANKED: QT_TRANSLATE_NOOP("Labels", "Thanked"),
    Stage.DECLINED: QT_TRANSLATE_NOOP("Labels", "Declined"),
    Stage.LAPSED: QT_TRANSLATE_NOOP("Labels", "Lapsed"),
}

# Keyed by days, as journal.domain.cadence.CADENCE_PRESETS gives them, in its order.
CADENCES = {
    14: QT_TRANSLATE_NOOP("Labels", "Every 2 weeks"),
    30: QT_TRANSLATE_NOOP("Labels", "Monthly"),
    60: QT_TRANSLATE_NOOP("Labels", "Every 2 months"),
    91: QT_TRANSLATE_NOOP("Labels", "Quarterly"),
    182: QT_TRANSLATE_NOOP("Labels", "Twice a year"),
    365: QT_TRANSLATE_NOOP("Labels", "Yearly"),
}
NO_CADENCE = QT_TRANSLATE_NOOP("Labels", "No cadence")
EVERY_N_DAYS = QT_TRANSLATE_NOOP("Labels", "Every {n} days")

GROUPS = {
    Group.STEPS: QT_TRANSLATE_NOOP("Labels", "Next steps due"),
    Group.INTRODUCTIONS: QT_TRANSLATE_NOOP("Labels", "Introductions waiting on you"),
    Group.KEEP_IN_TOUCH: QT_TRANSLATE_NOOP("Labels", "Keep in touch"),
    Group.DATES: QT_TRANSLATE_NOOP("Labels", "Dates that matter"),
    Group.RECONNECT: QT_TRANSLATE_NOOP("Labels", "Reasons to reconnect"),
    Group.SUGGESTIONS: QT_TRANSLATE_NOOP("Labels", "Suggestions"),
}

CHANNELS = {
    "in person": QT_TRANSLATE_NOOP("Labels", "in person"),
    "call": QT_TRANSLATE_NOOP("Labels", "call"),
    "video": QT_TRANSLATE_NOOP("Labels", "video"),
    "e-mail": QT_TRANSLATE_NOOP("Labels", "e-mail"),
    "message": QT_TRANSLATE_NOOP("Labels", "message"),
    "event": QT_TRANSLATE_NOOP("Labels", "event"),
    "other": QT_TRANSLATE_NOOP("Labels", "other"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def stage_label(stage: Stage) -> str:
    return _tr(STAGES[stage])


def cadence_label(days: int | None) -> str:
    if not days:
        return _tr(NO_CADENCE)
    if days in CADENCES:
        return _tr(CADENCES[days])
    return _tr(EVERY_N_DAYS).format(n=days)


def cadence_presets() -> list[tuple[str, int]]:
    """(label, days) of the presets a cadence menu offers, in order."""
    return [(_tr(text), days) for days, text in CADENCES.items()]


def group_title(group: Group) -> str:
    return _tr(GROUPS[group])


def channel_label(channel: str) -> str:
    """A channel as shown; one the journal does not know (from an import) as it is."""
    return _tr(CHANNELS[channel]) if channel in CHANNELS else channel


def advance_label(stage: Stage) -> str:
    """What advancing from `stage` does: "Advance to Asked", or "Done" at the end."""
    target = next_forward(stage)
    if target is None:
        return QCoreApplication.translate("Labels", "Done")
    return QCoreApplication.translate("Labels", "Advance to {stage}").format(stage=stage_label(target))


def done_label(item) -> str:
    """The Done action's name for a Today item: advancing an offer, "Contacted" or "Done"."""
    if item.kind is ItemKind.INTRODUCTION and item.stage is not None:
        return advance_label(item.stage)
    if item.kind is ItemKind.KEEP_IN_TOUCH:
        return QCoreApplication.translate("Labels", "Contacted")
    if item.kind is ItemKind.RECONNECT:
        return QCoreApplication.translate("Labels", "Dismiss")
    return QCoreApplication.translate("Labels", "Done")


def item_title(item) -> str:
    """An agenda or Today item's title as shown: a keep-in-touch reminder is worded here (the
    service words it in English); other titles are the journal's own text."""
    if item.kind is ItemKind.KEEP_IN_TOUCH and item.people:
        return QCoreApplication.translate("Labels", "Keep in touch with {name}").format(name=item.people[0])
    if item.kind in (ItemKind.DATE, ItemKind.RECONNECT):
        return words.title(item) or item.title
    return item.title


def fill_channels(combo, current: str) -> None:
    """A channel combo box: translated labels, the stored value as each item's data."""
    for channel in CHANNELS:
        combo.addItem(channel_label(channel), channel)
    if current not in CHANNELS:
        combo.addItem(current, current)
    combo.setCurrentIndex(combo.findData(current))
