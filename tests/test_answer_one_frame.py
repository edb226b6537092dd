"""An answer redraws lines, never the layout: issue 15 saw Textual's full relayout and compositor in every answer.

Counted, not timed (the time is the benchmarks' business): the screen's
layouts and whole-screen paints while a person answers question after question
from the keyboard, at both sizes people use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# Textual internal: its compositor is where reflows are counted (the test is the guard).
from textual._compositor import Compositor

from surveys.files.response_file import load_assessment
from tests.app_support import questions_open
from tui.app.question_pane import QuestionPane


@contextmanager
def counted(monkeypatch: pytest.MonkeyPatch, *names: str) -> Iterator[Counter[str]]:
    """How often each of the compositor's `names` runs while the block runs."""
    calls: Counter[str] = Counter()

    def counting(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return method(*args, **kwargs)

        return run

    for name in names:
        monkeypatch.setattr(Compositor, name, counting(name, getattr(Compositor, name)))
    yield calls


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_answering_question_after_question_never_lays_the_screen_out(
    tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    async with questions_open(tmp_path, size=size) as (_app, pilot, screen, later):
        answered: list[str] = []
        with counted(monkeypatch, "reflow", "render_full_update") as calls:
            while len(answered) < 10:
                question = screen.question
                if question.kind == "text":
                    await pilot.press("right")
                    continue
                await pilot.press("1")
                await pilot.pause()
                answered.append(question.id)
                assert screen.question is not question  # it moved on
        saved = load_assessment(later).answers
        assert all(saved[qid].choice == 1 for qid in answered)
        assert calls["reflow"] == 0, f"{calls['reflow']} layouts in 10 answers"
        assert calls["render_full_update"] == 0


async def test_the_next_question_is_wrapped_before_it_is_asked_for(tmp_path: Path) -> None:
    async with questions_open(tmp_path, size=(120, 40)) as (_app, pilot, screen, _later):
        pane = screen.query_one(QuestionPane)
        await pilot.pause(0.2)  # the person reads: the next question is wrapped meanwhile
        wrapped = dict(pane._kept)
        await pilot.press("right")
        await pilot.pause()
        width = pane.content_size.width
        # Warmed while the last question was read: looked up now, not wrapped again.
        assert ("heading", pane.key, width, width) in wrapped
