"""Native Excel charts over cells already written: radars and the adopter bars.

Each chart reads its numbers from a block of cells on the same sheet, so a
planning team can see, copy and check the figures behind every outline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import CharacterProperties, ParagraphProperties

# One colour for "now" and one for "earlier" on every sheet; the earlier outline
# is also dashed, so it reads in black and white. Calc draws explicit RGB only.
NOW_COLOUR = "1F4E78"
EARLIER_COLOUR = "A6A6A6"
SERIES_COLOURS = ("1F4E78", "C55A11", "548235", "7030A0", "BF9000", "2E75B6")
CHART_WIDTH_CM = 15.0
CHART_HEIGHT_CM = 9.0
TITLE_POINTS = 12
# A radar big enough that its spokes' labels leave room for the outline, on a page of its own.
RADAR_WIDTH_CM, RADAR_HEIGHT_CM = 24.0, 14.0
# Charts side by side, two to a row and two rows to a page (A4 landscape holds 27 by 17 cm).
PAIR_WIDTH_CM, PAIR_HEIGHT_CM = 12.5, 7.2


def _title(chart: Any, title: str) -> None:
    """A title at 12 points: the default 18 crowds out a chart 10 cm wide."""
    chart.title = title
    font = CharacterProperties(sz=TITLE_POINTS * 100, b=True)
    for paragraph in chart.title.tx.rich.p:
        paragraph.pPr = ParagraphProperties(defRPr=font)
        for run in paragraph.r or ():
            run.rPr = font


def _text_categories(chart: Any, labels: Reference) -> None:
    # set_categories makes a number reference; the labels are text, so say so.
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))


def _show_axes(chart: Any) -> None:
    # openpyxl leaves <c:delete> out; Excel then hides the axes and their labels.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def radar(
    ws: Any,
    title: str,
    label_col: int,
    series_cols: Sequence[int],
    header_row: int,
    last_row: int,
    scale: tuple[float, float, float],
    number_format: str = "0",
) -> RadarChart:
    """A radar of the rows header_row+1..last_row; each series column's header names its outline."""
    chart = RadarChart()
    chart.type = "marker"
    _title(chart, title)
    chart.style = 26
    for col in series_cols:
        data = Reference(ws, min_col=col, min_row=header_row, max_row=last_row)
        chart.add_data(data, titles_from_data=True)
    _text_categories(chart, Reference(ws, min_col=label_col, min_row=header_row + 1, max_row=last_row))
    low, high, unit = scale
    chart.y_axis.scaling.min = low
    chart.y_axis.scaling.max = high
    chart.y_axis.majorUnit = unit
    chart.y_axis.number_format = number_format
    _show_axes(chart)
    chart.legend.position = "b"
    chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
    return chart


def bars(
    ws: Any,
    title: str,
    label_col: int,
    series_cols: Sequence[int],
    header_row: int,
    last_row: int,
    axis_title: str,
) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    _title(chart, title)
    for col in series_cols:
        chart.add_data(Reference(ws, min_col=col, min_row=header_row, max_row=last_row), titles_from_data=True)
    _text_categories(chart, Reference(ws, min_col=label_col, min_row=header_row + 1, max_row=last_row))
    chart.y_axis.title = axis_title
    chart.y_axis.scaling.min = 0
    chart.y_axis.number_format = "0"
    _show_axes(chart)
    chart.legend.position = "b"
    chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
    return chart


def paint(series: Any, colour: str, dashed: bool = False, filled: bool = False) -> None:
    """An explicit colour (and dash) for a series' line, and its fill for bars."""
    line = LineProperties(solidFill=colour, w=22225, prstDash="dash" if dashed else "solid")
    series.graphicalProperties = GraphicalProperties(ln=line)
    if filled:
        series.graphicalProperties.solidFill = colour
    if series.marker is not None and series.marker.symbol is not None:
        series.marker.graphicalProperties = GraphicalProperties(solidFill=colour, ln=LineProperties(solidFill=colour))


def adopter_curve(
    ws: Any,
    title: str,
    header_row: int,
    last_row: int,
    rogers: str,
    here: str,
    highest: float,
    axis: str = "% of organisations",
) -> BarChart:
    """Columns of Rogers' shares beside this organisation's (labels in A, Rogers in B, here in C).

    `highest` is the largest share drawn: the axis ends at the next quarter above it, never past 100;
    `axis` says what the shares are of: organisations, or one organisation's assessments.
    """
    chart = bars(ws, title, 1, [2, 3], header_row, last_row, axis)
    paint(chart.series[0], rogers, filled=True)
    paint(chart.series[1], here, filled=True)
    # A share runs to 100: left to itself the axis would run on to 120 "%".
    chart.y_axis.scaling.max = min(100, 25 * max(1, math.ceil(highest / 25)))
    chart.y_axis.majorUnit = 25
    chart.width, chart.height = 10.5, 6.6
    return chart


def profile_bars(
    ws: Any,
    title: str,
    label_col: int,
    series_cols: Sequence[int],
    header_row: int,
    last_row: int,
    axis: str,
    number_format: str = "0",
) -> BarChart:
    """One dimension's profiles as bars: a dimension's fits are never joined to another's."""
    chart = bars(ws, title, label_col, series_cols, header_row, last_row, axis)
    chart.y_axis.number_format = number_format
    for index, series in enumerate(chart.series):
        paint(series, SERIES_COLOURS[index % len(SERIES_COLOURS)], filled=True)
    chart.width, chart.height = 8.6, 6.5
    return chart
