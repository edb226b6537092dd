"""The parallel run's sharing (tests/run_wide.py): a set-up made once for every worker, and a test alone."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tests.run_wide import beside_others, made_once


def test_a_set_up_asked_for_at_once_is_made_once_and_given_to_all(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    builds: list[int] = []

    def build(folder: Path) -> None:
        builds.append(1)
        time.sleep(0.2)  # long enough for every other asker to arrive while it is being made
        (folder / "made").write_text("yes", encoding="utf-8")

    got: list[Path] = []
    askers = [threading.Thread(target=lambda: got.append(made_once(tmp_path_factory, "once", build))) for _ in range(4)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join(timeout=30)
    assert len(builds) == 1 and len(got) == 4 and len(set(got)) == 1
    assert (got[0] / "made").read_text(encoding="utf-8") == "yes"


def test_a_set_up_that_failed_half_way_is_made_again_from_nothing(tmp_path_factory: pytest.TempPathFactory) -> None:
    def broken(folder: Path) -> None:
        (folder / "half").write_text("", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        made_once(tmp_path_factory, "again", broken)

    def whole(folder: Path) -> None:
        (folder / "whole").write_text("", encoding="utf-8")

    folder = made_once(tmp_path_factory, "again", whole)
    assert sorted(p.name for p in folder.iterdir()) == ["whole"]


def test_no_test_runs_beside_one_marked_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")  # as in a worker, where the lock is taken
    worker = tmp_path / "gw0"
    worker.mkdir()
    events: list[str] = []
    inside = threading.Event()

    def alone() -> None:
        with beside_others(str(worker), alone=True):
            inside.set()
            time.sleep(0.3)
            events.append("alone ends")

    def beside() -> None:
        with beside_others(str(worker), alone=False):
            events.append("other starts")

    first = threading.Thread(target=alone)
    first.start()
    assert inside.wait(timeout=30)
    second = threading.Thread(target=beside)
    second.start()
    first.join(timeout=30)
    second.join(timeout=30)
    assert events == ["alone ends", "other starts"]

    # Tests not marked alone run side by side: two shared holders at once.
    with beside_others(str(worker), alone=False):
        both = threading.Thread(target=beside)
        both.start()
        both.join(timeout=5)
        assert not both.is_alive() and events[-1] == "other starts"
