"""The single-file build runs with a plain Python that has none of our packages."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pyz")
    pyz = folder / "stick.pyz"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_pyz.py"), "--output", str(pyz)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    bare = folder / "bare"
    venv.EnvBuilder(with_pip=False).create(bare)
    python = bare / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    assert subprocess.run([str(python), "-I", "-c", "import textual"], capture_output=True).returncode != 0, (
        "the bare environment must not have our dependencies"
    )
    return pyz, python


def _run(
    built: tuple[Path, Path],
    *args: str,
    input: str | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    pyz, python = built
    return subprocess.run(
        [str(python), "-I", str(pyz), *args],
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=cwd,
        env=env,
    )


def test_version(built: tuple[Path, Path]) -> None:
    done = _run(built, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("stick 0.")


def test_new_plain_interview_and_report(built: tuple[Path, Path], tmp_path: Path) -> None:
    env = {"STICK_DIR": str(tmp_path), "PATH": "", "PYTHONIOENCODING": "utf-8"}
    made = _run(built, "new", "--org", "Pyz PCT", "--respondent", "Zoë", env=env)
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    assert path.parent == tmp_path
    interview = _run(built, "interview", str(path), "--plain", input="1\n2 =note سلام\nd\n", env=env)
    assert interview.returncode == 0, interview.stderr
    answers = tomllib.loads(path.read_text(encoding="utf-8"))["answers"]
    assert len(answers) == 3 and list(answers.values())[1]["note"] == "=note سلام"
    report = _run(built, "report", str(path), "--json", env=env)
    assert report.returncode == 0, report.stderr
    assert '"answered": 2' in report.stdout


def test_check_reports_a_located_problem(built: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("id = 3\n", encoding="utf-8")
    done = _run(built, "check", str(bad))
    assert done.returncode == 2 and f"{bad}:1:" in done.stderr
