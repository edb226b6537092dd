"""Two exports cannot both take one workbook name, and a file named twice is refused.

Without --force an export claims its name only when the whole workbook is
ready, and the claim fails if the name was taken meanwhile (a hard link of the
finished temp, which the OS makes only if nothing has that name).
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.workbook import export_workbook
from surveys.errors import StickError
from tests.conftest import run_stick
from tests.export_helpers import make

ROUNDS = 30


def _export_once(source: str, output: str, start: object, results: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    try:
        export_workbook([Path(source)], Path(output))
        results.put("ok")  # type: ignore[attr-defined]
    except StickError as exc:
        results.put(f"refused: {exc}")  # type: ignore[attr-defined]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forked processes start together quickly")
def test_two_exports_at_once_never_both_succeed(tmp_path: Path) -> None:
    source = make(tmp_path, "a.toml")
    context = multiprocessing.get_context("fork")
    doubles = 0
    for n in range(ROUNDS):
        output = tmp_path / f"out-{n}.xlsx"
        start = context.Barrier(2)
        results = context.Queue()
        workers = [
            context.Process(target=_export_once, args=(str(source), str(output), start, results)) for _ in range(2)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
        outcomes = [results.get(timeout=5) for _ in workers]
        doubles += outcomes.count("ok") == 2
        assert outcomes.count("ok") >= 1, outcomes
        assert load_workbook(output).sheetnames[0] == "Summary"
    assert doubles == 0
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("out-")) == ["a.toml"], "no temp is left"


def test_an_existing_workbook_is_still_replaced_with_force(tmp_path: Path) -> None:
    source = make(tmp_path, "a.toml")
    output = tmp_path / "o.xlsx"
    output.write_bytes(b"old")
    with pytest.raises(StickError, match="already exists"):
        export_workbook([source], output)
    assert output.read_bytes() == b"old"
    export_workbook([source], output, force=True)
    assert load_workbook(output).sheetnames[0] == "Summary"


@pytest.mark.parametrize("second", ["same", "relative", "symlink", "dotted"])
def test_the_same_file_named_twice_is_refused(tmp_path: Path, second: str) -> None:
    source = make(tmp_path, "a.toml")
    other = {
        "same": str(source),
        "relative": "a.toml",
        "symlink": str(tmp_path / "link.toml"),
        "dotted": str(tmp_path / "." / "a.toml"),
    }[second]
    if second == "symlink":
        (tmp_path / "link.toml").symlink_to(source)
    done = run_stick(["export", str(source), other, "-o", str(tmp_path / "o.xlsx")], cwd=tmp_path)
    assert done.returncode == 2, done.stdout
    assert "same file" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o.xlsx").exists()
