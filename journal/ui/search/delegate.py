"""Paints a result as its title over a snippet with the matched words highlighted."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from journal.services.search import MARK_END, MARK_START
from journal.ui.search.results_model import IsHeaderRole, MarkedTitleRole, SnippetRole


def snippet_html(snippet: str, highlight: str) -> str:
    """Escape the snippet, then turn the match markers into highlighted spans."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(MARK_START, f'<span style="background-color:{highlight}; font-weight:600">').replace(
        MARK_END, "</span>"
    )


class ResultDelegate(QStyledItemDelegate):
    PADDING = 6

    def _document(self, option: QStyleOptionViewItem, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        highlight = "rgba(255, 214, 0, 0.55)"
        title = snippet_html(index.data(MarkedTitleRole) or "", highlight)
        snippet = index.data(SnippetRole) or ""
        body = f'<div style="color:{text_color.name()}">{title}</div>'
        if snippet:
            body += f'<div style="color:{muted.name()}">{snippet_html(snippet, highlight)}</div>'
        doc.setHtml(body)
        return doc

    def paint(self, painter, option, index) -> None:
        if index.data(IsHeaderRole):
            painter.save()
            font = option.font
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.9)
            painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            rect = option.rect.adjusted(self.PADDING, 0, -self.PADDING, 0)
            painter.drawText(rect, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, index.data())
            painter.restore()
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, index)
        doc.setTextWidth(max(10, opt.rect.width() - 2 * self.PADDING))
        painter.save()
        painter.setClipRect(opt.rect)
        painter.translate(opt.rect.left() + self.PADDING, opt.rect.top() + self.PADDING / 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        metrics = option.fontMetrics
        if index.data(IsHeaderRole):
            return QSize(100, metrics.height() + 8)
        lines = 2 if index.data(SnippetRole) else 1
        return QSize(100, lines * metrics.lineSpacing() + self.PADDING + 2)
