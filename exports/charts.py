"""Native Excel charts over cells already written: radars and the adopter bars.

Each chart reads its numbers from a block of cells on the same sheet, so a
planning team can see, copy and check the figures behind every outline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.drawing.text import CharacterProperties, ParagraphProperties

CHART_WIDTH_CM = 15.0
CHART_HEIGHT_CM = 9.0
TITLE_POINTS = 12


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
