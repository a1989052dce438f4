"""Insights: follow-through you can see. The introductions graph, the funnel, the introducers,
who is going cold and the activity by channel, each on a tab, under one period selector.

Built the first time the view is shown (never before the window's first paint), and only the
tab in front reads the journal: the others are read when they come to the front, after a period
switch or a change notice. The reads run on a worker thread with its own connection (a big
journal's losing touch takes seconds), what was read is kept until the journal changes, and the
view says "Reading the journal…" meanwhile; the graph is then laid out on a thread of its own. Keys: Alt+P the period, Ctrl+Tab / Ctrl+Shift+Tab or Alt+the
underlined letter the tabs (G, U, N, L, Y: none of the menu bar's F, E, V, T, H); each tab's
own keys are in its hint line and tooltips.
"""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from journal.ui import dates
from journal.ui.context import AppContext
from journal.ui.insights.activity_page import ActivityPage
from journal.ui.insights.funnel_page import FunnelPage
from journal.ui.insights.graph_page import GraphPage
from journal.ui.insights.people_pages import IntroducersPage, LosingTouchPage
from journal.ui.insights.reads import Reads
from journal.ui.widgets.status import show_status

# (settings value, label, days; None = all time)
PERIODS = (
    ("30", QT_TRANSLATE_NOOP("InsightsView", "Last 30 days"), 30),
    ("90", QT_TRANSLATE_NOOP("InsightsView", "Last 90 days"), 90),
    ("365", QT_TRANSLATE_NOOP("InsightsView", "Last 12 months"), 365),
    ("730", QT_TRANSLATE_NOOP("InsightsView", "Last 2 years"), 730),
    ("all", QT_TRANSLATE_NOOP("InsightsView", "All time"), None),
)
DEFAULT_PERIOD = "365"
SETTING = "insights/period"
TAB_SETTING = "insights/tab"

# The tables whose rows the insights read: a change to any of them makes the tabs stale.
READ_TABLES = ("introduction", "person", "conversation", "participant", "person_tag", "tag", "mail_contact")


