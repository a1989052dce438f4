"""Laying out the graph off the GUI thread.

The layout (journal.services.insights.layout) is a pure function of the graph: no journal
connection, no Qt; it runs on a QThread and its result comes back through a queued signal. A
layout asked for while another runs does not wait for it: the newer one is started at once and
the older one's result is dropped when it comes (each request has a number). A thread is kept
referenced until it has finished, so that nothing destroys it while it runs, even when the view
that asked is gone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

_RUNNING: set[QThread] = set()  # every layout thread until it finishes


class _LayoutThread(QThread):
    laid_out = Signal(int, object, object)  # request number, {person_id: (x, y)}, the scene's makings
    failed = Signal(int, str)

    def __init__(self, number: int, function: Callable, graph, positions) -> None:
        super().__init__()
        self.number = number
        self._function = function
        self._graph = graph
        self._positions = positions

    def run(self) -> None:
        from journal.ui.insights.graph_view import prepare

        try:
            positions = self._positions if self._positions is not None else self._function(self._graph)
            prepared = prepare(self._graph, positions)
        except Exception as exc:  # noqa: BLE001 - a bug must reach the view, not die in a thread
            self.failed.emit(self.number, f"{type(exc).__name__}: {exc}")
        else:
            self.laid_out.emit(self.number, positions, prepared)


class LayoutRunner(QObject):
    """`request(graph)` lays it out on a thread (or only draws it there, at `positions` known
    already); `done(graph, positions, prepared)` or `failed(message)` follow on this thread, for
    the latest request only."""

    done = Signal(object, object, object)
    failed = Signal(str)

    def __init__(self, function: Callable | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._function = function
        self._number = 0
        self._graphs: dict[int, object] = {}

    def _layout(self):
        if self._function is None:
            from journal.ui import source_scan

            source_scan.install()  # else networkx's and numpy's sources stay in memory, 14 MB
            from journal.services.insights import layout  # networkx loads on the worker, when first needed

            self._function = layout
        return self._function

    def request(self, graph, positions=None) -> int:
        self._number += 1
        number = self._number
        self._graphs = {number: graph}
        thread = _LayoutThread(number, self._layout(), graph, positions)
        thread.laid_out.connect(self._laid_out)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._reap)  # queued: on this thread, once the thread is done
        _wait_at_exit()
        _RUNNING.add(thread)
        thread.start()
        return number

    def busy(self) -> bool:
        return bool(self._graphs)

    def cancel(self) -> None:
        """Drop whatever is running (its result will be ignored)."""
        self._number += 1
        self._graphs = {}

    @Slot(int, object, object)
    def _laid_out(self, number: int, positions, prepared) -> None:
        graph = self._graphs.pop(number, None)
        if number == self._number and graph is not None:
            self.done.emit(graph, positions, prepared)

    @Slot()
    def _reap(self) -> None:
        for thread in [t for t in _RUNNING if t.isFinished()]:
            thread.wait()
            _RUNNING.discard(thread)

    @Slot(int, str)
    def _failed(self, number: int, message: str) -> None:
        if self._graphs.pop(number, None) is not None and number == self._number:
            self.failed.emit(message)


_HOOKED: list[bool] = []


def _wait_at_exit() -> None:
    """A layout still running when Python exits is waited for (a QThread destroyed while it
    runs takes the process down)."""
    if not _HOOKED:
        import atexit

        atexit.register(wait_for_layouts)
        _HOOKED.append(True)


def wait_for_layouts(timeout_ms: int = 10_000) -> bool:
    """Block until every layout thread has finished (tests; the app's exit)."""
    return all(thread.wait(timeout_ms) for thread in list(_RUNNING))
