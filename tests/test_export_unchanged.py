"""The workbook's contents, pinned for a varied team: a change to how the export keeps its data must not show.

Three exports of one synthetic folder (benchmarks/synth.py's varied answers,
notes, set and suggested plans, five organisations, and a few files on a
version 2 instrument): one file; 60 files compared with an earlier assessment
(styled cells, wrapped text); 130 files (past the size where cells stay plain).
Each sheet's cell values, types, number formats and row heights are pinned by
digest. A change meant to alter the workbook updates them:
`python -m tests.test_export_unchanged` prints the new digests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

import exports.workbook
import surveys.model.responses
from benchmarks.synth import assessment
from exports.workbook import export_workbook
from surveys.files.response_file import save_assessment
from tests.export_helpers import make, version_two
from tests.workbook_dump import digests

pytestmark = pytest.mark.slow

PINNED = Path(__file__).resolve().parent / "data" / "golden" / "export_digests.json"
CLOCK = datetime(2026, 11, 30, 9, 30)


class _FixedClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> _FixedClock:
        return cls(2026, 12, 1, 12, 0)


def team(folder: Path, count: int) -> list[Path]:
    """`count` varied assessments, and every 25th on version 2 of the instrument, all on a fixed clock."""
    folder.mkdir()
    v2_path, v2 = version_two(folder)
    paths = []
    for n in range(count):
        if n % 25 == 24:
            paths.append(
                make(
                    folder,
                    f"v2-{n:03d}.toml",
                    respondent=f"V2 {n}",
                    pick=1 + n % 4,
                    instrument=v2,
                    instrument_file=v2_path.name,
                    notes={"comm-feedback": "said in a meeting"},
                )
            )
            continue
        a = assessment(n)
        a = replace(a, created=CLOCK, updated=CLOCK, answers={q: replace(x, at=CLOCK) for q, x in a.answers.items()})
        path = folder / f"assessment-{n:03d}.toml"
        save_assessment(path, a)
        paths.append(path)
    return paths


def exported(folder: Path) -> Iterator[tuple[str, Path]]:
    paths = team(folder / "in", 130)
    earlier = folder / "earlier.toml"
    save_assessment(earlier, replace(assessment(500), date=datetime(2025, 1, 5).date(), created=CLOCK, updated=CLOCK))
    for name, files, compare in (("one", paths[:1], None), ("sixty", paths[:60], earlier), ("many", paths, None)):
        out = folder / f"{name}.xlsx"
        export_workbook(files, out, compare=compare, force=True)
        yield name, out


def current(folder: Path) -> dict[str, dict[str, str]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(surveys.model.responses, "now", lambda: CLOCK)
        mp.setattr(exports.workbook, "datetime", _FixedClock)
        return {name: digests(out) for name, out in exported(folder)}


def test_every_sheet_of_a_varied_team_is_as_pinned(tmp_path: Path) -> None:
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    now = current(tmp_path)
    changed = [
        f"{name}: {sheet}"
        for name, sheets in now.items()
        for sheet, d in sheets.items()
        if pinned.get(name, {}).get(sheet) != d
    ]
    assert list(now) == list(pinned)
    assert [list(s) for s in now.values()] == [list(s) for s in pinned.values()]
    assert changed == []


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as temp:
        print(json.dumps(current(Path(temp)), indent=1))
