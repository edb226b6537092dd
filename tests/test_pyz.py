"""The single-file build runs with a plain Python that has none of our packages, on every Python 3.11-3.13 here.

The zip holds the bytecode of the Python that built it; on another Python its
start unpacks it once into the cache folder (scripts/pyz_main.py). Each Python
3.11, 3.12 and 3.13 found on this machine runs the built file; CI has only its
own, so the unpacking is also run there on a copy of the file that claims some
other Python's bytecode.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.run_wide import made_once

VERSIONS = ("3.11", "3.12", "3.13")


@functools.cache
def find_python(version: str) -> str | None:
    """A Python of that version on this machine: on PATH, in pyenv, or named in STICK_TEST_PYTHONS."""
    candidates = [p for p in os.environ.get("STICK_TEST_PYTHONS", "").split(os.pathsep) if p]
    if f"{sys.version_info.major}.{sys.version_info.minor}" == version:
        candidates.append(sys.executable)
    candidates += [shutil.which(f"python{version}") or ""]
    candidates += [str(p) for p in sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python{version}"))]
    for candidate in filter(None, candidates):
        try:
            done = subprocess.run(
                [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=30,
            )
        except OSError:
            continue
        if done.returncode == 0 and done.stdout.strip() == version:
            return candidate
    return None


@pytest.fixture(scope="module")
def pyz(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file built once for the run, whichever worker's test needs it first; only read, copied where changed."""

    def build(folder: Path) -> None:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_pyz.py"), "--output", str(folder / "stick.pyz")],
            check=True,
            capture_output=True,
            timeout=300,
        )

    return made_once(tmp_path_factory, "stick-pyz", build) / "stick.pyz"


def bare_python(base: str, folder: Path) -> Path:
    """A virtual environment of that Python with nothing installed in it."""
    subprocess.run([base, "-m", "venv", "--without-pip", str(folder)], check=True, capture_output=True, timeout=120)
    python = folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    assert subprocess.run([str(python), "-I", "-c", "import textual"], capture_output=True).returncode != 0, (
        "the bare environment must not have our dependencies"
    )
    return python


class Pyz:
    """One built file, one bare Python, one cache folder."""

    def __init__(self, pyz: Path, python: Path, cache: Path) -> None:
        self.pyz, self.python, self.cache = pyz, python, cache

    def run(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.python), "-I", str(self.pyz), *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            env={"PATH": "", "PYTHONIOENCODING": "utf-8", "STICK_CACHE_DIR": str(self.cache), **(env or {})},
        )


@pytest.fixture(scope="module", params=VERSIONS)
def built(request: pytest.FixtureRequest, pyz: Path, tmp_path_factory: pytest.TempPathFactory) -> Pyz:
    version: str = request.param
    base = find_python(version)
    if base is None:
        pytest.skip(f"no Python {version} on this machine")
    folder = tmp_path_factory.mktemp(f"py{version}")
    return Pyz(pyz, bare_python(base, folder / "bare"), folder / "cache")


def test_version(built: Pyz) -> None:
    done = built.run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("stick 0.")


def test_new_plain_interview_and_report(built: Pyz, tmp_path: Path) -> None:
    env = {"STICK_DIR": str(tmp_path)}
    made = built.run("new", "--org", "Pyz PCT", "--respondent", "Zoë", env=env)
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    assert path.parent == tmp_path
    interview = built.run("interview", str(path), "--plain", input="1\n2 =note سلام\nd\n", env=env)
    assert interview.returncode == 0, interview.stderr
    answers = tomllib.loads(path.read_text(encoding="utf-8"))["answers"]
    assert len(answers) == 3 and list(answers.values())[1]["note"] == "=note سلام"
    report = built.run("report", str(path), "--json", env=env)
    assert report.returncode == 0, report.stderr
    assert '"answered": 2' in report.stdout


