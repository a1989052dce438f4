"""A small journal with a story for Insights, and the view shown as the app has it.

Today is Wed 11 Mar 2026 (the `clock` fixture). Dana offered two introductions on 2 Feb: Ali
(asked, introduced, met: not thanked yet) and Erin (declined). Bob offered Carl on 20 Feb, who
was introduced; Carl then offered Dee on 5 Mar (a chain: Bob → Carl → Dee). Long ago (2025)
Fay offered Gil, thanked since. Dana is tagged "climate", Carl "design".
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from journal.domain.pipeline import Stage
from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
from journal.services.people import records as people
from journal.services.pipeline import introductions


def _at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour)


@pytest.fixture
def journal(context, clock):
    ids: dict[str, int] = {}
    first = log_conversation(
        [PersonRef.named("Dana Smith")], when=_at("2026-02-02"), channel="call", summary="Catch-up",
        offers=[OfferDraft(target=PersonRef.named("Ali Khan")), OfferDraft(target=PersonRef.named("Erin Park"))],
        clock=clock,
    )
    ids["dana_ali"], ids["dana_erin"] = first.introduction_ids
    introductions.advance(ids["dana_ali"], Stage.ASKED, clock=clock, on=dt.date(2026, 2, 4))
    introductions.advance(ids["dana_ali"], Stage.INTRODUCED, clock=clock, on=dt.date(2026, 2, 10))
    introductions.advance(ids["dana_ali"], Stage.MET, clock=clock, on=dt.date(2026, 2, 20))
    introductions.advance(ids["dana_erin"], Stage.ASKED, clock=clock, on=dt.date(2026, 2, 5))
    introductions.advance(ids["dana_erin"], Stage.DECLINED, clock=clock, on=dt.date(2026, 2, 12))
    second = log_conversation(
        [PersonRef.named("Bob Stone")], when=_at("2026-02-20"), channel="in person",
        offers=[OfferDraft(target=PersonRef.named("Carl Berg"))], clock=clock,
    )
    (ids["bob_carl"],) = second.introduction_ids
    introductions.advance(ids["bob_carl"], Stage.INTRODUCED, clock=clock, on=dt.date(2026, 2, 25))
    third = log_conversation(
        [PersonRef.named("Carl Berg")], when=_at("2026-03-05"), channel="video", summary="Met Carl",
        offers=[OfferDraft(target=PersonRef.named("Dee Lowe"))], clock=clock,
    )
    (ids["carl_dee"],) = third.introduction_ids
    old = log_conversation(
        [PersonRef.named("Fay Hill")], when=_at("2025-01-10"), channel="e-mail",
        offers=[OfferDraft(target=PersonRef.named("Gil Moss"))], clock=clock,
    )
    (ids["fay_gil"],) = old.introduction_ids
    introductions.advance(ids["fay_gil"], Stage.THANKED, clock=clock, on=dt.date(2025, 2, 1))
    # Dana's rhythm: every 10 days until 20 Jan, nothing since 2 Feb (37 days: 3.7 times her gap).
    for day in ("2025-12-22", "2026-01-01", "2026-01-11", "2026-01-21"):
        log_conversation([PersonRef.named("Dana Smith")], when=_at(day), channel="video", clock=clock)
    log_conversation([PersonRef.named("Bob Stone")], when=_at("2026-02-27"), channel="message", clock=clock)
    for name in ("Dana Smith", "Ali Khan", "Erin Park", "Bob Stone", "Carl Berg", "Dee Lowe", "Fay Hill", "Gil Moss"):
        ids[name.split()[0].lower()] = people.find_by_name(name).id
    people.set_tags(ids["dana"], ["climate"])
    people.set_tags(ids["carl"], ["design"])
    people.add_detail(ids["dana"], "email", "dana@acme.test")
    return ids


@pytest.fixture
def window(qtbot, context, journal):
    """The composed window over that journal, shown and active, on Today."""
    from journal.app import build_main_window

    win = build_main_window(context)
    qtbot.addWidget(win)
    win.resize(1180, 740)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture(autouse=True)
def _threads_end():
    """Every Insights view's reader and layout threads have ended when a test does (they hold a
    connection to its journal)."""
    yield
    from journal.desktop.reader import wait_for_readers
    from journal.ui.insights.insights_view import InsightsView
    from journal.ui.insights.layout_task import wait_for_layouts

    for widget in QApplication.allWidgets():
        if isinstance(widget, InsightsView):
            widget.reads.stop()
    assert wait_for_layouts() and wait_for_readers()


def settled(qtbot, view) -> None:
    """Wait until what the tab in front asked for is read (on the reader's thread) and drawn."""
    qtbot.waitUntil(lambda: not view.reads.busy() and not view.graph_page.runner.busy(), timeout=20_000)


def laid_out(qtbot, page) -> None:
    """Wait for the graph page's read and layout to be on screen."""
    qtbot.waitUntil(lambda: not page.reads.busy() and not page.busy_now() and page.view.node_count() > 0, timeout=20_000)
