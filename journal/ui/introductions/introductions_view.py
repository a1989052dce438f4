"""Introductions: the pipeline as a board, one column per stage, keyboard-first.

Left/Right move between columns, Up/Down between cards. A or Ctrl+Right advances, D declines,
L marks lapsed, R reopens a closed offer, M drafts a message; Enter opens the introducer.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.pipeline import Stage, allowed_targets, next_forward
from journal.services.pipeline import introductions
from journal.services.pipeline.introductions import IntroductionCard
from journal.services.search import matching_ids
from journal.ui.context import AppContext
from journal.ui.introductions.cards import CardDelegate, StageCardsModel
from journal.ui.introductions.draft_dialog import DraftDialog
from journal.ui.labels import stage_label
from journal.ui.widgets.action_icons import action_icon
from journal.ui.widgets.empty_hint import EmptyHint
from journal.ui.widgets.filter_field import FilterField
from journal.ui.widgets.when_shown import WhenShown

# Board columns: (title, stages shown in it).
COLUMNS = (
    (QT_TRANSLATE_NOOP("StageColumn", "Offered"), (Stage.OFFERED,)),
    (QT_TRANSLATE_NOOP("StageColumn", "Asked"), (Stage.ASKED,)),
    (QT_TRANSLATE_NOOP("StageColumn", "Introduced"), (Stage.INTRODUCED,)),
    (QT_TRANSLATE_NOOP("StageColumn", "Met"), (Stage.MET,)),
    (QT_TRANSLATE_NOOP("StageColumn", "Thanked"), (Stage.THANKED,)),
    (QT_TRANSLATE_NOOP("StageColumn", "Declined / lapsed"), (Stage.DECLINED, Stage.LAPSED)),
)
COLUMN_HINTS = {
    "Offered": QT_TRANSLATE_NOOP("StageColumn", "Ask for it"),
    "Asked": QT_TRANSLATE_NOOP("StageColumn", "Waiting on them"),
    "Introduced": QT_TRANSLATE_NOOP("StageColumn", "Reach out"),
    "Met": QT_TRANSLATE_NOOP("StageColumn", "Say thank you"),
    "Thanked": QT_TRANSLATE_NOOP("StageColumn", "Done"),
    "Declined / lapsed": QT_TRANSLATE_NOOP("StageColumn", "Closed"),
}


EMPTY_TITLE = QT_TRANSLATE_NOOP("IntroductionsView", "No introductions yet")
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "IntroductionsView",
    "When someone offers to introduce you, note it in the Log dialog (Ctrl+N) under "
    "“offered to introduce me to…”. It then appears here, and each stage reminds you what to do next.",
)


class StageColumn(QFrame):
    def __init__(self, title: str, stages: tuple[Stage, ...], clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.stages = stages
        self.setObjectName(f"column{title.split()[0]}")
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.model = StageCardsModel(clock, self)
        self.list = QListView(objectName=f"cards{title.split()[0]}")
        self.list.setModel(self.model)
        self.list.setItemDelegate(CardDelegate(clock, self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(0)
        self.list.setUniformItemSizes(True)  # every card is one size: no measuring of 5,000 cards
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMinimumWidth(130)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("{stage} introductions").format(stage=self.tr(title)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)

    def set_cards(self, cards: list[IntroductionCard]) -> None:
        self.model.set_cards(cards)
        hint = self.tr(COLUMN_HINTS[self.title])
        self.header.setText(f"<b>{self.tr(self.title)}</b> ({len(cards)})<br><small>{hint}</small>")

    def current_card(self) -> IntroductionCard | None:
        index = self.list.currentIndex()
        return self.model.card(index.row()) if index.isValid() else None


class IntroductionsView(QWidget):
    open_requested = Signal(str, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: DraftDialog | None = None
        self._active = 0

        self.advance_button = QPushButton(action_icon("advance"), self.tr("&Advance"), objectName="advance")
        self.decline_button = QPushButton(action_icon("decline"), self.tr("&Decline"), objectName="decline")
        self.lapse_button = QPushButton(action_icon("lapsed"), self.tr("Mark &lapsed"), objectName="lapse")
        self.reopen_button = QPushButton(action_icon("reopen"), self.tr("&Reopen"), objectName="reopen")
        self.draft_button = QPushButton(action_icon("mail"), self.tr("Draft &message…"), objectName="draft")
        self.open_button = QPushButton(action_icon("open"), self.tr("Open &person"), objectName="openPerson")
        tips = {
            self.advance_button: self.tr("Move to the next stage (A or Ctrl+Right)"),
            self.decline_button: self.tr("They declined or it will not happen (D)"),
            self.lapse_button: self.tr("It went quiet: close it as lapsed (L)"),
            self.reopen_button: self.tr("Bring a declined or lapsed offer back to Offered (R)"),
            self.draft_button: self.tr("Write the ask, nudge or thank-you in your mail app (M)"),
            self.open_button: self.tr("Open the introducer in People (Enter; Shift+Enter for the target)"),
        }
        self.filter = FilterField(self, self.tr("Filter by person or notes (Ctrl+F)"), object_name="introductionFilter")
        self.status = QLabel(objectName="pipelineStatus")
        top = QHBoxLayout()
        top.addWidget(self.filter, 2)
        top.addWidget(self.status, 1)
        bar = QHBoxLayout()
        for button, tip in tips.items():
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            bar.addWidget(button)
        bar.addStretch(1)

        self.columns = [StageColumn(title, stages, context.clock) for title, stages in COLUMNS]
        board = QWidget()
        board_layout = QHBoxLayout(board)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.setSpacing(6)
        for column in self.columns:
            board_layout.addWidget(column, 1)
            column.list.installEventFilter(self)
            column.list.selectionModel().currentChanged.connect(lambda *_a, c=column: self._column_focused(c))
            column.list.activated.connect(lambda _i: self.open_person("introducer"))
            column.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.list.customContextMenuRequested.connect(lambda pos, c=column: self._show_menu(c, pos))
        self.empty = EmptyHint(self.tr(EMPTY_TITLE), self.tr(EMPTY_TEXT))
        self.stack = QStackedWidget()
        self.stack.addWidget(board)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.advance_button.clicked.connect(self.advance)
        self.decline_button.clicked.connect(lambda: self.move_to(Stage.DECLINED))
        self.lapse_button.clicked.connect(lambda: self.move_to(Stage.LAPSED))
        self.reopen_button.clicked.connect(lambda: self.move_to(Stage.OFFERED))
        self.draft_button.clicked.connect(self.draft_message)
        self.open_button.clicked.connect(lambda: self.open_person("introducer"))
        for keys, slot in (
            ("A", self.advance),
            ("Ctrl+Right", self.advance),
            ("D", lambda: self.move_to(Stage.DECLINED)),
            ("L", lambda: self.move_to(Stage.LAPSED)),
            ("R", lambda: self.move_to(Stage.OFFERED)),
            ("M", self.draft_message),
            ("Shift+Return", lambda: self.open_person("target")),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.filter.changed.connect(lambda _text: self.reload())
        self.filter.leave.connect(self._leave_filter)
        self._when_shown = WhenShown(self, self.reload)
        context.signals.changed.connect(self._journal_changed)
        self.reload()

    def _leave_filter(self) -> None:
        """Enter in the filter (applied already): go to the board's first card."""
        first = next((n for n, c in enumerate(self.columns) if c.model.rowCount()), None)
        if first is not None:
            self._activate(first, 0)

    # --- data ----------------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else (self.current_card().id if self.current_card() else None)
        every = introductions.cards(with_notes=False)  # a tooltip reads a card's notes
        text = self.filter.text()
        matches = matching_ids("introduction", text)  # the full-text index, as the search palette
        cards = every if matches is None else [c for c in every if c.id in set(matches)]
        by_stage: dict[Stage, list[IntroductionCard]] = {}
        for card in cards:
            by_stage.setdefault(card.stage, []).append(card)
        for column in self.columns:
            column.set_cards([c for stage in column.stages for c in by_stage.get(stage, [])])
        self.stack.setCurrentIndex(0 if cards else 1)
        if every and not cards:
            self.empty.set_message(
                self.tr("No introduction matches “{text}”").format(text=text.strip()), self.tr("Press Esc to clear the filter.")
            )
        else:
            self.empty.set_message(self.tr(EMPTY_TITLE), self.tr(EMPTY_TEXT))
        today = self.context.clock.today()
        stalled = sum(1 for c in cards if c.stalled(today))
        open_count = sum(1 for c in cards if not c.stage.is_closed)
        status = self.tr("{n} open").format(n=open_count) + (self.tr(", {n} stalled").format(n=stalled) if stalled else "")
        if matches is not None:
            status = self.tr("{shown} of {total} match").format(shown=len(cards), total=len(every)) + " · " + status
        self.status.setText(status)
        if keep is None or not self.select(keep, focus=False):
            # Something is always selected, so the keys work at once.
            first = next((n for n, c in enumerate(self.columns) if c.model.rowCount()), None)
            if first is not None:
                self._activate(first, 0, focus=False)
            else:
                self._update_buttons()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._when_shown.shown()  # what changed while another view was in front

    def _journal_changed(self, changes) -> None:
        if changes.touches("introduction", "next_step", "person"):  # the cards, their steps, the names
            self._when_shown.request()

    def current_card(self) -> IntroductionCard | None:
        return self.columns[self._active].current_card()

    def select(self, intro_id: int, *, focus: bool = True) -> bool:
        for number, column in enumerate(self.columns):
            row = column.model.row_of(intro_id)
            if row >= 0:
                self._activate(number, row, focus=focus)
                return True
        return False

    def open_introduction(self, intro_id: int) -> None:
        """The window's opener for "introduction"."""
        self.select(intro_id)

    def _activate(self, number: int, row: int, *, focus: bool = True) -> None:
        column = self.columns[number]
        self._active = number
        self.setFocusProxy(column.list)  # where Ctrl+4 puts the keyboard: the active column
        for other in self.columns:
            if other is not column:
                other.list.clearSelection()
        index = column.model.index(row, 0)
        column.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        column.list.scrollTo(index)
        if focus:
            column.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def _column_focused(self, column: StageColumn) -> None:
        if column.list.currentIndex().isValid():
            number = self.columns.index(column)
            if number != self._active:
                self.columns[self._active].list.clearSelection()
                self._active = number
                self.setFocusProxy(column.list)
        self._update_buttons()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                numbers = [n for n, c in enumerate(self.columns) if c.list is watched]
                if numbers:
                    self._move_column(numbers[0], -1 if event.key() == Qt.Key.Key_Left else 1)
                    return True
        if event.type() == QEvent.Type.FocusIn:
            for number, column in enumerate(self.columns):
                if column.list is watched and column.model.rowCount():
                    if not column.list.currentIndex().isValid():
                        self._activate(number, 0, focus=False)
                    else:
                        self._column_focused(column)
        return super().eventFilter(watched, event)

    def _move_column(self, start: int, step: int) -> None:
        row = max(self.columns[start].list.currentIndex().row(), 0)
        number = start + step
        while 0 <= number < len(self.columns):
            column = self.columns[number]
            if column.model.rowCount():
                self._activate(number, min(row, column.model.rowCount() - 1))
                return
            number += step

    def _update_buttons(self) -> None:
        card = self.current_card()
        stage = card.stage if card else None
        targets = allowed_targets(stage) if stage else ()
        self.advance_button.setEnabled(bool(stage and next_forward(stage)))
        if stage and next_forward(stage):
            self.advance_button.setText(self.tr("&Advance to {stage}").format(stage=stage_label(next_forward(stage))))
        else:
            self.advance_button.setText(self.tr("&Advance"))
        self.decline_button.setEnabled(Stage.DECLINED in targets)
        self.lapse_button.setEnabled(Stage.LAPSED in targets)
        self.reopen_button.setEnabled(stage in (Stage.DECLINED, Stage.LAPSED))
        self.draft_button.setEnabled(card is not None)
        self.open_button.setEnabled(card is not None)

    def card_menu(self) -> QMenu:
        """The right-click menu for the selected card: the same actions as the buttons."""
        menu = QMenu(self)
        for button in (self.advance_button, self.decline_button, self.lapse_button, self.reopen_button):
            action = menu.addAction(button.icon(), button.text().replace("&", ""), button.click)
            action.setEnabled(button.isEnabled())
        menu.addSeparator()
        menu.addAction(self.draft_button.icon(), self.tr("Draft message…"), self.draft_message)
        card = self.current_card()
        if card is not None:
            menu.addAction(action_icon("open"), self.tr("Open {name}").format(name=card.introducer), lambda: self.open_person("introducer"))
            menu.addAction(action_icon("open"), self.tr("Open {name}").format(name=card.target), lambda: self.open_person("target"))
        return menu

    def _show_menu(self, column: StageColumn, pos) -> None:
        index = column.list.indexAt(pos)
        if not index.isValid():
            return
        self._activate(self.columns.index(column), index.row())
        self.card_menu().exec(column.list.viewport().mapToGlobal(pos))

    # --- actions -------------------------------------------------------------------------------

    def advance(self) -> None:
        card = self.current_card()
        if card is None or next_forward(card.stage) is None:
            return
        self.move_to(next_forward(card.stage))

    def move_to(self, stage: Stage) -> None:
        card = self.current_card()
        if card is None or stage not in allowed_targets(card.stage):
            return
        label = self.tr("{introducer} → {target}: {stage}").format(
            introducer=card.introducer, target=card.target, stage=stage_label(stage)
        )
        if self.context.operations.run(label, introductions.advance, card.id, stage, clock=self.context.clock, parent=self) is None:
            return
        self.reload(keep=card.id)
        self.select(card.id)

    def draft_message(self) -> None:
        card = self.current_card()
        if card is None:
            return
        self.dialog = DraftDialog(card, self)
        self.dialog.finished.connect(self.dialog.deleteLater)  # one per draft: not kept once closed
        self.dialog.open()

    def open_person(self, which: str) -> None:
        card = self.current_card()
        if card is not None:
            self.open_requested.emit("person", card.introducer_id if which == "introducer" else card.target_id)
