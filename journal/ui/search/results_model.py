"""Search results as a flat list model: a header row per kind, then that kind's results."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from journal.services.search import KIND_LABELS, MARK_END, MARK_START, SearchResult

KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3
IsHeaderRole = Qt.ItemDataRole.UserRole + 4
MarkedTitleRole = Qt.ItemDataRole.UserRole + 5
# What the delegate paints and sizes a row by, in one call: a RowPaint.
PaintRole = Qt.ItemDataRole.UserRole + 6

# The services' KIND_LABELS, marked here for translation (services have no Qt).
_KIND_TITLES = {
    "person": QT_TRANSLATE_NOOP("SearchResultsModel", "People"),
    "conversation": QT_TRANSLATE_NOOP("SearchResultsModel", "Conversations"),
    "introduction": QT_TRANSLATE_NOOP("SearchResultsModel", "Introductions"),
    "next_step": QT_TRANSLATE_NOOP("SearchResultsModel", "Next steps"),
}


def kind_title(kind: str) -> str:
    return QCoreApplication.translate("SearchResultsModel", _KIND_TITLES.get(kind, KIND_LABELS[kind]))


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


@dataclass(frozen=True, slots=True)
class RowPaint:
    """A row as the delegate draws it: a header's text, or a result's title and snippet as runs
    (split once when the results arrive, not on every paint)."""

    header: str | None
    title: tuple[tuple[str, bool], ...] = ()
    snippet: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class _Row:
    header: str = ""
    result: SearchResult | None = None
    paint: RowPaint = field(default=RowPaint(None), compare=False)


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_results(self, grouped: dict[str, list[SearchResult]]) -> None:
        rows = []
        for kind, results in grouped.items():
            header = f"{kind_title(kind)} ({len(results)})"
            rows.append(_Row(header=header, paint=RowPaint(header)))
            rows.extend(_Row(result=r, paint=_paint_of(r)) for r in results)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def result_count(self) -> int:
        return sum(1 for row in self._rows if row.result is not None)

    def result_at(self, row: int) -> SearchResult | None:
        return self._rows[row].result if 0 <= row < len(self._rows) else None

    def first_result_row(self, start: int = 0, step: int = 1) -> int:
        """The nearest result row from `start` going by `step`, or -1."""
        row = start
        while 0 <= row < len(self._rows):
            if self._rows[row].result is not None:
                return row
            row += step
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].result is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == PaintRole:
            return row.paint
        if role == IsHeaderRole:
            return row.result is None
        if row.result is None:
            return row.header if role == Qt.ItemDataRole.DisplayRole else None
        result = row.result
        if role == Qt.ItemDataRole.DisplayRole:
            return result.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return result.to_json()["snippet"]
        if role == KindRole:
            return result.kind
        if role == IdRole:
            return result.id
        if role == SnippetRole:
            return _shown_snippet(result)
        if role == MarkedTitleRole:
            return result.marked_title or result.title
        return None


def _shown_snippet(result: SearchResult) -> str:
    """The snippet, unless it shows only what the title shows."""
    return "" if result.snippet_repeats_title else result.snippet


def _paint_of(result: SearchResult) -> RowPaint:
    """What a result row draws: its title and snippet on one line each, as runs."""
    title = result.marked_title or result.title
    return RowPaint(None, tuple(runs(" ".join(title.split()))), tuple(runs(" ".join(_shown_snippet(result).split()))))
