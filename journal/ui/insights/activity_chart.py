"""Conversations per week or month, stacked by channel, with the people met for the first time
as marks, painted by hand like Today's week chart.

Each bucket is a cell: Left/Right move between them (Home/End to the ends), the view shows what
is behind the current one (`current_changed`), Enter or a click goes into it (`activated`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from journal.ui import dates
from journal.ui.insights import colours
from journal.ui.labels import channel_label


def nice_top(value: int) -> int:
    """A round number at or above `value` for the axis (1, 2, 5, 10, 20, 50, ...)."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for k in (1, 2, 5):
            if step * k >= value:
                return step * k
        step *= 10


class ActivityChart(QWidget):
    current_changed = Signal(int)  # the current bucket's index
    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityChart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.activity = None
        self.current = -1
        self._channels: list[str] = []

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 300)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, 200)

    def set_activity(self, activity) -> None:
        keep = self.bucket_start()
        self.activity = activity
        totals = activity.total() if activity else []
        # Channels with anything in the period, the busiest first: the bottom of each stack.
        self._channels = sorted(
            (c for c, counts in (activity.by_channel.items() if activity else ()) if any(counts)),
            key=lambda c: -sum(activity.by_channel[c]),
        )
        count = len(activity.buckets) if activity else 0
        # The bucket holding the day that was current (weeks to months and back), else the last.
        holding = [n for n, start in enumerate(activity.buckets if activity else []) if keep is not None and start <= keep]
        self.current = holding[-1] if holding else count - 1
        total = sum(totals)
        self.setAccessibleName(self.tr("Conversations per {bucket}: {total} in the period").format(
            bucket=self._bucket_word(), total=total))
        self.update()
        self.current_changed.emit(self.current)

    def _bucket_word(self) -> str:
        return self.tr("month") if self.activity is not None and self.activity.bucket == "month" else self.tr("week")

    def bucket_start(self) -> dt.date | None:
        if self.activity is None or not 0 <= self.current < len(self.activity.buckets):
            return None
        return self.activity.buckets[self.current]

    def channels(self) -> list[str]:
        return list(self._channels)

    def total_at(self, index: int) -> int:
        return sum(counts[index] for counts in self.activity.by_channel.values()) if self.activity else 0

    def set_current(self, index: int) -> None:
        if self.activity is None or not self.activity.buckets:
            return
        self.current = max(0, min(len(self.activity.buckets) - 1, index))
        self.update()
        self.current_changed.emit(self.current)

    # --- geometry ------------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        fm = self.fontMetrics()
        left = fm.horizontalAdvance("9999") + 12
        top = fm.height() * 2 + 10  # the title and the legend
        return QRectF(left, top, max(self.width() - left - 10, 10), max(self.height() - top - fm.height() - 12, 10))

    def _slot(self) -> float:
        return self._plot().width() / max(len(self.activity.buckets), 1) if self.activity else 1.0

    def _index_at(self, x: float) -> int | None:
        plot = self._plot()
        if self.activity is None or not self.activity.buckets or not plot.left() <= x <= plot.right():
            return None
        return min(int((x - plot.left()) / self._slot()), len(self.activity.buckets) - 1)

    # --- keys and mouse ------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if self.activity is None or not self.activity.buckets or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return super().keyPressEvent(event)
        if key == Qt.Key.Key_Left:
            self.set_current(self.current - 1)
        elif key == Qt.Key.Key_Right:
            self.set_current(self.current + 1)
        elif key == Qt.Key.Key_Home:
            self.set_current(0)
        elif key == Qt.Key.Key_End:
            self.set_current(len(self.activity.buckets) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.current)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        index = self._index_at(event.position().x())
        if index is not None:
            self.set_current(index)
            self.activated.emit(index)
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._tip(index), self)
            return True
        return super().event(event)

    def _tip(self, index: int) -> str:
        a = self.activity
        lines = [self._bucket_title(a.buckets[index]) + ": " + self.tr("{n} conversation(s)").format(n=self.total_at(index))]
        for channel in self._channels:
            if a.by_channel[channel][index]:
                lines.append(f"{channel_label(channel)}: {a.by_channel[channel][index]}")
        lines.append(self.tr("new people: {n}").format(n=a.new_people[index]))
        return "\n".join(lines)

    def _bucket_title(self, start: dt.date) -> str:
        if self.activity.bucket == "month":
            return dates.month(start.year, start.month)
        return self.tr("week of {day}").format(day=dates.short_year(start))

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour, muted = colours.text(palette), colours.muted(palette)
        a = self.activity
        fm = QFontMetricsF(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        totals = [self.total_at(i) for i in range(len(a.buckets))] if a else []
        title = self.tr("Conversations per {bucket} — {total} in the period, {new} new people").format(
            bucket=self._bucket_word(), total=sum(totals), new=sum(a.new_people) if a else 0)
        painter.drawText(QRectF(4, 2, self.width() - 8, fm.height() + 2), Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(self.font())
        if not a or not a.buckets:
            painter.end()
            return
        # The legend: each channel in the period, then the new people's mark.
        x = 4.0
        y = fm.height() + 6
        for channel in self._channels:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.channel_colour(channel, palette))
            painter.drawRoundedRect(QRectF(x, y + fm.height() / 2 - 5, 10, 10), 2, 2)
            painter.setPen(text_colour)
            label = channel_label(channel)
            painter.drawText(QPointF(x + 14, y + fm.ascent()), label)
            x += 14 + fm.horizontalAdvance(label) + 14
        new_colour = colours.new_people_colour(palette)
        painter.setPen(QPen(new_colour, 2))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(QPointF(x + 5, y + fm.height() / 2), 4, 4)
        painter.setPen(text_colour)
        painter.drawText(QPointF(x + 14, y + fm.ascent()), self.tr("new people"))

        plot = self._plot()
        top = nice_top(max(max(totals, default=0), max(a.new_people, default=0)))
        # Grid lines at a quarter of the axis each, labelled.
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6.0))
        painter.setFont(small)
        sfm = QFontMetricsF(small)
        for k in range(5):
            value = top * k / 4
            gy = plot.bottom() - plot.height() * k / 4
            pen = QPen(muted, 1)
            pen.setStyle(Qt.PenStyle.SolidLine if k == 0 else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), gy), QPointF(plot.right(), gy))
            if value == int(value):
                painter.drawText(QRectF(0, gy - sfm.height() / 2, plot.left() - 4, sfm.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(int(value)))
        slot = self._slot()
        width = max(slot * 0.7, 1.5)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if 0 <= self.current < len(a.buckets):
            band = QRectF(plot.left() + slot * self.current, plot.top(), slot, plot.height())
            shade = highlight.lighter(100)
            shade.setAlphaF(0.22 if self.hasFocus() else 0.12)
            painter.fillRect(band, shade)
        for i in range(len(a.buckets)):
            x0 = plot.left() + slot * i + (slot - width) / 2
            base = plot.bottom()
            painter.setPen(Qt.PenStyle.NoPen)
            for channel in self._channels:
                count = a.by_channel[channel][i]
                if not count:
                    continue
                h = plot.height() * count / top
                painter.setBrush(colours.channel_colour(channel, palette))
                painter.drawRect(QRectF(x0, base - h, width, h))
                base -= h
        # New people: a mark per bucket, joined by a thin line.
        painter.setPen(QPen(new_colour, 1.2))
        points = [QPointF(plot.left() + slot * (i + 0.5), plot.bottom() - plot.height() * n / top)
                  for i, n in enumerate(a.new_people)]
        if len(points) > 1:
            painter.drawPolyline(points)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(new_colour, 1.6))
        r = 3.0 if slot >= 8 else 1.5
        for point, n in zip(points, a.new_people, strict=True):
            if n:
                painter.drawEllipse(point, r, r)
        # Dates under the axis, as many as fit.
        label_w = sfm.horizontalAdvance(dates.short(a.buckets[0]) if a.bucket == "week" else "Mmm 2026") + 12
        every = max(1, int(label_w / slot) + 1)
        painter.setPen(muted)
        for i, start in enumerate(a.buckets):
            if i % every:
                continue
            text = dates.short(start) if a.bucket == "week" else QLocaleMonth.short(start)
            cx = plot.left() + slot * (i + 0.5)
            painter.drawText(QRectF(cx - label_w / 2, plot.bottom() + 3, label_w, sfm.height()), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class QLocaleMonth:
    """A month's short name and year in the user's language ("Mar 2026", "März 2026")."""

    @staticmethod
    def short(start: dt.date) -> str:
        from PySide6.QtCore import QDate, QLocale

        return QLocale().toString(QDate(start.year, start.month, 1), "MMM yyyy")