def test_check_reports_a_located_problem(built: Pyz, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("id = 3\n", encoding="utf-8")
    done = built.run("check", str(bad))
    assert done.returncode == 2 and f"{bad}:1:" in done.stderr


def test_only_another_python_unpacks_into_the_cache(built: Pyz, tmp_path: Path) -> None:
    """The building Python runs straight from the zip; any other runs from its copy in the cache, compiled there."""
    # A report of a file of its own: the engine's modules imported here, whatever ran before in this cache.
    made = built.run("new", "--org", "Cache PCT", "--respondent", "Ann", env={"STICK_DIR": str(tmp_path)})
    assert made.returncode == 0, made.stderr
    assert built.run("report", made.stdout.strip()).returncode == 0
    copies = sorted(p.name for p in (built.cache / "pyz").glob("*")) if built.cache.exists() else []
    tag = subprocess.run(
        [str(built.python), "-c", "import sys; print(sys.implementation.cache_tag)"], capture_output=True, text=True
    ).stdout.strip()
    if tag == sys.implementation.cache_tag:
        assert copies == []
    else:
        assert len(copies) == 1 and copies[0].endswith(f"-{tag}")
        compiled = list((built.cache / "pyz" / copies[0]).rglob(f"__pycache__/*.{tag}.pyc"))
        assert len(compiled) > 10, "the modules imported were compiled for this Python, and kept"
        assert (built.cache / "pyz" / copies[0] / "complete").is_file()


# --- The unpacking, on this machine's own Python: a copy of the file that claims other bytecode.


@pytest.fixture(scope="module")
def foreign(pyz: Path, tmp_path_factory: pytest.TempPathFactory) -> Pyz:
    """The built file, its start saying the bytecode inside is for a Python that does not exist."""
    folder = tmp_path_factory.mktemp("foreign")
    copy = folder / "stick.pyz"
    with zipfile.ZipFile(pyz) as source, open(copy, "wb") as handle:
        handle.write(b"#!/usr/bin/env python3\n")
        with zipfile.ZipFile(handle, "w") as target:
            for member in source.infolist():
                if member.filename == "__main__.pyc":
                    continue  # its compiled twin would still say the truth
                data = source.read(member)
                if member.filename == "__main__.py":
                    data = re.sub(rb'^BYTECODE = "[^"]*"', b'BYTECODE = "cpython-0"', data, count=1, flags=re.M)
                target.writestr(member, data)
    return Pyz(copy, bare_python(sys.executable, folder / "bare"), folder / "unused")


def _copies(cache: Path) -> list[str]:
    return sorted(p.name for p in (cache / "pyz").iterdir())


def test_a_start_killed_while_unpacking_leaves_no_broken_copy(foreign: Pyz, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    starting = subprocess.Popen(
        [str(foreign.python), "-I", str(foreign.pyz), "--version"],
        env={"PATH": "", "STICK_CACHE_DIR": str(cache)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while starting.poll() is None and not [p for p in (cache / "pyz").glob(".*") if any(p.rglob("*.py"))]:
            time.sleep(0.01)
    finally:
        starting.kill()
        starting.wait()
    assert starting.returncode != 0, "killed before it finished unpacking"
    partial = [p for p in (cache / "pyz").glob(".*")]
    assert partial and not [p for p in (cache / "pyz").glob("*") if not p.name.startswith(".")]
    old = 2 * 3600
    for p in partial:
        os.utime(p, (p.stat().st_mtime - old, p.stat().st_mtime - old))
    done = foreign.run("--version", env={"STICK_CACHE_DIR": str(cache)})
    assert done.returncode == 0, done.stderr
    (copy,) = _copies(cache)
    assert copy.endswith(sys.implementation.cache_tag or "") and (cache / "pyz" / copy / "complete").is_file()


def test_two_first_starts_at_once_share_one_copy(foreign: Pyz, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"PATH": "", "STICK_CACHE_DIR": str(cache)}
    both = [
        subprocess.Popen(
            [str(foreign.python), "-I", str(foreign.pyz), "--version"], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    for started in both:
        out, _ = started.communicate(timeout=300)
        assert started.returncode == 0 and out.startswith("stick 0.")
    assert len(_copies(cache)) == 1, "one complete copy, no half-made one left"


def test_an_unusable_cache_folder_runs_from_the_zip(foreign: Pyz, tmp_path: Path) -> None:
    """A cache folder that cannot be made (here: below a file; on a locked-down PC, read-only) is no failure."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    done = foreign.run("report", "--help", env={"STICK_CACHE_DIR": str(blocker / "cache")})
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout and done.stderr == ""


def test_the_readme_gives_the_size_of_the_build(pyz: Path) -> None:
    """The README's size is the built file's (it differs with the building Python's bytecode), to within 2%.

    A tolerance, not the last decimal: every module added moves the size a little, and a
    reader choosing where to put the file needs the size, not its last hundred kilobytes.
    """
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"`dist/stick\.pyz` \(([0-9.]+) MiB built with Python 3\.11, ([0-9.]+) MiB with 3\.12 or 3\.13", text
    )
    assert found is not None, "the README names the file's size"
    figures = {(3, 11): found.group(1), (3, 12): found.group(2), (3, 13): found.group(2)}
    if sys.version_info[:2] not in figures:
        pytest.skip("the README gives the sizes built with 3.11-3.13")
    said = float(figures[sys.version_info[:2]])
    built = pyz.stat().st_size / 2**20
    assert abs(said - built) / built < 0.02, f"the build is {built:.1f} MiB: say it in the README"


def test_to_carry_on_it_names_the_command_as_typed(built: Pyz, tmp_path: Path) -> None:
    """`python stick.pyz interview F` says `python stick.pyz interview F`, not `stick`, which is not there."""
    shutil.copy(built.pyz, tmp_path / "stick.pyz")
    env = {"STICK_DIR": str(tmp_path), "PATH": "", "PYTHONIOENCODING": "utf-8", "STICK_CACHE_DIR": str(built.cache)}
    made = built.run("new", "--org", "Typed PCT", "--respondent", "Ann", env={"STICK_DIR": str(tmp_path)})
    name = Path(made.stdout.strip()).name
    done = subprocess.run(
        ["python", "stick.pyz", "interview", name, "--plain"],
        executable=str(built.python),
        input="1\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"To carry on, run: python stick.pyz interview {name} --plain"
