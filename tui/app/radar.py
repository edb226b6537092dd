"""The radar widget: draws `RadarData` with `radar_geometry`, caching the raster.

The raster is rebuilt only when the data or the size changes; `render_line`
just turns a cached row into a strip. When the box is too narrow for names
beside the spokes, spokes are numbered (or named by a short head their labels
share, "1A: ..." giving "1A") and the names listed underneath. Under the chart
a legend says in words what each mark means: the spokes the question on screen
feeds (▸ and •), the spokes with no answer yet, and whose each outline is.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from tui.app.radar_data import RadarData
from tui.app.radar_geometry import DASHES, MARK_DOT, Layer, Picture, Run, Shape, draw_radar

# Labels and the title take the widget's own colours (the title in bold), so
# only the drawn layers need a class: each class is a node to style.
_LAYER_CLASS = {
    Layer.GRID: "radar--grid",
    Layer.MARK: "radar--mark",
    Layer.EARLIER: "radar--earlier",
    Layer.CURRENT: "radar--current",
}
MARKER = "▸"  # before the name of a spoke the question on screen feeds
_BOLD = Style(bold=True)
_MIN_CHART_ROWS = 9
_ROOMY_CHART_ROWS = 14  # a key of one name a line gives way to a packed one before the chart shrinks below this


class Radar(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"radar--grid", "radar--mark", "radar--earlier", "radar--current"}
    DEFAULT_CSS = """
    Radar { height: 1fr; min-height: 8; }
    Radar > .radar--grid { color: $foreground 40%; }
    Radar > .radar--mark { color: $foreground; text-style: bold; }
    Radar > .radar--earlier { color: $secondary; }
    Radar > .radar--current { color: $accent; text-style: bold; }
    """

    # Not repainted whole by the reactive itself: watch_data redraws the rows that changed.
    data: reactive[RadarData | None] = reactive(None, repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[tuple[Run, ...]] | None = None
        self._rows_for: tuple[RadarData | None, int, int] | None = None
        self._styles: dict[Layer, Style] | None = None
        self._title_rows = 1

    def notify_style_update(self) -> None:
        # Textual drops its own cached styles here (theme, NO_COLOR, focus):
        # the layer styles are built from them, so they go too.
        super().notify_style_update()
        self._styles = None

    def watch_data(self) -> None:
        # Only the rows that differ are drawn again: an answer moves one spoke,
        # and redrawing every row of a large radar was a good part of its cost.
        old = (
            self._rows
            if self._rows_for is not None and self._rows_for[1:] == (self.size.width, self.size.height)
            else None
        )
        if old is None:
            self.refresh()
            return
        new = self._raster()
        width = self.size.width
        changed = [y for y in range(max(len(old), len(new))) if y >= len(old) or y >= len(new) or old[y] != new[y]]
        if changed:
            self.refresh(*(Region(0, y, width, 1) for y in changed))

    def picture_text(self) -> list[str]:
        """The rows as plain text: what a reader without colour sees."""
        return ["".join(text for text, _ in row) for row in self._raster()]

    def _raster(self) -> list[tuple[Run, ...]]:
        key = (self.data, self.size.width, self.size.height)
        if self._rows is None or self._rows_for != key:
            self._rows = self._draw(*key)
            self._rows_for = key
            self._title_rows = len(wrap(self.data.title, self.size.width)) if self.data is not None else 0
        return self._rows

    @staticmethod
    def _draw(data: RadarData | None, width: int, height: int) -> list[tuple[Run, ...]]:
        if data is None or width <= 0 or height <= 0:
            return []
        title = wrap(data.title, width)
        n = len(data.labels)
        longest = max((len(label) for label in data.labels), default=0)
        beside = width >= 2 * longest + 30
        short = short_names(data.labels)
        names = list(data.labels) if beside else short or [str(i + 1) for i in range(n)]
        marked = set(data.marked)
        legend = wrap("; ".join(_legend(data, names)), width)
        top = len(title) + len(legend)
        spokes = [(MARKER if i in marked else "") + name for i, name in enumerate(names)]
        key_lines: list[str] = []
        if not beside:
            items = list(data.labels) if short else [f"{i + 1} {label}" for i, label in enumerate(data.labels)]
            key_lines = _key_lines(items, width, height - top - _ROOMY_CHART_ROWS, height - top - _MIN_CHART_ROWS)
        chart_rows = height - top - len(key_lines)
        if chart_rows < _MIN_CHART_ROWS:
            key_lines = key_lines[: max(0, height - top - _MIN_CHART_ROWS)]
            chart_rows = height - top - len(key_lines)
        # The main outline last, so it is drawn over the others.
        shapes = [Shape(o.values, o.missing, DASHES[k % len(DASHES)][0]) for k, o in enumerate(data.outlines[1:])]
        if data.main is not None:
            shapes.append(Shape(data.main.values, data.main.missing))
        picture: Picture = draw_radar(n, width, max(0, chart_rows), data.rings, spokes, shapes, marked)
        rows: list[tuple[Run, ...]] = [((line, Layer.LABEL),) for line in title]
        rows.extend(picture.rows)
        rows.extend(((line, Layer.LABEL),) for line in (*legend, *key_lines))
        return rows

    def render_line(self, y: int) -> Strip:
        rows = self._raster()
        width = self.size.width
        if y >= len(rows):
            return Strip.blank(width, self._layer_styles()[Layer.BLANK])
        styles = self._layer_styles()
        base = styles[Layer.BLANK]
        label = base + _BOLD if y < self._title_rows else base
        strip = Strip([Segment(text, label if layer is Layer.LABEL else styles[layer]) for text, layer in rows[y]])
        return strip.adjust_cell_length(width, base)

    def _layer_styles(self) -> dict[Layer, Style]:
        """One style per layer, built once per style change rather than per line."""
        if self._styles is None:
            base = self.rich_style
            styles = {layer: base + self.get_component_rich_style(name) for layer, name in _LAYER_CLASS.items()}
            styles[Layer.BLANK] = styles[Layer.LABEL] = base
            styles[Layer.MARK_LABEL] = styles[Layer.MARK]
            self._styles = styles
        return self._styles


def _key_lines(items: list[str], width: int, roomy: int, rows: int | None = None) -> list[str]:
    """Named spokes, whole: one a line within `roomy` rows, else packed within `rows`, else in cut columns."""
    rows = roomy if rows is None else rows
    whole = [line for item in items for line in wrap(item, width, indent=len(item.split(" ", 1)[0]) + 1)]
    if len(whole) <= roomy:
        return whole
    packed = wrap(" · ".join(item.replace(" ", "\xa0", 1) for item in items), width)
    if len(packed) <= rows:
        return [line.replace("\xa0", " ") for line in packed]
    columns = max(1, min(3, -(-len(items) // max(1, rows))))
    column = width // columns
    per_column = -(-len(items) // columns)
    lines = []
    for r in range(per_column):
        cells = [items[c * per_column + r] for c in range(columns) if c * per_column + r < len(items)]
        lines.append("".join(_cut(cell, column - 1).ljust(column) for cell in cells).rstrip())
    return lines


def short_names(labels: tuple[str, ...]) -> list[str]:
    """The names the labels start with ("1A: Patients..." gives "1A"), if every label has a short one; else none."""
    heads = [label.split(": ", 1)[0] for label in labels]
    short = all(": " in label and 0 < len(head) <= 4 for label, head in zip(labels, heads, strict=True))
    return heads if short and len(set(heads)) == len(heads) else []


def _legend(data: RadarData, names: list[str]) -> list[str]:
    """What the marks mean, in words: nothing on the radar is told by colour alone."""
    said = []
    if data.marked:
        said.append(f"{MARKER}{MARK_DOT}: this question")
    main = data.main
    drawn_others = [o for o in data.outlines[1:] if not all(o.missing)]
    if main is not None and all(main.missing) and not drawn_others:
        said.append("no answers yet: the shape appears with the first")
    elif main is not None and any(main.missing):
        said.append("no answer yet: " + _spans([names[i] for i, gone in enumerate(main.missing) if gone], names))
    if len(data.outlines) > 1:
        said.append(f"solid: {data.outlines[0].name}")
        said.extend(f"{DASHES[k % len(DASHES)][1]}: {o.name}" for k, o in enumerate(data.outlines[1:]))
    return said


def _spans(chosen: list[str], names: list[str]) -> str:
    """Numbers as runs ("4-9"); other names listed."""
    if not all(name.isdigit() for name in chosen):
        return ", ".join(chosen)
    numbers = [int(name) for name in chosen]
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def wrap(text: str, width: int, indent: int = 0) -> list[str]:
    """`text` in lines of at most `width`, broken at spaces; later lines indented by `indent`."""
    return list(_wrapped(text, width, indent))


@lru_cache(maxsize=256)
def _wrapped(text: str, width: int, indent: int) -> tuple[str, ...]:
    # The same titles and names are wrapped for every answer: kept.
    if width <= indent + 1:
        return (text[:width],) if width > 0 else ()
    return tuple(textwrap.wrap(text, width, subsequent_indent=" " * indent, break_on_hyphens=False) or [""])


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"
