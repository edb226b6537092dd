"""The hidden Lists sheet: the choices behind every drop-down, each a named range.

Named ranges on a sheet of their own keep the lists out of the way of readers
(About used to show them as ordinary cells) and let a planning team extend a
list in one place: every drop-down that names the range follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.workbook.defined_name import DefinedName

from exports.cells import header_row, text
from exports.layout import prepare
from surveys.model.instrument import Instrument
from surveys.model.responses import STATUSES
from surveys.model.vocabulary import heading, vocabulary

FUNCTIONS = "BusinessFunctions"
STATUS_LIST = "Statuses"
CHECKS = "PrincipleChecks"
# How far a priority meets a core principle: a planner's judgement, not a score.
CHECK_CHOICES = ("yes", "partly", "no")


@dataclass(frozen=True)
class ListRanges:
    """The named ranges the drop-downs use; `functions` (or `areas`) is empty when the instrument has none."""

    functions: str
    statuses: str
    checks: str
    function_labels: tuple[str, ...]
    areas: str = ""

    @property
    def names(self) -> list[str]:
        return [n for n in (self.functions, self.statuses, self.checks, self.areas) if n]


def areas_name(instrument: Instrument) -> str:
    """The named range of the instrument's areas, in its own word for them ("Areas"; EDS: "Outcomes")."""
    return "".join(word.capitalize() for word in vocabulary(instrument).areas.split() if word.isalpha()) or "Areas"


def write_lists(ws: Any, instrument: Instrument) -> ListRanges:
    labels = tuple(f.label for f in instrument.functions)
    columns: list[tuple[str, str, tuple[str, ...]]] = [
        (STATUS_LIST, "Status", STATUSES),
        (CHECKS, "Check", CHECK_CHOICES),
    ]
    if labels:
        columns.insert(0, (FUNCTIONS, heading(vocabulary(instrument).function), labels))
    areas = tuple(a.label for a in instrument.areas)
    if areas:
        columns.append((areas_name(instrument), heading(vocabulary(instrument).area), areas))
    prepare(ws, [40] * len(columns))
    ws.sheet_state = "hidden"
    ws.append(header_row(ws, [title for _, title, _ in columns]))
    for index in range(max(len(values) for _, _, values in columns)):
        ws.append([text(ws, values[index]) if index < len(values) else None for _, _, values in columns])
    wb = ws.parent
    for number, (name, _, values) in enumerate(columns):
        letter = "ABCD"[number]
        ref = f"'{ws.title}'!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    return ListRanges(FUNCTIONS if labels else "", STATUS_LIST, CHECKS, labels, areas_name(instrument) if areas else "")
