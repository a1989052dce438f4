"""PySide reads the whole source of every module imported after it, to see whether it names
PySide6 (its `__feature__` switches apply only to such modules), and it reads it through
`inspect.getsource`, which keeps every line of every module in `linecache` for good: 4 to 6 MB
for the app's own imports, and about 14 MB more once networkx and numpy load for the Insights
graph. `install()` asks the same question of the file's bytes, so nothing is kept."""

from __future__ import annotations

import linecache
import sys

_INSTALLED = False


def install() -> None:
    """Idempotent; what was kept so far is dropped (a traceback reads lines afresh)."""
    global _INSTALLED
    if _INSTALLED:
        return
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:  # another PySide: leave it as it is
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as handle:
                    return b"PySide6" in handle.read()
            except OSError:
                pass
        return original(module)

    feature._mod_uses_pyside = uses_pyside
    _INSTALLED = True
    linecache.clearcache()
