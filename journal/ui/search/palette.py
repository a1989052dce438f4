"""The search palette: type, see results grouped by kind, Enter opens the highlighted one.

Ctrl+K anywhere in the main window opens it (journal.ui.search.action). Up/Down move through results
(headers are skipped), Enter or a click opens the item with window.open_item(kind, id), Escape
closes. Searching is cheap enough to run on each keystroke; a short timer coalesces keys typed
faster than a result list could be painted.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from journal.services.search import search
from journal.ui.search.delegate import ResultDelegate
from journal.ui.search.former import mark_former_colleagues
from journal.ui.search.results_model import IdRole, KindRole, SearchResultsModel


class SearchPalette(QDialog):
    results_shown = Signal(float)  # milliseconds from the query's change to the results in the model
    opened = Signal(str, int)

    def __init__(self, window, parent: QWidget | None = None, *, debounce_ms: int = 25) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setObjectName("searchPalette")
        self.setWindowTitle(self.tr("Search"))
        self.setModal(False)
        self.setMinimumWidth(640)
        self.input = QLineEdit(objectName="searchInput")
        self.input.setPlaceholderText(self.tr("Search people, conversations, introductions, next steps…"))
        self.input.setClearButtonEnabled(True)
        self.list = QListView(objectName="searchResults")
        self.model = SearchResultsModel(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(ResultDelegate(self.list))
        self.list.setUniformItemSizes(False)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.status = QLabel(objectName="searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self.resize(720, 520)

        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self.run_search)
        self._changed_at = 0.0
        self.input.textChanged.connect(self._text_changed)
        self.input.installEventFilter(self)
        self.list.clicked.connect(self._open_index)
        self.list.activated.connect(self._open_index)
        context = getattr(window, "context", None)
        if context is not None:  # results shown stay true to the journal while it changes
            context.signals.changed.connect(self._journal_changed)
        self._show_status("")

    def _journal_changed(self, _what: str) -> None:
        if self.isVisible() and self.input.text().strip():
            self._timer.start()

    # --- searching --------------------------------------------------------------------------

    def set_debounce(self, ms: int) -> None:
        """How long typing must pause before a search runs (0: on the next event loop turn)."""
        self._timer.setInterval(max(0, ms))

    def _text_changed(self, _text: str) -> None:
        self._changed_at = time.perf_counter()
        self._timer.start()

    def run_search(self) -> None:
        text = self.input.text()
        grouped = mark_former_colleagues(search(text), text)
        self.model.set_results(grouped)
        first = self.model.first_result_row()
        if first >= 0:
            self.list.setCurrentIndex(self.model.index(first))
            self.list.scrollToTop()
        self._show_status(text)
        started = self._changed_at or time.perf_counter()
        self.results_shown.emit((time.perf_counter() - started) * 1000)

    def _show_status(self, text: str) -> None:
        count = self.model.result_count()
        if not text.strip():
            self.status.setText(self.tr("Type to search. ↑↓ to choose, Enter to open, Esc to close."))
        elif count == 0:
            self.status.setText(self.tr("Nothing matches “{text}”.").format(text=text.strip()))
        else:
            self.status.setText(
                (
                    self.tr("{n} result — Enter opens the highlighted one.")
                    if count == 1
                    else self.tr("{n} results — Enter opens the highlighted one.")
                ).format(n=count)
            )

    # --- keyboard ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # Enter typed before the results caught up
                    self._timer.stop()
                    self.run_search()
                self._open_index(self.list.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        current = self.list.currentIndex().row()
        start = current + step if current >= 0 else 0
        row = self.model.first_result_row(start, step)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))

    def _open_index(self, index) -> None:
        if not index.isValid() or index.data(KindRole) is None:
            return
        kind, item_id = index.data(KindRole), index.data(IdRole)
        shown = self.window_.open_item(kind, item_id)
        if not shown:
            self.status.setText(self.tr("That kind of item cannot be shown yet."))
            return
        self.opened.emit(kind, item_id)
        self.accept()

    def popup(self) -> None:
        """Show centred over the window with the previous text selected."""
        self.input.selectAll()
        geometry = self.window_.geometry()
        self.move(geometry.center().x() - self.width() // 2, geometry.top() + 80)
        self.show()
        self.raise_()
        self.activateWindow()
        self.input.setFocus()
