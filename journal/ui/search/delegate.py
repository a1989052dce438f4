"""Paints a result as its title over a snippet, with the matched words highlighted.

Drawn run by run with QPainter (no rich-text layout per row). Each row is read from the model
in one call (PaintRole: the runs were split when the results arrived), the fonts and their
metrics are made once per font, and the background is drawn without initStyleOption (which
asks the model for a dozen roles a row), so a keystroke that refills the list repaints in a
fraction of a millisecond a row.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from journal.services.search import ELLIPSIS
from journal.ui.search.results_model import PaintRole, RowPaint, runs

__all__ = ["HIGHLIGHT", "ResultDelegate", "draw_runs", "runs"]

HIGHLIGHT = QColor(255, 214, 0, 140)
ALIGN = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_HEADER_ALIGN = Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft
_ELIDE = Qt.TextElideMode.ElideRight
_SELECTED = QStyle.StateFlag.State_Selected
_MOUSE_OVER = QStyle.StateFlag.State_MouseOver
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_PLACEHOLDER = QPalette.ColorRole.PlaceholderText


class _Faces:
    """A font and its bold twin with their metrics, made once for each font the list uses."""

    __slots__ = ("base", "bold", "metrics", "bold_metrics", "header", "line")

    def __init__(self, font) -> None:
        self.base = font
        self.bold = type(font)(font)
        self.bold.setBold(True)
        self.metrics = QFontMetrics(self.base)
        self.bold_metrics = QFontMetrics(self.bold)
        self.header = type(font)(self.bold)
        self.header.setPointSizeF(font.pointSizeF() * 0.9)
        self.line = self.metrics.lineSpacing()


def _baseline(rect: QRect, metrics: QFontMetrics) -> float:
    """Where a line of text centred vertically in `rect` sits."""
    return rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()


def draw_runs(painter, rect: QRect, parts, color: QColor, faces: _Faces, bold_matches: bool = True) -> None:
    """Draw (text, is_match) runs on one line in `rect`, matches on a highlight, eliding what does
    not fit.

    Without bold matches the line is one font: it is drawn in one call (elided as a whole), with
    the highlights placed by the widths of what precedes them. With them, run by run. Text is
    drawn at a baseline rather than aligned in a rectangle, which spares Qt a layout per call."""
    if not bold_matches or all(not matched for _text, matched in parts):
        _draw_line(painter, rect, parts, color, faces.metrics)
        return
    x = rect.left()
    right = rect.right()
    top, height = rect.top(), rect.height()
    baseline = _baseline(rect, faces.metrics)
    painter.setPen(color)
    current = faces.base
    for text, matched in parts:
        font, metrics = (faces.bold, faces.bold_metrics) if matched else (faces.base, faces.metrics)
        width = metrics.horizontalAdvance(text)
        if x + width > right:
            text = metrics.elidedText(text, _ELIDE, max(0, right - x))
            width = metrics.horizontalAdvance(text)
        if font is not current:
            painter.setFont(font)
            current = font
        if matched and text:
            painter.fillRect(QRect(x - 1, top + 1, width + 2, height - 2), HIGHLIGHT)
        painter.drawText(QPointF(x, baseline), text)
        x += width
        if x >= right:
            break
    if current is not faces.base:
        painter.setFont(faces.base)


def _draw_line(painter, rect: QRect, parts, color: QColor, metrics: QFontMetrics) -> None:
    """Runs in one font: highlights behind the matched runs, then the line in one call."""
    room = rect.width()
    line = "".join(text for text, _matched in parts)
    if metrics.horizontalAdvance(line) > room:
        line = metrics.elidedText(line, _ELIDE, room)
    if any(matched for _text, matched in parts):
        shown = len(line) - (1 if line.endswith(ELLIPSIS) and len(line) < sum(len(t) for t, _ in parts) else 0)
        top, height = rect.top(), rect.height()
        at = 0
        for text, matched in parts:
            if at >= shown:
                break
            end = min(at + len(text), shown)
            if matched and end > at:
                x = rect.left() + metrics.horizontalAdvance(line[:at])
                width = metrics.horizontalAdvance(line[at:end])
                painter.fillRect(QRect(x - 1, top + 1, width + 2, height - 2), HIGHLIGHT)
            at += len(text)
    painter.setPen(color)
    painter.drawText(QPointF(rect.left(), _baseline(rect, metrics)), line)


class ResultDelegate(QStyledItemDelegate):
    PADDING = 6

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._faces: dict[str, _Faces] = {}
        self._last: _Faces | None = None

    def _faces_for(self, font) -> _Faces:
        last = self._last
        if last is not None and last.base == font:  # the list's one font, nearly always
            return last
        key = font.key()
        faces = self._faces.get(key)
        if faces is None:
            faces = self._faces[key] = _Faces(type(font)(font))
        self._last = faces
        return faces

    def paint(self, painter, option, index) -> None:
        row: RowPaint | None = index.data(PaintRole)
        if row is None:
            return
        faces = self._faces_for(option.font)
        palette = option.palette
        if row.header is not None:
            painter.save()
            painter.setFont(faces.header)
            painter.setPen(palette.color(_PLACEHOLDER))
            rect = option.rect.adjusted(self.PADDING, 0, -self.PADDING, -2)
            painter.drawText(rect, _HEADER_ALIGN, row.header)
            painter.restore()
            return
        widget = option.widget
        state = option.state
        selected = bool(state & _SELECTED)
        if (selected or state & _MOUSE_OVER) and widget is not None:
            # The row's selection (or hover), as the style draws it; a plain row has none.
            widget.style().drawPrimitive(_PANEL, option, painter, widget)
        text_color = palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT)
        muted = palette.color(_HIGHLIGHTED_TEXT if selected else _PLACEHOLDER)
        painter.save()
        painter.setFont(faces.base)
        line = faces.line
        area = option.rect.adjusted(self.PADDING, self.PADDING // 2, -self.PADDING, 0)
        draw_runs(painter, QRect(area.left(), area.top(), area.width(), line), row.title, text_color, faces)
        if row.snippet:
            draw_runs(painter, QRect(area.left(), area.top() + line, area.width(), line), row.snippet, muted, faces, False)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        row: RowPaint | None = index.data(PaintRole)
        metrics = option.fontMetrics
        if row is None or row.header is not None:
            return QSize(100, metrics.height() + 10)
        lines = 2 if row.snippet else 1
        return QSize(100, lines * metrics.lineSpacing() + self.PADDING + 2)
