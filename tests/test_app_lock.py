"""The app takes a file's lock while answering it; a file another stick holds opens read-only or not at all."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from surveys.files.response_file import load_assessment
from surveys.locks.lock import lock_path, read_holder
from tests import lock_holders
from tests.app_support import demo_folder
from tui.app.app import StickApp
from tui.app.factory import make_app
from tui.app.home import HomeScreen
from tui.app.locked import LockedDialog
from tui.app.plan import PlanScreen
from tui.app.priority_editor import PriorityEditor
from tui.app.question import QuestionScreen
from tui.app.question_pane import QuestionPane
from tui.app.result import ResultScreen


def write_lock(path: Path, pid: int, user: str = "kim") -> None:
    """A lock nobody holds any more, as a killed stick leaves it."""
    lock_holders.write_lock(path, pid=pid, user=user)


@contextmanager
def held_by_kim(path: Path) -> Iterator[None]:
    """The file's lock held by a live process that is not this one, as another stick would."""
    with lock_holders.held_lock(path, user="kim"):
        yield


def record_notifications(app: StickApp) -> list[str]:
    seen: list[str] = []
    real = app.notify

    def notify(message: str, **kwargs: object) -> None:
        seen.append(message)
        real(message, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return seen


def mine(path: Path) -> bool:
    holder = read_holder(path)
    return holder is not None and holder.pid == os.getpid() and holder.program == "stick"


async def test_locked_file_offers_read_only_and_then_changes_nothing(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    before = later.read_bytes()
    with held_by_kim(later):
        lock_before = lock_path(later).read_bytes()
        app = make_app(later.parent, later)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, LockedDialog)
            message = str(dialog.query_one("#message", Static).render())
            assert "by kim on" in message and "since 2026-11-26 09:00" in message and "stick interview" in message
            notes = record_notifications(app)
            await pilot.press("r")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            assert "READ-ONLY" in str(screen.sub_title)
            assert "Read-only: kim on" in screen.query_one(QuestionPane).text()
            start = screen.index
            await pilot.press("1", "d", "backspace", "t", "enter")
            assert screen.index == start  # an answer refused does not move on
            assert all(field.disabled for field in screen.query(Input))
            await pilot.press("right")
            assert screen.index == start + 1  # looking around still works
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            await pilot.press("p")
            await pilot.pause()
            assert isinstance(app.screen, PlanScreen)
            await pilot.press("a", "x", "enter")
            await pilot.pause()
            assert not isinstance(app.screen, PriorityEditor)
            await pilot.press("ctrl+q")
        refusals = [n for n in notes if n.startswith("read-only: kim on")]
        assert len(refusals) >= 7, notes  # 1, d, backspace, t, enter; a, x, enter on the plan
        assert later.read_bytes() == before
        assert lock_path(later).read_bytes() == lock_before  # kim's lock is kim's to release


async def test_cancel_leaves_the_file_alone_and_stays_home(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    before = later.read_bytes()
    with held_by_kim(later):
        app = make_app(later.parent)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("enter")  # the newest: the locked one
            await pilot.pause()
            assert isinstance(app.screen, LockedDialog)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert not any(isinstance(s, QuestionScreen) for s in app.screen_stack)
            assert app.context is None and app.lock is None
        assert later.read_bytes() == before
        assert not mine(later)


async def test_stick_file_on_a_locked_file_cancel_goes_home(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    with held_by_kim(later):
        app = make_app(later.parent, later)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("tab", "enter")  # to the Cancel button
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert app.return_code in (None, 0)


async def test_lock_of_a_dead_process_is_cleared_and_the_file_opens(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    write_lock(later, dead.pid)
    app = make_app(later.parent, later)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert "READ-ONLY" not in str(screen.sub_title)
        assert mine(later)
        qid = screen.question.id
        await pilot.press("1")
        assert load_assessment(later).answers[qid].choice == 1


async def test_stale_lock_found_when_opening_from_home_is_cleared(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        write_lock(later, dead.pid)  # after the start-up sweep: opening must recognise it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert mine(later)


async def test_lock_is_held_while_open_and_gone_after_home_another_file_and_quit(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.screen.store.path == later
        assert mine(later)
        await pilot.press("escape")  # back Home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not lock_path(later).exists()
        await pilot.press("down", "enter")  # another assessment, finished: it opens at its result
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultScreen)
        other = screen.context.store.path
        assert other != later and mine(other) and not lock_path(later).exists()
        await pilot.press("ctrl+q")
    assert not lock_path(other).exists()
    assert list(later.parent.glob(".*.lock")) == []


async def test_a_new_assessment_is_locked_while_answered(tmp_path: Path) -> None:
    from tests.test_app_flow import only_file, type_text

    folder = tmp_path / "answers"
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await type_text(pilot, "Lock PCT")
        await pilot.press("enter")
        await type_text(pilot, "Kim")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert mine(only_file(folder))
    assert list(folder.glob(".*.lock")) == []


async def test_the_lock_goes_even_when_the_app_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    later = demo_folder(tmp_path / "answers")

    def broken(self: QuestionScreen) -> None:
        raise RuntimeError("a bug in a screen")

    monkeypatch.setattr(QuestionScreen, "action_jump", broken)
    app = make_app(later.parent, later)
    with pytest.raises(RuntimeError, match="a bug in a screen"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert mine(later)
            await pilot.press("j")
            await pilot.pause()
    assert not lock_path(later).exists()


async def test_help_lists_the_keys_of_the_open_elsewhere_dialog(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one(Static).render())
    assert "open elsewhere" in text.lower()
    assert "Look without saving anything" in text and "Leave the file to whoever has it open" in text


async def test_a_file_that_cannot_be_locked_lands_on_home_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from surveys.errors import StickError
    from surveys.locks.lock import FileLock

    later = demo_folder(tmp_path / "answers")

    def refuse(self: FileLock) -> None:
        raise StickError(f"{self.path}: cannot lock: Read-only file system")

    monkeypatch.setattr(FileLock, "acquire", refuse)
    app = make_app(later.parent, later)
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert any("cannot lock" in n for n in notes)


async def test_an_interview_cannot_write_a_file_the_app_has_open(tmp_path: Path) -> None:
    from tests.conftest import run_stick

    later = demo_folder(tmp_path / "answers")
    before = later.read_bytes()
    app = make_app(later.parent, later)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert mine(later)
        done = run_stick(["interview", str(later), "--plain"], input="1\n2\n")
        assert done.returncode == 2
        assert "already open by" in done.stderr and "(stick, process" in done.stderr
        assert later.read_bytes() == before


async def test_the_app_offers_read_only_on_a_file_a_running_interview_has_open(tmp_path: Path) -> None:
    from tests.conftest import ROOT, child_pythonpath

    later = demo_folder(tmp_path / "answers")
    interview = subprocess.Popen(
        [sys.executable, "-m", "tui", "interview", str(later), "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": child_pythonpath()},
    )
    try:
        assert interview.stdout is not None
        interview.stdout.readline()  # it has started, so it holds the lock
        holder = read_holder(later)
        assert holder is not None and holder.pid == interview.pid
        app = make_app(later.parent, later)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LockedDialog)
            assert "(stick interview, process" in str(app.screen.query_one("#message", Static).render())
    finally:
        interview.kill()
        interview.wait()
