"""Paints a result as its title over a snippet, with the matched words highlighted.

Drawn run by run with QPainter (no rich-text layout per row), so a keystroke that refills the
list repaints in well under a millisecond a row.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from journal.services.search import MARK_END, MARK_START
from journal.ui.search.results_model import IsHeaderRole, MarkedTitleRole, SnippetRole

HIGHLIGHT = QColor(255, 214, 0, 140)
ALIGN = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft


def runs(marked: str) -> list[tuple[str, bool]]:
    """Split marked text into (text, is_match) runs."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(marked.split(MARK_START)):
        if i == 0:
            if part:
                out.append((part, False))
            continue
        matched, _, rest = part.partition(MARK_END)
        if matched:
            out.append((matched, True))
        if rest:
            out.append((rest, False))
    return out


def draw_marked(painter, rect: QRect, marked: str, color: QColor, bold_matches: bool = True) -> None:
    """Draw `marked` on one line in `rect`, matches on a highlight, eliding what does not fit."""
    base = painter.font()
    bold = painter.font()
    bold.setBold(bold_matches)
    faces = {False: (base, QFontMetrics(base)), True: (bold, QFontMetrics(bold))}  # measured once a call
    current = False
    x = rect.left()
    right = rect.right()
    painter.setPen(color)
    for text, matched in runs(" ".join(marked.split())):
        font, metrics = faces[matched]
        width = metrics.horizontalAdvance(text)
        if x + width > right:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, right - x))
            width = metrics.horizontalAdvance(text)
        if matched is not current:
            painter.setFont(font)
            current = matched
        box = QRect(x, rect.top(), width, rect.height())
        if matched and text:
            painter.fillRect(box.adjusted(-1, 1, 1, -1), HIGHLIGHT)
        painter.drawText(box, ALIGN, text)
        x += width
        if x >= right:
            break
    if current:
        painter.setFont(base)


class ResultDelegate(QStyledItemDelegate):
    PADDING = 6

    def paint(self, painter, option, index) -> None:
        metrics = option.fontMetrics
        if index.data(IsHeaderRole):
            painter.save()
            font = option.font
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.9)
            painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            rect = option.rect.adjusted(self.PADDING, 0, -self.PADDING, -2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, index.data())
            painter.restore()
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.setFont(opt.font)
        line = metrics.lineSpacing()
        area = opt.rect.adjusted(self.PADDING, self.PADDING // 2, -self.PADDING, 0)
        draw_marked(painter, QRect(area.left(), area.top(), area.width(), line), index.data(MarkedTitleRole) or "", text_color)
        snippet = index.data(SnippetRole) or ""
        if snippet:
            draw_marked(painter, QRect(area.left(), area.top() + line, area.width(), line), snippet, muted, False)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        metrics = option.fontMetrics
        if index.data(IsHeaderRole):
            return QSize(100, metrics.height() + 10)
        lines = 2 if index.data(SnippetRole) else 1
        return QSize(100, lines * metrics.lineSpacing() + self.PADDING + 2)
