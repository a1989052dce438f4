"""Insights' graph page: the graph of who introduced whom with its filters (stage, tag; the
period is the view's), search-to-focus (Ctrl+F), fit, zoom and export (Ctrl+E).

The graph is read on the GUI thread (two queries), laid out on a worker thread (the page shows
that it is busy meanwhile), and a layout is kept for the same people and introductions: an
offer that moves to another stage recolours its arrow without moving anyone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.pipeline import ALL_STAGES, Stage
from journal.ui.insights import colours
from journal.ui.insights.graph_view import CLOSED, GraphView
from journal.ui.insights.layout_task import LayoutRunner
from journal.ui.insights.reads import read_graph
from journal.ui.labels import stage_label
from journal.ui.widgets.empty_hint import EmptyHint
from journal.ui.widgets.status import show_status

KEEP_LAYOUTS = 8  # layouts remembered (switching back to a period does not lay it out again)


def _signature(graph) -> tuple:
    return (frozenset(n.person_id for n in graph.nodes), frozenset((e.introducer_id, e.target_id) for e in graph.edges))


def stage_icon(colour: QColor, dashed: bool) -> QIcon:
    pixmap = QPixmap(22, 12)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, 3)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawLine(2, 6, 20, 6)
    painter.end()
    return QIcon(pixmap)


class GraphPage(QWidget):
    open_requested = Signal(str, int)

    def __init__(self, context, reads, parent: QWidget | None = None, *, layout_function=None) -> None:
        super().__init__(parent)
        self.context = context
        self.reads = reads
        self.setObjectName("graphPage")
        self.period = None
        self.graph = None
        self._shown: tuple | None = None  # the people and introductions on screen (their signature)
        self._layouts: dict[tuple, dict] = {}
        self._drawn: dict[int, tuple] = {}  # id(graph) -> (graph, its scene's makings)
        self._tags: list[str] = []
        self.runner = LayoutRunner(layout_function, self)
        self.runner.done.connect(self._laid_out)
        self.runner.failed.connect(self._layout_failed)

        self.view = GraphView(self)
        self.view.open_requested.connect(lambda pid: self.open_requested.emit("person", pid))
        self.view.current_changed.connect(lambda _pid: self._update_status())

        self.stage_buttons: dict[Stage, QToolButton] = {}
        filters = QHBoxLayout()
        filters.setSpacing(2)
        shown = QLabel(self.tr("Stages:"))
        filters.addWidget(shown)
        for stage in ALL_STAGES:
            button = QToolButton(self, objectName=f"stage_{stage.value}")
            button.setText(stage_label(stage))
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(self.tr("Show introductions now {stage} (Space turns it off or on)").format(stage=stage_label(stage)))
            button.toggled.connect(lambda _on: self.reload())
            self.stage_buttons[stage] = button
            filters.addWidget(button)
        filters.addSpacing(8)
        self.tag = QComboBox(self, objectName="graphTag")
        self.tag.setToolTip(self.tr("Only introductions whose introducer or target has this tag"))
        self.tag.addItem(self.tr("All tags"), "")
        self.tag.currentIndexChanged.connect(lambda _i: self.reload())
        tag_label = QLabel(self.tr("T&ag:"))
        tag_label.setBuddy(self.tag)
        filters.addWidget(tag_label)
        filters.addWidget(self.tag)
        filters.addStretch(1)

        self.search = QLineEdit(self, objectName="graphSearch")
        self.search.setPlaceholderText(self.tr("Find a person (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._leave_search)
        self.search.installEventFilter(self)
        self.fit_button = QToolButton(self, objectName="graphFit", text=self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole graph (F or Ctrl+0)"))
        self.fit_button.clicked.connect(self.view.fit)
        self.zoom_in_button = QToolButton(self, objectName="graphZoomIn", text="+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (+ or Ctrl+=, or the wheel)"))
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom(1.25))
        self.zoom_out_button = QToolButton(self, objectName="graphZoomOut", text="−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (- or Ctrl+-)"))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom(0.8))
        self.export_button = QToolButton(self, objectName="graphExport", text=self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the graph as a PNG image or an SVG drawing (Ctrl+E)"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("As PNG image…"), lambda: self.export_dialog("png"))
        menu.addAction(self.tr("As SVG drawing…"), lambda: self.export_dialog("svg"))
        self.export_button.setMenu(menu)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        for button in (self.fit_button, self.zoom_in_button, self.zoom_out_button, self.export_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            tools.addWidget(button)
        self.status = QLabel(self, objectName="graphStatus")
        self.status.setStyleSheet("color: palette(placeholder-text);")
        tools.addWidget(self.status)

        self.busy = QWidget(self, objectName="graphBusy")
        self.busy_label = QLabel(self.busy)
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        bar = QProgressBar(self.busy)
        bar.setRange(0, 0)  # no measure of how far: it moves while the layout runs
        bar.setMaximumWidth(320)
        bar.setTextVisible(False)
        busy_layout = QVBoxLayout(self.busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_label, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(2)
        self.empty = EmptyHint(*self._empty_words(no_stage=False))
        self.pages = QStackedWidget(self)
        for widget in (self.view, self.busy, self.empty):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keyboard can wait on the note
            self.pages.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(tools)
        layout.addWidget(self.pages, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.take_search),
            ("Ctrl+E", lambda: self.export_dialog(None)),
            ("Ctrl+0", self.view.fit),
            ("Ctrl+=", lambda: self.view.zoom(1.25)),
            ("Ctrl++", lambda: self.view.zoom(1.25)),
            ("Ctrl+-", lambda: self.view.zoom(0.8)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.setFocusProxy(self.view)
        self._paint_buttons()

    # --- data ----------------------------------------------------------------------------------

    def stages(self) -> list[Stage] | None:
        chosen = [s for s, b in self.stage_buttons.items() if b.isChecked()]
        return None if len(chosen) == len(self.stage_buttons) else chosen

    def refresh(self, period) -> None:
        self.period = period
        self.reload()

    def reload(self) -> None:
        """Ask for the graph of the period and filters (read on the worker), then lay it out."""
        if self.period is None:
            return
        stages = self.stages()
        if stages == []:
            self.graph = None
            self._show_empty(no_stage=True)
            return
        chosen = tuple(stages) if stages else None
        tag = self.tag.currentData() or None
        self.reads.ask("graph", ("graph", self.period, chosen, tag), self._got_graph, read_graph, self.period, chosen, tag)

    def _show_empty(self, *, no_stage: bool) -> None:
        self.runner.cancel()
        self.empty.set_message(*self._empty_words(no_stage=no_stage))
        self.view.clear()
        self._shown = None
        self._set_page(self.empty)
        self._update_status()

    def _got_graph(self, graph) -> None:
        if not self.tag.currentData():
            self._set_tags(sorted({t for n in graph.nodes for t in n.tags}, key=str.casefold))
        self.graph = graph
        if not graph.edges:
            self._show_empty(no_stage=False)
            return
        drawn = self._drawn.get(id(graph))
        if drawn is not None and drawn[0] is graph:  # this very graph, drawn before: only the items to add
            self._show(graph, drawn[1])
            return
        known = self._layouts.get(_signature(graph))
        if known is None or self.pages.currentWidget() is not self.view:
            self.busy_label.setText(self.tr("Laying out {n} people…").format(n=len(graph.nodes)))
            self._set_page(self.busy)
        self._update_status()
        self.runner.request(graph, known)  # known positions: drawn on the thread, no new layout

    def _empty_words(self, *, no_stage: bool) -> tuple[str, str]:
        if no_stage:
            return self.tr("No stage chosen"), self.tr("Turn a stage on above (Tab to it, then Space).")
        return (self.tr("No introductions in this period"),
                self.tr("Offers noted in the Log dialog (Ctrl+N) appear here as arrows from the person who offered "
                        "to the person they offered to introduce you to. Try a longer period or other filters."))

    def _set_tags(self, tags: list[str]) -> None:
        if tags == self._tags:
            return
        self._tags = tags
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), "")
        for name in tags:
            self.tag.addItem(name, name)
        self.tag.setCurrentIndex(max(self.tag.findData(current), 0))
        self.tag.blockSignals(False)

    def _laid_out(self, graph, positions, prepared) -> None:
        self._layouts[_signature(graph)] = positions
        self._drawn[id(graph)] = (graph, prepared)
        for kept in (self._layouts, self._drawn):
            while len(kept) > KEEP_LAYOUTS:
                kept.pop(next(iter(kept)))
        if graph is self.graph:
            self._show(graph, prepared)

    def _show(self, graph, prepared) -> None:
        signature = _signature(graph)
        self.view.set_graph(graph, prepared=prepared, keep_view=signature == self._shown)
        self._shown = signature
        self._set_page(self.view)
        if self.search.text().strip():
            self.view.find(self.search.text())
        self._update_status()

    def _set_page(self, widget: QWidget) -> None:
        """Show the graph, the busy note or the empty hint; the keyboard follows if it was there."""
        had_focus = self.pages.currentWidget().hasFocus()
        self.pages.setCurrentWidget(widget)
        self.setFocusProxy(widget)
        if had_focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _layout_failed(self, message: str) -> None:
        self.empty.set_message(self.tr("The graph could not be laid out"), message)
        self._set_page(self.empty)
        show_status(self, message)

    def busy_now(self) -> bool:
        return self.pages.currentWidget() is self.busy

    def _update_status(self) -> None:
        if self.graph is None or not self.graph.edges:
            self.status.setText("")
            return
        text = self.tr("{people} people, {offers} introductions").format(people=len(self.graph.nodes), offers=len(self.graph.edges))
        if self.search.text().strip() and self.pages.currentWidget() is self.view:
            text += " · " + self.tr("{n} found").format(n=self.view.match_count())
        current = self.view.current_person()
        if current is not None:
            text += " · " + self.view.name_of(current)
        self.status.setText(text)

    # --- search --------------------------------------------------------------------------------

    def take_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search(self, text: str) -> None:
        if self.pages.currentWidget() is self.view:
            self.view.find(text)
        self._update_status()

    def _leave_search(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.search.clear()
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_F3):
                self.view.next_match(1)
                return True
            if event.key() == Qt.Key.Key_Up:
                self.view.next_match(-1)
                return True
        return super().eventFilter(watched, event)

    # --- export --------------------------------------------------------------------------------

    def legend(self) -> list[tuple[str, QColor, bool]]:
        palette = self.view.palette()
        present = {Stage(e.stage) for e in self.graph.edges} if self.graph else set()
        return [(stage_label(s), colours.stage_colour(s, palette), s in CLOSED) for s in ALL_STAGES if s in present]

    def export_dialog(self, kind: str | None) -> str | None:
        """Ask where to save the graph (PNG or SVG) and save it; the path written, or None."""
        if self.pages.currentWidget() is not self.view:
            show_status(self, self.tr("There is no graph to export yet."))
            return None
        png, svg = self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)")
        filters = [svg, png] if kind == "svg" else [png, svg]
        default = str(Path.home() / ("introductions-graph." + (kind or "png")))
        name, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the introductions graph"), default, ";;".join(filters))
        if not name:
            return None
        suffix = Path(name).suffix.lower()
        if suffix not in (".png", ".svg"):
            name += ".svg" if chosen == svg else ".png"
        return self.export_to(name)

    def export_to(self, path: str) -> str | None:
        if self.view.export(path, self.legend()):
            show_status(self, self.tr("Saved the graph to {path}").format(path=path))
            return path
        self.context.operations.show_failure(
            self.tr("Export the introductions graph"), self.tr("Could not write {path}.").format(path=path), self)
        return None

    # --- palette -------------------------------------------------------------------------------

    def _paint_buttons(self) -> None:
        palette = self.palette()
        for stage, button in self.stage_buttons.items():
            button.setIcon(stage_icon(colours.stage_colour(stage, palette), stage in CLOSED))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange:
            self._paint_buttons()
        super().changeEvent(event)
