"""Insights as a user meets it: Ctrl+7 builds it, and the graph is driven by keys and clicks."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from journal.domain.pipeline import Stage
from journal.ui.insights import colours
from tests.ui.insights.conftest import laid_out


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def open_insights(qtbot, window):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    view = window.view("insights")
    assert window.current_key() == "insights"
    return view


def test_ctrl_7_builds_insights_on_first_use_and_the_graph_takes_the_keyboard(qtbot, window, journal):
    assert "insights" in window._factories  # not built with the window
    assert window.sidebar.item(6).text() == "Insights" and not window.sidebar.item(6).icon().isNull()
    view = open_insights(qtbot, window)
    assert "insights" not in window._factories
    page = view.graph_page
    laid_out(qtbot, page)
    assert view.tabs.currentWidget() is page
    assert focused() == "insightsGraph"
    # The period is the last 12 months: Fay's offer of 2025-01-10 is out of it.
    assert page.view.node_count() == 6
    assert {e.introduction_id for e in page.graph.edges} == {journal[k] for k in ("dana_ali", "dana_erin", "bob_carl", "carl_dee")}
    assert page.status.text().startswith("6 people, 4 introductions")


START_PROBE = r"""
import os, sys
from pathlib import Path
from PySide6.QtCore import QSettings
import journal.app
from journal.ui.context import AppContext
from journal.ui.first_paint import after_first_paint
app = journal.app.create_application()
window = journal.app.build_main_window(AppContext(journal_path=Path(sys.argv[1]), settings=QSettings()), first_view=False)
window.show()
def painted():
    loaded = [m for m in ("journal.ui.insights", "journal.services.insights", "networkx", "numpy", "PySide6.QtSvg") if m in sys.modules]
    print(" ".join(loaded) or "none", flush=True)
    os._exit(0)
