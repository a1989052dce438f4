"""Conversations per week as small bars, painted by hand (no chart library)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from journal.services.agenda.stats import WeekCount
from journal.ui import dates

CURRENT_WEEK = QColor("#e39b3a")
PAST_WEEK = QColor("#2f6f8f")


class WeekChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekChart")
        self._weeks: list[WeekCount] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(320, 124)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 124)

    def set_weeks(self, weeks: list[WeekCount]) -> None:
        self._weeks = list(weeks)
        total = sum(w.count for w in weeks)
        week_of = self.tr("week of {day}: {n}")
        text = ", ".join(week_of.format(day=dates.short(w.start), n=w.count) for w in weeks)
        self.setAccessibleName(
            self.tr("Conversations per week: {total} in the last {weeks} weeks").format(total=total, weeks=len(weeks))
        )
        self.setAccessibleDescription(text)
        self.update()

    def weeks(self) -> list[WeekCount]:
        return list(self._weeks)

    # --- geometry shared by painting and tooltips ------------------------------------------------

    def _plot(self) -> QRectF:
        fm = self.fontMetrics()
        # Room above for the title and the tallest bar's count, below for the week labels.
        top = 2 * fm.height() + 4
        return QRectF(4, top, self.width() - 8, self.height() - top - fm.height() - 6)

    def _bar(self, i: int, top: int) -> QRectF:
        plot = self._plot()
        slot = plot.width() / max(len(self._weeks), 1)
        height = 0.0 if top == 0 else plot.height() * self._weeks[i].count / top
        width = max(slot * 0.62, 2.0)
        x = plot.left() + slot * i + (slot - width) / 2
        return QRectF(x, plot.bottom() - height, width, height)

    def _slot_at(self, x: float) -> int | None:
        plot = self._plot()
        if not self._weeks or not plot.left() <= x <= plot.right():
            return None
        return min(int((x - plot.left()) / (plot.width() / len(self._weeks))), len(self._weeks) - 1)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        fm = self.fontMetrics()
        total = sum(w.count for w in self._weeks)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(
            QRectF(0, 0, self.width(), fm.height() + 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Conversations per week — {total} in {weeks} weeks").format(total=total, weeks=len(self._weeks)),
        )
        if not self._weeks:
            return
        plot = self._plot()
        top = max(w.count for w in self._weeks)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        painter.drawLine(QPointF(plot.left(), plot.bottom() + 0.5), QPointF(plot.right(), plot.bottom() + 0.5))
        if total == 0:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No conversations logged yet"))
        small = painter.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6.0))
        painter.setFont(small)
        sfm = painter.fontMetrics()
        last = len(self._weeks) - 1
        for i, week in enumerate(self._weeks):
            bar = self._bar(i, top)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CURRENT_WEEK if i == last else PAST_WEEK)
            if week.count:
                painter.drawRoundedRect(bar, 2, 2)
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                label = QRectF(bar.center().x() - 20, bar.top() - sfm.height(), 40, sfm.height())
                painter.drawText(label, Qt.AlignmentFlag.AlignCenter, str(week.count))
            if i % 4 == 3 or i == last:
                painter.setPen(muted)
                text = self.tr("this week") if i == last else dates.short(week.start)
                width = sfm.horizontalAdvance(text) + 4
                x = min(max(bar.center().x() - width / 2, 0), self.width() - width)
                painter.drawText(QRectF(x, plot.bottom() + 3, width, sfm.height()), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self._slot_at(event.position().x() if hasattr(event, "position") else event.pos().x())
            if i is None:
                QToolTip.hideText()
            else:
                week = self._weeks[i]
                tip = self.tr("Week of {day}: {n} conversation(s)").format(day=dates.weekday(week.start), n=week.count)
                QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)
