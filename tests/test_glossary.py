"""The deck's abbreviations are explained: in the instrument's glossary, where they first appear, and in help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Static

from surveys.instruments.glossary import terms_used
from surveys.instruments.instrument_file import builtin_instrument, problems_in
from tests.app_support import TODAY, answered, write
from tests.conftest import run_stick
from tests.example import MINIMAL, example_text
from tests.screen_text import flowing, screen_rows
from tui.app.factory import make_app
from tui.app.hanging import HangingText
from tui.app.help import HelpScreen

DECK = builtin_instrument()
SIZES = [(80, 24), (120, 40)]
# Each term and the name it stands for, as the brief reads the deck.
TERMS = {
    "RRAA": "Race Relations (Amendment) Act 2000",
    "PCT": "Primary Care Trust",
    "SaFF": "Service and Financial Framework",
    "NSF": "National Service Framework",
    "DoH": "Department of Health",
    "IWL": "Improving Working Lives",
}


def test_the_built_in_instrument_explains_the_decks_six_abbreviations() -> None:
    glossary = dict(DECK.glossary)
    assert list(glossary) == list(TERMS)
    for term, name in TERMS.items():
        assert glossary[term].startswith(f"{name}, ")


def _shown(section_intro: str, question_texts: list[str]) -> str:
    return "\n".join([section_intro, *question_texts])


def test_each_term_is_spelled_out_where_a_question_first_uses_it() -> None:
    # Seen: "links to the DoH" in an option, never said in full.
    seen: set[str] = set()
    for section in DECK.sections:
        for n, q in enumerate(section.questions):
            texts = [q.text, q.help, *(o.label for o in q.options)]
            around = _shown(section.intro if n == 0 else "", texts).lower()
            for term, _ in terms_used(DECK, texts):
                if term not in seen:
                    seen.add(term)
                    assert TERMS[term].lower() in around, f"{term} first used in {q.id} without its name"
    # The reading note names the deck, which says PCT in its title.
    assert 'PCT" (a Primary Care Trust)' in DECK.reading_note


def _with_glossary(table: str) -> bytes:
    return (example_text(MINIMAL) + "\n" + table).encode("utf-8")


def test_a_teams_own_instrument_can_carry_its_own_glossary() -> None:
    instrument, problems = problems_in(
        _with_glossary('[glossary]\nHWB = "Health and Wellbeing Board, ..."\n'), "f.toml"
    )
    assert problems == [] and instrument is not None
    assert instrument.glossary == (("HWB", "Health and Wellbeing Board, ..."),)
    assert builtin_instrument("eds2022").glossary == ()


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ("[glossary]\nHWB = 3\n", "glossary.HWB must be a string, not"),
        ('[glossary]\nHWB = " "\n', "glossary.HWB must not be empty"),
        ('glossary = "HWB"\n', "glossary must be a table"),
        ('[glossary]\nHWB = "a\\u001b[2Jb"\n', "control character"),
    ],
)
def test_stick_check_names_a_bad_glossary_with_its_line(tmp_path: Path, table: str, problem: str) -> None:
    text = _with_glossary(table)
    if not table.startswith("["):  # a bare key must come before the file's first table
        text = (table + example_text(MINIMAL)).encode("utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(text)
    done = run_stick(["check", str(bad)])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert problem in done.stderr
    assert re.match(rf"{re.escape(str(bad))}:\d+: ", done.stderr)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("where", ["home", "question"])
async def test_help_ends_with_the_glossary(tmp_path: Path, size: tuple[int, int], where: str) -> None:
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 2))
    app = make_app(tmp_path, file if where == "question" else None, today=lambda: TODAY)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one(Static).content)
        text = "\n".join(line.plain for line in app.screen.query_one("#glossary", HangingText).lines(size[0]))
        await pilot.press("end")
        await pilot.pause()
        rows = screen_rows(app)
    assert "Export to Excel" in keys and text.startswith("Words used\n")
    for term, name in TERMS.items():
        assert f"  {term}: {name}, " in text
    assert any("Words used" in row for row in rows) or any("IWL: Improving Working Lives" in row for row in rows)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_result_explains_the_terms_its_implications_use(tmp_path: Path, size: tuple[int, int]) -> None:
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 2))
    app = make_app(tmp_path, file, today=lambda: TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        lines = app.screen.query_one("#result", HangingText).lines(size[0])
        text = flowing([line.plain for line in lines])
    implied = text.split("What this placement implies ")[1]
    # Said in full before its first use.
    assert implied.startswith(f"RRAA: {dict(DECK.glossary)['RRAA']}")
    assert "RRAA" in implied.removeprefix("RRAA: ")


def test_the_interview_help_lists_them() -> None:
    done = run_stick(["interview", "--help"])
    assert done.returncode == 0, done.stderr
    listed = flowing(done.stdout.splitlines())
    for term, name in TERMS.items():
        assert f"{term}: {name}, " in listed
