"""The layers, one way: ui → services → store → domain.

Every module under journal/ is parsed (never imported) and every import in it is looked at:
module level, inside functions and methods, under `if TYPE_CHECKING:`, relative ones resolved,
and `importlib.import_module("…")` / `__import__("…")` with a literal name. An import pointing
the wrong way, or any import cycle among journal modules, fails with the file, the line and
the import as written.

Where each package sits, top to bottom (nothing below the entry points imports them):

    entry points      journal.cli, journal.app, journal.__main__, journal.selftest
    journal.ui        widgets: never the store or peewee
    journal.desktop   bound to Qt and the desktop, not widgets: never the ui
    journal.services  use cases: never Qt, the desktop or the ui
    journal.interop   file formats: never Qt, peewee, the store or the services
    journal.store     peewee: never Qt, interop or the services
    journal.domain    pure rules: never Qt, peewee or any other journal package
    bottom            journal (its __init__), journal.errors, journal.clock, journal.paths:
                      importable by anyone, importing nothing of journal but each other

Cycles are counted between modules: a package's __init__ is a module of its own, `from pkg
import name` where `name` is a submodule imports that submodule, and an import of
`journal.a.b` is an edge to journal.a.b only (not to the packages Python runs on the way).

Known exceptions are listed in ALLOWED_IMPORTS and ALLOWED_CYCLES, each with why. An entry
that no longer matches anything fails too, so those lists can only shrink.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "journal"

QT = ("PySide6", "shiboken6", "PySide2", "shiboken2", "PyQt5", "PyQt6")
PEEWEE = ("peewee", "playhouse")
ENTRY_POINTS = frozenset({"journal.cli", "journal.app", "journal.__main__", "journal.selftest"})
BOTTOM = frozenset({"journal", "journal.errors", "journal.clock", "journal.paths"})
LAYERS = ("domain", "store", "interop", "services", "desktop", "ui")


def _journal(*names: str) -> tuple[str, ...]:
    return tuple(f"{PACKAGE}.{name}" for name in names)


_ENTRY = tuple(sorted(ENTRY_POINTS))

# What each layer must not import: module prefixes (a prefix matches itself and its submodules).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": QT + PEEWEE + _journal("store", "interop", "services", "desktop", "ui") + _ENTRY,
    "store": QT + _journal("interop", "services", "desktop", "ui") + _ENTRY,
    "interop": QT + PEEWEE + _journal("store", "services", "desktop", "ui") + _ENTRY,
    "services": QT + _journal("desktop", "ui") + _ENTRY,
    "desktop": _journal("ui") + _ENTRY,
    "ui": PEEWEE + _journal("store") + _ENTRY,
}

# Known exceptions, each as (importing module, imported module): why it is still here.
# Empty, and to stay so: fix an import at its cause rather than list it here.
ALLOWED_IMPORTS: dict[tuple[str, str], str] = {}

# Known cycles, each as the frozenset of its members: why it is still here. Empty too.
ALLOWED_CYCLES: dict[frozenset[str], str] = {}


@dataclass(frozen=True)
class Import:
    path: str  # file, relative to the project root
    line: int
    source: str  # the importing module
    target: str  # the imported module, absolute
    text: str  # the statement as written

    def where(self) -> str:
        return f"{self.path}:{self.line}: `{self.text}`"


@dataclass
class Scan:
    modules: dict[str, str]  # module → file
    imports: list[Import]


def module_of(path: str) -> tuple[str, bool]:
    """'journal/ui/__init__.py' → ('journal.ui', True); 'journal/ui/labels.py' → ('journal.ui.labels', False)."""
    parts = path.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _text(source: str, node: ast.AST) -> str:
    segment = ast.get_source_segment(source, node) or ast.unparse(node)
    return " ".join(segment.split()).replace("( ", "(").replace(" )", ")")


def _resolve_from(module: str, is_package: bool, node: ast.ImportFrom, path: str) -> str:
    if not node.level:
        return node.module or ""
    package = module if is_package else module.rpartition(".")[0]
    parts = package.split(".")
    if node.level - 1 >= len(parts):
        raise AssertionError(f"{path}:{node.lineno}: relative import goes above the top package")
    base = ".".join(parts[: len(parts) - (node.level - 1)])
    return f"{base}.{node.module}" if node.module else base


def _dynamic_name(node: ast.Call) -> str | None:
    """The literal module name in importlib.import_module("…") or __import__("…"), if any."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if name not in ("import_module", "__import__") or not node.args:
        return None
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str) and not first.value.startswith("."):
        return first.value
    return None


