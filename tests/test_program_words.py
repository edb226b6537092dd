"""A command stick prints for the user to run starts the way the user started stick.

Run as `python stick.pyz interview F`, the .pyz used to say "To carry on, run:
stick interview F" where there is no `stick`; the installed `stick` must still
say `stick`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from surveys.shell_words import program_words
from tests.conftest import run_stick
from tests.interview_helpers import fresh_file


def _words(argv0: str, *, typed: str = "python", main: str | None = None, found: str | None = None) -> list[str]:
    return program_words(
        argv0=argv0, typed_python=typed, executable="/usr/bin/python3.12", main_module=main, on_path=lambda: found
    )


def test_a_pyz_is_started_with_the_python_as_typed() -> None:
    assert _words("stick.pyz", main="__main__") == ["python", "stick.pyz"]
    assert _words(r"D:\tools\stick.PYZ", typed="py") == ["py", r"D:\tools\stick.PYZ"]
    assert _words("stick.pyz", typed="") == ["/usr/bin/python3.12", "stick.pyz"]


def test_python_dash_m_names_the_interpreter() -> None:
    assert _words("/src/tui/__main__.py", main="tui.__main__") == ["/usr/bin/python3.12", "-m", "tui"]


def test_the_installed_command_is_its_short_name_when_path_finds_it() -> None:
    assert _words("/home/kim/.venv/bin/stick", found="/home/kim/.venv/bin/stick") == ["stick"]
    assert _words(r"C:\venv\Scripts\stick", found=r"C:\venv\Scripts\stick.EXE") == ["stick"]
    # Another stick first on PATH, or none: the one that ran, by its path.
    assert _words("/home/kim/.venv/bin/stick", found="/usr/bin/stick") == ["/home/kim/.venv/bin/stick"]
    assert _words("/opt/stick/bin/stick", found=None) == ["/opt/stick/bin/stick"]


def test_run_inside_another_program_it_is_stick() -> None:
    assert _words("/venv/bin/pytest") == ["stick"]


def test_the_installed_stick_says_stick(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / ("stick.exe" if sys.platform == "win32" else "stick")
    if not script.exists():
        pytest.skip("stick is not installed in this environment")
    path = fresh_file(tmp_path)
    env = {**os.environ, "PATH": f"{script.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(
        ["stick", "interview", path.name, "--plain"],
        input="1\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"To carry on, run: stick interview {path.name} --plain"
    misspelt = subprocess.run(["stick", "intervew", "x"], capture_output=True, text=True, env=env, timeout=60)
    assert misspelt.returncode == 2 and "(see: stick --help)" in misspelt.stderr


def test_every_printed_command_starts_as_stick_did(tmp_path: Path) -> None:
    """The unknown-command hint and `check`'s pointer from an instrument with many problems, under `python -m tui`."""
    started = f"{sys.executable} -m tui" if " " not in sys.executable else None
    if started is None:
        pytest.skip("a Python path with a space is quoted; the unit tests cover it")
    misspelt = run_stick(["intervew", "x"])
    assert misspelt.returncode == 2 and f"(see: {started} --help)" in misspelt.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text('id = 3\nversion = 4\n[[dimensions]]\nid = ""\n', encoding="utf-8")
    done = run_stick(["report", str(fresh_file(tmp_path)), "--instrument", str(bad)])
    assert done.returncode == 2 and f"run: {started} check {bad})" in done.stderr


def test_a_python_path_with_a_space_runs_when_pasted_into_powershell() -> None:
    from surveys.shell_words import Shell, command_for

    python = r"C:\Program Files\Python312\python.exe"
    assert command_for([python, "stick.pyz"], Shell.POWERSHELL) == rf"& '{python}' stick.pyz"
    assert command_for([python, "stick.pyz"], Shell.CMD) == rf'"{python}" stick.pyz'
    assert command_for(["stick", "interview", "a b.toml"], Shell.POWERSHELL) == "stick interview 'a b.toml'"
