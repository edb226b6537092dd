"""Reading the raters again while the event runs: cheap when nothing moved, never a crash on a colleague's file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from surveys.files.textfile import MAX_BYTES, read_bytes
from surveys.panel.raters import read_raters
from tests.panel_support import rater


def _three(folder: Path) -> list[Path]:
    return [rater(folder, n, g, [2]) for n, g in (("Ann", "patient"), ("Bob", "patient"), ("Cy", "staff"))]


def test_nothing_moved_nothing_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _three(tmp_path)
    first = read_raters([tmp_path])
    reads: list[Path] = []

    def counted(path: Path) -> bytes:
        reads.append(path)
        return read_bytes(path)

    monkeypatch.setattr("surveys.panel.raters.read_bytes", counted)
    again = read_raters([], previous=first)
    assert reads == [] and again.raters == first.raters
    path = rater(tmp_path, "Bob", "patient", [4])
    os.utime(path, ns=(1, 1))  # however coarse the clock, the size or time moved
    third = read_raters([], previous=again)
    assert reads == [path]
    assert [r.assessment.answer("1a").choice for r in third.raters if r.respondent == "Bob"] == [4]  # type: ignore[union-attr]


def test_a_new_file_in_the_folder_appears(tmp_path: Path) -> None:
    _three(tmp_path)
    first = read_raters([tmp_path])
    rater(tmp_path, "Di", "community", [3])
    again = read_raters([], previous=first)
    assert [r.respondent for r in again.raters] == ["Ann", "Bob", "Cy", "Di"]
    assert again.groups == ("community", "patient", "staff")


def _hostile(folder: Path, kind: str) -> Path:
    path = folder / f"zz-{kind}.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "binary":
        path.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    elif kind == "huge":
        with path.open("wb") as handle:
            handle.write(b'organisation = "Northfield NHS Trust"\ninstrument = "eds2022"\n')
            handle.truncate(MAX_BYTES + 10)
    elif kind == "garbage":
        path.write_text('organisation = "Northfield NHS Trust"\ninstrument = "eds2022"\n[answers\n', "utf-8")
    elif kind == "deep":
        path.write_text('organisation = "x"\ninstrument = "eds2022"\nx = ' + "[" * 50_000 + "]" * 50_000, "utf-8")
    elif kind == "folder":
        path.mkdir()
    elif kind == "loop":
        path.symlink_to(path)
    elif kind == "other-org":
        rater(folder, "zz-other-org", "staff", [1], organisation="Southfield NHS Trust")
        path = folder / "zz-other-org.toml"
    return path


@pytest.mark.parametrize("kind", ["fifo", "binary", "huge", "garbage", "deep", "folder", "loop", "other-org"])
def test_a_hostile_file_arriving_mid_event_is_one_line_never_a_crash(tmp_path: Path, kind: str) -> None:
    _three(tmp_path)
    first = read_raters([tmp_path])
    _hostile(tmp_path, kind)
    again = read_raters([], previous=first)
    assert [r.respondent for r in again.raters] == ["Ann", "Bob", "Cy"]
    assert all("\n" not in p for p in again.problems)
    if kind not in ("folder", "binary", "loop"):  # not assessments (or no file at all): passed over
        assert len(again.problems) == 1, again.problems


def test_a_rater_file_that_breaks_keeps_what_it_said_before(tmp_path: Path) -> None:
    ann, _, _ = _three(tmp_path)
    first = read_raters([tmp_path])
    ann.write_text("organisation = \n", "utf-8")  # a half-saved edit by hand
    again = read_raters([], previous=first)
    assert [r.respondent for r in again.raters] == ["Ann", "Bob", "Cy"]
    assert len(again.problems) == 1 and "showing what it said before" in again.problems[0]
    ann.unlink()
    gone = read_raters([], previous=again)
    assert [r.respondent for r in gone.raters] == ["Bob", "Cy"]  # a file taken away leaves the panel


def test_a_folder_taken_away_mid_event_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    _three(folder)
    first = read_raters([folder])
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    again = read_raters([], previous=first)
    assert again.raters == () or all("\n" not in p for p in again.problems)
