"""A tiny change hub: services announce what changed; the window and the reminder scheduler
listen. Plain Python, so the command line pays nothing for it (the UI bridges it to a Qt signal).
"""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[str], None]
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def emit(what: str) -> None:
    """Tell listeners that `what` changed ("people", "conversations", "introductions", ...)."""
    for listener in list(_listeners):
        listener(what)
