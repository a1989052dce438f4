"""The Today list as a flat table model: each group's heading (steps, introductions, keep in
touch, dates, job changes, suggestions) followed by its items, three columns (what, details,
when)."""

from __future__ import annotations

import bisect
import datetime as dt

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from journal.domain.agenda import ItemKind
from journal.services.agenda.today import Group, Suggested, TodayItem, step_sort_key
from journal.ui import dates
from journal.ui.labels import cadence_label, channel_label, group_title, item_title, stage_label
from journal.ui.today import words
from journal.ui.today.marks import (
    DATE_COLOUR,
    RECONNECT_COLOUR,
    SUGGESTION_COLOUR,
    date_icon,
    meeting_icon,
    message_icon,
    reconnect_icon,
)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = (QT_TRANSLATE_NOOP("TodayModel", "What"), QT_TRANSLATE_NOOP("TodayModel", "Details"), QT_TRANSLATE_NOOP("TodayModel", "Due"))
OVERDUE_COLOUR = QColor("#b3261e")
# Combined once: the view asks for every row's flags, and each | on Qt's enums costs.
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
NO_FLAGS = Qt.ItemFlag.NoItemFlags


def _tr(text: str) -> str:
    return QCoreApplication.translate("TodayModel", text)


def title_of(item: TodayItem) -> str:
    """An item's title as the list shows it (a suggestion worded here, not by the service)."""
    return words.suggestion_title(item) or item_title(item)


def is_suggestion(item: TodayItem | None) -> bool:
    return item is not None and item.suggestion is not None


def _all_day(s) -> bool:
    return s.start is not None and s.start.time() == dt.time() and (s.end is None or s.end.time() == dt.time())


def describe_due(due: dt.date, today: dt.date) -> str:
    days = (today - due).days
    if days <= 0:
        return QCoreApplication.translate("TodayModel", "today")
    if days == 1:
        return QCoreApplication.translate("TodayModel", "yesterday")
    return QCoreApplication.translate("TodayModel", "{n} days overdue").format(n=days)


def describe_details(item: TodayItem) -> str:
    if item.kind is ItemKind.INTRODUCTION:
        days = item.days_waiting or 0
        waiting = QCoreApplication.translate("TodayModel", "since today") if days == 0 else (QCoreApplication.translate("TodayModel", "1 day") if days == 1 else QCoreApplication.translate("TodayModel", "{n} days").format(n=days))
        return QCoreApplication.translate("TodayModel", "{stage} · waiting {waiting}").format(stage=stage_label(item.stage) if item.stage else "", waiting=waiting)
    if item.kind is ItemKind.KEEP_IN_TOUCH:
        return cadence_label(item.cadence_days)
    if item.kind is ItemKind.DATE:
        return QCoreApplication.translate("TodayModel", "{kind} · {day}").format(
            kind=words.date_kind_label(item.date_kind), day=dates.weekday(item.due)
        )
    if item.kind is Suggested.MEETING:
        s = item.suggestion
        channel = channel_label(s.channel) if s.channel not in ("", "other") else ""  # "other" says nothing
        if s.start is None or _all_day(s):
            return channel or QCoreApplication.translate("TodayModel", "All day")
        time = s.start.strftime("%H:%M")
        return QCoreApplication.translate("TodayModel", "{time} · {channel}").format(time=time, channel=channel) if channel else time
    if item.kind is Suggested.STAGE:
        s = item.suggestion
        return QCoreApplication.translate("TodayModel", "{introducer} → {target}").format(introducer=s.introducer, target=s.target)
    if item.kind is ItemKind.RECONNECT:
        if item.previous:
            return QCoreApplication.translate("TodayModel", "Previously at {organisation}").format(organisation=item.previous)
        if item.same_organisation:
            return QCoreApplication.translate("TodayModel", "New role")
        return QCoreApplication.translate("TodayModel", "New job")
    return ", ".join(item.people)


def describe_when(item: TodayItem, today: dt.date) -> str:
    """The Due column: how overdue a task is, when a date falls, when a job change was noticed."""
    if item.kind is ItemKind.DATE:
        return words.when_date(item.due, today)
    if item.kind is ItemKind.RECONNECT:
        return words.when_noticed(item.due, today)
    if is_suggestion(item):
        return words.when_past(item.due, today)
    return describe_due(item.due, today)


