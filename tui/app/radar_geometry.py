"""Radar geometry: a grid of rings and spokes, outlines over it, and labels, as rows of text.

Pure Python with no Textual import, so it is unit-tested on its own and the
widget only turns finished rows into strips. Outlines are braille (2x4 dots a
cell; a terminal cell is about twice as tall as wide, so the dots come out
square).

Nothing relies on colour to be told apart. The grid is a different kind of
character altogether: light middle dots (·), each centred in its cell, so a
ring reads as a dotted line rather than the scatter of single braille dots at
odd corners it was. A marked spoke (what the question on screen feeds) is in
bullets (•). The main outline is braille two dots thick with a full cell at
each point; any others are thin braille, each with its own dash. Where layers
share a cell the highest wins, for styling.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from enum import IntEnum
from functools import lru_cache
from typing import NamedTuple

BRAILLE_BASE = 0x2800
GRID_DOT = "·"
MARK_DOT = "•"
# Bit of each dot in a braille cell, indexed [dy][dx] (Unicode's numbering).
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
_MIN_LABEL = 6
_STRETCH = 1.25
# Dashes for the outlines drawn under the main one (dots on, dots off), and their names for a legend.
DASHES: tuple[tuple[tuple[int, int], str], ...] = (((3, 2), "dashed"), ((1, 2), "dotted"), ((6, 3), "long dashes"))


class Layer(IntEnum):
    BLANK = 0
    GRID = 1
    MARK = 2
    EARLIER = 3
    CURRENT = 4
    LABEL = 5
    MARK_LABEL = 6


Run = tuple[str, Layer]


class Shape(NamedTuple):
    """One outline: a value (0 centre, 1 rim) per spoke; a `missing` spoke has none and breaks the outline there."""

    values: Sequence[float]
    missing: Sequence[bool] = ()
    # The main outline is solid and thick; None here draws it so. Others get a dash.
    dash: tuple[int, int] | None = None


class Picture(NamedTuple):
    """Rows of runs: consecutive cells that share a layer."""

    width: int
    height: int
    rows: tuple[tuple[Run, ...], ...]

    def text(self) -> list[str]:
        return ["".join(text for text, _ in row) for row in self.rows]


class _Grid(NamedTuple):
    """Rings and spokes at one size, by row (column, character, layer): the same for every answer, so drawn once."""

    rows: dict[int, tuple[tuple[int, str, Layer], ...]]


class _Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.bits = [[0] * width for _ in range(height)]
        self.layers = [[Layer.BLANK] * width for _ in range(height)]
        self.labels: dict[tuple[int, int], tuple[str, Layer]] = {}

    def dot(self, x: int, y: int, layer: Layer) -> None:
        col, row = x // 2, y // 4
        if 0 <= col < self.width and 0 <= row < self.height and x >= 0 and y >= 0:
            self.bits[row][col] |= _DOT_BITS[y % 4][x % 2]
            self.layers[row][col] = max(self.layers[row][col], layer)

    def thick(self, x: int, y: int, layer: Layer, size: int = 2) -> None:
        """A size x size block of dots around (x, y), in one call rather than one a dot: it runs for every answer."""
        low = 1 - size // 2
        for py in range(max(0, y + low), y + low + size):
            row = py >> 2
            if row >= self.height:
                break
            bits, layers, mask = self.bits[row], self.layers[row], _DOT_BITS[py & 3]
            for px in range(max(0, x + low), x + low + size):
                col = px >> 1
                if col >= self.width:
                    break
                bits[col] |= mask[px & 1]
                if layers[col] < layer:
                    layers[col] = layer

    def line(
        self,
        a: tuple[float, float],
        b: tuple[float, float],
        layer: Layer,
        pattern: tuple[int, int] | None,
        start: int = 0,
    ) -> int:
        """Draw a->b, thick when `pattern` is None, else thin and broken. Returns the dot count, to carry a dash."""
        steps = max(1, round(max(abs(b[0] - a[0]), abs(b[1] - a[1]))))
        last = (-1, -1)
        for i in range(steps + 1):
            n = start + i
            x, y = round(a[0] + (b[0] - a[0]) * i / steps), round(a[1] + (b[1] - a[1]) * i / steps)
            if pattern is None:
                if (x, y) != last:
                    self.thick(x, y, layer)
                    last = (x, y)
            elif n % sum(pattern) < pattern[0]:
                self.dot(x, y, layer)
        return start + steps

    def text(self, col: int, row: int, text: str, layer: Layer) -> None:
        for i, char in enumerate(text):
            if 0 <= col + i < self.width and 0 <= row < self.height:
                self.labels[(col + i, row)] = (char, layer)

    def picture(self, grid: _Grid) -> Picture:
        # A row at a time, cells grouped into runs by layer: drawn for every answer,
        # so it avoids a look-up and a string concatenation per cell.
        labels: dict[int, list[tuple[int, str, Layer]]] = {}
        for (col, row), (char, layer) in self.labels.items():
            labels.setdefault(row, []).append((col, char, layer))
        rows = []
        for r in range(self.height):
            bits = self.bits[r]
            chars = [chr(BRAILLE_BASE + b) if b else " " for b in bits]
            layers = [layer if b else Layer.BLANK for b, layer in zip(bits, self.layers[r], strict=True)]
            for col, char, layer in grid.rows.get(r, ()):
                if not bits[col]:  # a grid character shows only where no outline passes
                    chars[col], layers[col] = char, layer
            for col, char, layer in labels.get(r, ()):
                chars[col], layers[col] = char, layer
            rows.append(_runs(chars, layers))
        return Picture(self.width, self.height, tuple(rows))


def _runs(chars: list[str], layers: list[Layer]) -> tuple[Run, ...]:
    """Cells grouped by layer. A space looks the same in any layer, so it joins the run it is in:
    a dotted ring is one run, not a run a cell, for this loop and for every strip drawn from it."""
    runs: list[Run] = []
    text: list[str] = []
    layer: Layer | None = None
    for char, this in zip(chars, layers, strict=True):
        if char != " ":
            if layer is None:
                layer = this
            elif this != layer:
                runs.append(("".join(text), layer))
                text, layer = [], this
        text.append(char)
    runs.append(("".join(text), Layer.BLANK if layer is None else layer))
    return tuple(runs)


@lru_cache(maxsize=16)
def _grid(width: int, height: int, n: int, rings: int, rx: int, ry: int, marked: frozenset[int]) -> _Grid:
    """Rings and spokes in cells: a ring's dots every other cell, a marked spoke's in every cell."""
    cells: dict[tuple[int, int], tuple[str, Layer]] = {}
    cx, cy = width - 1, 2 * height - 1

    def walk(a: tuple[float, float], b: tuple[float, float], every: int, char: str, layer: Layer) -> None:
        # In cells, not dots: a cell is 2 dots wide and 4 tall.
        (ax, ay), (bx, by) = (a[0] / 2, a[1] / 4), (b[0] / 2, b[1] / 4)
        steps = max(1, round(max(abs(bx - ax), abs(by - ay))))
        for i in range(0, steps + 1, every):
            col, row = int(ax + (bx - ax) * i / steps), int(ay + (by - ay) * i / steps)
            if 0 <= col < width and 0 <= row < height and cells.get((col, row), ("", Layer.BLANK))[1] <= layer:
                cells[(col, row)] = (char, layer)

    for k in range(1, rings + 1):
        ring = [_point(cx, cy, rx, ry, i, n, k / rings) for i in range(n)]
        for i in range(n):
            walk(ring[i], ring[(i + 1) % n], 1, GRID_DOT, Layer.GRID)
    for i in range(n):
        centre, rim = _point(cx, cy, rx, ry, i, n, 0), _point(cx, cy, rx, ry, i, n, 1)
        if i in marked:
            walk(centre, rim, 1, MARK_DOT, Layer.MARK)
        else:
            walk(_point(cx, cy, rx, ry, i, n, 1 / rings), rim, 2, GRID_DOT, Layer.GRID)
    rows: dict[int, list[tuple[int, str, Layer]]] = {}
    for (col, row), (char, layer) in sorted(cells.items()):
        rows.setdefault(row, []).append((col, char, layer))
    return _Grid({row: tuple(found) for row, found in rows.items()})


def _point(cx: int, cy: int, rx: int, ry: int, i: int, n: int, value: float) -> tuple[float, float]:
    a = _angle(i, n)
    v = min(1.0, max(0.0, value))
    return cx + rx * v * math.cos(a), cy + ry * v * math.sin(a)


def _angle(i: int, n: int) -> float:
    """Spoke i of n, clockwise from the top."""
    return -math.pi / 2 + 2 * math.pi * i / n


def _fit_labels(labels: Sequence[str], width: int, height: int) -> int:
    """How wide labels may be: what is left beside a circle filling the height, but never below a readable minimum."""
    longest = max((len(label) for label in labels), default=0)
    if not longest:
        return 0
    spare = (width - 2 * max(1, height - 2)) // 2 - 1
    return min(longest, max(spare, _MIN_LABEL), max(0, width // 2 - 3))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"


def draw_radar(
    spokes: int,
    width: int,
    height: int,
    rings: int = 4,
    labels: Sequence[str] = (),
    shapes: Sequence[Shape] = (),
    marked: Collection[int] = (),
) -> Picture:
    """A radar of `spokes` spokes and `rings` rings in a width x height cell box, its grid drawn with or without shapes.

    Values run from 0 (centre) to 1 (outer ring) and are clamped. The shapes
    are drawn in order, so the main one (dash None) goes last, over the rest.
    A `marked` spoke is drawn in bullets and its label in the marked layer.
    """
    canvas = _Canvas(max(0, width), max(0, height))
    n = spokes
    if n < 3 or width < 4 or height < 2:
        return canvas.picture(_Grid({}))
    label_width = _fit_labels(labels, width, height)
    margin_rows = 1 if label_width else 0
    # Radii in dots. The shape may stretch to fill its box, but not beyond a
    # ratio where a regular shape stops looking like one.
    rx = max(2, width - 2 * (label_width + 1 if label_width else 0) - 1)
    ry = max(2, 2 * (height - 2 * margin_rows) - 1)
    rx, ry = min(rx, round(ry * _STRETCH)), min(ry, round(rx * _STRETCH))
    cx, cy = width - 1, 2 * height - 1  # centre in dots (the middle of the box)
    marks = frozenset(i for i in marked if 0 <= i < n)
    grid = _grid(canvas.width, canvas.height, n, rings, rx, ry, marks)
    for shape in shapes:
        if len(shape.values) == n:
            _outline(canvas, shape, [_point(cx, cy, rx, ry, i, n, v) for i, v in enumerate(shape.values)])
    for i, label in enumerate(labels[:n]):
        layer = Layer.MARK_LABEL if i in marks else Layer.LABEL
        _place_label(canvas, _clip(label, label_width), _angle(i, n), cx, cy, rx, ry, layer)
    return canvas.picture(grid)


def _outline(canvas: _Canvas, shape: Shape, points: list[tuple[float, float]]) -> None:
    n = len(points)
    present = [not (i < len(shape.missing) and shape.missing[i]) for i in range(n)]
    layer = Layer.CURRENT if shape.dash is None else Layer.EARLIER
    count = 0
    for i in range(n):
        if present[i] and present[(i + 1) % n]:
            count = canvas.line(points[i], points[(i + 1) % n], layer, shape.dash, count)
    if shape.dash is None:
        # A point on its own (its neighbours not answered yet) must still be seen: a block of dots.
        for i in range(n):
            if present[i]:
                canvas.thick(round(points[i][0]), round(points[i][1]), layer, 4)


def _place_label(canvas: _Canvas, text: str, angle: float, cx: int, cy: int, rx: int, ry: int, layer: Layer) -> None:
    if not text:
        return
    x = cx + (rx + 2) * math.cos(angle)
    y = cy + (ry + 3) * math.sin(angle)
    col, row = int(x // 2), int(y // 4)
    if math.cos(angle) > 0.3:
        start = col + 1
    elif math.cos(angle) < -0.3:
        start = col - len(text)
    else:
        start = col - len(text) // 2
    start = min(max(0, start), max(0, canvas.width - len(text)))
    canvas.text(start, min(max(0, row), canvas.height - 1), text, layer)
