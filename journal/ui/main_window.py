"""The main window: a thin shell that composes the views in a sidebar and a stack."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from journal import APP_NAME
from journal.ui.context import AppContext
from journal.ui.dialogs.edit_actions import add_edit_actions
from journal.ui.dialogs.help_actions import add_help_actions
from journal.ui.dialogs.interop_actions import add_interop_actions
from journal.ui.icons import app_icon

# Nothing the window runs before its first frame names the `Qt` namespace: PySide builds that
# namespace's Python enums (all of them, 11 ms) the first time it is touched, and a bare window
# never touches it. Hence a property set by number here, and `Qt` imported where it is used.
TEXT_BESIDE_ICON = 2  # Qt.ToolButtonStyle.ToolButtonTextBesideIcon


class Sidebar(QListWidget):
    """The list of views. Arrows move through them; Enter goes into the current one (`entered`).
    A keyPressEvent override rather than an event filter, so no other event of the list goes
    through Python (each would make PySide build more types before the first frame)."""

    entered = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    view_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("MainWindow")
        # Ending in the app's name: Qt appends it to a title that does not, which doubled it.
        self.setWindowTitle(f"{context.journal_path.name} — {APP_NAME}")
        self.setWindowIcon(app_icon())
        self._keys: list[str] = []
        self._openers: dict[str, tuple[str, object]] = {}
        self._factories: dict[str, object] = {}  # views not built yet: key -> callable making it

        self.sidebar = Sidebar(objectName="sidebar")
        # Resizable within limits: a fixed width inside a splitter leaves a dead gap beside it.
        self.sidebar.setMinimumWidth(140)
        self.sidebar.setMaximumWidth(280)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 5px 6px; }")
        self.stack = QStackedWidget(objectName="views")
        self.splitter = QSplitter()  # side by side, a splitter's default orientation
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([170, 930])
        central = QWidget(objectName="central")
        self.undo_bar_area = QVBoxLayout(central)  # the views, and under them the Undo bar
        self.undo_bar_area.setContentsMargins(0, 0, 0, 0)
        self.undo_bar_area.setSpacing(0)
        self.undo_bar_area.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.sidebar.entered.connect(self.focus_view)

        self.toolbar = QToolBar(self.tr("Main toolbar"), objectName="mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setProperty("toolButtonStyle", TEXT_BESIDE_ICON)
        self.addToolBar(self.toolbar)

        menubar = self.menuBar()
        self.file_menu = menubar.addMenu(self.tr("&File"))
        self.edit_menu = menubar.addMenu(self.tr("&Edit"))
        self.view_menu = menubar.addMenu(self.tr("&View"))
        self.help_menu = menubar.addMenu(self.tr("&Help"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.request_quit)
        self.file_menu.addAction(self.quit_action)
        self.about_action = add_help_actions(self)
        self.edit_actions = add_edit_actions(self)
        self.interop_actions = add_interop_actions(self)
        self.statusBar()
        self.resize(1100, 720)
        self._quitting = False

    # --- composition -------------------------------------------------------------------------

    def add_view(self, key: str, title: str, widget, icon=None) -> None:
        """Add a view to the sidebar; Ctrl+1.. switch to them in order. `widget` is the view, or a
        callable that makes it: then it is built when first shown or asked for with `view(key)`."""
        item = QListWidgetItem(title)
        if icon is not None:
            item.setIcon(icon)
        self.sidebar.addItem(item)
        if isinstance(widget, QWidget):
            self.stack.addWidget(widget)
        else:
            self._factories[key] = widget
            self.stack.addWidget(QWidget())  # holds the place until the view is built
        self._keys.append(key)
        number = len(self._keys)
        action = QAction(title, self)
        if number <= 9:
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
        action.triggered.connect(lambda _=False, k=key: self.show_view(k, focus=True))
        self.view_menu.addAction(action)
        self.addAction(action)

    def register_opener(self, kind: str, view_key: str, opener) -> None:
        """Let `open_item(kind, id)` show `view_key` and call `opener(id)` (e.g. select a person)."""
        self._openers[kind] = (view_key, opener)

    def open_item(self, kind: str, item_id: int) -> bool:
        """Show the item of `kind` ("person", "conversation", "introduction", "next_step",
        "organisation") in its view. Returns False when no view can show that kind."""
        if kind not in self._openers:
            return False
        view_key, opener = self._openers[kind]
        self.show_view(view_key, focus=True)
        opener(item_id)
        return True

    def view(self, key: str) -> QWidget:
        row = self._keys.index(key)
        factory = self._factories.pop(key, None)
        if factory is not None:
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, factory())
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return self.stack.widget(row)

    def current_key(self) -> str | None:
        row = self.stack.currentIndex()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def show_view(self, key: str, *, focus: bool = False) -> None:
        """Show the view `key`; with `focus`, move the keyboard into it (Ctrl+1.. and opening an
        item do; arrowing through the sidebar does not, so Up/Down keep moving through it)."""
        self.sidebar.setCurrentRow(self._keys.index(key))
        if focus:
            self.focus_view()

    def focus_view(self) -> None:
        """The keyboard to the current view's list (each view's focus proxy)."""
        widget = self.stack.currentWidget()
        if widget is not None:
            from PySide6.QtCore import Qt

            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.view(self._keys[row])
            self.stack.setCurrentIndex(row)
            self.view_changed.emit(self._keys[row])

    # --- state -----------------------------------------------------------------------------

    def restore_state(self) -> None:
        self.restore_layout()
        self.show_last_view()

    def restore_layout(self) -> None:
        """Size, splitter and the sidebar's choice as they were, without building any view (the
        window can paint before the journal is open)."""
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(self._keys.index(self._last_view()))
        self.sidebar.blockSignals(False)

    def show_last_view(self) -> None:
        """Build and show the view the window was last closed on."""
        self._show_row(self._keys.index(self._last_view()))
        self.sidebar.setCurrentRow(self.stack.currentIndex())
        self.focus_view()  # keys like D, S or Enter work at once, without a Tab first

    def _last_view(self) -> str:
        last = self.context.settings.value("window/view", "")
        return last if last in self._keys else self._keys[0]

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        if self.current_key():
            settings.setValue("window/view", self.current_key())

    def request_quit(self) -> None:
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
