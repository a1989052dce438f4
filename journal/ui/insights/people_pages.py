"""Insights' pages about people: the introducers (T drafts the thank-you), and who is going cold
(K sets a cadence, L logs a conversation).

In the introducers' table, Left/Right pick a number (offers, met, not thanked) and the list
beside it shows the offers behind it; Enter on a number goes into that list, Enter on the name
opens the person.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from journal.domain.pipeline import Stage
from journal.ui.insights.models import IntroducersModel, LosingTouchModel, OffersModel, offer_id
from journal.ui.insights.reads import read_introducers, read_losing_touch
from journal.ui.insights.tables import current_row, make_table, select
from journal.ui.labels import cadence_label, cadence_presets
from journal.ui.widgets.action_icons import action_icon
from journal.ui.widgets.empty_hint import EmptyHint
from journal.ui.widgets.status import show_status


def _hint(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("color: palette(placeholder-text);")
    label.setWordWrap(True)
    return label


class IntroducersPage(QWidget):
    open_requested = Signal(str, int)

    def __init__(self, context, reads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reads = reads
        self.setObjectName("introducersPage")
        self.dialog = None
        self._cards: dict[int, object] = {}
        self.model = IntroducersModel(self)
        self.table = make_table("introducersTable", self.model)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._enter(index.column()))
        self.table.selectionModel().currentChanged.connect(lambda *_a: self._show_offers())
        self.offers_title = QLabel(self, objectName="introducerOffersTitle")
        self.offers_model = OffersModel(context.clock, self)
        self.offers = make_table("introducerOffers", self.offers_model, stretch=1,
                                 samples={2: "Introduced", 3: "999 d"})
        self.offers.hideColumn(0)  # the introducer is the row chosen on the left
        self.offers.activated.connect(lambda index: self._open_offer(index.row()))
        self.offers.installEventFilter(self)
        self.thank_button = QPushButton(action_icon("mail"), self.tr("Draft than&k-you…  (T)"), self, objectName="thankButton")
        self.thank_button.setToolTip(self.tr("Write the thank-you for an introduction that became a meeting (T)"))
        self.thank_button.clicked.connect(self.draft_thanks)
        self.open_button = QPushButton(action_icon("open"), self.tr("Open person  (Enter)"), self, objectName="openIntroducer")
        self.open_button.clicked.connect(self.open_current)
        for button in (self.thank_button, self.open_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.empty = EmptyHint(self.tr("Nobody offered an introduction in this period"),
                               self.tr("Try a longer period in the selector above."))
        self.empty.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.thank_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.empty, 1)
        left.addLayout(buttons)
        left.addWidget(_hint(self, self.tr("Left/Right pick a number and the list shows the offers behind it; "
                                           "Enter on a number goes into the list, on the name opens the person.")))
        right = QVBoxLayout()
        right.addWidget(self.offers_title)
        right.addWidget(self.offers, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.setFocusProxy(self.table)

    def refresh(self, period) -> None:
        self.reads.ask("introducers", ("introducers", period), self._show, read_introducers, period)

    def _show(self, answer) -> None:
        rows, self._cards = answer
        keep = self.current()
        self.model.set_rows(rows)
        self.table.setVisible(self.model.rowCount() > 0)
        self.empty.setVisible(self.model.rowCount() == 0)
        row = self.model.row_of(keep.person_id) if keep else -1
        select(self.table, max(row, 0), max(self.table.currentIndex().column(), 0))
        self._show_offers()

    def current(self):
        return self.model.item(current_row(self.table))

    def _column(self) -> int:
        index = self.table.currentIndex()
        return index.column() if index.isValid() else IntroducersModel.NAME

    def _offer_ids(self, row, column: int) -> tuple[list[int], str]:
        if column == IntroducersModel.MET or column == IntroducersModel.SHARE or column == IntroducersModel.DAYS:
            return list(row.met_ids), self.tr("{name}'s offers that became meetings ({n})")
        if column == IntroducersModel.UNTHANKED:
            return list(row.unthanked), self.tr("Met through {name} and not thanked yet ({n})")
        return list(row.offer_ids), self.tr("Offers {name} made in the period ({n})")

    def _show_offers(self) -> None:
        row = self.current()
        self.thank_button.setEnabled(bool(row and row.unthanked))
        self.open_button.setEnabled(row is not None)
        if row is None:
            self.offers_model.set_rows([])
            self.offers_title.setText("")
            return
        ids, title = self._offer_ids(row, self._column())
        self.offers_model.set_rows([self._cards[i] for i in ids if i in self._cards])
        self.offers_title.setText(title.format(name=row.name, n=len(ids)))

    def _enter(self, column: int) -> None:
        if column == IntroducersModel.NAME:
            self.open_current()
        elif self.offers_model.rowCount():
            select(self.offers, 0, 1)
            self.offers.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.open_requested.emit("person", row.person_id)

    def _open_offer(self, index: int) -> None:
        item = self.offers_model.item(index)
        if item is not None:
            self.open_requested.emit("introduction", offer_id(item))

    def draft_thanks(self):
        """The thank-you for the introducer's oldest introduction met and not thanked: the
        introduction drafts' dialog, set to "Thank for the introduction"."""
        row = self.current()
        if row is None or not row.unthanked:
            if row is not None:
                show_status(self, self.tr("{name} has no meeting left to thank them for.").format(name=row.name))
            return None
        from journal.services.pipeline import drafts
        from journal.ui.introductions.draft_dialog import DraftDialog

        card = self._cards.get(row.unthanked[0])
        if card is None or card.stage is not Stage.MET:
            return None
        self.dialog = DraftDialog(card, self.window())
        self.dialog.kind.setCurrentIndex(self.dialog.kind.findData(drafts.THANK))
        more = len(row.unthanked) - 1
        self.dialog.accepted.connect(lambda: show_status(self, (
            self.tr("Opened the thank-you to {name}; mark it thanked in Introductions.").format(name=row.name)
            + (" " + self.tr("{n} more to thank them for.").format(n=more) if more else ""))))
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            key = event.key()
            if watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._enter(self._column())
                    return True
                if key == Qt.Key.Key_T:
                    self.draft_thanks()
                    return True
            elif watched is self.offers and key == Qt.Key.Key_Escape:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)


