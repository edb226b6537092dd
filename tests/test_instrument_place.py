"""A response file's `instrument_file` may only name an instrument beside it.

The file is shared: whatever it names is opened by whoever opens it. A name
that leaves the folder (an absolute path, `..`, a symlink out, a UNC or drive
path that would reach the network on Windows), a NUL, or something that is not
a regular file is refused with one line, exit 2, unless `--instrument` says
which instrument to use.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from surveys.instruments.instrument_file import builtin_bytes, builtin_instrument
from surveys.instruments.instrument_place import InstrumentPlaceRefused, recorded_instrument
from tests.conftest import run_stick
from tests.interview_helpers import fresh_file

HOSTILE = [
    "/etc/shadow",
    "/proc/self/environ",
    "../../../etc/passwd",
    "sub/../../x.toml",
    "\u0000",
    "a\u0000.toml",
    "//server/share/x.toml",
    "\\\\server\\share\\x.toml",
    "C:\\x.toml",
    "C:x.toml",
    "..\\..\\x.toml",
]


def _recording(tmp_path: Path, name: str) -> Path:
    path = fresh_file(tmp_path)
    # Written as TOML escapes so that a NUL or a backslash arrives as itself.
    escaped = "".join(f"\\u{ord(c):04x}" if c in '\\"' or ord(c) < 0x20 else c for c in name)
    text = path.read_text(encoding="utf-8").replace("[answers]", f'instrument_file = "{escaped}"\n\n[answers]')
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", HOSTILE)
def test_a_name_that_leaves_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(InstrumentPlaceRefused):
        recorded_instrument(tmp_path, name)


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("command", [["report"], ["interview", "--plain"], ["export", "-o", "{dir}/o.xlsx"]])
def test_the_commands_refuse_it_with_one_line(tmp_path: Path, name: str, command: list[str]) -> None:
    if command[0] != "report" and name not in ("/etc/shadow", "\u0000", "//server/share/x.toml"):
        pytest.skip("every name is tried with report; the other commands share its code")
    path = _recording(tmp_path, name)
    before = path.read_bytes()
    flags = [flag.replace("{dir}", str(tmp_path)) for flag in command[1:]]
    done = run_stick([command[0], str(path), *flags], timeout=30)
    assert done.returncode == 2, done.stdout[-500:]
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "instrument_file" in done.stderr and "--instrument" in done.stderr
    assert path.read_bytes() == before


def test_with_instrument_the_recorded_name_is_not_opened(tmp_path: Path) -> None:
    path = _recording(tmp_path, "/etc/shadow")
    own = tmp_path / "own.toml"
    own.write_bytes(builtin_bytes())
    done = run_stick(["report", str(path), "--instrument", str(own)])
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_beside_the_file_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "inst.toml")
    with pytest.raises(InstrumentPlaceRefused, match="not a regular file"):
        recorded_instrument(tmp_path, "inst.toml")


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    outside = tmp_path / "elsewhere.toml"
    outside.write_bytes(builtin_bytes())
    (folder / "inst.toml").symlink_to(outside)
    with pytest.raises(InstrumentPlaceRefused, match="outside"):
        recorded_instrument(folder, "inst.toml")


def test_an_instrument_beside_the_file_or_below_it_is_used(tmp_path: Path) -> None:
    (tmp_path / "teams").mkdir()
    shutil.copy(Path(__file__).parent / "data" / "scoring.toml", tmp_path / "teams" / "ours.toml")
    assert recorded_instrument(tmp_path, "teams/ours.toml") == tmp_path / "teams" / "ours.toml"
    assert recorded_instrument(tmp_path, "gone.toml") == tmp_path / "gone.toml"  # missing: the caller decides


def test_the_built_in_is_named_by_its_id(tmp_path: Path) -> None:
    assert recorded_instrument(tmp_path, builtin_instrument().id, builtin_instrument().id) is None
    path = _recording(tmp_path, builtin_instrument().id)
    assert run_stick(["report", str(path)]).returncode == 0


def test_stick_new_records_an_instrument_beside_the_folder_by_name(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_bytes(builtin_bytes())
    done = run_stick(["new", "--org", "O", "--respondent", "R", "--dir", str(tmp_path), "--instrument", str(own)])
    assert done.returncode == 0, done.stderr
    made = Path(done.stdout.strip())
    assert 'instrument_file = "own.toml"' in made.read_text(encoding="utf-8")
    assert run_stick(["report", str(made)]).returncode == 0