def scan(sources: dict[str, str]) -> Scan:
    """Every import in the given files ({'journal/x/y.py': source}), resolved to absolute modules."""
    modules = {module_of(path)[0]: path for path in sources}
    imports: list[Import] = []
    for path, source in sorted(sources.items()):
        module, is_package = module_of(path)
        try:
            tree = ast.parse(source, filename=path)
        except SyntaxError as exc:
            raise AssertionError(f"{path}:{exc.lineno}: cannot be parsed: {exc.msg}") from exc
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    imports.append(Import(path, node.lineno, module, alias.name, _text(source, node)))
            elif isinstance(node, ast.ImportFrom):
                base = _resolve_from(module, is_package, node, path)
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    target = submodule if submodule in modules else base
                    imports.append(Import(path, node.lineno, module, target, _text(source, node)))
            elif isinstance(node, ast.Call) and (name := _dynamic_name(node)):
                imports.append(Import(path, node.lineno, module, name, _text(source, node)))
    # One entry per (line, target): `from x import a, b` is one import of x, not two.
    unique = {(i.path, i.line, i.target): i for i in imports}
    return Scan(modules, sorted(unique.values(), key=lambda i: (i.path, i.line, i.target)))


def layer_of(module: str) -> str | None:
    if module in BOTTOM:
        return "bottom"
    if module in ENTRY_POINTS:
        return "entry"
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == PACKAGE and parts[1] in LAYERS:
        return parts[1]
    return None


def unplaced_modules(result: Scan) -> list[str]:
    return [f"{path}: {module} belongs to no layer" for module, path in sorted(result.modules.items()) if layer_of(module) is None]


def layer_violations(result: Scan) -> list[tuple[Import, str]]:
    """Each import that points the wrong way, with why."""
    found = []
    for imp in result.imports:
        layer = layer_of(imp.source)
        if layer == "bottom":
            if _within(imp.target, PACKAGE) and imp.target not in BOTTOM:
                found.append((imp, f"{imp.source} is at the bottom and must not import {imp.target}"))
            continue
        for prefix in FORBIDDEN.get(layer or "", ()):
            if _within(imp.target, prefix):
                found.append((imp, f"journal.{layer} must not import {prefix} (here {imp.target})"))
                break
    return found


def graph(result: Scan) -> dict[str, dict[str, list[Import]]]:
    """module → {imported journal module → the imports making that edge}."""
    edges: dict[str, dict[str, list[Import]]] = {module: {} for module in result.modules}
    for imp in result.imports:
        target = imp.target
        while target and target not in result.modules:  # `import journal.x.y.name`-like: the module holding it
            target = target.rpartition(".")[0]
        if target:
            edges[imp.source].setdefault(target, []).append(imp)
    return edges


