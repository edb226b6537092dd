"""The radar widget: draws `RadarData` with `radar_geometry`, caching the raster.

The raster is rebuilt only when the data or the size changes; `render_line`
just turns a cached row into a strip. When the box is too narrow for names
beside the spokes, spokes are numbered and the names listed underneath.
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
from tui.app.radar_geometry import Layer, Picture, Run, draw_radar

# Labels and the title take the widget's own colours (the title in bold), so
# only the three drawn layers need a class: each class is a node to style.
_LAYER_CLASS = {
    Layer.GRID: "radar--grid",
    Layer.EARLIER: "radar--earlier",
    Layer.CURRENT: "radar--current",
}
_BOLD = Style(bold=True)
_MIN_CHART_ROWS = 6
_ROOMY_CHART_ROWS = 10  # a key of one name a line gives way to a packed one before the chart shrinks below this


class Radar(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"radar--grid", "radar--earlier", "radar--current"}
    DEFAULT_CSS = """
    Radar { height: 1fr; min-height: 8; }
    Radar > .radar--grid { color: $foreground 40%; }
    Radar > .radar--earlier { color: $warning; }
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
        unscored = [i < len(data.unscored) and data.unscored[i] for i in range(len(data.labels))]
        earlier_drawn = data.earlier is not None and not all(data.earlier_unscored)
        if unscored and all(unscored) and data.empty and not earlier_drawn:
            # Nothing answered: a grid and a collapsed outline would be a scatter of dots that means nothing.
            # With an earlier outline (next year's review, just started) there is a picture: last year's.
            lines = [*title, "", *wrap(data.empty, width), "", *(_key_lines(list(data.labels), width, height))]
            return [((line, Layer.LABEL),) for line in lines[:height]]
        longest = max((len(label) for label in data.labels), default=0)
        beside = width >= 2 * longest + 30
        legend: list[str] = []
        if any(unscored):
            which = [label if beside else str(i + 1) for i, label in enumerate(data.labels) if unscored[i]]
            legend += wrap(f"?: no answers yet ({', '.join(which)})", width)
        if data.earlier is not None:
            legend += wrap(f"solid: now; dashed: {data.earlier_name or 'earlier'}", width)
        top = len(title) + len(legend)
        if beside:
            marks = [label + ("?" if unscored[i] else "") for i, label in enumerate(data.labels)]
            key_lines: list[str] = []
        else:
            marks = [str(i + 1) + ("?" if unscored[i] else "") for i in range(len(data.labels))]
            key_lines = _key_lines(
                list(data.labels), width, height - top - _ROOMY_CHART_ROWS, height - top - _MIN_CHART_ROWS
            )
        chart_rows = height - top - len(key_lines)
        if chart_rows < _MIN_CHART_ROWS:
            key_lines = key_lines[: max(0, height - top - _MIN_CHART_ROWS)]
            chart_rows = height - top - len(key_lines)
        picture: Picture = draw_radar(
            data.values,
            width,
            max(0, chart_rows),
            data.rings,
            marks,
            data.earlier,
            unscored,
            data.earlier_unscored,
        )
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
            self._styles = styles
        return self._styles


def _key_lines(names: list[str], width: int, roomy: int, rows: int | None = None) -> list[str]:
    """Numbered names, whole: one a line within `roomy` rows, else packed within `rows`, else in cut columns."""
    rows = roomy if rows is None else rows
    items = [f"{i + 1} {name}" for i, name in enumerate(names)]
    whole = [line for i, item in enumerate(items) for line in wrap(item, width, indent=len(str(i + 1)) + 1)]
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
