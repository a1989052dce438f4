"""The tables of Insights: the offers behind a number, the introducers, and who is going cold."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from journal.ui import dates
from journal.ui.labels import cadence_label, channel_label, stage_label
from journal.ui.widgets.rows_model import RowsModel

ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The roles these tables answer; a view asks for a dozen per cell it paints, and each question
# that reaches Python costs: the others are turned away first.
ANSWERED = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                      int(Qt.ItemDataRole.TextAlignmentRole)})


class InsightsRows(RowsModel):
    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if int(role) not in ANSWERED:
            return None
        return super().data(index, role)


def offer_id(row) -> int:
    """An offer's id, whether the row is the funnel's (introduction_id) or a pipeline card (id):
    the lists show both as they come, never a copy of thousands."""
    return row.introduction_id if hasattr(row, "introduction_id") else row.id


def _days(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}".rstrip("0").rstrip(".")


class OffersModel(InsightsRows):
    CONTEXT = "InsightsOffers"
    COLUMNS = (
        QT_TRANSLATE_NOOP("InsightsOffers", "Introducer"),
        QT_TRANSLATE_NOOP("InsightsOffers", "Target"),
        QT_TRANSLATE_NOOP("InsightsOffers", "Stage now"),
        QT_TRANSLATE_NOOP("InsightsOffers", "In stage"),
    )

    def __init__(self, clock, parent=None) -> None:
        super().__init__(parent)
        self._clock = clock

    def cell(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.introducer
            if column == 1:
                return row.target
            if column == 2:
                return stage_label(row.stage)
            days = (self._clock.today() - row.stage_changed_on).days
            return QCoreApplication.translate("InsightsOffers", "{n} d").format(n=days)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            since = QCoreApplication.translate("InsightsOffers", "{stage} since {day}").format(
                stage=stage_label(row.stage), day=dates.short_in(row.stage_changed_on, self._clock.today()))
            return since + " · " + QCoreApplication.translate("InsightsOffers", "Enter opens it in Introductions")
        return None

    def row_of(self, introduction_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if offer_id(r) == introduction_id), -1)


class PersonRows(InsightsRows):
    """Rows that each stand for a person (`person_id`)."""

    def row_of(self, person_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.person_id == person_id), -1)


class IntroducersModel(PersonRows):
    CONTEXT = "InsightsIntroducers"
    COLUMNS = (
        QT_TRANSLATE_NOOP("InsightsIntroducers", "Introducer"),
        QT_TRANSLATE_NOOP("InsightsIntroducers", "Offers"),
        QT_TRANSLATE_NOOP("InsightsIntroducers", "Met"),
        QT_TRANSLATE_NOOP("InsightsIntroducers", "Met %"),
        QT_TRANSLATE_NOOP("InsightsIntroducers", "Days to meet"),
        QT_TRANSLATE_NOOP("InsightsIntroducers", "Not thanked"),
    )
    NAME, OFFERS, MET, SHARE, DAYS, UNTHANKED = range(6)
    TIPS = {
        OFFERS: QT_TRANSLATE_NOOP("InsightsIntroducers", "Introductions they offered in the period"),
        MET: QT_TRANSLATE_NOOP("InsightsIntroducers", "Of those, how many became a meeting"),
        SHARE: QT_TRANSLATE_NOOP("InsightsIntroducers", "The share of their offers that became a meeting"),
        DAYS: QT_TRANSLATE_NOOP("InsightsIntroducers", "Median days from their offer to the meeting"),
        UNTHANKED: QT_TRANSLATE_NOOP("InsightsIntroducers", "Meetings they made possible that you have not thanked them for yet"),
    }

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section in self.TIPS:
            return QCoreApplication.translate(self.CONTEXT, self.TIPS[section])
        return super().headerData(section, orientation, role)

    def cell(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return row.name
            if column == self.OFFERS:
                return str(row.offers)
            if column == self.MET:
                return str(row.met)
            if column == self.SHARE:
                return f"{round(100 * row.met / row.offers)} %" if row.offers else "–"
            if column == self.DAYS:
                return _days(row.median_days_to_meeting)
            return str(len(row.unthanked)) if row.unthanked else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == self.UNTHANKED and row.unthanked:
            return QCoreApplication.translate("InsightsIntroducers", "Met and not thanked yet: T drafts the thank-you")
        return None

class LosingTouchModel(PersonRows):
    CONTEXT = "InsightsLosingTouch"
    COLUMNS = (
        QT_TRANSLATE_NOOP("InsightsLosingTouch", "Person"),
        QT_TRANSLATE_NOOP("InsightsLosingTouch", "Last contact"),
        QT_TRANSLATE_NOOP("InsightsLosingTouch", "Days since"),
        QT_TRANSLATE_NOOP("InsightsLosingTouch", "Usual gap"),
        QT_TRANSLATE_NOOP("InsightsLosingTouch", "× usual gap"),
        QT_TRANSLATE_NOOP("InsightsLosingTouch", "Contacts"),
        QT_TRANSLATE_NOOP("InsightsLosingTouch", "Cadence"),
    )

    def __init__(self, clock, parent=None) -> None:
        super().__init__(parent)
        self._clock = clock

    def cell(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name
            if column == 1:
                return dates.short_in(row.last_contact, self._clock.today())
            if column == 2:
                return str(row.days_since)
            if column == 3:
                if row.usual_gap_days is None:
                    return QCoreApplication.translate("InsightsLosingTouch", "one contact only")
                return QCoreApplication.translate("InsightsLosingTouch", "{n} d").format(n=_days(row.usual_gap_days))
            if column == 4:
                return "–" if row.ratio is None else f"{row.ratio:.1f}×"
            if column == 5:
                return str(row.contacts)
            return cadence_label(row.cadence_days)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4, 5):
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and row.ratio is not None:
            return QCoreApplication.translate(
                "InsightsLosingTouch", "{days} days since you were last in touch, against a usual {gap} days between contacts"
            ).format(days=row.days_since, gap=_days(row.usual_gap_days))
        return None

class ConversationListModel(InsightsRows):
    CONTEXT = "InsightsConversations"
    COLUMNS = (
        QT_TRANSLATE_NOOP("InsightsConversations", "Date"),
        QT_TRANSLATE_NOOP("InsightsConversations", "Channel"),
        QT_TRANSLATE_NOOP("InsightsConversations", "People"),
        QT_TRANSLATE_NOOP("InsightsConversations", "What about"),
    )

    def __init__(self, clock, parent=None) -> None:
        super().__init__(parent)
        self._clock = clock

    def cell(self, row, column: int, role: int):
        if role != Qt.ItemDataRole.DisplayRole:
            return row.snippet if role == Qt.ItemDataRole.ToolTipRole and column == 3 and row.snippet else None
        if column == 0:
            return dates.short_in(row.occurred_at.date(), self._clock.today())
        if column == 1:
            return channel_label(row.channel)
        if column == 2:
            return row.participants
        return row.snippet
