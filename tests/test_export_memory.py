"""Seen: an export of 10,000 files peaked at 123.9 MB, about 7 KB kept per file for the sheets written at the end.

Measured as memory, not time: what the export still holds, per file, when the
end-written sheets start (the Team, Assessments, Answers and Action plan
sheets and the rest), taken between two team sizes so what every export
holds once (openpyxl, the instrument, the organisations) cancels out. The
export stops there: what it writes after is not measured, and under tracing
writing the sheets took longer than reading the files.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import exports.workbook
from benchmarks.synth import write_many
from exports.workbook import export_workbook

pytestmark = pytest.mark.slow

SMALL, LARGE = 110, 260  # both past the size where cells stay plain, as at a trust's scale
BOUND = 2500  # bytes a file; before, about 6,300


class EndReached(Exception):
    """Raised where the end-written sheets start, once what the export holds has been taken."""


def held_when_the_end_starts(paths: list[Path], out: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    held: list[int] = []

    def measured(*args: Any, **kwargs: Any) -> None:
        gc.collect()
        held.append(tracemalloc.get_traced_memory()[0])
        raise EndReached

    monkeypatch.setattr(exports.workbook, "_write", measured)
    gc.collect()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        with pytest.raises(EndReached):
            export_workbook(paths, out, force=True)
    finally:
        tracemalloc.stop()
    assert not out.exists(), "stopped before the workbook was saved"
    return held[0] - start


def test_an_export_keeps_little_of_each_file_for_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_many(tmp_path / "in", LARGE)
    out = tmp_path / "team.xlsx"
    export_workbook(paths[:SMALL], out, force=True)  # imports and caches warmed (untraced): not the files' cost
    out.unlink()
    small = held_when_the_end_starts(paths[:SMALL], out, monkeypatch)
    large = held_when_the_end_starts(paths, out, monkeypatch)
    per_file = (large - small) / (LARGE - SMALL)
    assert per_file < BOUND, f"{per_file:.0f} bytes kept per file"
