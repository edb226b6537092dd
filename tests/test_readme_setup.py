"""The README's set-up lines, pasted into a fresh shell as a newcomer would, give a working stick.

They are run literally, in a copy of the project with no virtual environment
active. pip is kept off the network by its own settings (PIP_NO_INDEX, and a
folder of wheels that CI fetches before the tests: STICK_WHEELHOUSE), so the
commands are the README's and the test reaches nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

WHEELHOUSE = os.environ.get("STICK_WHEELHOUSE", "")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="the POSIX lines; needs a pseudo-terminal"),
    pytest.mark.skipif(not WHEELHOUSE, reason="STICK_WHEELHOUSE not set (.ci/run fetches the wheels)"),
]


def readme_block(name: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- setup:{name} -->\n```\n(.*?)```", text, re.S)
    assert found is not None, f"the README has no setup:{name} block"
    return found.group(1)


def project_copy(into: Path) -> Path:
    """The project as a newcomer gets it: the files git tracks (or the tree), nothing built."""
    into.mkdir()
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        names = [n for n in listed.decode().split("\0") if n]
    except (OSError, subprocess.CalledProcessError):
        names = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file() and ".venv" not in p.parts]
    for name in names:
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    return into


def shell_env() -> dict[str, str]:
    """A fresh shell's environment: no virtual environment active, pip kept to the wheel folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    active = os.environ.get("VIRTUAL_ENV")
    if active:
        env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(active))
    env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=WHEELHOUSE, PIP_DISABLE_PIP_VERSION_CHECK="1", TERM="xterm-256color")
    return env


def test_the_posix_setup_lines_install_and_open_stick(tmp_path: Path) -> None:
    from tests.app_pty import Terminal

    copy = project_copy(tmp_path / "stick")
    lines = readme_block("posix")
    assert "python3 -m venv .venv" in lines and "pip install ." in lines
    env = shell_env()
    env["STICK_DIR"] = str(tmp_path / "assessments")
    term = Terminal(["bash", "-e", "-c", lines], cwd=copy, env=env)
    try:
        term.wait_for("New", timeout=480)  # Home's key line: the app is up
        term.type("\x11")
    finally:
        code = term.close(timeout=30)
    assert code == 0, term.output[-2000:]
    assert (copy / ".venv" / "bin" / "stick").exists()
