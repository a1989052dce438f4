"""The introductions graph: people as nodes, offered introductions as arrows from the introducer
to the target, coloured by stage, in a QGraphicsView.

Built for a big journal: the arrows of one stage are one path item and all the nodes are one
item that paints them together (thousands of items, one per person, would cost more to make
than the layout does), with the names drawn only once they are readable (zoomed in, or the
node is the current one or a search match).

Keys: the arrows move to the nearest person that way, Enter opens the current person, + and -
(or Ctrl+= and Ctrl+-, or the wheel) zoom, F or Ctrl+0 fits the whole graph, Ctrl+arrows pan
(so does dragging). A click on a person opens them.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPaintEngine,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journal.domain.pipeline import ALL_STAGES, Stage
from journal.ui.insights import colours

RADIUS = 6.0  # a person's node, in scene units
ME_RADIUS = 9.0
SPACING = 150.0  # the median arrow's length the layout is scaled to, in scene units
LABEL_WIDTH = 120.0  # a name under its node is cut to this width (scene units at 100 %)
LABEL_LOD = 0.45  # names show from this zoom on (always for the current node and matches)
MIN_SCALE, MAX_SCALE = 0.02, 8.0
ZOOM_STEP = 1.25
CLOSED = (Stage.DECLINED, Stage.LAPSED)  # dashed, so a closed offer does not rely on colour


def fold(text: str) -> str:
    """Case and accents folded, for search: "José" is found by "jose"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class _Node:
    person_id: int
    name: str
    is_me: bool
    x: float
    y: float
    degree: int
    folded: str


