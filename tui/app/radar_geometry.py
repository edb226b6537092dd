"""Radar geometry: spokes, rings and outlines drawn as braille dots, with labels.

Pure Python with no Textual import, so it is unit-tested on its own and the
widget only turns finished rows into strips. A braille cell holds 2x4 dots;
a terminal cell is about twice as tall as wide, so the dots come out square.

Layers never rely on colour to be told apart: the grid is sparse dots, an
earlier outline is dashed, the current outline is solid. Where layers share a
cell the dots are merged and the cell takes the highest layer, for styling.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import IntEnum
from functools import lru_cache
from typing import NamedTuple

BRAILLE_BASE = 0x2800
# Bit of each dot in a braille cell, indexed [dy][dx] (Unicode's numbering).
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
_MIN_LABEL = 6
_GRID_GAP = 4  # every fourth dot of a ring or spoke: sparse enough to read the outline over
_DASH = (3, 2)  # dots on, dots off, for an earlier outline
_STRETCH = 1.25


class Layer(IntEnum):
    BLANK = 0
    GRID = 1
    EARLIER = 2
    CURRENT = 3
    LABEL = 4


Run = tuple[str, Layer]


class Picture(NamedTuple):
    """Rows of runs: consecutive cells that share a layer."""

    width: int
    height: int
    rows: tuple[tuple[Run, ...], ...]

    def text(self) -> list[str]:
        return ["".join(text for text, _ in row) for row in self.rows]


class _Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.bits = [[0] * width for _ in range(height)]
        self.layers = [[Layer.BLANK] * width for _ in range(height)]
        self.labels: dict[tuple[int, int], str] = {}

    def dot(self, x: int, y: int, layer: Layer) -> None:
        col, row = x // 2, y // 4
        if 0 <= col < self.width and 0 <= row < self.height and x >= 0 and y >= 0:
            self.bits[row][col] |= _DOT_BITS[y % 4][x % 2]
            self.layers[row][col] = max(self.layers[row][col], layer)

    def line(
        self,
        a: tuple[float, float],
        b: tuple[float, float],
        layer: Layer,
        pattern: tuple[int, int] | None,
        start: int = 0,
    ) -> int:
        """Draw a->b; `pattern` (on, off) makes it broken. Returns the dot count, to carry a dash across corners."""
        steps = max(1, round(max(abs(b[0] - a[0]), abs(b[1] - a[1]))))
        for i in range(steps):
            n = start + i
            if pattern is None or n % sum(pattern) < pattern[0]:
                t = i / steps
                self.dot(round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), layer)
        return start + steps

    def text(self, col: int, row: int, text: str) -> None:
        for i, char in enumerate(text):
            if 0 <= col + i < self.width and 0 <= row < self.height:
                self.labels[(col + i, row)] = char

    def picture(self) -> Picture:
        # A row at a time, cells grouped into runs by layer: drawn for every answer,
        # so it avoids a look-up and a string concatenation per cell.
        by_row: dict[int, list[tuple[int, str]]] = {}
        for (col, row), char in self.labels.items():
            by_row.setdefault(row, []).append((col, char))
        rows = []
        for r in range(self.height):
            bits = self.bits[r]
            chars = [chr(BRAILLE_BASE + b) if b else " " for b in bits]
            layers = [layer if b else Layer.BLANK for b, layer in zip(bits, self.layers[r], strict=True)]
            for col, char in by_row.get(r, ()):
                chars[col], layers[col] = char, Layer.LABEL
            runs: list[Run] = []
            start = 0
            for c in range(1, self.width + 1):
                if c == self.width or layers[c] != layers[start]:
                    runs.append(("".join(chars[start:c]), layers[start]))
                    start = c
            rows.append(tuple(runs))
        return Picture(self.width, self.height, tuple(rows))

    def copy_from(self, other: _Canvas) -> None:
        self.bits = [list(row) for row in other.bits]
        self.layers = [list(row) for row in other.layers]


@lru_cache(maxsize=8)
def _grid(width: int, height: int, n: int, rings: int, rx: int, ry: int) -> _Canvas:
    """The rings and spokes alone: the same for every answer at one size, so drawn once."""
    canvas = _Canvas(width, height)
    cx, cy = width - 1, 2 * height - 1
    for k in range(1, rings + 1):
        ring = [_point(cx, cy, rx, ry, i, n, k / rings) for i in range(n)]
        for i in range(n):
            canvas.line(ring[i], ring[(i + 1) % n], Layer.GRID, (1, _GRID_GAP - 1))
    for i in range(n):
        canvas.line(
            _point(cx, cy, rx, ry, i, n, 1 / rings), _point(cx, cy, rx, ry, i, n, 1), Layer.GRID, (1, _GRID_GAP - 1)
        )
    return canvas


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
    values: Sequence[float],
    width: int,
    height: int,
    rings: int = 4,
    labels: Sequence[str] = (),
    earlier: Sequence[float] | None = None,
    missing: Sequence[bool] = (),
    earlier_missing: Sequence[bool] = (),
) -> Picture:
    """A radar of len(values) spokes and `rings` rings in a width x height cell box.

    Values run from 0 (centre) to 1 (outer ring) and are clamped. `earlier`, of
    the same length, is drawn as a dashed outline under the current one. A
    spoke marked `missing` has no value: the outline breaks there rather than
    dipping to the centre, which would read as a score of nothing.
    """
    canvas = _Canvas(max(0, width), max(0, height))
    n = len(values)
    if n < 3 or width < 4 or height < 2:
        return canvas.picture()
    label_width = _fit_labels(labels, width, height)
    margin_rows = 1 if label_width else 0
    # Radii in dots. The shape may stretch to fill its box, but not beyond a
    # ratio where a regular shape stops looking like one.
    rx = max(2, width - 2 * (label_width + 1 if label_width else 0) - 1)
    ry = max(2, 2 * (height - 2 * margin_rows) - 1)
    rx, ry = min(rx, round(ry * _STRETCH)), min(ry, round(rx * _STRETCH))
    cx, cy = width - 1, 2 * height - 1  # centre in dots (the middle of the box)

    def point(i: int, value: float) -> tuple[float, float]:
        return _point(cx, cy, rx, ry, i, n, value)

    canvas.copy_from(_grid(canvas.width, canvas.height, n, rings, rx, ry))
    if earlier is not None and len(earlier) == n:
        shape = [point(i, v) for i, v in enumerate(earlier)]
        was = _present(earlier_missing, n)
        count = 0
        for i in range(n):
            if was[i] and was[(i + 1) % n]:
                count = canvas.line(shape[i], shape[(i + 1) % n], Layer.EARLIER, _DASH, count)
    shape = [point(i, v) for i, v in enumerate(values)]
    present = _present(missing, n)
    for i in range(n):
        if present[i] and present[(i + 1) % n]:
            canvas.line(shape[i], shape[(i + 1) % n], Layer.CURRENT, None)
        if present[i]:
            canvas.dot(round(shape[i][0]), round(shape[i][1]), Layer.CURRENT)
    for i, label in enumerate(labels[:n]):
        _place_label(canvas, _clip(label, label_width), _angle(i, n), cx, cy, rx, ry)
    return canvas.picture()


def _present(missing: Sequence[bool], n: int) -> list[bool]:
    return [not (i < len(missing) and missing[i]) for i in range(n)]


def _place_label(canvas: _Canvas, text: str, angle: float, cx: int, cy: int, rx: int, ry: int) -> None:
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
    canvas.text(start, min(max(0, row), canvas.height - 1), text)
