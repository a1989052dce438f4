"""Organisations: who you know at each, and when you last spoke to them."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError
from journal.services.people.organisations import (
    OrganisationMember,
    OrganisationSummary,
    list_organisations,
    matching,
    members,
    organisation_of,
)
from journal.ui import dates
from journal.ui.context import AppContext
from journal.ui.widgets.empty_hint import EmptyHint
from journal.ui.widgets.filter_field import FilterField
from journal.ui.widgets.rows_model import RowsModel
from journal.ui.widgets.when_shown import WhenShown


def _date(day: dt.date | None, today: dt.date) -> str:
    if day is None:
        return QCoreApplication.translate("OrganisationsView", "never")
    return dates.short_in(day, today)


class _DatedRowsModel(RowsModel):
    CONTEXT = "OrganisationsView"

    def __init__(self, clock, parent=None) -> None:
        super().__init__(parent)
        self._clock = clock

    def row_of(self, item_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.id == item_id), -1)


class OrganisationsModel(_DatedRowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("OrganisationsView", "Organisation"), QT_TRANSLATE_NOOP("OrganisationsView", "People"), QT_TRANSLATE_NOOP("OrganisationsView", "Latest contact"))

    def cell(self, row: OrganisationSummary, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name
            if column == 1:
                if row.former:
                    return QCoreApplication.translate("OrganisationsView", "{n} (+{former} former)").format(
                        n=row.people, former=row.former
                    )
                return str(row.people)
            when = _date(row.latest_contact, self._clock.today())
            return f"{when} ({row.latest_person})" if row.latest_person else when
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _month(day: dt.date | None) -> str:
    return dates.month(day.year, day.month) if day else "…"


def _year(day: dt.date | None) -> str:
    return str(day.year) if day else "…"


def tenure(row: OrganisationMember, *, full: bool = False) -> str:
    """"now", "since 2021", "former · 2012 – 2016" (`full`: with the months)."""
    when = _month if full else _year
    if row.current:
        return QCoreApplication.translate("OrganisationsView", "since {date}").format(date=when(row.started_on)) if row.started_on else QCoreApplication.translate("OrganisationsView", "now")
    return QCoreApplication.translate("OrganisationsView", "former · {start} – {end}").format(start=when(row.started_on), end=when(row.ended_on))


class MembersModel(_DatedRowsModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("OrganisationsView", "Name"),
        QT_TRANSLATE_NOOP("OrganisationsView", "Role"),
        QT_TRANSLATE_NOOP("OrganisationsView", "Last contact"),
        QT_TRANSLATE_NOOP("OrganisationsView", "There"),
    )

    def cell(self, row: OrganisationMember, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.role, _date(row.last_contact, self._clock.today()), tenure(row))[column]
        if role == Qt.ItemDataRole.FontRole and column == 0 and row.is_placeholder:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not row.current:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return tenure(row, full=True)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            text = QCoreApplication.translate("OrganisationsView", "Open {name} in People (Enter)").format(name=row.name)
            if not row.current:
                text = QCoreApplication.translate("OrganisationsView", "Worked here before. ") + text
            return text
        return None


def _table(name: str, model) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(200)  # sized from 200 rows, not every organisation of thousands
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
    if model.columnCount() > 3:  # the people: name, role, last contact, when they were there
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 110)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
    return table


class OrganisationsView(QWidget):
    """Pick an organisation (left), see the people there (right); Enter opens a person."""

    open_requested = Signal(str, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = OrganisationsModel(context.clock, self)
        self.members_model = MembersModel(context.clock, self)
        self.table = _table("organisationsTable", self.model)
        self.members = _table("membersTable", self.members_model)
        self.members_title = QLabel(objectName="membersTitle")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.members_title)
        right_layout.addWidget(self.members, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="organisationsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setSizes([420, 480])
        self.empty = EmptyHint(
            self.tr("No organisations yet"),
            self.tr(
                "Fill in where people work (in People, the Organisation field) and each organisation "
                "appears here with everyone you know there."
            ),
        )
        self.filter = FilterField(self, self.tr("Filter organisations by name (Ctrl+F)"), object_name="organisationFilter")
        self.count_label = QLabel(objectName="organisationCount")
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 2)
        bar.addWidget(self.count_label, 1)
        self.no_match = EmptyHint("", self.tr("Press Esc to clear the filter."))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.no_match)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack)
        self._all: list = []
        self.filter.changed.connect(lambda _text: self._apply_filter())
        self.filter.leave.connect(self._leave_filter)

        self.table.selectionModel().currentRowChanged.connect(self._organisation_changed)
        self.members.activated.connect(self._open_member)
        self.table.activated.connect(lambda _i: self.members.setFocus())
        self._when_shown = WhenShown(self, self.reload)
        context.signals.changed.connect(self._journal_changed)
        self.setFocusProxy(self.table)  # the window's Ctrl+1.. put the keyboard in the list
        self.reload()

    def reload(self) -> None:
        self._all = list_organisations()
        self._apply_filter()

    def _apply_filter(self) -> None:
        current = self.current_organisation()
        text = self.filter.text()
        rows = matching(self._all, text)
        self.model.set_rows(rows)
        if rows:
            self.stack.setCurrentWidget(self.splitter)
        elif self._all:
            self.no_match.set_message(self.tr("No organisation matches “{text}”").format(text=text.strip()), self.tr("Press Esc to clear the filter."))
            self.stack.setCurrentWidget(self.no_match)
        else:
            self.stack.setCurrentWidget(self.empty)
        shown, total = len(rows), len(self._all)
        self.count_label.setText(
            self.tr("{shown} of {total}").format(shown=shown, total=total)
            if shown != total
            else (self.tr("{n} organisation") if total == 1 else self.tr("{n} organisations")).format(n=total)
        )
        if rows:
            row = self.model.row_of(current) if current is not None else -1
            self._select_row(max(row, 0), focus=False)
        else:
            self.members_model.set_rows([])
            self.members_title.setText("")

    def _leave_filter(self) -> None:
        if self.model.rowCount():
            self._select_row(0, focus=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._when_shown.shown()  # what changed while another view was in front

    def _journal_changed(self, changes) -> None:
        if changes.touches("organisation", "person", "conversation", "participant", "job"):
            self._when_shown.request()

    def current_organisation(self) -> int | None:
        index = self.table.currentIndex()
        item = self.model.item(index.row()) if index.isValid() else None
        return item.id if item else None

    def _select_row(self, row: int, *, focus: bool = True) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        self._organisation_changed(index, QModelIndex())
        if focus:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _organisation_changed(self, current, _previous) -> None:
        item = self.model.item(current.row()) if current.isValid() else None
        if item is None:
            self.members_model.set_rows([])
            self.members_title.setText("")
            return
        try:
            rows = members(item.id)
        except JournalError:
            rows = []
        self.members_model.set_rows(rows)
        now = sum(1 for r in rows if r.current)
        count = (self.tr("{n} person") if now == 1 else self.tr("{n} people")).format(n=now)
        if len(rows) > now:
            count += self.tr(", {n} former").format(n=len(rows) - now)
        self.members_title.setText(f"<b>{escape(item.name)}</b> — {count}")

    def open_organisation(self, organisation_id: int) -> None:
        """The window's opener for "organisation"."""
        row = self.model.row_of(organisation_id)
        if row < 0:
            self.reload()
            row = self.model.row_of(organisation_id)
        if row >= 0:
            self._select_row(row)

    def show_person_organisation(self, person_id: int) -> None:
        organisation_id = organisation_of(person_id)
        if organisation_id is not None:
            self.open_organisation(organisation_id)

    def _open_member(self, index) -> None:
        member = self.members_model.item(index.row())
        if member is not None:
            self.open_requested.emit("person", member.id)