class NodesItem(QGraphicsItem):
    """Every node, painted in one go; `current` gets a ring, `matches` a halo."""

    def __init__(self, nodes: list[_Node], view: GraphView, prepared: Prepared | None = None) -> None:
        super().__init__()
        self.nodes = nodes
        self.by_id = {n.person_id: n for n in nodes}
        self._view = view
        self.current: int | None = None
        self.matches: set[int] = set()
        self.exporting = False  # every name, and true circles (an SVG reader may drop round points)
        self._points = prepared.points if prepared else None
        self._me_points = prepared.me_points if prepared else None
        self._rect = prepared.rect if prepared else _bounds(nodes)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def node_rect(self) -> QRectF:
        """The nodes and their names (what fitting shows)."""
        return QRectF(self._rect)

    def _polygons(self) -> tuple[QPolygonF, QPolygonF]:
        if self._points is None:
            self._points = QPolygonF([QPointF(n.x, n.y) for n in self.nodes if not n.is_me])
            self._me_points = QPolygonF([QPointF(n.x, n.y) for n in self.nodes if n.is_me])
        return self._points, self._me_points

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        palette = self._view.palette()
        node_colour = palette.color(QPalette.ColorRole.Text)
        node_colour.setAlphaF(0.78)
        me_colour = colours.accent(palette)
        svg = painter.paintEngine() is not None and painter.paintEngine().type() == QPaintEngine.Type.SVG
        exposed = option.exposedRect if not self.exporting else self._rect
        if svg or self.exporting:
            painter.setPen(Qt.PenStyle.NoPen)
            for node in self.nodes:
                r = ME_RADIUS if node.is_me else RADIUS
                painter.setBrush(me_colour if node.is_me else node_colour)
                painter.drawEllipse(QPointF(node.x, node.y), r, r)
        else:
            points, me_points = self._polygons()
            lod = option.levelOfDetailFromTransform(painter.worldTransform())
            # Far out, a node is a few pixels across: a plain square then, which Qt draws many
            # times faster than antialiased round points (thousands of them in a big journal).
            small = 2 * RADIUS * lod < 8
            painter.save()
            if small:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            for polygon, colour, r in ((points, node_colour, RADIUS), (me_points, me_colour, ME_RADIUS)):
                if polygon.isEmpty():
                    continue
                pen = QPen(colour, 2 * max(r, 2.5 / max(lod, 1e-3)))  # never under 5 px across
                pen.setCapStyle(Qt.PenCapStyle.SquareCap if small else Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawPoints(polygon)
            painter.restore()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if self.exporting:  # the picture, without what is current or found on screen
            self._paint_names(painter, option, palette, exposed)
            return
        for person_id in self.matches:
            node = self.by_id.get(person_id)
            if node is not None:
                halo = QColor(highlight)
                halo.setAlphaF(0.35)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(halo)
                painter.drawEllipse(QPointF(node.x, node.y), RADIUS * 2.2, RADIUS * 2.2)
        if self.current is not None and self.current in self.by_id:
            node = self.by_id[self.current]
            pen = QPen(highlight, 2.5)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            r = (ME_RADIUS if node.is_me else RADIUS) + 4
            painter.drawEllipse(QPointF(node.x, node.y), r, r)
        self._paint_names(painter, option, palette, exposed)

    def _paint_names(self, painter: QPainter, option, palette: QPalette, exposed: QRectF) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        font = QFont(self._view.font())
        font.setPointSizeF(max(font.pointSizeF(), 6.0))
        painter.setFont(font)
        fm = QFontMetricsF(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        if self.exporting or lod >= LABEL_LOD:
            wanted = (n for n in self.nodes if exposed.contains(n.x, n.y) or self.exporting)
        else:
            wanted = (self.by_id[i] for i in ({self.current} | self.matches) - {None} if i in self.by_id)
        # Zoomed out, the text keeps its on-screen size (scaled up in the scene) and is cut
        # shorter, so neighbouring names do not run into each other.
        grow = 1.0 if self.exporting or lod >= 1.0 else min(1.0 / max(lod, 0.05), 12.0)
        if grow != 1.0:
            font.setPointSizeF(font.pointSizeF() * grow)
            painter.setFont(font)
            fm = QFontMetricsF(font)
        # Each name fits the room between nodes; far out, only the current one and the matches
        # are named, in full.
        width = LABEL_WIDTH if lod >= LABEL_LOD else 1e6
        if self.exporting:  # whole names, wrapped under their node to the room between nodes
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            for node in wanted:
                r = ME_RADIUS if node.is_me else RADIUS
                painter.drawText(QRectF(node.x - LABEL_WIDTH / 2, node.y + r + 2, LABEL_WIDTH, fm.height() * 4), flags, node.name)
            return
        for node in wanted:
            r = ME_RADIUS if node.is_me else RADIUS
            text = fm.elidedText(node.name, Qt.TextElideMode.ElideRight, width)
            w = fm.horizontalAdvance(text)
            painter.drawText(QPointF(node.x - w / 2, node.y + r + 2 * grow + fm.ascent()), text)

    def node_at(self, point: QPointF, slack: float) -> _Node | None:
        best, best_d = None, None
        for node in self.nodes:
            d = math.hypot(node.x - point.x(), node.y - point.y())
            if d <= (ME_RADIUS if node.is_me else RADIUS) + slack and (best_d is None or d < best_d):
                best, best_d = node, d
        return best


class GraphView(QGraphicsView):
    """The graph on screen; `open_requested(person_id)` on a click or Enter on a person."""

    open_requested = Signal(int)
    current_changed = Signal(object)  # the current person's id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightsGraph")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Panned by dragging or Ctrl+arrows: scroll bars would only crowd the picture.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Introductions graph"))
        self.nodes_item: NodesItem | None = None
        self.edge_items: dict[Stage, StageEdges] = {}
        self.graph = None
        self._edges_by_person: dict[int, list] = {}
        self._press: QPointF | None = None
        self._matches: list[int] = []
        self._match_index = -1
        self._apply_palette()

    # --- contents --------------------------------------------------------------------------------

    def set_graph(self, graph, positions: dict[int, tuple[float, float]] | None = None, *,
                  prepared: Prepared | None = None, keep_view: bool = False) -> None:
        """Show `graph` (nodes, edges) at `positions` (the layout's, any scale: fitted here), or
        as `prepared` already (off the GUI thread) from them. With `keep_view`, the zoom and
        the place looked at stay (the same people, an arrow recoloured)."""
        keep = self.current_person()
        centre = self.mapToScene(self.viewport().rect().center())
        prepared = prepared or prepare(graph, positions or {})
        self._scene.clear()
        self.nodes_item = None
        self.edge_items = {}
        self.graph = graph
        self._edges_by_person = prepared.edges_by_person
        for stage in ALL_STAGES:
            if stage in prepared.lines:
                item = StageEdges(prepared.lines[stage], prepared.rect)
                item.setZValue(-1)
                self._scene.addItem(item)
                self.edge_items[stage] = item
        self.nodes_item = NodesItem(prepared.nodes, self, prepared)
        self._scene.addItem(self.nodes_item)
        self._apply_palette()
        rect = self.nodes_item.boundingRect().adjusted(-200, -200, 200, 200)
        self._scene.setSceneRect(rect)
        self._matches, self._match_index = [], -1
        if keep is not None and keep in self.nodes_item.by_id:
            self.nodes_item.current = keep
        if keep_view:
            self.centerOn(centre)
        else:
            self.fit()
        self.current_changed.emit(self.current_person())

    def clear(self) -> None:
        self._scene.clear()
        self.nodes_item = None
        self.edge_items = {}
        self.graph = None
        self.current_changed.emit(None)

    def node_count(self) -> int:
        return len(self.nodes_item.nodes) if self.nodes_item else 0

    def position_of(self, person_id: int) -> QPointF | None:
        node = self.nodes_item.by_id.get(person_id) if self.nodes_item else None
        return QPointF(node.x, node.y) if node else None

    def name_of(self, person_id: int) -> str:
        node = self.nodes_item.by_id.get(person_id) if self.nodes_item else None
        return node.name if node else ""

    def edges_of(self, person_id: int) -> list:
        return list(self._edges_by_person.get(person_id, ()))

    def _apply_palette(self) -> None:
        palette = self.palette()
        self.setBackgroundBrush(QBrush(palette.color(QPalette.ColorRole.Base)))
        for stage, item in self.edge_items.items():
            pen = QPen(colours.stage_colour(stage, palette), 2.0)
            pen.setCosmetic(True)
            if stage in CLOSED:
                pen.setStyle(Qt.PenStyle.DashLine)
            item.setPen(pen)
        if self.nodes_item is not None:
            self.nodes_item.update()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    # --- the current person ----------------------------------------------------------------------

    def current_person(self) -> int | None:
        return self.nodes_item.current if self.nodes_item else None

    def set_current(self, person_id: int | None, *, centre: bool = True) -> bool:
        if self.nodes_item is None or (person_id is not None and person_id not in self.nodes_item.by_id):
            return False
        self.nodes_item.current = person_id
        self.nodes_item.update()
        if person_id is not None and centre:
            node = self.nodes_item.by_id[person_id]
            if self.transform().m11() < 1.0:
                self._set_scale(1.0)
            self.centerOn(QPointF(node.x, node.y))
        self.current_changed.emit(person_id)
        return True

    def open_current(self) -> None:
        if self.current_person() is not None:
            self.open_requested.emit(self.current_person())

    def move(self, dx: int, dy: int) -> None:
        """To the nearest person in the direction (dx, dy); from the centre when none is current."""
        if self.nodes_item is None or not self.nodes_item.nodes:
            return
        current = self.nodes_item.by_id.get(self.current_person()) if self.current_person() is not None else None
        if current is None:
            centre = self.mapToScene(self.viewport().rect().center())
            start = min(self.nodes_item.nodes, key=lambda n: math.hypot(n.x - centre.x(), n.y - centre.y()))
            self.set_current(start.person_id)
            return
        best, best_score = None, None
        for node in self.nodes_item.nodes:
            if node is current:
                continue
            along = (node.x - current.x) * dx + (node.y - current.y) * dy
            across = abs((node.x - current.x) * dy - (node.y - current.y) * dx)
            if along <= 0 or across > along * 2:
                continue
            score = along + 2 * across
            if best_score is None or score < best_score:
                best, best_score = node, score
        if best is not None:
            self.set_current(best.person_id)

    # --- search ----------------------------------------------------------------------------------

    def find(self, text: str) -> int:
        """Mark the people whose name holds `text` and go to the first; the number found."""
        if self.nodes_item is None:
            return 0
        needle = fold(text.strip())
        found = sorted((n for n in self.nodes_item.nodes if needle and needle in n.folded),
                       key=lambda n: (not n.folded.startswith(needle), n.folded))
        self._matches = [n.person_id for n in found]
        self._match_index = 0 if found else -1
        self.nodes_item.matches = set(self._matches)
        self.nodes_item.update()
        if found:
            self.set_current(found[0].person_id)
        return len(found)

    def next_match(self, step: int = 1) -> None:
        if self._matches:
            self._match_index = (self._match_index + step) % len(self._matches)
            self.set_current(self._matches[self._match_index])

    def match_count(self) -> int:
        return len(self._matches)

    # --- zoom and pan ----------------------------------------------------------------------------

    def zoom(self, factor: float) -> None:
        self._set_scale(self.transform().m11() * factor)

    def _set_scale(self, scale: float) -> None:
        scale = min(max(scale, MIN_SCALE), MAX_SCALE)
        factor = scale / self.transform().m11()
        self.scale(factor, factor)

    def scale_factor(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        if self.nodes_item is None or not self.nodes_item.nodes:
            return
        self.resetTransform()
        self.fitInView(self.nodes_item.node_rect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 2.0:
            self._set_scale(2.0)
        if self.transform().m11() < MIN_SCALE:
            self._set_scale(MIN_SCALE)
        self.centerOn(self.nodes_item.node_rect().center())

    def pan(self, dx: int, dy: int) -> None:
        step = 60
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx * step)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy * step)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta().y()
        if delta:
            self.zoom(ZOOM_STEP ** (delta / 120))
        event.accept()

    # --- keys and mouse --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows and mods == Qt.KeyboardModifier.NoModifier:
            self.move(*arrows[key])
        elif key in arrows and mods == Qt.KeyboardModifier.ControlModifier:
            self.pan(*arrows[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            self.open_current()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus and mods == Qt.KeyboardModifier.NoModifier:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_F and mods == Qt.KeyboardModifier.NoModifier:
            self.fit()
        elif key == Qt.Key.Key_F3:
            self.next_match(-1 if mods & Qt.KeyboardModifier.ShiftModifier else 1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton or self.nodes_item is None:
            return
        if (event.position() - press).manhattanLength() > 4:
            return  # a drag: the view was panned
        slack = 4 / max(self.transform().m11(), 1e-6)
        node = self.nodes_item.node_at(self.mapToScene(event.position().toPoint()), slack)
        if node is not None:
            self.set_current(node.person_id, centre=False)
            self.open_requested.emit(node.person_id)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mouseMoveEvent(event)
        if self.nodes_item is not None and event.buttons() == Qt.MouseButton.NoButton:
            slack = 4 / max(self.transform().m11(), 1e-6)
            node = self.nodes_item.node_at(self.mapToScene(event.position().toPoint()), slack)
            self.setToolTip(self._tip(node) if node else "")

    def _tip(self, node: _Node) -> str:
        edges = self._edges_by_person.get(node.person_id, [])
        offered = sum(1 for e in edges if e.introducer_id == node.person_id)
        received = len(edges) - offered
        return self.tr("{name}: offered {offered}, introduced to you {received} · click or Enter opens").format(
            name=node.name, offered=offered, received=received
        )

    # --- export ----------------------------------------------------------------------------------

    def export(self, path: str, legend: list[tuple[str, QColor, bool]] | None = None) -> bool:
        """Write the whole graph to `path`: SVG when it ends in .svg, else PNG. True when written."""
        if self.nodes_item is None:
            return False
        source = self.nodes_item.node_rect()
        source = source.united(self.nodes_item.boundingRect()).adjusted(-20, -20 - 20 * len(legend or ()), 20, 20)
        palette = self.palette()
        self.nodes_item.exporting = True
        try:
            if path.lower().endswith(".svg"):
                return self._export_svg(path, source, palette, legend)
            return self._export_png(path, source, palette, legend)
        finally:
            self.nodes_item.exporting = False
            self.nodes_item.update()

    def _render(self, painter: QPainter, target: QRectF, source: QRectF, palette: QPalette, legend) -> None:
        painter.fillRect(target, palette.color(QPalette.ColorRole.Base))
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self._scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        if legend:
            painter.save()
            scale = target.width() / source.width()
            painter.scale(scale, scale)
            font = QFont(self.font())
            painter.setFont(font)
            fm = QFontMetricsF(font)
            y = 12.0
            for label, colour, dashed in legend:
                pen = QPen(colour, 2.0)
                if dashed:
                    pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(10, y + fm.height() / 2), QPointF(34, y + fm.height() / 2))
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(QPointF(40, y + fm.ascent()), label)
                y += fm.height() + 4
            painter.restore()

    def _export_png(self, path: str, source: QRectF, palette: QPalette, legend) -> bool:
        from PySide6.QtGui import QImage

        scale = min(2.0, 8000 / max(source.width(), source.height(), 1))
        image = QImage(max(int(source.width() * scale), 1), max(int(source.height() * scale), 1), QImage.Format.Format_ARGB32)
        image.fill(palette.color(QPalette.ColorRole.Base))
        painter = QPainter(image)
        self._render(painter, QRectF(0, 0, image.width(), image.height()), source, palette, legend)
        painter.end()
        return image.save(path, "PNG")

    def _export_svg(self, path: str, source: QRectF, palette: QPalette, legend) -> bool:
        from PySide6.QtCore import QSize
        from PySide6.QtSvg import QSvgGenerator  # in PySide6-Essentials; loaded only for an export

        generator = QSvgGenerator()
        generator.setFileName(path)
        size = QSize(max(int(source.width()), 1), max(int(source.height()), 1))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.tr("Introductions graph"))
        generator.setDescription(self.tr("People and the introductions offered between them, coloured by stage"))
        painter = QPainter()
        if not painter.begin(generator):
            return False
        self._render(painter, QRectF(0, 0, size.width(), size.height()), source, palette, legend)
        return painter.end()


@dataclass
class Prepared:
    """A graph ready for the scene: its nodes placed, its arrows as lines (one list per stage),
    the points the nodes are painted at and the rectangle they fill."""

    nodes: list[_Node]
    lines: dict[Stage, list[QLineF]]
    edges_by_person: dict[int, list]
    points: QPolygonF
    me_points: QPolygonF
    rect: QRectF


def prepare(graph, positions: dict[int, tuple[float, float]]) -> Prepared:
    """The scene's makings from the graph and its layout; no widget is touched, so the layout's
    thread does this too and the GUI thread only adds the items."""
    edges_by_person: dict[int, list] = {}
    for edge in graph.edges:
        for person_id in (edge.introducer_id, edge.target_id):
            edges_by_person.setdefault(person_id, []).append(edge)
    placed = _scaled(positions, [n.person_id for n in graph.nodes], [(e.introducer_id, e.target_id) for e in graph.edges])
    nodes = [
        _Node(n.person_id, n.name, bool(n.is_me), *placed[n.person_id], len(edges_by_person.get(n.person_id, ())),
              fold(n.name))
        for n in graph.nodes if n.person_id in placed
    ]
    by_id = {n.person_id: n for n in nodes}
    lines: dict[Stage, list[QLineF]] = {}
    for edge in graph.edges:
        a, b = by_id.get(edge.introducer_id), by_id.get(edge.target_id)
        if a is None or b is None or a is b:
            continue
        _add_arrow(lines.setdefault(Stage(edge.stage), []), a, b)
    points = QPolygonF([QPointF(n.x, n.y) for n in nodes if not n.is_me])
    me_points = QPolygonF([QPointF(n.x, n.y) for n in nodes if n.is_me])
    return Prepared(nodes, lines, edges_by_person, points, me_points, _bounds(nodes))


def _scaled(positions: dict[int, tuple[float, float]], ids: list[int], pairs) -> dict[int, tuple[float, float]]:
    """The layout's positions (any unit) scaled so that the median arrow is SPACING long: names
    under neighbouring nodes then have room, however the layout measured."""
    placed = {i: positions[i] for i in ids if i in positions}
    if not placed:
        return {}
    lengths = sorted(
        math.dist(placed[a], placed[b]) for a, b in pairs if a in placed and b in placed and a != b
    )
    lengths = [x for x in lengths if x > 1e-9]
    if lengths:
        k = SPACING / lengths[len(lengths) // 2]
    else:
        xs = [p[0] for p in placed.values()]
        ys = [p[1] for p in placed.values()]
        extent = max(max(xs) - min(xs), max(ys) - min(ys))
        k = SPACING / extent if extent > 0 else 1.0
    return {i: (x * k, y * k) for i, (x, y) in placed.items()}


def _add_arrow(lines: list[QLineF], a: _Node, b: _Node) -> None:
    """A line from a's edge to b's, and the two strokes of an arrowhead at b."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return
    ux, uy = dx / length, dy / length
    ra = ME_RADIUS if a.is_me else RADIUS
    rb = (ME_RADIUS if b.is_me else RADIUS) + 2
    tip = QPointF(b.x - ux * rb, b.y - uy * rb)
    lines.append(QLineF(QPointF(a.x + ux * ra, a.y + uy * ra), tip))
    head, spread = 7.0, 3.5
    base = QPointF(tip.x() - ux * head, tip.y() - uy * head)
    lines.append(QLineF(QPointF(base.x() - uy * spread, base.y() + ux * spread), tip))
    lines.append(QLineF(QPointF(base.x() + uy * spread, base.y() - ux * spread), tip))


def _bounds(nodes: list[_Node]) -> QRectF:
    """Where the nodes are, with room for the names under them (an export writes them whole,
    wrapped to LABEL_WIDTH)."""
    if not nodes:
        return QRectF()
    xs = [n.x for n in nodes]
    ys = [n.y for n in nodes]
    half = LABEL_WIDTH / 2 + 4
    return QRectF(min(xs) - half, min(ys) - ME_RADIUS - 4, max(xs) - min(xs) + 2 * half, max(ys) - min(ys) + 2 * ME_RADIUS + 80)


class StageEdges(QGraphicsItem):
    """The arrows of one stage, drawn as one list of lines (a path of thousands of arrows takes
    Qt's stroker most of a second to draw; lines take milliseconds)."""

    def __init__(self, lines: list[QLineF], rect: QRectF) -> None:
        super().__init__()
        self.lines = lines
        self._rect = rect
        self._pen = QPen()

    def pen(self) -> QPen:
        return QPen(self._pen)

    def setPen(self, pen: QPen) -> None:  # noqa: N802 - Qt's name, as QGraphicsPathItem has it
        self._pen = QPen(pen)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(self._pen)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.3:  # far out: many, short
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawLines(self.lines)
