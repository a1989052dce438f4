"""tools/screenshots.py takes one picture per view the window has, plus the Log dialog."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def load_tool():
    spec = importlib.util.spec_from_file_location("screenshots_tool", ROOT / "tools" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_view_and_the_log_dialog_are_shot(qtbot, qapp, context, clock, tmp_path):
    from journal.app import build_main_window
    from journal.services.upkeep.demo import populate

    tool = load_tool()
    populate(clock=clock)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(*tool.WINDOW_SIZE)
    window.show()
    saved = tool.shoot_views(qapp, window, tmp_path)
    saved.append(tool.shoot_log_dialog(qapp, window, tmp_path))
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert [p.name for p in saved] == [f"{tool.slug(t)}.png" for t in titles] + ["log-conversation.png"]
    for path in saved:
        image = QImage(str(path))
        assert image.width() >= 600 and image.height() >= 300, path
    assert QImage(str(tmp_path / "today.png")).size().toTuple() == tool.WINDOW_SIZE
