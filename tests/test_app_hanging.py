"""Wrapped lines hang under their first word: options, and the result's fits and implications."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.content import Content

from tests.app_support import questions_open
from tui.app.hanging import HangingText, hang
from tui.app.result import ResultScreen


def test_hang_wraps_to_the_width_and_indents_every_later_line() -> None:
    body = Content("Board papers name a lead for every race equality priority and its measure")
    lines = hang("  - ", body, 30)
    assert len(lines) > 2
    assert lines[0].plain.startswith("  - Board")
    assert all(line.plain.startswith("    ") and line.plain[4] != " " for line in lines[1:])
    assert all(cell_len(line.plain) <= 30 for line in lines)
    assert " ".join(line.plain[4:].strip() for line in lines) == body.plain


def test_hang_counts_cells_not_characters_and_keeps_an_empty_body() -> None:
    wide = hang("• ", Content("نسلی مساوات " * 6 + "中文字符中文字符"), 24)
    assert all(cell_len(line.plain) <= 24 for line in wide)
    assert [line.plain for line in hang("  fit: ", Content(""), 20)] == ["  fit: "]


async def test_the_result_hangs_fits_and_implications_at_80_columns(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (app, pilot, _, _later):
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        text = app.screen.query_one("#result", HangingText)
        lines = [line.plain for line in text.lines(text.content_size.width)]
        assert max(cell_len(line) for line in lines) <= text.content_size.width
        fit = next(n for n, line in enumerate(lines) if line.startswith("  fit: "))
        assert lines[fit + 1].startswith(" " * len("  fit: "))  # at 80 columns the fits wrap
        bullets = [n for n, line in enumerate(lines) if line.startswith("  - ")]
        assert bullets and any(lines[n + 1].startswith("    ") and lines[n + 1].strip() for n in bullets)