class InsightsView(QWidget):
    open_requested = Signal(str, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, layout_function=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("insightsView")
        self.period_box = QComboBox(self, objectName="insightsPeriod")
        for value, label, _days in PERIODS:
            self.period_box.addItem(self.tr(label), value)
        saved = context.settings.value(SETTING, DEFAULT_PERIOD)
        self.period_box.setCurrentIndex(max(self.period_box.findData(saved), 0))
        self.period_box.setToolTip(self.tr("Every tab shows the offers and conversations of this period (Alt+P)"))
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.period_box)
        self.period_text = QLabel(self, objectName="insightsPeriodText")
        self.period_text.setStyleSheet("color: palette(placeholder-text);")

        self.reads = Reads(self)
        self.reading = QLabel(self.tr("Reading the journal…"), self, objectName="insightsReading")
        self.reading.setStyleSheet("color: palette(placeholder-text);")
        self.reading.hide()
        self.reads.busy_changed.connect(self.reading.setVisible)
        self.reads.failed.connect(lambda message: show_status(self, message))
        self.graph_page = GraphPage(context, self.reads, layout_function=layout_function)
        self.funnel_page = FunnelPage(context, self.reads)
        self.introducers_page = IntroducersPage(context, self.reads)
        self.losing_page = LosingTouchPage(context, self.reads)
        self.activity_page = ActivityPage(context, self.reads)
        self.pages = (self.graph_page, self.funnel_page, self.introducers_page, self.losing_page, self.activity_page)
        self.tabs = QTabWidget(self, objectName="insightsTabs")
        self.tabs.setDocumentMode(True)
        for page, title in zip(self.pages, (
            self.tr("&Graph"), self.tr("F&unnel"), self.tr("I&ntroducers"), self.tr("&Losing touch"), self.tr("Activit&y"),
        ), strict=True):
            self.tabs.addTab(page, title)
            page.open_requested.connect(self.open_requested)
        self.tabs.setTabToolTip(0, self.tr("Who introduced whom: arrows from the introducer to the target, coloured by stage"))
        self.tabs.setTabToolTip(1, self.tr("Offers in each stage, the conversion to the next and the days spent in each"))
        self.tabs.setTabToolTip(2, self.tr("Who offers, how many of their offers became meetings, who is not thanked yet"))
        self.tabs.setTabToolTip(3, self.tr("People ranked by the time since your last contact, against their usual gap"))
        self.tabs.setTabToolTip(4, self.tr("Conversations per week or month by channel, and the new people met"))
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        tab = context.settings.value(TAB_SETTING, 0)
        try:
            self.tabs.setCurrentIndex(min(max(int(tab), 0), len(self.pages) - 1))
        except (TypeError, ValueError):
            pass

        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.period_box)
        top.addWidget(self.period_text, 1)
        top.addWidget(self.reading)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self._stale = set(self.pages)
        self._period_key = None
        self.period_box.currentIndexChanged.connect(self._period_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        context.signals.changed.connect(self._journal_changed)
        self.setFocusProxy(self.tabs.currentWidget())
        self._show_period_text()

    # --- the period --------------------------------------------------------------------------

    def period(self):
        from journal.services.insights import Period

        today = self.context.clock.today()
        days = next(d for v, _l, d in PERIODS if v == self.period_box.currentData())
        return Period.all(today) if days is None else Period.last(days, today)

    def set_period(self, value: str) -> None:
        self.period_box.setCurrentIndex(self.period_box.findData(value))

    def _show_period_text(self) -> None:
        today = self.context.clock.today()
        days = next(d for v, _l, d in PERIODS if v == self.period_box.currentData())
        if days is None:
            self.period_text.setText(self.tr("everything in the journal, to {day}").format(day=dates.short_year(today)))
        else:
            start = today - dt.timedelta(days=days - 1)
            self.period_text.setText(self.tr("{start} to {end}").format(start=dates.short_year(start), end=dates.short_year(today)))

    def _period_changed(self, _index: int) -> None:
        self.context.settings.setValue(SETTING, self.period_box.currentData())
        self._show_period_text()
        self._stale = set(self.pages) - {self.losing_page} | (self._stale & {self.losing_page})
        self._refresh_current()

    # --- refreshing --------------------------------------------------------------------------

    def current_page(self) -> QWidget:
        return self.tabs.currentWidget()

    def _tab_changed(self, index: int) -> None:
        self.context.settings.setValue(TAB_SETTING, index)
        self.setFocusProxy(self.current_page())
        self._refresh_current()

    def _refresh_current(self) -> None:
        """Read the tab in front, if it is stale (or the day moved on since it was read)."""
        if not self.isVisible():
            return
        page = self.current_page()
        key = (self.period_box.currentData(), self.context.clock.today())
        if key != self._period_key:
            if self._period_key is None or key[1] != self._period_key[1]:
                self._stale = set(self.pages)  # another day: losing touch too
            self._period_key = key
            self._show_period_text()
        if page in self._stale:
            self._stale.discard(page)
            page.refresh(self.period())

    def settle(self, timeout_ms: int = 30_000) -> None:
        """Wait until what the tab in front asked for is read and drawn (screenshots, the
        benchmark; the window never waits)."""
        from PySide6.QtCore import QDeadlineTimer, QEventLoop
        from PySide6.QtWidgets import QApplication

        from journal.ui.insights.layout_task import wait_for_layouts

        deadline = QDeadlineTimer(timeout_ms)
        while not deadline.hasExpired():
            wait_for_layouts()
            time.sleep(0.001)  # the reader's thread has Python to itself meanwhile
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if not self.reads.busy() and not self.graph_page.runner.busy():
                QApplication.processEvents()
                if not self.reads.busy() and not self.graph_page.runner.busy():
                    return

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._refresh_current()

    def _journal_changed(self, changes) -> None:
        if changes.new_day or changes.touches(*READ_TABLES):
            if changes.everything:  # another journal, or this one reopened: a new connection too
                self.reads.reconnect()
            else:
                self.reads.forget()
            self._stale = set(self.pages)
            self._refresh_current()  # the tab in front now; the others (or all, when hidden) once shown

    # --- the window's openers ----------------------------------------------------------------

    def show_tab(self, page: QWidget, *, focus: bool = True) -> None:
        self.tabs.setCurrentWidget(page)
        if focus:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def prepare_for_screenshot(self) -> None:
        """The graph in front, read and laid out."""
        self.show_tab(self.graph_page, focus=False)
        self.settle()
