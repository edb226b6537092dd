"""Saves on a shared folder: other machines' temps left alone, owner/group/mode kept, links followed, full disks."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from surveys.errors import ResponseFileError
from surveys.files import atomic
from surveys.files.response_file import load_assessment, save_assessment
from surveys.folders.storage import create_assessment_file
from surveys.locks.lock import lock_path
from surveys.model.responses import new_assessment
from tests.conftest import ROOT, child_pythonpath, run_stick
from tests.lock_holders import dead_pid

HERE = atomic.host_tag()


def _assessment(org: str = "Shared PCT"):  # type: ignore[no-untyped-def]
    return new_assessment(org, "Kim", "", "race-equality-stick", 1)


def _temps(folder: Path, dead: int) -> dict[str, Path]:
    names = {
        "mine, dead": f".a.toml.{HERE}.{dead}-x1ab{atomic.TEMP_SUFFIX}",
        "mine, running": f".b.toml.{HERE}.{os.getppid()}-x2ab{atomic.TEMP_SUFFIX}",
        "another machine's": f".c.toml.another-pc.{dead}-x3ab{atomic.TEMP_SUFFIX}",
        "no machine named": f".d.toml.{dead}-x4ab{atomic.TEMP_SUFFIX}",
        "not stick's": ".backup-job.lock",
        "not stick's either": ".sync.lock",
    }
    out = {}
    for what, name in names.items():
        out[what] = folder / name
        out[what].write_text("half a save")
        os.utime(out[what], (1_000_000_000, 1_000_000_000))  # old: age is no reason to delete
    return out


def test_the_sweep_removes_only_this_machines_temps_of_dead_processes(tmp_path: Path) -> None:
    temps = _temps(tmp_path, dead_pid())
    removed = atomic.clear_stale_temps(tmp_path)
    assert removed == [temps["mine, dead"]]
    assert all(path.exists() for what, path in temps.items() if what != "mine, dead")


def test_another_machines_save_in_flight_survives_an_interview_start(stick_dir: Path) -> None:
    path = Path(run_stick(["new", "--org", "Shared PCT", "--respondent", "Kim"]).stdout.strip())
    temps = _temps(stick_dir, dead_pid())
    done = run_stick(["interview", str(path), "--plain"], input="1\n")
    assert done.returncode == 0, done.stderr
    assert not temps["mine, dead"].exists()
    assert all(p.exists() for what, p in temps.items() if what != "mine, dead")


def test_another_machines_save_in_flight_survives_an_app_start(tmp_path: Path) -> None:
    from tui.app.factory import make_app

    temps = _temps(tmp_path, dead_pid())
    make_app(tmp_path)
    assert not temps["mine, dead"].exists()
    assert all(p.exists() for what, p in temps.items() if what != "mine, dead")


def test_a_temp_names_its_machine_and_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = os.replace

    def spy(source: str, target: object) -> None:
        seen.append(Path(source).name)
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setenv("STICK_HOST", "pc-12.trust.nhs.uk")
    monkeypatch.setattr(os, "replace", spy)
    save_assessment(tmp_path / "a.toml", _assessment())
    assert seen and seen[0].startswith(f".a.toml.pc-12_trust_nhs_uk.{os.getpid()}-")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_a_save_keeps_the_files_owner_group_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    save_assessment(path, _assessment())
    os.chown(path, 4321, 5432)  # a colleague's file, in the team's group
    os.chmod(path, 0o664)
    save_assessment(path, _assessment("Changed PCT"))
    kept = path.stat()
    assert (kept.st_uid, kept.st_gid, stat.S_IMODE(kept.st_mode)) == (4321, 5432, 0o664)
    assert load_assessment(path).organisation == "Changed PCT"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_file_nobody_may_write_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    save_assessment(path, _assessment())
    os.chmod(path, 0o444)
    before = path.read_bytes()
    with pytest.raises(ResponseFileError, match="cannot save: the file is read-only") as caught:
        save_assessment(path, _assessment("Changed PCT"))
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_an_interview_on_a_read_only_file_stops_with_one_line(stick_dir: Path) -> None:
    path = Path(run_stick(["new", "--org", "Shared PCT", "--respondent", "Kim"]).stdout.strip())
    os.chmod(path, 0o444)
    before = path.read_bytes()
    done = run_stick(["interview", str(path), "--plain"], input="1\n")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "read-only" in done.stderr, done.stderr
    assert path.read_bytes() == before


def test_a_symlinked_file_is_saved_through_the_link(tmp_path: Path) -> None:
    target = tmp_path / "team" / "a.toml"
    target.parent.mkdir()
    save_assessment(target, _assessment())
    os.chmod(target, 0o660)
    link = tmp_path / "mine" / "a.toml"
    link.parent.mkdir()
    link.symlink_to(target)
    save_assessment(link, _assessment("Through PCT"))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert load_assessment(target).organisation == "Through PCT"
    assert stat.S_IMODE(target.stat().st_mode) == 0o660
    assert sorted(p.name for p in link.parent.iterdir()) == ["a.toml"]
    assert lock_path(link) == lock_path(target)


def test_a_failed_save_of_a_new_assessment_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(ResponseFileError, match="No space left on device"):
        create_assessment_file(tmp_path, _assessment())
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_stick_new_killed_at_random_never_leaves_an_empty_or_broken_file(tmp_path: Path) -> None:
    rng = random.Random(20261201)
    env = {**os.environ, "PYTHONPATH": child_pythonpath(), "STICK_DIR": str(tmp_path)}
    for _ in range(12):
        new = subprocess.Popen(
            [sys.executable, "-m", "tui", "new", "--org", "Killed PCT", "--respondent", "Kim"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
        )
        time.sleep(rng.uniform(0.03, 0.25))
        new.send_signal(signal.SIGKILL)
        new.wait()
    for made in tmp_path.glob("*.toml"):
        load_assessment(made)  # every name that appeared holds a whole file


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KB file system of its own (root only), filled to the last byte by the test."""
    place = tmp_path / "tiny"
    place.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(place)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield place
    finally:
        subprocess.run(["umount", "-l", str(place)], check=False)


