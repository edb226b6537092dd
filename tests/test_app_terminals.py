"""The app at small, usual and large sizes, through bursts of resizes, without colour and on TERM=dumb.

No crash, and every answer given between the resizes is in the file afterwards.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from surveys.files.response_file import load_assessment
from tests.interview_helpers import fresh_file

if TYPE_CHECKING:
    from tests.app_pty import Terminal
from tui.app.app import StickApp
from tui.app.factory import make_app
from tui.app.question import QuestionScreen
from tui.app.radar import Radar
from tui.app.too_small import TooSmallScreen

SIZES = [(40, 12), (80, 24), (200, 60)]
BURST = [(80, 24), (40, 12), (200, 60), (79, 24), (80, 23), (120, 40), (81, 25), (30, 8), (160, 50), (80, 24)]


async def answer_here(pilot: Pilot[None], app: StickApp, expected: dict[str, int | str]) -> None:
    """Answer the question on screen (option 2, or a line of text) and note what the file should hold."""
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    question = screen.question
    if question.kind == "text":
        await pilot.press("o", "k", "enter")
        expected[question.id] = "ok"
    else:
        await pilot.press("2")
        expected[question.id] = 2
    await pilot.pause()


def assert_kept(path: Path, expected: dict[str, int | str]) -> None:
    saved = load_assessment(path).answers
    for qid, value in expected.items():
        got = saved[qid].text if isinstance(value, str) else saved[qid].choice
        assert got == value, f"{qid}: {got!r} on disk, {value!r} given"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_each_size_answers_or_asks_to_enlarge(tmp_path: Path, size: tuple[int, int]) -> None:
    path = fresh_file(tmp_path)
    expected: dict[str, int | str] = {}
    app = make_app(tmp_path, path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if size == (40, 12):
            assert isinstance(app.screen, TooSmallScreen)
            notice = str(app.screen.query_one(Static).render())
            assert "40 x 12" in notice and "Nothing is lost" in notice
            await pilot.press("1")  # the notice is over everything: no answer sneaks through
            assert load_assessment(path).answers == {}
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
        for _ in range(3):
            await answer_here(pilot, app, expected)
        radar = app.screen.query_one(Radar)
        assert radar.size.width > 0 and radar.size.height > 0
        assert any(line.strip() for line in radar.picture_text())
    assert_kept(path, expected)


async def test_a_burst_of_resizes_loses_no_answer(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    expected: dict[str, int | str] = {}
    app = make_app(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for width, height in BURST:  # one answer at each size the app can use
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            if isinstance(app.screen, QuestionScreen):
                await answer_here(pilot, app, expected)
        for _ in range(3):  # and back to back, no pause between
            for width, height in BURST:
                await pilot.resize_terminal(width, height)
        await pilot.pause()
        assert app.size == (80, 24)
        assert isinstance(app.screen, QuestionScreen)
        assert sum(isinstance(s, TooSmallScreen) for s in app.screen_stack) == 0
        await answer_here(pilot, app, expected)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert sum(isinstance(s, TooSmallScreen) for s in app.screen_stack) == 1
    usable = sum(w >= 80 and h >= 24 for w, h in BURST)
    assert len(expected) == usable + 1  # once at each usable size, once after the bursts
    assert_kept(path, expected)


# In a real pseudo-terminal: the environment reaches the app as a user's shell would pass it.

pty_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def _wait_for_answers(path: Path, count: int, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while len(load_assessment(path).answers) < count:
        assert time.monotonic() < end, f"only {len(load_assessment(path).answers)} answers saved"
        time.sleep(0.05)


def _drawn_at_full_size(term: Terminal, mark: int, timeout: float = 60) -> None:
    """Wait until the app has drawn every size it was given since `mark` and ends on the question screen.

    The resizes of a burst reach the app as events carrying the size of their moment, handled in
    turn: a frame of the question screen can come before a too-small notice still queued. So the
    app must also have stopped drawing for a moment.
    """
    end = time.monotonic() + timeout
    seen, still_since = -1, time.monotonic()
    while True:
        drawn = term.output[mark:]
        if len(drawn) != seen:
            seen, still_since = len(drawn), time.monotonic()
        elif drawn.rfind(b"Question ") > drawn.rfind(b"enlarge") and time.monotonic() - still_since > 0.3:
            return
        assert time.monotonic() < end, "the app never drew the new size"
        time.sleep(0.02)


def _colours(output: bytes) -> set[tuple[int, ...]]:
    """Every colour the app set: ('5', n) for the 256 palette, (r, g, b) for true colour, (n,) for the 16."""
    found: set[tuple[int, ...]] = set()
    for params in re.findall(rb"\x1b\[([0-9;]*)m", output):
        codes = [int(p) for p in params.split(b";") if p]
        i = 0
        while i < len(codes):
            if codes[i] in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5:
                    found.add((5, codes[i + 2]))
                    i += 3
                    continue
                found.add(tuple(codes[i + 2 : i + 5]))
                i += 5
                continue
            if 30 <= codes[i] <= 37 or 40 <= codes[i] <= 47 or 90 <= codes[i] <= 107:
                found.add((codes[i],))
            i += 1
    return found


def _grey(colour: tuple[int, ...]) -> bool:
    if colour[0] == 5 and len(colour) == 2:
        # 16 and 231 are the black and white corners of the 6x6x6 colour cube.
        return colour[1] in (0, 7, 8, 15, 16, 231) or colour[1] >= 232
    if len(colour) == 3:
        return colour[0] == colour[1] == colour[2]
    return colour[0] in (30, 37, 40, 47, 90, 97, 100, 107)


@pty_only
@pytest.mark.parametrize(
    "env",
    [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"NO_COLOR": "1", "TERM": "dumb"}],
    ids=["NO_COLOR", "TERM=dumb", "both"],
)
def test_real_terminal_without_colour_or_capabilities(tmp_path: Path, env: dict[str, str]) -> None:
    from tests.app_pty import app_started

    path = fresh_file(tmp_path)
    term = app_started(path, env=env)
    try:
        term.type("1")
        _wait_for_answers(path, 1)
        term.type("d")
        _wait_for_answers(path, 2)
        term.type("\x11")
    finally:
        code = term.close()
    assert code == 0
    assert b"Traceback" not in term.output
    answers = load_assessment(path).answers
    assert answers["mat-vision"].choice == 1 and answers["mat-needs"].dont_know
    if "NO_COLOR" in env:
        colours = _colours(term.output)
        assert colours and all(_grey(c) for c in colours), sorted(c for c in colours if not _grey(c))


@pty_only
def test_real_terminal_resized_in_a_burst_while_answering(tmp_path: Path) -> None:
    from tests.app_pty import app_started

    path = fresh_file(tmp_path)
    term = app_started(path)
    try:
        size = (80, 24)  # app_started's
        for n, (width, height) in enumerate(BURST * 2):
            mark, changed, size = len(term.output), (width, height) != size, (width, height)
            term.resize(width, height)
            if n % 4 == 0 and width >= 80 and height >= 24:
                # Typed once the app has drawn this size: while it still shows an earlier, too small
                # one, it lets no key through (as it promises), and a busy machine can be that late.
                if changed:
                    _drawn_at_full_size(term, mark)
                term.type("2")
                _wait_for_answers(path, len(load_assessment(path).answers) + 1)
        mark = len(term.output)
        term.resize(80, 25)
        _drawn_at_full_size(term, mark)
        term.type("1")
        _wait_for_answers(path, len(load_assessment(path).answers) + 1)
        term.type("\x11")
    finally:
        code = term.close()
    assert code == 0
    assert b"Traceback" not in term.output
    assert len(load_assessment(path).answers) >= 3
