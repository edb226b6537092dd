"""The real app in a terminal (tmux's pty), without colour: the radar is drawn from the first question, and the
first answer changes the axis it feeds, read off the screen as a person sees it (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_instrument
from tests.tmux_app import HAVE_TMUX, TmuxApp, eventually
from tui.app.radar import MARKER
from tui.app.radar_geometry import BRAILLE_BASE, GRID_DOT

pytestmark = pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux (CI installs it)")
BORDER = "▏"  # the radar's left edge beside the questions


def radar_of(screen: str) -> list[str]:
    """The radar's column of the screen: what lies right of its border, row by row."""
    return [line.split(BORDER, 1)[1] for line in screen.splitlines() if BORDER in line]


def braille(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if BRAILLE_BASE < ord(ch) <= BRAILLE_BASE + 255]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_the_first_answer_of_a_new_assessment_draws_on_the_axis_it_feeds(tmp_path: Path, size: tuple[int, int]) -> None:
    folder = tmp_path / "assessments"
    env = {
        "HOME": str(tmp_path),
        "STICK_DIR": str(folder),
        "STICK_CACHE_DIR": str(tmp_path / "cache"),
        "STICK_CONFIG_DIR": str(tmp_path / "config"),
        "NO_COLOR": "1",
    }
    deck = builtin_instrument()
    first = deck.questions[0]
    app = TmuxApp([], env, tmp_path, size)
    try:
        app.wait_for("No assessments yet")
        app.keys("n")
        app.wait_for("Respondent")
        app.type("Northfield PCT")
        app.keys("Tab")
        app.type("Ann Smith")
        app.keys("C-s")
        before = radar_of(app.wait_for(f"Question 1 of {len(deck.questions)}"))
        # Before any answer: the grid, the spokes' names, the axes this question feeds marked; no shape.
        assert "Profile fit, by dimension" in before[0]
        assert "".join(before).count(GRID_DOT) > 30 and not braille("".join(before))
        assert f"{MARKER}1" in "".join(before) and "this question" in " ".join(before)

        app.keys("1")  # the first option: the first profile of the first dimension, spoke 1, straight up
        after = radar_of(app.wait_for(f"Question 2 of {len(deck.questions)}"))
        path = next(folder.glob("*.toml"))
        eventually(lambda: load_assessment(path), lambda a: a.answers[first.id].choice == 1)
        label_row = next(r for r, line in enumerate(after) if f"{MARKER}1" in line)
        spoke = after[label_row].index(f"{MARKER}1") + 1
        # The cells under spoke 1's name, down to the centre, now hold the shape; before they held grid dots.
        column = [line[spoke - 2 : spoke + 3] for line in after[label_row + 1 : label_row + 6]]
        assert sum(len(braille(cells)) for cells in column) >= 4, "\n".join(after)
        was = [line[spoke - 2 : spoke + 3] for line in before[label_row + 1 : label_row + 6]]
        assert not any(braille(cells) for cells in was)
        assert "no answer yet: 4-9" in " ".join(after).replace("  ", " ")
    finally:
        app.keys("C-q")
        app.close()
