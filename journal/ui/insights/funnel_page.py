"""Insights' funnel page: the funnel chart, and beside it the offers behind its current number.

Up/Down/Left/Right move through the numbers and the list follows; Enter (or a click) goes into
the list, where Enter opens the introduction in Introductions and Esc comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal.domain.pipeline import Stage
from journal.ui.insights.funnel_chart import NOW, REACHED, STALLED, Cell, FunnelChart
from journal.ui.insights.models import OffersModel, offer_id
from journal.ui.insights.reads import read_funnel
from journal.ui.insights.tables import current_row, make_table, select
from journal.ui.labels import stage_label


class FunnelPage(QWidget):
    open_requested = Signal(str, int)

    def __init__(self, context, reads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reads = reads
        self.setObjectName("funnelPage")
        self.funnel = None
        self._cards: dict[int, object] = {}  # every introduction's card, by id
        self.chart = FunnelChart(self)
        self.chart.current_changed.connect(self._show_cell)
        self.chart.activated.connect(self._enter_list)
        self.title = QLabel(self, objectName="funnelListTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = OffersModel(context.clock, self)
        self.table = make_table("funnelOffers", self.model, stretch=1,
                                samples={0: "Hannah Okafor", 2: "Introduced", 3: "999 d"})
        self.table.activated.connect(lambda index: self.open_offer(index.row()))
        self.table.installEventFilter(self)
        hint = QLabel(self.tr("Enter opens the introduction · Esc goes back to the funnel"), self)
        hint.setStyleSheet("color: palette(placeholder-text);")
        side = QVBoxLayout()
        side.addWidget(self.title)
        side.addWidget(self.table, 1)
        side.addWidget(hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.chart, 3)
        layout.addLayout(side, 2)
        self.setFocusProxy(self.chart)

    def refresh(self, period) -> None:
        """Ask for the funnel of `period` (read on the worker; shown when it comes)."""
        today = self.context.clock.today()
        self.reads.ask("funnel", ("funnel", period, today), self._show, read_funnel, period, today)

    def _show(self, answer) -> None:
        self.funnel, self._cards = answer
        self.chart.set_funnel(self.funnel)

    # --- the offers behind a number ------------------------------------------------------------

    def offers_for(self, cell: Cell) -> list:
        f = self.funnel
        if f is None:
            return []
        if cell.kind == STALLED:
            return list(f.stalled)
        if cell.stage is Stage.DECLINED:
            return list(f.declined)
        if cell.stage is Stage.LAPSED:
            return list(f.lapsed)
        ids = f.ids_reached(cell.stage) if cell.kind == REACHED else f.ids_for(cell.stage)
        return [self._cards[i] for i in ids if i in self._cards]

    def _show_cell(self, cell: Cell | None) -> None:
        if cell is None:
            self.model.set_rows([])
            self.title.setText("")
            return
        rows = self.offers_for(cell)
        self.model.set_rows(rows)
        if rows:
            select(self.table, 0)
        self.title.setText(self.describe(cell, len(rows)))

    def describe(self, cell: Cell, n: int) -> str:
        stage = stage_label(cell.stage) if cell.stage else ""
        if cell.kind == REACHED:
            one, many = self.tr("1 offer reached {stage} or a later stage"), self.tr("{n} offers reached {stage} or a later stage")
        elif cell.kind == NOW:
            one, many = self.tr("1 offer in {stage} now"), self.tr("{n} offers in {stage} now")
        elif cell.kind == STALLED:
            one = self.tr("1 open offer stalled now (in its stage past its next step's delay)")
            many = self.tr("{n} open offers stalled now (in their stage past the next step's delay)")
        else:
            one, many = self.tr("1 offer ended {stage}"), self.tr("{n} offers ended {stage}")
        return (one if n == 1 else many).format(n=n, stage=stage if cell.kind in (REACHED, NOW) else stage.lower())

    def _enter_list(self, _cell) -> None:
        if self.model.rowCount():
            if current_row(self.table) < 0:
                select(self.table, 0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_offer(self, row: int) -> None:
        item = self.model.item(row)
        if item is not None:
            self.open_requested.emit("introduction", offer_id(item))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.chart.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)
