"""Insights' activity page: conversations per week or month by channel and the new people, and
beside the chart what is behind the current bar: its conversations (Enter opens one in
Conversations) and the people met for the first time then (Enter opens them in People).

W and M switch between weeks and months; Left/Right move between bars; Enter goes into the
bar's conversations, Tab on to its new people.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from journal.ui.insights.activity_chart import ActivityChart
from journal.ui.insights.models import ConversationListModel
from journal.ui.insights.reads import read_activity, read_bucket
from journal.ui.insights.tables import make_table, select
from journal.ui.labels import channel_label


def bucket_end(start: dt.date, bucket: str) -> dt.date:
    if bucket == "week":
        return start + dt.timedelta(days=6)
    following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


class ActivityPage(QWidget):
    open_requested = Signal(str, int)

    def __init__(self, context, reads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reads = reads
        self.setObjectName("activityPage")
        self.period = None
        self.activity = None
        self.chart = ActivityChart(self)
        self.chart.current_changed.connect(lambda _i: self._show_bucket())
        self.chart.activated.connect(lambda _i: self._enter_list())
        self.chart.installEventFilter(self)
        self.bucket = QComboBox(self, objectName="activityBucket")
        self.bucket.addItem(self.tr("By week"), "week")
        self.bucket.addItem(self.tr("By month"), "month")
        self.bucket.setToolTip(self.tr("W: by week, M: by month"))
        self.bucket.currentIndexChanged.connect(lambda _i: self.reload())
        self.title = QLabel(self, objectName="activityBucketTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.breakdown = QLabel(self, objectName="activityBreakdown")
        self.breakdown.setWordWrap(True)
        self.model = ConversationListModel(context.clock, self)
        self.table = make_table("activityConversations", self.model, stretch=3,
                                samples={0: "30 Dec 2025", 1: "in person", 2: "Hannah Okafor"})
        self.table.activated.connect(lambda index: self._open_conversation(index.row()))
        self.table.installEventFilter(self)
        self.new_title = QLabel(self, objectName="activityNewTitle")
        self.new_people = QListWidget(self, objectName="activityNewPeople")
        self.new_people.itemActivated.connect(lambda item: self.open_requested.emit("person", item.data(Qt.ItemDataRole.UserRole)))
        self.new_people.installEventFilter(self)
        self.new_people.setMaximumHeight(self.fontMetrics().height() * 8)
        top = QHBoxLayout()
        top.addWidget(self.bucket)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.chart, 1)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.breakdown)
        right.addWidget(self.table, 2)
        right.addWidget(self.new_title)
        right.addWidget(self.new_people, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.setFocusProxy(self.chart)
        QWidget.setTabOrder(self.chart, self.table)
        QWidget.setTabOrder(self.table, self.new_people)
        QWidget.setTabOrder(self.new_people, self.bucket)

    def refresh(self, period) -> None:
        self.period = period
        self.reload()

    def reload(self) -> None:
        if self.period is None:
            return
        bucket = self.bucket.currentData()
        self.reads.ask("activity", ("activity", self.period, bucket), self._show, read_activity, self.period, bucket)

    def _show(self, activity) -> None:
        self.activity = activity
        self.chart.set_activity(activity)

    def bucket_range(self) -> tuple[dt.date, dt.date] | None:
        start = self.chart.bucket_start()
        if start is None or self.activity is None:
            return None
        end = bucket_end(start, self.activity.bucket)
        if self.period is not None:
            start = max(start, self.period.start) if self.period.start else start
            end = min(end, self.period.end)
        return start, end

    def _show_bucket(self) -> None:
        """The current bar's conversations and new people, read when it becomes current."""
        span = self.bucket_range()
        if span is None:
            self.title.setText("")
            self.breakdown.setText("")
            self.model.set_rows([])
            self.new_people.clear()
            self.new_title.setText("")
            return
        start, end = span
        index = self.chart.current
        total = self.chart.total_at(index)
        title = self.chart._bucket_title(self.chart.bucket_start())
        self.title.setText(self.tr("{title}: {n} conversation(s)").format(title=title, n=total))
        parts = [f"{channel_label(c)} {self.activity.by_channel[c][index]}" for c in self.chart.channels()
                 if self.activity.by_channel[c][index]]
        self.breakdown.setText(" · ".join(parts))
        self.reads.ask("bucket", ("bucket", start, end), self._show_items, read_bucket, start, end)

    def _show_items(self, answer) -> None:
        rows, met = answer
        self.model.set_rows(rows)
        if self.model.rowCount():
            select(self.table, 0)
        self.new_people.clear()
        for person_id, name in met:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            self.new_people.addItem(item)
        if met:
            self.new_people.setCurrentRow(0)
        self.new_title.setText(self.tr("New people: {n}").format(n=len(met)))

    def _enter_list(self) -> None:
        target = self.table if self.model.rowCount() else self.new_people if self.new_people.count() else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_conversation(self, row: int) -> None:
        item = self.model.item(row)
        if item is not None:
            self.open_requested.emit("conversation", item.id)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            key = event.key()
            if watched is self.chart and key in (Qt.Key.Key_W, Qt.Key.Key_M):
                self.bucket.setCurrentIndex(self.bucket.findData("week" if key == Qt.Key.Key_W else "month"))
                return True
            if watched in (self.table, self.new_people) and key == Qt.Key.Key_Escape:
                self.chart.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