def _fill(place: Path) -> None:
    with open(place / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a tmpfs")
def test_a_completely_full_disk_is_one_line_and_leaves_nothing_behind(tiny_disk: Path) -> None:
    path = Path(run_stick(["new", "--org", "Full PCT", "--respondent", "Kim", "--dir", str(tiny_disk)]).stdout.strip())
    before = path.read_bytes()
    _fill(tiny_disk)
    made = run_stick(["new", "--org", "Second PCT", "--respondent", "Kim", "--dir", str(tiny_disk)])
    assert made.returncode == 2 and made.stderr.count("\n") == 1, made.stderr
    assert "No space left on device" in made.stderr
    done = run_stick(["interview", str(path), "--plain"], input="1\n")
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "No space left on device" in done.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == sorted([path.name, "filler"])


_SAVE_AS_COLLEAGUE = """
import os, sys
from pathlib import Path
import tomli_w
from surveys.files.response_file import load_assessment, save_assessment
os.setgroups([5432])
os.setgid(6000)
os.setuid(4322)
path = Path(sys.argv[1])
save_assessment(path, load_assessment(path))
"""


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="becomes another user: needs root")
def test_a_colleague_in_the_group_saving_keeps_the_group_so_the_owner_can_still_write() -> None:
    import shutil
    import tempfile

    # Reachable by the colleague's uid (a pytest folder is private to root).
    shared = Path(tempfile.mkdtemp(prefix="stick-shared-"))
    try:
        os.chmod(shared, 0o777)
        path = shared / "a.toml"
        save_assessment(path, _assessment())
        os.chown(path, 4321, 5432)  # the owner's file, in the team's group
        os.chmod(path, 0o664)
        env = {**os.environ, "PYTHONPATH": child_pythonpath()}
        done = subprocess.run(
            [sys.executable, "-c", _SAVE_AS_COLLEAGUE, str(path)], capture_output=True, text=True, env=env, cwd=ROOT
        )
        assert done.returncode == 0, done.stderr
        saved = path.stat()
        # Only root gives a file away, so it is now the colleague's, but the team's group and mode stay.
        assert (saved.st_uid, saved.st_gid, stat.S_IMODE(saved.st_mode)) == (4322, 5432, 0o664)
    finally:
        shutil.rmtree(shared)