def describe_keys(item: TodayItem) -> str:
    """The keys a row answers to beyond the usual ones, for its tooltip."""
    if item.kind is ItemKind.RECONNECT:
        return QCoreApplication.translate("TodayModel", "C: draft a congratulation · D: dismiss · Enter: open {name}").format(name=item.person)
    if item.kind is ItemKind.DATE:
        return QCoreApplication.translate("TodayModel", "C: write to {name} · D: done for this year · Enter: open").format(name=item.person)
    if item.kind is Suggested.MEETING:
        return QCoreApplication.translate("TodayModel", "Enter or L: log it · D or Delete: dismiss for good")
    if item.kind is Suggested.STAGE:
        return QCoreApplication.translate("TodayModel", "Enter or L: {action} · D or Delete: dismiss for good").format(
            action=words.stage_action(item, in_sentence=True)
        )
    return ""


class TodayModel(QAbstractTableModel):
    """One flat list: each group's heading row, then its items. A flat table lays out a big
    journal's thousands of rows without visiting each one (a tree's expand walks them all)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Group | TodayItem] = []
        self._counts: dict[Group, int] = {}
        self._today = dt.date.min

    # --- contents ------------------------------------------------------------------------------

    def set_items(self, groups: dict[Group, list[TodayItem]], today: dt.date) -> None:
        self.beginResetModel()
        self._rows = []
        self._counts = {}
        for group, items in groups.items():
            if items:
                self._rows.append(group)
                self._rows.extend(items)
                self._counts[group] = len(items)
        self._today = today
        self.endResetModel()

    def replace_group(self, group: Group, items: list[TodayItem]) -> None:
        """Put `items` in place of the group's rows (its heading goes with the last of them, and
        comes in its place among the others with the first): the rest of the list untouched, so
        a suggestion dismissed or logged does not lay out a big journal's thousands of rows."""
        start = next((r for r, e in enumerate(self._rows) if e is group), None)
        if start is not None:
            self.beginRemoveRows(QModelIndex(), start, start + self._counts[group])
            del self._rows[start : start + self._counts[group] + 1]
            self.endRemoveRows()
        if items:
            order = list(Group)
            row = next(
                (r for r, e in enumerate(self._rows) if isinstance(e, Group) and order.index(e) > order.index(group)),
                len(self._rows),
            )
            self.beginInsertRows(QModelIndex(), row, row + len(items))
            self._rows[row:row] = [group, *items]
            self.endInsertRows()
        counts = {e: self._counts.get(e, 0) for e in self._rows if isinstance(e, Group)}
        counts[group] = len(items)
        self._counts = {g: n for g, n in counts.items() if n}

    def patch_steps(self, changed: set[int], fresh: list[TodayItem]) -> bool:
        """Put the steps `changed` as they are now (`fresh`: those of them that belong in Today)
        in place: rows removed and inserted one by one, the rest untouched, so a Done or its undo
        repaints one row, not thousands. False (and nothing done) when the steps' heading would
        have to appear or go: then the caller sets the whole list again."""
        start = next((r for r, e in enumerate(self._rows) if e is Group.STEPS), None)
        kept = self._counts.get(Group.STEPS, 0) - sum(
            1 for e in self._rows[start + 1 : start + 1 + self._counts.get(Group.STEPS, 0)] if e.id in changed
        ) if start is not None else 0
        if start is None or kept + len(fresh) == 0:
            return False
        for row in range(start + self._counts[Group.STEPS], start, -1):
            if self._rows[row].id in changed:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._counts[Group.STEPS] -= 1
                self.endRemoveRows()
        for item in fresh:
            key = step_sort_key(item)
            row = start + 1
            end = start + 1 + self._counts[Group.STEPS]
            while row < end and step_sort_key(self._rows[row]) <= key:
                row += 1
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, item)
            self._counts[Group.STEPS] += 1
            self.endInsertRows()
        heading = self.index(start, 0)
        self.dataChanged.emit(heading, heading, [Qt.ItemDataRole.DisplayRole])
        return True

    def is_empty(self) -> bool:
        return not self._rows

    def counts(self) -> dict[Group, int]:
        return dict(self._counts)

    def heading_rows(self) -> list[int]:
        """Each group's heading row, worked out from the groups' counts (the rows are each group's
        heading and then its items, in the counts' order): no walk over a big journal's rows."""
        rows, row = [], 0
        for n in self._counts.values():
            rows.append(row)
            row += n + 1
        return rows

    def item(self, index: QModelIndex | QPersistentModelIndex) -> TodayItem | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        return entry if isinstance(entry, TodayItem) else None

    def items_of(self, group: Group) -> list[TodayItem]:
        return [e for e in self._rows if isinstance(e, TodayItem) and e.group is group]

    def group_of_row(self, row: int) -> Group | None:
        for r in range(min(row, len(self._rows) - 1), -1, -1):
            if isinstance(self._rows[r], Group):
                return self._rows[r]
        return None

    def index_of(self, key: tuple[str, int | str]) -> QModelIndex:
        for row, entry in enumerate(self._rows):
            if isinstance(entry, TodayItem) and (entry.kind.value, entry.ident) == key:
                return self.index(row, 0)
        return QModelIndex()

    def group_index(self, group: Group) -> QModelIndex:
        for row, entry in enumerate(self._rows):
            if entry is group:
                return self.index(row, 0)
        return QModelIndex()

    def position_of(self, row: int) -> tuple[int, int] | None:
        """(group number, row within the group) of an item row: where the selection was."""
        headings = self.heading_rows()
        group_number = bisect.bisect_right(headings, min(row, len(self._rows) - 1)) - 1
        heading = headings[group_number] if group_number >= 0 else -1
        return (group_number, row - heading - 1) if heading >= 0 and row > heading else None

    def row_at(self, group_number: int, offset: int) -> int | None:
        """The item row nearest to `offset` in the group numbered `group_number` (clamped)."""
        headings = self.heading_rows()
        if not headings:
            return None
        g = max(0, min(group_number, len(headings) - 1))
        first = headings[g] + 1
        last = (headings[g + 1] if g + 1 < len(headings) else len(self._rows)) - 1
        return max(first, min(first + max(offset, 0), last))

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or isinstance(self._rows[index.row()], Group):
            # Headings are not enabled, so the arrow keys step over them; painted in the normal colour.
            return NO_FLAGS
        return ITEM_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if isinstance(entry, Group):
            return self._group_data(entry, index.column(), role)
        item = entry
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return title_of(item)
            if column == 1:
                return describe_details(item)
            return describe_when(item, self._today)
        if role == Qt.ItemDataRole.ToolTipRole:
            if is_suggestion(item):
                return self._suggestion_tip(item)
            if item.kind in (ItemKind.DATE, ItemKind.RECONNECT):
                return self._yearly_tip(item)
            tip = item_title(item) + ("\n" + QCoreApplication.translate("TodayModel", "Next: {detail}").format(detail=item.detail) if item.detail else "")
            return tip + "\n" + QCoreApplication.translate("TodayModel", "Due {date}").format(date=dates.weekday_year(item.due))
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            if item.kind is ItemKind.DATE:
                return date_icon()
            if item.kind is ItemKind.RECONNECT:
                return reconnect_icon()
            if item.kind is Suggested.MEETING:
                return meeting_icon()
            if item.kind is Suggested.STAGE:
                return message_icon()
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and item.kind is ItemKind.DATE:
            return QBrush(DATE_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and item.kind is ItemKind.RECONNECT:
            return QBrush(RECONNECT_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and is_suggestion(item):
            return QBrush(SUGGESTION_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and item.overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == ITEM_ROLE:
            return item
        if role == KEY_ROLE:
            return f"{item.kind.value}:{item.ident}"
        return None

    def _yearly_tip(self, item: TodayItem) -> str:
        lines = [item_title(item), describe_details(item)]
        if item.kind is ItemKind.DATE:
            lines.append(QCoreApplication.translate("TodayModel", "On {date}").format(date=dates.weekday_year(item.due)))
        else:
            lines.append(QCoreApplication.translate("TodayModel", "Noticed {date}").format(date=dates.weekday_year(item.due)))
        lines.append(describe_keys(item))
        return "\n".join(lines)

    def _suggestion_tip(self, item: TodayItem) -> str:
        s = item.suggestion
        lines = [title_of(item)]
        if item.kind is Suggested.MEETING:
            lines.append(describe_details(item) + (f" · {s.location}" if s.location else ""))
            lines.append(QCoreApplication.translate("TodayModel", "Seen in your calendar, {date}").format(date=dates.weekday_year(item.due)))
        else:
            lines.append(describe_details(item))
            lines.append(QCoreApplication.translate("TodayModel", "Seen in your mail, {date}").format(date=dates.weekday_year(item.due)))
        lines.append(describe_keys(item))
        return "\n".join(lines)

    def _group_data(self, group: Group, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{group_title(group)} ({self._counts.get(group, 0)})" if column == 0 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QGuiApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText))
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == KEY_ROLE:
            return f"group:{group.value}"
        return None