def strongly_connected(edges: dict[str, dict[str, list[Import]]]) -> list[list[str]]:
    """Tarjan's algorithm, without recursion. Components in no particular order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def _one_loop(edges: dict[str, dict[str, list[Import]]], members: set[str]) -> list[str]:
    """A shortest way round from the first member back to itself, within the component."""
    start = min(members)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(edges[node]):
                if child not in members:
                    continue
                if child == start:
                    loop = [node]
                    while loop[-1] != start:
                        loop.append(came_from[loop[-1]])
                    return loop[::-1] + [start]
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"no loop through {start}")  # pragma: no cover - a component always has one


def cycles(result: Scan) -> list[tuple[frozenset[str], str]]:
    """Each import cycle: its members, and a description naming one loop through them, line by line."""
    edges = graph(result)
    found = []
    for component in strongly_connected(edges):
        members = set(component)
        if len(component) == 1 and component[0] not in edges[component[0]]:
            continue
        path = _one_loop(edges, members)
        loop = list(zip(path, path[1:], strict=False))
        others = [(a, b) for a in component for b in sorted(edges[a]) if b in members and (a, b) not in loop]
        lines = [f"cycle among {', '.join(component)}:"]
        lines += [f"    {a} → {b} at {edges[a][b][0].where()}" for a, b in loop]
        if others:
            lines.append("  and inside it too:")
            lines += [f"    {a} → {b} at {edges[a][b][0].where()}" for a, b in others]
        text = "\n".join(lines)
        found.append((frozenset(component), text))
    return sorted(found, key=lambda item: sorted(item[0]))


def _read_journal() -> dict[str, str]:
    return {
        path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / PACKAGE).rglob("*.py"))
    }


@pytest.fixture(scope="module")
def journal_scan() -> Scan:
    return scan(_read_journal())


# --- the real code ------------------------------------------------------------------------


def test_every_module_is_seen_and_placed(journal_scan):
    assert len(journal_scan.modules) > 100, f"only {len(journal_scan.modules)} modules found under journal/"
    assert len(journal_scan.imports) > 500, f"only {len(journal_scan.imports)} imports found"
    for layer in LAYERS:
        assert any(layer_of(m) == layer for m in journal_scan.modules), f"no module in journal.{layer}"
    assert not unplaced_modules(journal_scan), "\n".join(unplaced_modules(journal_scan))


def test_imports_point_down_the_layers(journal_scan):
    found = layer_violations(journal_scan)
    unexpected = [f"{imp.where()} — {why}" for imp, why in found if (imp.source, imp.target) not in ALLOWED_IMPORTS]
    assert not unexpected, "imports against the layers:\n" + "\n".join(unexpected)
    present = {(imp.source, imp.target) for imp, _ in found}
    stale = [f"{source} → {target}" for source, target in ALLOWED_IMPORTS if (source, target) not in present]
    assert not stale, "allowed in ALLOWED_IMPORTS but gone; remove them:\n" + "\n".join(stale)


def test_no_import_cycles(journal_scan):
    found = cycles(journal_scan)
    unexpected = [text for members, text in found if members not in ALLOWED_CYCLES]
    assert not unexpected, "import cycles:\n" + "\n".join(unexpected)
    present = {members for members, _ in found}
    stale = [", ".join(sorted(members)) for members in ALLOWED_CYCLES if members not in present]
    assert not stale, "allowed in ALLOWED_CYCLES but gone or changed; update them:\n" + "\n".join(stale)


# --- the checker itself -------------------------------------------------------------------

SYNTHETIC = {
    "journal/__init__.py": "",
    "journal/errors.py": "from pathlib import Path\n",
    "journal/clock.py": "import datetime\n\ndef later():\n    from journal.services import agenda\n",
    "journal/paths.py": "from journal import APP_ID\nfrom . import errors\n",
    "journal/domain/__init__.py": "",
    "journal/domain/rules.py": (
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "from journal.errors import ValidationError\n"
        "if TYPE_CHECKING:\n"
        "    from journal.store.models import Person\n"
        "\n"
        "class Rule:\n"
        "    def show(self):\n"
        "        from PySide6.QtCore import QDate\n"
        "\n"
        "def save():\n"
        "    from ..store import db\n"
    ),
    "journal/store/__init__.py": "",
    "journal/store/db.py": "import peewee\nfrom journal.domain import rules\n",
    "journal/store/models.py": "import peewee\nfrom . import db\n",
    "journal/interop/__init__.py": "",
    "journal/interop/vcard.py": "import vobject\n\ndef f():\n    import playhouse.sqlite_ext\n",
    "journal/services/__init__.py": "",
    "journal/services/agenda/__init__.py": "from . import today\n",
    "journal/services/agenda/today.py": (
        "from journal.store import models\n"
        "from journal.domain.rules import Rule\n"
        "def notify():\n"
        "    from journal.desktop.notify import send\n"
    ),
    "journal/services/agenda/stats.py": "def f():\n    from journal.services import agenda\n",
    "journal/services/people.py": "import importlib\nmod = importlib.import_module('journal.ui.labels')\n",
    "journal/desktop/__init__.py": "",
    "journal/desktop/notify.py": "from PySide6.QtCore import QObject\nfrom journal.services.agenda import today\n",
    "journal/ui/__init__.py": "",
    "journal/ui/labels.py": (
        "from PySide6.QtWidgets import QLabel\n"
        "from journal.services.agenda import today\n"
        "from journal.desktop import notify\n"
        "from journal.interop import vcard\n"
        "from journal import paths\n"
    ),
    "journal/ui/table.py": "from peewee import fn\nfrom journal.store.models import Person\n",
    "journal/ui/window.py": "def run():\n    from journal import app\n",
    "journal/app.py": "from journal.ui import labels\nfrom journal.store import db\n",
    "journal/stray.py": "",
}


def test_the_checker_resolves_imports():
    result = scan(SYNTHETIC)
    targets = {(i.source, i.target) for i in result.imports}
    assert ("journal.domain.rules", "journal.store.db") in targets  # `from ..store import db`, in a function
    assert ("journal.domain.rules", "journal.store.models") in targets  # under TYPE_CHECKING
    assert ("journal.paths", "journal.errors") in targets  # `from . import errors`: the submodule
    assert ("journal.paths", "journal") in targets  # `from journal import APP_ID`: the package
    assert ("journal.services.agenda", "journal.services.agenda.today") in targets  # relative, in an __init__
    assert ("journal.services.people", "journal.ui.labels") in targets  # import_module("…")
    assert ("journal.interop.vcard", "playhouse.sqlite_ext") in targets


def test_the_checker_catches_each_kind_of_wrong_import():
    found = {(imp.source, imp.target, imp.line) for imp, _ in layer_violations(scan(SYNTHETIC))}
    assert found == {
        ("journal.clock", "journal.services.agenda", 4),  # bottom importing above it
        ("journal.domain.rules", "journal.store.models", 5),  # TYPE_CHECKING
        ("journal.domain.rules", "PySide6.QtCore", 9),  # in a method
        ("journal.domain.rules", "journal.store.db", 12),  # relative, in a function
        ("journal.interop.vcard", "playhouse.sqlite_ext", 4),  # playhouse is peewee
        ("journal.services.agenda.today", "journal.desktop.notify", 4),
        ("journal.services.people", "journal.ui.labels", 2),
        ("journal.ui.table", "peewee", 1),
        ("journal.ui.table", "journal.store.models", 2),
        ("journal.ui.window", "journal.app", 2),
    }
    messages = [f"{imp.where()} — {why}" for imp, why in layer_violations(scan(SYNTHETIC))]
    assert "journal/domain/rules.py:12: `from ..store import db` — journal.domain must not import journal.store (here journal.store.db)" in messages


def test_the_checker_finds_cycles():
    found = dict(cycles(scan(SYNTHETIC)))
    today_notify = frozenset({"journal.services.agenda.today", "journal.desktop.notify"})
    rules_store = frozenset({"journal.domain.rules", "journal.store.db", "journal.store.models"})
    assert set(found) == {today_notify, rules_store}
    # today → notify in a function, notify → today at module level
    assert found[today_notify] == (
        "cycle among journal.desktop.notify, journal.services.agenda.today:\n"
        "    journal.desktop.notify → journal.services.agenda.today at "
        "journal/desktop/notify.py:2: `from journal.services.agenda import today`\n"
        "    journal.services.agenda.today → journal.desktop.notify at "
        "journal/services/agenda/today.py:4: `from journal.desktop.notify import send`"
    )
    # one way round, then the other imports among the members
    assert found[rules_store] == (
        "cycle among journal.domain.rules, journal.store.db, journal.store.models:\n"
        "    journal.domain.rules → journal.store.db at journal/domain/rules.py:12: `from ..store import db`\n"
        "    journal.store.db → journal.domain.rules at journal/store/db.py:2: `from journal.domain import rules`\n"
        "  and inside it too:\n"
        "    journal.domain.rules → journal.store.models at "
        "journal/domain/rules.py:5: `from journal.store.models import Person`\n"
        "    journal.store.models → journal.store.db at journal/store/models.py:2: `from . import db`"
    )


def test_the_checker_finds_a_cycle_through_a_package_init():
    sources = dict(SYNTHETIC)
    sources["journal/services/agenda/__init__.py"] = "from . import today, stats\n"
    found = {members for members, _ in cycles(scan(sources))}
    assert frozenset({"journal.services.agenda", "journal.services.agenda.stats"}) in found


def test_the_checker_finds_a_module_importing_itself():
    found = {members for members, _ in cycles(scan({"journal/__init__.py": "", "journal/x.py": "import journal.x\n"}))}
    assert found == {frozenset({"journal.x"})}


def test_the_checker_names_modules_in_no_layer():
    assert unplaced_modules(scan(SYNTHETIC)) == ["journal/stray.py: journal.stray belongs to no layer"]


def test_the_checker_passes_clean_code():
    clean = {
        "journal/__init__.py": "",
        "journal/errors.py": "",
        "journal/domain/__init__.py": "",
        "journal/domain/names.py": "from journal.errors import ValidationError\n",
        "journal/store/__init__.py": "",
        "journal/store/db.py": "import peewee\nfrom journal.domain import names\n",
        "journal/services/__init__.py": "",
        "journal/services/people.py": "from journal.store import db\nfrom journal.domain.names import x\n",
        "journal/ui/__init__.py": "",
        "journal/ui/view.py": "from PySide6.QtWidgets import QWidget\nfrom journal.services import people\n",
        "journal/cli.py": "from journal.store import db\nfrom journal.ui import view\n",
    }
    result = scan(clean)
    assert not layer_violations(result)
    assert not cycles(result)
    assert not unplaced_modules(result)