class LosingTouchPage(QWidget):
    """Everyone with contact, ranked by the time since it against their own usual gap."""

    open_requested = Signal(str, int)

    def __init__(self, context, reads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reads = reads
        self.setObjectName("losingTouchPage")
        self.dialog = None
        self.model = LosingTouchModel(context.clock, self)
        self.table = make_table("losingTouchTable", self.model, samples={1: "30 Dec 2025", 6: "Every 2 months"})
        self.table.installEventFilter(self)
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())
        self.cadence_button = QPushButton(self.tr("Set &cadence…  (K)"), self, objectName="cadenceButton")
        self.cadence_button.setToolTip(self.tr("Set how often to keep in touch with them (K)"))
        self.cadence_button.clicked.connect(self.show_cadence_menu)
        self.log_button = QPushButton(action_icon("chat"), self.tr("L&og conversation…  (L)"), self, objectName="logButton")
        self.log_button.clicked.connect(self.log_current)
        self.open_button = QPushButton(action_icon("open"), self.tr("Open person  (Enter)"), self, objectName="openLosing")
        self.open_button.clicked.connect(self.open_current)
        buttons = QHBoxLayout()
        for button in (self.cadence_button, self.log_button, self.open_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = _hint(self, "")
        self.summary.setObjectName("losingTouchSummary")
        self.empty = EmptyHint(self.tr("No contact logged yet"),
                               self.tr("Once you log conversations (Ctrl+N), the people you are drifting away from show here."))
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def refresh(self, _period=None) -> None:
        today = self.context.clock.today()
        self.reads.ask("losing", ("losing", today), self._show, read_losing_touch, today)

    def _show(self, rows) -> None:
        keep = self.current()
        self.model.set_rows(rows)
        self.table.setVisible(self.model.rowCount() > 0)
        self.empty.setVisible(self.model.rowCount() == 0)
        overdue = sum(1 for r in self.model.rows if r.ratio is not None and r.ratio > 1)
        self.summary.setText(self.tr(
            "Everyone you were in touch with, furthest past their usual gap first (past it now: {n}). "
            "As of today, whatever the period."
        ).format(n=overdue))
        row = self.model.row_of(keep.person_id) if keep else -1
        select(self.table, max(row, 0))
        self._update_buttons()

    def current(self):
        return self.model.item(current_row(self.table))

    def _update_buttons(self) -> None:
        for button in (self.cadence_button, self.log_button, self.open_button):
            button.setEnabled(self.current() is not None)

    def open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.open_requested.emit("person", row.person_id)

    def cadence_menu(self) -> QMenu:
        """Their usual gap first (rounded to a day), then the presets and No cadence."""
        row = self.current()
        menu = QMenu(self)
        menu.setObjectName("cadenceMenu")
        if row is None:
            return menu
        if row.usual_gap_days:
            usual = max(1, round(row.usual_gap_days))
            menu.addAction(self.tr("Their usual gap: {cadence}").format(cadence=cadence_label(usual)),
                           lambda: self.set_cadence(usual))
            menu.addSeparator()
        for label, days in cadence_presets():
            action = menu.addAction(label, lambda d=days: self.set_cadence(d))
            action.setCheckable(True)
            action.setChecked(row.cadence_days == days)
        menu.addSeparator()
        menu.addAction(cadence_label(None), lambda: self.set_cadence(None))
        return menu

    def show_cadence_menu(self) -> None:
        if self.current() is None:
            return
        menu = self.cadence_menu()
        rect = self.table.visualRect(self.table.currentIndex())
        menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 1)))
        self._menu = menu

    def set_cadence(self, days: int | None) -> bool:
        row = self.current()
        if row is None:
            return False
        from journal.services.people.records import set_cadence

        label = self.tr("Keep in touch with {name}: {cadence}").format(name=row.name, cadence=cadence_label(days))
        result = self.context.operations.run(label, set_cadence, row.person_id, days, clock=self.context.clock, parent=self)
        if result is None:
            return False
        show_status(self, label + ". " + self.tr("Ctrl+Z undoes it."))
        return True

    def log_current(self):
        row = self.current()
        if row is None:
            return None
        from journal.ui.dialogs.log_action import open_log_dialog

        window = self.window()
        if hasattr(window, "statusBar") and hasattr(window, "context"):
            self.dialog = open_log_dialog(window, [(row.person_id, row.name)])
        else:  # a page shown alone: the dialog over it
            from journal.ui.dialogs.log_dialog import LogDialog

            self.dialog = LogDialog(self.context, self, people=[(row.person_id, row.name)])
            self.dialog.finished.connect(self.dialog.deleteLater)
            self.dialog.open()
        return self.dialog

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if event.key() == Qt.Key.Key_K:
                self.show_cadence_menu()
                return True
            if event.key() == Qt.Key.Key_L:
                self.log_current()
                return True
        return super().eventFilter(watched, event)
