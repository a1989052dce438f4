"""The lazy, paged, id-first table model behind People and Conversations: rows are fetched a page
(one query) at a time, only when shown, and refresh_ids refetches only the rows it is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

from journal.services.conversations import listing as conversation_list
from journal.services.people import table as people_table
from journal.store.models import DB, Conversation, Person
from journal.ui.conversations.conversations_model import ConversationsModel
from journal.ui.people.people_model import PeopleModel
from journal.ui.widgets.paged_table_model import ID_ROLE, PAGE_SIZE

ROWS = 2 * PAGE_SIZE + 20  # two whole pages and a short last one


def add_people(clock, count: int) -> None:
    now = clock.now()
    with DB.atomic():
        Person.insert_many(
            [{"name": f"Person {i:03d}", "created_at": now, "updated_at": now} for i in range(count)]
        ).execute()


def add_conversations(clock, count: int) -> None:
    with DB.atomic():
        Conversation.insert_many(
            [{"occurred_at": dt.datetime(2025, 1, 1) + dt.timedelta(hours=i), "summary": f"c{i}"} for i in range(count)]
        ).execute()


@dataclass
class Kind:
    """One of the two models, and how a test fills, edits and queries its journal."""

    model: Callable
    service: ModuleType
    ids_query: str
    add: Callable
    table: type
    # The column showing `field`, which the test edits behind the model's back.
    column: int
    field: str
    # A filter that keeps some rows, not all.
    some: str

    def edit(self, item_id: int, text: str) -> None:
        self.table.update({self.field: text}).where(self.table.id == item_id).execute()


PEOPLE = Kind(PeopleModel, people_table, "person_ids", add_people, Person, column=2, field="role", some="Person 011")
CONVERSATIONS = Kind(
    ConversationsModel, conversation_list, "conversation_ids", add_conversations, Conversation, column=3, field="summary", some="c11"
)


@dataclass
class Queries:
    ids: int = 0
    pages: list[list[int]] = field(default_factory=list)  # the ids of each row query, in order


@pytest.fixture(params=[PEOPLE, CONVERSATIONS], ids=["people", "conversations"])
def kind(request) -> Kind:
    return request.param


@pytest.fixture
def queries(kind, monkeypatch) -> Queries:
    """Counts the model's id queries and records each row query's ids."""
    seen = Queries()
    query_ids = getattr(kind.service, kind.ids_query)
    fetch_rows = kind.service.fetch_rows

    def counted_ids(*args, **kwargs):
        seen.ids += 1
        return query_ids(*args, **kwargs)

    def recorded_rows(ids):
        seen.pages.append(list(ids))
        return fetch_rows(ids)

    monkeypatch.setattr(kind.service, kind.ids_query, counted_ids)
    monkeypatch.setattr(kind.service, "fetch_rows", recorded_rows)
    return seen


@pytest.fixture
def model(kind, context, clock, queries):
    kind.add(clock, ROWS)
    return kind.model(context.clock)


def test_both_models_pass_the_model_tester_through_refresh_filter_and_reload(qtmodeltester, kind, model):
    qtmodeltester.check(model)  # the tester stays attached and checks every change below too
    ids = model.ids()
    model.index(0, 0).data()
    kind.edit(ids[1], "Edited")
    assert model.refresh_ids([ids[1], ids[2], ids[-1]]) == [ids[1], ids[2]]
    model.set_filter(kind.some)
    assert 0 < model.rowCount() < ROWS
    model.set_filter("")
    model.reload()
    assert model.rowCount() == ROWS
    qtmodeltester.check(model)


@pytest.mark.parametrize("kind", [PEOPLE], ids=["people"])  # only People sorts
def test_people_pass_the_model_tester_through_sorting_with_rows_held(qtmodeltester, model):
    qtmodeltester.check(model)
    held = QPersistentModelIndex(model.index(PAGE_SIZE + 3, 1))
    held_id = model.person_id(held.row())
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert held.isValid() and model.person_id(held.row()) == held_id and held.column() == 1
    assert held.row() == ROWS - 1 - (PAGE_SIZE + 3)
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert model.person_id(held.row()) == held_id
    qtmodeltester.check(model)


def test_no_row_is_fetched_until_a_cell_of_it_is_asked_for(model, queries):
    assert queries.ids == 1 and queries.pages == []
    ids = model.ids()
    # Ids, header and roles the model does not answer are had without fetching.
    assert [model.index(row, 0).data(ID_ROLE) for row in range(ROWS)] == ids
    assert model.headerData(0, Qt.Orientation.Horizontal)
    assert model.index(7, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(7, 0).data(Qt.ItemDataRole.SizeHintRole) is None
    assert queries.pages == [] and model.fetched_count == 0


def test_rows_are_fetched_a_page_at_a_time_one_query_each(model, queries):
    ids = model.ids()
    assert model.index(3, 0).data()
    assert queries.pages == [ids[:PAGE_SIZE]]
    for row in range(PAGE_SIZE):  # the rest of that page is already there
        model.index(row, model.columnCount() - 1).data()
        model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert len(queries.pages) == 1
    model.index(ROWS - 1, 0).data()
    assert queries.pages[1] == ids[2 * PAGE_SIZE :]
    model.index(PAGE_SIZE, 0).data()
    assert queries.pages[2] == ids[PAGE_SIZE : 2 * PAGE_SIZE]
    for row in range(ROWS):
        model.index(row, 0).data()
    assert len(queries.pages) == 3 and model.fetched_count == ROWS
    assert queries.ids == 1


def test_a_view_fetches_only_the_page_it_shows(qtbot, model, queries):
    ids = model.ids()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(500, 300)  # about ten rows
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: len(queries.pages) == 1)  # the first screenful is painted
    QApplication.processEvents()
    assert queries.pages == [ids[:PAGE_SIZE]]
    assert view.rowAt(view.viewport().height() - 1) < PAGE_SIZE
    view.scrollTo(model.index(PAGE_SIZE + 25, 0))
    qtbot.waitUntil(lambda: len(queries.pages) == 2)
    QApplication.processEvents()
    assert queries.pages == [ids[:PAGE_SIZE], ids[PAGE_SIZE : 2 * PAGE_SIZE]]
    assert model.fetched_count == 2 * PAGE_SIZE
    assert queries.ids == 1


def test_refresh_ids_refetches_only_those_rows_that_are_loaded(qtbot, kind, model, queries):
    ids = model.ids()
    model.index(0, 0).data()  # the first page is loaded; the rest is not
    kind.edit(ids[3], "Edited three")
    kind.edit(ids[4], "Edited four")
    kind.edit(ids[9], "Edited nine")
    kind.edit(ids[PAGE_SIZE + 1], "Not loaded")
    changed = []
    model.dataChanged.connect(lambda first, last, roles: changed.append((first.row(), last.row(), last.column())))
    assert model.index(3, kind.column).data() != "Edited three"  # the model still shows what it fetched
    refreshed = model.refresh_ids([ids[9], ids[3], ids[4], ids[PAGE_SIZE + 1], 999_999])
    assert refreshed == [ids[3], ids[4], ids[9]]
    assert queries.pages[1:] == [[ids[3], ids[4], ids[9]]]  # one query, of those rows only
    last_column = model.columnCount() - 1
    assert changed == [(3, 4, last_column), (9, 9, last_column)]
    assert [model.index(row, kind.column).data() for row in (3, 4, 9)] == ["Edited three", "Edited four", "Edited nine"]
    assert model.fetched_count == PAGE_SIZE and len(queries.pages) == 2
    # A row not loaded is fetched, as it is, when it is shown.
    assert model.index(PAGE_SIZE + 1, kind.column).data() == "Not loaded"
    assert queries.pages[2] == ids[PAGE_SIZE : 2 * PAGE_SIZE]
    assert model.refresh_ids([]) == [] and model.refresh_ids([999_999]) == []
    assert len(queries.pages) == 3 and queries.ids == 1


def test_a_row_deleted_behind_the_model_is_blank_and_not_queried_again(kind, model, queries):
    ids = model.ids()
    model.index(0, 0).data()
    kind.table.delete().where(kind.table.id == ids[5]).execute()
    assert model.refresh_ids([ids[5]]) == [ids[5]]
    assert model.index(5, 0).data() is None and model.index(5, 0).data(ID_ROLE) == ids[5]
    assert model.fetched_count == PAGE_SIZE - 1
    for _ in range(3):  # painting it again asks nothing
        model.index(5, kind.column).data()
    assert len(queries.pages) == 2
    model.reload()  # the next reload drops it
    assert model.row_of(ids[5]) == -1 and model.rowCount() == ROWS - 1


def test_reload_requeries_the_ids_and_forgets_the_rows(qtbot, kind, model, queries):
    ids = model.ids()
    model.index(0, 0).data()
    kind.edit(ids[0], "Changed")
    with qtbot.waitSignals([model.modelReset, model.reloaded]):
        model.reload()
    assert queries.ids == 2 and model.fetched_count == 0
    assert model.index(0, kind.column).data() == "Changed"
    assert queries.pages[1] == ids[:PAGE_SIZE]
    assert model.row_of(ids[-1]) == ROWS - 1 and model.row_of(999_999) == -1


def test_conversations_are_counted_first_and_their_ids_read_a_window_at_a_time(qtmodeltester, context, clock, monkeypatch):
    """Every conversation, as the view lists them: counted, then ids read by windows as rows are
    shown; positions, refreshes and the model tester work as with ids read at once."""
    monkeypatch.setattr(conversation_list.NewestFirst, "WINDOW", 16)
    add_conversations(clock, ROWS)
    windows = []
    packed = conversation_list.packed_ids
    monkeypatch.setattr(conversation_list, "packed_ids", lambda rows, largest: windows.append(1) or packed(rows, largest))
    model = ConversationsModel(context.clock)
    assert model.rowCount() == ROWS and windows == []
    expected = [r[0] for r in DB.execute_sql("SELECT id FROM conversation ORDER BY occurred_at DESC, id DESC").fetchall()]
    assert model.index(20, 3).data() == f"c{ROWS - 21}" and len(windows) == 4  # the windows of its page of 50
    assert model.row_of(expected[ROWS - 1]) == ROWS - 1 and model.row_of(999_999) == -1
    loaded = expected[PAGE_SIZE - 12 : PAGE_SIZE]
    Conversation.update(summary="Edited").where(Conversation.id.in_(loaded)).execute()
    assert model.refresh_ids(loaded) == loaded
    assert [model.index(row, 3).data() for row in range(PAGE_SIZE - 12, PAGE_SIZE)] == ["Edited"] * 12
    assert [model.index(row, 0).data(ID_ROLE) for row in range(ROWS)] == expected
    qtmodeltester.check(model)