after_first_paint(window, painted)
app.exec()
"""


def test_nothing_of_insights_loads_before_the_first_paint(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", START_PROBE, str(tmp_path / "journal.sqlite3")],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    ).stdout.split()
    assert out == ["none"]


def test_the_page_is_busy_while_the_layout_runs_off_the_gui_thread(qtbot, host, context, journal):
    from journal.services.insights import layout
    from journal.ui.insights.insights_view import InsightsView

    release = threading.Event()
    threads = []

    def slow_layout(graph):
        threads.append(threading.current_thread())
        assert release.wait(10)
        return layout(graph)

    view = InsightsView(context, layout_function=slow_layout)
    host(view)
    page = view.graph_page
    qtbot.waitUntil(lambda: bool(threads))
    assert page.busy_now() and page.busy_label.text() == "Laying out 6 people…"
    assert threads[0] is not threading.main_thread()
    release.set()
    laid_out(qtbot, page)
    assert page.pages.currentWidget() is page.view


def test_edges_are_coloured_by_stage_and_follow_a_dark_palette(qtbot, window, journal):
    page = open_insights(qtbot, window).graph_page
    laid_out(qtbot, page)
    view = page.view
    assert set(view.edge_items) == {Stage.MET, Stage.DECLINED, Stage.INTRODUCED, Stage.OFFERED}
    light = view.palette()
    assert view.edge_items[Stage.MET].pen().color() == QColor(colours.STAGE_COLOURS[Stage.MET][0])
    assert view.edge_items[Stage.DECLINED].pen().style() == Qt.PenStyle.DashLine  # not by colour alone
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#181818"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    view.setPalette(dark)
    assert view.edge_items[Stage.MET].pen().color() == QColor(colours.STAGE_COLOURS[Stage.MET][1])
    assert view.backgroundBrush().color() == QColor("#181818")


def test_zoom_fit_and_pan_by_keys_and_the_wheel(qtbot, window, journal):
    page = open_insights(qtbot, window).graph_page
    laid_out(qtbot, page)
    view = page.view
    fitted = view.scale_factor()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.scale_factor() > fitted * 1.2
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.scale_factor() < fitted
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert abs(view.scale_factor() - fitted) < 1e-6
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert abs(view.scale_factor() - fitted) < 1e-6
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert abs(view.scale_factor() - fitted * 1.25 ** 2) < 1e-6
    before = view.mapToScene(view.viewport().rect().center())
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert view.mapToScene(view.viewport().rect().center()).x() > before.x()


def test_find_goes_to_a_person_and_enter_opens_them_in_people(qtbot, window, journal):
    page = open_insights(qtbot, window).graph_page
    laid_out(qtbot, page)
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() == "graphSearch"
    qtbot.keyClicks(page.search, "carl")
    assert page.view.current_person() == journal["carl"]
    assert "1 found" in page.status.text() and page.status.text().endswith("Carl Berg")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert focused() == "insightsGraph"
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert window.current_key() == "people"
    assert window.view("people").editor.name.text() == "Carl Berg"


def test_arrows_walk_from_person_to_person(qtbot, window, journal):
    page = open_insights(qtbot, window).graph_page
    laid_out(qtbot, page)
    view = page.view
    qtbot.keyClick(view, Qt.Key.Key_Right)  # nobody current: the one nearest the middle
    first = view.current_person()
    assert first is not None
    seen = {first}
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up) * 3:
        qtbot.keyClick(view, key)
        seen.add(view.current_person())
    assert len(seen) > 2
    x0 = view.position_of(first).x()
    view.set_current(first)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    moved = view.current_person()
    assert moved == first or view.position_of(moved).x() > x0  # only ever to the right


def test_a_click_on_a_person_opens_them(qtbot, window, journal):
    page = open_insights(qtbot, window).graph_page
    laid_out(qtbot, page)
    view = page.view
    where = view.mapFromScene(view.position_of(journal["dee"]))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.current_key() == "people"
    assert window.view("people").editor.name.text() == "Dee Lowe"


def test_stage_and_tag_filters(qtbot, window, journal):
    page = open_insights(qtbot, window).graph_page
    laid_out(qtbot, page)
    declined = page.stage_buttons[Stage.DECLINED]
    declined.setFocus()
    qtbot.keyClick(declined, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: journal["dana_erin"] not in {e.introduction_id for e in page.graph.edges})
    laid_out(qtbot, page)
    assert journal["dana_erin"] not in {e.introduction_id for e in page.graph.edges}
    assert page.view.position_of(journal["erin"]) is None
    assert [page.tag.itemText(i) for i in range(page.tag.count())] == ["All tags", "climate", "design"]
    page.tag.setCurrentIndex(page.tag.findData("design"))  # Carl: his own offer and the one to him
    qtbot.waitUntil(lambda: len(page.graph.edges) == 2)
    laid_out(qtbot, page)
    assert {e.introduction_id for e in page.graph.edges} == {journal["bob_carl"], journal["carl_dee"]}
    for button in page.stage_buttons.values():
        button.setChecked(False)
    assert page.pages.currentWidget() is page.empty


def test_export_as_png_and_svg_through_the_save_dialog(qtbot, window, journal, tmp_path, monkeypatch):
    page = open_insights(qtbot, window).graph_page
    laid_out(qtbot, page)
    answers = iter([(str(tmp_path / "graph"), "PNG image (*.png)"), (str(tmp_path / "graph.svg"), "SVG drawing (*.svg)")])
    asked = []

    def save_dialog(parent, title, default, filters):
        asked.append((title, filters))
        return next(answers)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.keyClick(page.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    image = QImage(str(tmp_path / "graph.png"))  # the suffix the chosen filter names
    assert image.width() > 200 and image.height() > 100
    assert image.pixelColor(2, 2) == page.view.palette().color(QPalette.ColorRole.Base)
    page.export_dialog("svg")
    svg = (tmp_path / "graph.svg").read_text("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "Carl Berg" in svg and "Declined" in svg  # every name, and the legend
    assert asked[0] == ("Export the introductions graph", "PNG image (*.png);;SVG drawing (*.svg)")
    assert window.statusBar().currentMessage().startswith("Saved the graph to ")


def test_an_offer_moving_on_recolours_its_arrow_without_a_new_layout(qtbot, window, journal, clock):
    from journal.services import operations
    from journal.services.pipeline.introductions import advance

    page = open_insights(qtbot, window).graph_page
    laid_out(qtbot, page)
    view = page.view
    qtbot.keyClick(view, Qt.Key.Key_Plus)  # the user's zoom, kept through the recolouring
    scale = view.scale_factor()
    before = view.position_of(journal["dee"])
    requests = []
    real = page.runner.request
    page.runner.request = lambda graph, positions=None: requests.append(positions) or real(graph, positions)
    operations.run(advance, journal["carl_dee"], Stage.ASKED, clock=clock, label="Carl → Dee: asked")
    qtbot.waitUntil(lambda: Stage.ASKED in view.edge_items and not page.runner.busy())
    assert Stage.OFFERED not in view.edge_items
    assert len(requests) == 1 and requests[0] is not None  # drawn at the positions it had: not laid out again
    assert page.pages.currentWidget() is view  # never the busy note for that
    assert view.position_of(journal["dee"]) == before and view.scale_factor() == scale


def test_a_layout_that_fails_says_why_on_the_page(qtbot, host, context, journal):
    from journal.ui.insights.insights_view import InsightsView

    def broken(graph):
        raise ValueError("no room")

    view = InsightsView(context, layout_function=broken)
    host(view)
    page = view.graph_page
    qtbot.waitUntil(lambda: page.pages.currentWidget() is page.empty)
    assert page.empty.title.text() == "The graph could not be laid out"
    assert page.empty.text.text() == "ValueError: no room"
