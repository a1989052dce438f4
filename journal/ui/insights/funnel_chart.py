"""The funnel, painted by hand: one row per forward stage (how many offers reached it, how many
are in it now, the conversion to the next and the days spent in it), then the offers stalled,
declined and lapsed.

Every number is a cell: Up/Down move between rows, Left/Right between a row's "reached" and
"here now", and the view lists the offers behind the current cell (`current_changed`); Enter
or a click goes into that list (`activated`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from journal.domain.pipeline import FORWARD, Stage
from journal.ui.insights import colours
from journal.ui.labels import stage_label

REACHED, NOW, STALLED = "reached", "now", "stalled"  # what a cell counts (and DECLINED / LAPSED as stages)


@dataclass(frozen=True)
class Cell:
    row: int
    kind: str  # REACHED, NOW, STALLED, or "declined" / "lapsed"
    stage: Stage | None


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


def days_text(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}".rstrip("0").rstrip(".")


class FunnelChart(QWidget):
    current_changed = Signal(object)  # the current Cell
    activated = Signal(object)  # Enter or a click on a Cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("funnelChart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.funnel = None
        self._cells: list[list[Cell]] = []
        self._row, self._col = 0, 0
        self._hit: list[tuple[QRectF, Cell]] = []

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(560, self._row_height() * 9 + 40)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(380, self._row_height() * 9 + 40)

    def _row_height(self) -> int:
        """Rows share the height there is, between a compact and a roomy size."""
        line = self.fontMetrics().height()
        return int(min(max((self.height() - 40) / 9, line * 2.6), line * 3.6))

    # --- contents --------------------------------------------------------------------------------

    def set_funnel(self, funnel) -> None:
        keep = self.current_cell()
        self.funnel = funnel
        self._cells = [[Cell(n, REACHED, s), Cell(n, NOW, s)] for n, s in enumerate(FORWARD)]
        base = len(FORWARD)
        self._cells += [[Cell(base, STALLED, None)], [Cell(base + 1, "declined", Stage.DECLINED)],
                        [Cell(base + 2, "lapsed", Stage.LAPSED)]]
        self._row, self._col = 0, 0
        if keep is not None:
            self.set_current(keep.kind, keep.stage, emit=False)
        self._describe()
        self.update()
        self.current_changed.emit(self.current_cell())

    def value(self, cell: Cell) -> int:
        f = self.funnel
        if f is None:
            return 0
        if cell.kind == REACHED:
            return f.reached.get(cell.stage, 0)
        if cell.kind == NOW:
            return f.counts.get(cell.stage, 0)
        if cell.kind == STALLED:
            return len(f.stalled)
        return f.counts.get(cell.stage, 0)

    def cells(self) -> list[Cell]:
        return [c for row in self._cells for c in row]

    def current_cell(self) -> Cell | None:
        if not self._cells:
            return None
        row = self._cells[self._row]
        return row[min(self._col, len(row) - 1)]

    def set_current(self, kind: str, stage: Stage | None, *, emit: bool = True) -> bool:
        for r, row in enumerate(self._cells):
            for c, cell in enumerate(row):
                if cell.kind == kind and cell.stage == stage:
                    self._row, self._col = r, c
                    self.update()
                    if emit:
                        self.current_changed.emit(cell)
                    return True
        return False

    def _describe(self) -> None:
        f = self.funnel
        if f is None:
            return
        parts = []
        for stage in FORWARD:
            parts.append(self.tr("{stage}: {reached} reached, {now} now").format(
                stage=stage_label(stage), reached=f.reached.get(stage, 0), now=f.counts.get(stage, 0)))
        self.setAccessibleName(self.tr("Introduction funnel"))
        self.setAccessibleDescription("; ".join(parts))

    # --- keys and mouse --------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._cells:
            return super().keyPressEvent(event)
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return super().keyPressEvent(event)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._row = max(0, min(len(self._cells) - 1, self._row + (1 if key == Qt.Key.Key_Down else -1)))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            row = self._cells[self._row]
            self._col = max(0, min(len(row) - 1, min(self._col, len(row) - 1) + (1 if key == Qt.Key.Key_Right else -1)))
        elif key == Qt.Key.Key_Home:
            self._row, self._col = 0, 0
        elif key == Qt.Key.Key_End:
            self._row, self._col = len(self._cells) - 1, 0
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.current_cell())
            return
        else:
            return super().keyPressEvent(event)
        self.update()
        self.current_changed.emit(self.current_cell())

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        for rect, cell in self._hit:
            if rect.contains(event.position()):
                self.set_current(cell.kind, cell.stage)
                self.activated.emit(cell)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        over = any(rect.contains(event.position()) for rect, _cell in self._hit)
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)

    # --- painting --------------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        self._hit = []
        f = self.funnel
        if f is None:
            painter.end()
            return
        fm = QFontMetricsF(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.88, 6.0))
        rh = self._row_height()
        label_w = max(fm.horizontalAdvance(stage_label(s)) for s in FORWARD) + 16
        label_w = max(label_w, fm.horizontalAdvance(self.tr("Stalled now")) + 16)
        right_w = fm.horizontalAdvance(self.tr("median 999.5 d · p90 999.5 d")) + 12
        bar_left = 8 + label_w
        bar_w = max(self.width() - bar_left - right_w - 12, 60)
        top = max(f.reached.get(Stage.OFFERED, 0), 1)
        focus = self.hasFocus()
        current = self.current_cell()
        text_colour = colours.text(palette)
        muted = colours.muted(palette)
        highlight = palette.color(QPalette.ColorRole.Highlight)

        for n, stage in enumerate(FORWARD):
            y = 8 + n * rh
            colour = colours.stage_colour(stage, palette)
            painter.setFont(bold)
            painter.setPen(text_colour)
            painter.drawText(QRectF(8, y, label_w, rh * 0.55), Qt.AlignmentFlag.AlignVCenter, stage_label(stage))
            reached = f.reached.get(stage, 0)
            width = bar_w * reached / top
            # Centred bars narrowing down the stages: the funnel's shape.
            bar = QRectF(bar_left + (bar_w - width) / 2, y + 2, max(width, 2.0), rh * 0.5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(bar, 3, 3)
            cell_reached = self._cells[n][0]
            reached_rect = QRectF(bar_left, y, bar_w, rh * 0.55)
            self._hit.append((reached_rect, cell_reached))
            painter.setFont(bold)
            text = self.tr("{n} reached").format(n=reached)
            tw = fm.horizontalAdvance(text) + 10
            inside = width >= tw + 8
            painter.setPen(palette.color(QPalette.ColorRole.Base) if inside else text_colour)
            text_rect = QRectF(bar.center().x() - tw / 2, y, tw, rh * 0.55) if inside else \
                QRectF(bar.right() + 6, y, tw, rh * 0.55)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, text)
            # Under the bar: in it now, and the conversion to the next stage.
            painter.setFont(small)
            now = f.counts.get(stage, 0)
            now_text = self.tr("{n} here now").format(n=now)
            sfm = QFontMetricsF(small)
            now_rect = QRectF(bar_left, y + rh * 0.56, sfm.horizontalAdvance(now_text) + 10, rh * 0.4)
            painter.setPen(text_colour)
            painter.drawText(now_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, now_text)
            self._hit.append((now_rect, self._cells[n][1]))
            if n + 1 < len(FORWARD):
                key = f"{stage.value}->{FORWARD[n + 1].value}"
                conv = self.tr("→ {next}: {percent}").format(
                    next=stage_label(FORWARD[n + 1]), percent=percent(f.conversion.get(key)))
                painter.setPen(muted)
                painter.drawText(QRectF(bar_left, y + rh * 0.56, bar_w, rh * 0.4),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, conv)
            days = f.days_in_stage.get(stage)
            if days is not None:
                painter.setPen(muted)
                line = self.tr("median {median} d · p90 {p90} d").format(median=days_text(days.median), p90=days_text(days.p90))
                painter.drawText(QRectF(self.width() - right_w - 4, y, right_w, rh * 0.55),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, line)
                painter.drawText(QRectF(self.width() - right_w - 4, y + rh * 0.5, right_w, rh * 0.45),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                                 self.tr("from {n} stays").format(n=days.n))
            for rect, cell in self._hit[-2:]:
                if cell == current:
                    self._ring(painter, rect, highlight, focus)

        y = 8 + len(FORWARD) * rh + 6
        painter.setPen(QPen(muted, 1))
        painter.drawLine(8, int(y), self.width() - 8, int(y))
        y += 6
        closing = (
            (self._cells[len(FORWARD)][0], self.tr("Stalled now"), len(f.stalled), colours.accent(palette)),
            (self._cells[len(FORWARD) + 1][0], stage_label(Stage.DECLINED), f.counts.get(Stage.DECLINED, 0),
             colours.stage_colour(Stage.DECLINED, palette)),
            (self._cells[len(FORWARD) + 2][0], stage_label(Stage.LAPSED), f.counts.get(Stage.LAPSED, 0),
             colours.stage_colour(Stage.LAPSED, palette)),
        )
        line_h = rh * 0.62
        for cell, label, count, colour in closing:
            painter.setFont(bold)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(10, y + line_h / 2 - 5, 10, 10))
            painter.setPen(text_colour)
            rect = QRectF(26, y, label_w + bar_w, line_h)
            total = max(f.total, 1)
            text = self.tr("{label}: {n} of {total} offers").format(label=label, n=count, total=f.total)
            if cell.kind != STALLED:
                text += f" ({round(100 * count / total)} %)"
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            hit = QRectF(4, y, fm.horizontalAdvance(text) + 40, line_h)
            self._hit.append((hit, cell))
            if cell == current:
                self._ring(painter, hit, highlight, focus)
            y += line_h
        painter.end()

    @staticmethod
    def _ring(painter: QPainter, rect: QRectF, colour, focus: bool) -> None:
        pen = QPen(colour, 2.0 if focus else 1.0)
        if not focus:
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-2, -1, 2, 1), 4, 4)
