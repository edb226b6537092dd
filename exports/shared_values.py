"""One copy of each value that many files of an export repeat, for what is kept until the end.

A trust's export keeps a little of every file for the sheets written last (the
Team, Assessments, Compare, Action plan and Answers sheets). Most of it
repeats from file to file: organisation names, roles, suggested priorities'
wordings, dates, and the score of a dimension or an area (a handful of
answers gives only so many different results). Kept once and shared, ten
thousand files cost under two kilobytes each instead of seven.

Values are shared only when they are equal and of the same types throughout,
so a shared value is never one that would be written differently (2 and 2.0
are equal, but not the same cell).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from exports.plan_rows import PlanRow
from surveys.results.scoring import AreaResult, DimensionResult

T = TypeVar("T")


def packed(numbers: Sequence[int]) -> bytes | array[int]:
    """Small non-negative whole numbers in a byte each (two where one is too small)."""
    if all(0 <= n < 256 for n in numbers):
        return bytes(numbers)
    return array("H", numbers)


class SharedValues:
    """The values kept so far, one copy each; belongs to one export and goes with it."""

    def __init__(self) -> None:
        self._seen: dict[Any, Any] = {}

    def _one(self, key: Any, value: T) -> T:
        found: T = self._seen.setdefault(key, value)
        return found

    def text(self, value: str) -> str:
        return self._one(value, value)

    def day(self, value: date) -> date:
        # A date and a datetime are never equal, but the key says so anyway.
        return self._one((type(value), value), value)

    def dimensions(self, results: Sequence[DimensionResult]) -> tuple[DimensionResult, ...]:
        return tuple(self._one(("d", r, tuple(type(f) for _, f in r.fits)), r) for r in results)

    def areas(self, results: Sequence[AreaResult]) -> tuple[AreaResult, ...]:
        # Each file's set of results is its own (a tuple of shared ones); the results themselves repeat.
        return tuple(self._one(("a", r, type(r.score)), r) for r in results)

    def plan_row(self, row: PlanRow) -> PlanRow:
        """The row with its repeated words and dates shared (a person's name and lead are their own)."""
        t = self.text
        return replace(
            row,
            organisation=t(row.organisation),
            priority=t(row.priority),
            area=t(row.area),
            function=t(row.function),
            function_id=t(row.function_id),
            measure=t(row.measure),
            status=t(row.status),
            target=None if row.target is None else self.day(row.target),
            review=None if row.review is None else self.day(row.review),
        )
