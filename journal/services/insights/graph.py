"""The graph of who introduced whom: people as nodes, offered introductions as edges from the
introducer to the target; and its layout.

`layout()` is a pure function of the graph (and a seed), so the window runs it on a worker
thread and the same graph always lands the same way. It uses networkx (with numpy): each
connected group of people is laid out by networkx's spring layout (Fruchterman-Reingold), and
the groups are packed in rows, the biggest first. Groups of one or two people and stars (one
person with everyone else offered only through them) are common and have a fixed shape, so they
cost no iterations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from journal.domain.insights import Period
from journal.domain.pipeline import Stage
from journal.services.insights import _rows
from journal.store.models import DB

SEED = 1717
SHAPE_CACHE_MAX = 12  # groups up to this size reuse the layout of a group of the same shape
GAP = 1.5  # between groups, in the units of the layout (about the distance between neighbours)


@dataclass(frozen=True)
class Node:
    person_id: int
    name: str
    is_me: bool = False  # reserved: the journal keeps no row for its own user, so no node is "me" yet
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    introduction_id: int
    introducer_id: int
    target_id: int
    stage: Stage


@dataclass(frozen=True)
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def node(self, person_id: int) -> Node | None:
        for node in self.nodes:
            if node.person_id == person_id:
                return node
        return None


def graph(period: Period, *, stages: list[Stage] | None = None, tag: str | None = None) -> Graph:
    """The introductions offered in `period` (optionally only those now in `stages`, and only
    those whose introducer or target carries `tag`, any case) and the people they join. Two queries."""
    offers = _rows.offers(period, stages=stages)
    ids = {pid for facts, _a, _b in offers for pid in (facts.introducer_id, facts.target_id)}
    tags: dict[int, list[str]] = {}
    if ids:
        where, params = _rows.period_clause("offered_on", period)
        for pid, name in DB.execute_sql(
            "SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id IN "
            f"(SELECT introducer_id FROM introduction WHERE {where} UNION SELECT target_id FROM introduction WHERE {where}) "
            "ORDER BY t.name COLLATE NOCASE",
            params + params,
        ).fetchall():
            tags.setdefault(pid, []).append(name)
    wanted = tag.strip().casefold() if tag and tag.strip() else None

    def tagged(pid: int) -> bool:
        return any(name.casefold() == wanted for name in tags.get(pid, ()))

    names: dict[int, str] = {}
    edges = []
    for facts, introducer, target in offers:
        if wanted is not None and not (tagged(facts.introducer_id) or tagged(facts.target_id)):
            continue
        names[facts.introducer_id], names[facts.target_id] = introducer, target
        edges.append(Edge(facts.id, facts.introducer_id, facts.target_id, facts.stage))
    nodes = [Node(pid, names[pid], tags=tuple(tags.get(pid, ()))) for pid in sorted(names)]
    return Graph(nodes, edges)


# --- layout -------------------------------------------------------------------------------------


def _star_hub(component, nx_graph) -> int | None:
    """The centre of a star (a tree in which one person touches every other), else None."""
    size = len(component)
    if sum(nx_graph.degree(n) for n in component) != 2 * (size - 1):
        return None
    hub = max(component, key=lambda n: (nx_graph.degree(n), -n))
    return hub if nx_graph.degree(hub) == size - 1 else None


def _spring(component: list[int], nx_graph, random_state, shapes: dict) -> dict[int, tuple[float, float]]:
    """networkx's spring layout of one group. Small groups come in few shapes (there are six
    trees of six people), so each shape is laid out once and the others that match it take its
    positions through the match."""
    import networkx as nx
    from networkx.algorithms.isomorphism import GraphMatcher

    sub = nx.Graph()
    sub.add_nodes_from(component)
    sub.add_edges_from((a, b) for a in component for b in sorted(nx_graph[a]) if a < b)
    size = len(component)
    key = None
    if size <= SHAPE_CACHE_MAX:
        # Each person's degree with their neighbours' degrees: groups alike here are nearly
        # always the same shape, which the matcher then confirms (and maps person to person).
        degree = sub.degree
        key = tuple(sorted((degree(n), tuple(sorted(degree(m) for m in sub[n]))) for n in component))
        for known, positions in shapes.get(key, ()):
            matcher = GraphMatcher(known, sub)
            if matcher.is_isomorphic():
                return {matcher.mapping[node]: xy for node, xy in positions.items()}
    scale = 0.6 * math.sqrt(size)
    try:
        found = nx.spring_layout(sub, seed=random_state, scale=scale, iterations=50)
    except ImportError:  # over 500 people in one group needs scipy: a layered layout instead
        start = max(component, key=lambda n: (sub.degree(n), -n))
        found = nx.bfs_layout(sub, start, scale=scale)
    positions = {node: (float(x), float(y)) for node, (x, y) in found.items()}
    if key is not None:
        shapes.setdefault(key, []).append((sub, positions))
    return positions


def _shape(component: list[int], nx_graph, random_state, shapes: dict) -> dict[int, tuple[float, float]]:
    """Positions of one connected group, in units about a neighbour's distance apart."""
    size = len(component)
    if size == 1:
        return {component[0]: (0.0, 0.0)}
    if size == 2:
        return {component[0]: (0.0, 0.0), component[1]: (1.0, 0.0)}
    hub = _star_hub(component, nx_graph)
    if hub is not None:
        leaves = [n for n in component if n != hub]
        radius = max(1.0, len(leaves) / (2 * math.pi) * 1.1)
        out = {hub: (0.0, 0.0)}
        for i, leaf in enumerate(leaves):
            angle = 2 * math.pi * i / len(leaves)
            out[leaf] = (radius * math.cos(angle), radius * math.sin(angle))
        return out
    return _spring(component, nx_graph, random_state, shapes)


def layout(graph: Graph, *, seed: int = SEED) -> dict[int, tuple[float, float]]:
    """person id -> (x, y) for every node of `graph`; no Qt, so it runs on any thread, and the
    same graph and seed always give the same positions. x grows to the right, y downwards, the
    top-left group starting at (0, 0)."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(sorted(n.person_id for n in graph.nodes))
    g.add_edges_from(sorted((e.introducer_id, e.target_id) for e in graph.edges if e.introducer_id != e.target_id))
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    import numpy

    # One random state for the whole layout, drawn from in the groups' order: seeding one per
    # group cost more than laying most of them out.
    random_state = numpy.random.RandomState(seed)
    known: dict = {}
    shapes = []
    area = 0.0
    for component in components:
        shape = _shape(component, g, random_state, known)
        xs = [p[0] for p in shape.values()]
        ys = [p[1] for p in shape.values()]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        shapes.append((shape, min(xs), min(ys), width, height))
        area += (width + GAP) * (height + GAP)
    row_width = max([math.sqrt(area) * 1.2] + [s[3] for s in shapes]) if shapes else 0.0
    positions: dict[int, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for shape, left, top, width, height in shapes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        for node, (px, py) in shape.items():
            positions[node] = (round(x + px - left, 6), round(y + py - top, 6))
        x += width + GAP
        row_height = max(row_height, height)
    return positions
