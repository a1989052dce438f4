"""One pipeline column's cards: a list model of introductions and the delegate that draws them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from journal.services.pipeline.introductions import IntroductionCard, notes_of
from journal.ui import dates
from journal.ui.labels import stage_label

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STALLED_COLOR = QColor("#c62828")


def days_text(days: int) -> str:
    if days <= 0:
        return QCoreApplication.translate("StageCardsModel", "entered today")
    return (QCoreApplication.translate("StageCardsModel", "{n} day in stage") if days == 1 else QCoreApplication.translate("StageCardsModel", "{n} days in stage")).format(n=days)


class StageCardsModel(QAbstractListModel):
    def __init__(self, clock, parent=None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._cards: list[IntroductionCard] = []

    def set_cards(self, cards: list[IntroductionCard]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def card(self, row: int) -> IntroductionCard | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def row_of(self, intro_id: int) -> int:
        for row, card in enumerate(self._cards):
            if card.id == intro_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        today = self._clock.today()
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.introducer} → {card.target}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                QCoreApplication.translate("StageCardsModel", "{introducer} offered to introduce you to {target}.").format(introducer=card.introducer, target=card.target),
                QCoreApplication.translate("StageCardsModel", "Stage: {stage}").format(stage=stage_label(card.stage)),
            ]
            if card.next_step:
                lines.append(QCoreApplication.translate("StageCardsModel", "Next: {step}").format(step=card.next_step))
            notes = card.notes or notes_of(card.id)  # the board's cards come without them
            if notes:
                lines.append(notes)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate("StageCardsModel", "{introducer} to {target}, {days}").format(
                introducer=card.introducer, target=card.target, days=days_text(card.days_in_stage(today))
            )
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        return None


def wrap_lines(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """`text` word-wrapped into at most `lines` lines of `width` pixels, the last one elided."""
    words = text.split()
    result: list[str] = []
    while words and len(result) < lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        result.append(line)
    if words:
        rest = " ".join(words)
        result.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in result]


def due_text(card: IntroductionCard, today: dt.date) -> str:
    """When the open next step is due: "overdue 3 days", "due today", "due 14 Mar"; "" if none."""
    if card.stage.is_closed or card.next_step_due is None:
        return ""
    if card.next_step_due < today:
        late = (today - card.next_step_due).days
        return (QCoreApplication.translate("StageCardsModel", "overdue {n} day") if late == 1 else QCoreApplication.translate("StageCardsModel", "overdue {n} days")).format(n=late)
    if card.next_step_due == today:
        return QCoreApplication.translate("StageCardsModel", "due today")
    return QCoreApplication.translate("StageCardsModel", "due {date}").format(date=dates.short(card.next_step_due))


def step_text(card: IntroductionCard) -> str:
    if card.stage.is_closed:
        return QCoreApplication.translate("StageCardsModel", "Done — thanked") if card.stage.value == "thanked" else stage_label(card.stage)
    return card.next_step or QCoreApplication.translate("StageCardsModel", "No next step")


class CardDelegate(QStyledItemDelegate):
    """A card: "Introducer → Target", days in stage, and the next step (red when stalled)."""

    PAD = 8
    MARGIN = 4

    def __init__(self, clock, parent=None) -> None:
        super().__init__(parent)
        self._clock = clock

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.9, 7))
        return bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        bold, small = self._fonts(option)
        # introducer →, target, days in stage, two lines of next step, when it is due
        height = 2 * QFontMetrics(bold).height() + 4 * QFontMetrics(small).height()
        return QSize(120, height + 2 * self.PAD + 2 * self.MARGIN + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        card: IntroductionCard | None = index.data(CARD_ROLE)
        if card is None:
            return super().paint(painter, option, index)
        today = self._clock.today()
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        background = palette.color(QPalette.ColorRole.Highlight) if selected else palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        stalled = card.stalled(today)
        if stalled and not selected:
            border = STALLED_COLOR
        painter.setPen(QPen(border, 2 if focused or stalled else 1))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 6, 6)
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_color if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        bold, small = self._fonts(option)
        inner = rect.adjusted(self.PAD, self.PAD - 2, -self.PAD, -self.PAD)
        y = inner.top()

        def line(text: str, font: QFont, color: QColor, lines: int = 1) -> None:
            nonlocal y
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(color)
            for part in wrap_lines(text, metrics, int(inner.width()), lines):
                box = QRectF(inner.left(), y, inner.width(), metrics.height())
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, part)
                y += metrics.height()

        plain = QFont(option.font)
        line(f"{card.introducer} →", plain, text_color)
        line(card.target, bold, text_color)
        y += 2
        line(days_text(card.days_in_stage(today)), small, muted)
        line(step_text(card), small, text_color, lines=2)
        due = due_text(card, today)
        if due:
            line(due[0].upper() + due[1:], small, STALLED_COLOR if stalled and not selected else muted)
        painter.restore()
