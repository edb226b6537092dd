"""The panel's plain mode on the deck's own instrument (format 1): profiles, a ladder, the adopter choice, words."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from surveys.panel.opening import open_panel
from tests.panel_support import DECK, rater
from tui.interview.line_io import StreamIO
from tui.panel.plain import run_panel_plain


def test_the_deck_is_agreed_line_by_line_words_and_all(tmp_path: Path) -> None:
    count = len(DECK.questions)
    rater(tmp_path, "Ann", "board", [1] * count, instrument_id="race-equality-stick")
    rater(tmp_path, "Bob", "board", [3] * count, instrument_id="race-equality-stick")
    rater(tmp_path, "Cy", None, [2] * count, instrument_id="race-equality-stick")
    texts = [q for q in DECK.questions if q.kind == "text"]
    lines = ["" for q in DECK.questions if q.kind != "text"]
    lines[0] = "3 Our vision was signed off in May"
    answers = iter(lines)
    script = []
    for question in DECK.questions:
        script.append("Start with the interpreting contract" if question.kind == "text" else next(answers))
    out = io.StringIO()
    with open_panel([tmp_path], on=date(2026, 12, 6)) as panel:
        code = run_panel_plain(panel, StreamIO(io.StringIO("\n".join(script) + "\n"), out, echo=True))
        assert code == 0
        first = panel.agreed(DECK.questions[0].id)
        assert first is not None and (first.choice, first.proposed) == (3, 2)
        assert all(panel.agreed(q.id) is not None for q in DECK.questions)
        assert panel.agreed(texts[0].id).text == "Start with the interpreting contract"  # type: ignore[union-attr]
        assert panel.result.overall_step is not None
    said = out.getvalue()
    assert "2 raters: board 2, no group 1" not in said and "3 raters: board 2, no group 1" in said
    assert "Every rating is agreed." in said
    assert "Result of the agreed ratings:" in said
