"""Odd environments: a folder named for no user, no HOME, a broken TZ, a console that cannot show Urdu.

Each command either works or says why in one line with exit 2; it never
crashes, and never writes a file and then crashes printing its path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, child_pythonpath
from tests.hostile import hostile_file
from tests.interview_helpers import fresh_file

URDU_ORG = "نوٹ Trust \u202e"


def _run(
    args: list[str], env: dict[str, str], drop: tuple[str, ...] = (), stdin: str = ""
) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, "PYTHONPATH": child_pythonpath(), **env}
    for name in drop:
        full.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], input=stdin.encode(), capture_output=True, env=full, cwd=ROOT, timeout=60
    )


def _fine(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")[-1500:]
    assert done.returncode in (0, 2), done.stderr
    if done.returncode == 2:
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_stick_dir_under_a_user_that_does_not_exist(tmp_path: Path) -> None:
    done = _run(["new", "--org", "O", "--respondent", "R"], {"STICK_DIR": "~nosuchuser-stick/x"}, stdin="")
    _fine(done)
    app_folder = _run(["report", str(fresh_file(tmp_path))], {"STICK_DIR": "~nosuchuser-stick/x"})
    assert app_folder.returncode == 0


def test_no_home_and_no_stick_dir(tmp_path: Path) -> None:
    # The home is then the user database's: the test's own folder (tests/netguard), never the real one.
    home = tmp_path / "home"
    done = _run(
        ["new", "--org", "O", "--respondent", "R"],
        {"STICK_TEST_USER_HOME": str(home)},
        drop=("HOME", "STICK_DIR", "XDG_DOCUMENTS_DIR"),
    )
    _fine(done)
    if done.returncode == 0:
        made = Path(done.stdout.decode().strip())
        assert made.parent == home / "Documents" / "stick" and made.is_file(), made


TZS = ["XYZ-24:59", "Nowhere/Nothing", ":/etc/passwd"]


@pytest.mark.parametrize("tz", TZS)
def test_a_broken_tz(tmp_path: Path, tz: str) -> None:
    path = fresh_file(tmp_path)
    _fine(_run(["report", str(path)], {"TZ": tz}))
    _fine(_run(["new", "--org", "O", "--respondent", "R", "--dir", str(tmp_path)], {"TZ": tz}))
    _fine(_run(["export", str(path), "-o", str(tmp_path / "o.xlsx")], {"TZ": tz}))


def test_a_broken_tz_in_an_interview(tmp_path: Path) -> None:
    _fine(_run(["interview", str(fresh_file(tmp_path)), "--plain"], {"TZ": "XYZ-24:59"}, stdin="1\n"))


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "cp1252"},
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": ""},
    ],
    ids=["cp1252", "ascii", "latin-1", "LANG=C"],
)
def test_a_console_that_cannot_show_urdu(tmp_path: Path, env: dict[str, str]) -> None:
    env = {**env, "PYTHONUTF8": "0"}
    made = _run(["new", "--org", URDU_ORG, "--respondent", "کامران", "--dir", str(tmp_path)], env)
    assert made.returncode == 0, made.stderr
    (path,) = tmp_path.glob("*.toml")
    assert made.stdout.strip(), "the path is printed, with what cannot be shown replaced"
    for args in (["report", str(path)], ["report", str(path), "--json"], ["interview", str(path), "--plain"]):
        done = _run(args, env, stdin="1 نوٹ\n")
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr
    out = tmp_path / "نوٹ.xlsx"
    exported = _run(["export", str(path), "-o", str(out)], env)
    assert exported.returncode == 0, exported.stderr
    assert out.exists() and exported.stdout.strip()
    bad = _run(["report", str(tmp_path / "نوٹ-missing.toml")], env)
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    _fine(_run(["report", str(hostile_file(tmp_path))], env))


def test_no_home_anywhere_gives_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # With no HOME and no entry in the user database, platformdirs answers "~/Documents".
    import platformdirs

    from surveys.errors import StickError
    from surveys.folders.storage import default_folder

    monkeypatch.delenv("STICK_DIR", raising=False)
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: "~/Documents")
    with pytest.raises(StickError, match="STICK_DIR"):
        default_folder()
    monkeypatch.setenv("STICK_DIR", "~nosuchuser-stick/x")
    with pytest.raises(StickError, match="no such user"):
        default_folder()
