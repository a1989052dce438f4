"""The colours of Insights' charts and graph, one set for a light palette and one for a dark.

A stage keeps its hue in both (blue for asked, green for met, ...); on a dark window it is
lighter, so it reads against the dark base as well as the darker one does against white. Which
set applies is decided from the widget's own palette, so a system switch to dark mode (a new
palette) repaints in the other set.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from journal.domain.pipeline import Stage

# stage -> (on a light palette, on a dark palette)
STAGE_COLOURS: dict[Stage, tuple[str, str]] = {
    Stage.OFFERED: ("#6b7b8c", "#a7b6c6"),
    Stage.ASKED: ("#2f6f8f", "#6cb4d9"),
    Stage.INTRODUCED: ("#7b4fb8", "#b895ea"),
    Stage.MET: ("#23834f", "#5ccf8c"),
    Stage.THANKED: ("#c27414", "#f0b45a"),
    Stage.DECLINED: ("#b83a2e", "#f07a6d"),
    Stage.LAPSED: ("#8a8a8a", "#8f8f8f"),
}

# channel -> (light, dark); a channel from an import the journal does not know is "other"'s.
CHANNEL_COLOURS: dict[str, tuple[str, str]] = {
    "in person": ("#2f6f8f", "#6cb4d9"),
    "call": ("#23834f", "#5ccf8c"),
    "video": ("#7b4fb8", "#b895ea"),
    "e-mail": ("#c27414", "#f0b45a"),
    "message": ("#b0437a", "#ec8bbb"),
    "event": ("#3b8f8a", "#74d2cc"),
    "other": ("#6b7b8c", "#a7b6c6"),
}

ACCENT = ("#e39b3a", "#f0b45a")  # the app's accent (Today's week chart): "me", the current item
NEW_PEOPLE = ("#b83a2e", "#f07a6d")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def _pick(pair: tuple[str, str], palette: QPalette) -> QColor:
    return QColor(pair[1] if is_dark(palette) else pair[0])


def stage_colour(stage: Stage, palette: QPalette) -> QColor:
    return _pick(STAGE_COLOURS[stage], palette)


def channel_colour(channel: str, palette: QPalette) -> QColor:
    return _pick(CHANNEL_COLOURS.get(channel, CHANNEL_COLOURS["other"]), palette)


def accent(palette: QPalette) -> QColor:
    return _pick(ACCENT, palette)


def new_people_colour(palette: QPalette) -> QColor:
    return _pick(NEW_PEOPLE, palette)


def muted(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


def text(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.WindowText)
