"""Instrument format 2: the documented examples pass and score, and every broken part is named with its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from surveys.files.response_file import from_toml
from surveys.instruments.instrument_file import builtin_instrument, problems_in
from surveys.model.vocabulary import DECK, vocabulary
from surveys.results.report import report_json, report_lines
from surveys.results.scoring import score
from surveys.results.suggestions import suggestion_title
from tests.conftest import run_stick
from tests.example import DECK as DECK_EXAMPLE
from tests.example import EDS, MINIMAL, example_instrument, example_text
from tests.format2_support import deck_words, scored


def _problems(text: str) -> list[str]:
    instrument, problems = problems_in(text.encode("utf-8"), "f.toml")
    assert instrument is None, "expected the file to be rejected"
    return problems


def _line(text: str, needle: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


@pytest.mark.parametrize("which", [DECK_EXAMPLE, EDS, MINIMAL])
def test_each_documented_example_passes_stick_check(tmp_path: Path, which: int) -> None:
    path = tmp_path / "example.toml"
    path.write_text(example_text(which), encoding="utf-8")
    done = run_stick(["check", str(path)])
    assert done.returncode == 0, done.stderr


def test_the_deck_example_is_format_1_and_speaks_the_decks_words() -> None:
    instrument = example_instrument(DECK_EXAMPLE)
    assert instrument.format == 1 and vocabulary(instrument) == DECK


def test_the_docs_name_every_vocabulary_word() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "instrument-format.md").read_text(encoding="utf-8")
    missing = [field for field in DECK._fields if f"`{field}`" not in doc]
    assert missing == []


def test_the_eds_excerpt_scores_like_the_built_in() -> None:
    eds = example_instrument(EDS)
    assert [g.areas for g in eds.groups] == [("1a", "1b", "1c", "1d"), ("2a", "2b", "2c", "2d"), ("3a", "3b", "3c")]
    result = score(eds, scored(eds, [2] * 11))
    assert (result.overall, result.band) == (22, "achieving")
    assert [g.score for g in result.groups] == [8, 8, 6]


def test_the_minimal_check_scores_and_reports_in_plain_words() -> None:
    check = example_instrument(MINIMAL)
    assert not (check.dimensions or check.adopters or check.functions or check.levels or check.groups)
    assert [a.id for a in check.areas] == [q.id for q in check.questions]
    assessment = scored(check, [0, 1, 2, 1, 1, 2], {"policy": "Dated 2019, not on the intranet."})
    result = score(check, assessment)
    assert result.overall == pytest.approx(7 / 6) and result.overall_step == 1
    text = "\n".join(report_lines(check, assessment, result))
    assert "Overall score: 1.2 of 2, Amber." in text
    assert "Is there a written equality policy that staff know about?: 0 of 2, Red." in text
    assert "Move Is there a written equality policy that staff know about? from Red to Amber" in text
    assert "Notes\n  - policy (Red): Dated 2019, not on the intranet." in text
    assert "(answer more questions)" not in text
    assert deck_words(text) == []
    assert deck_words(str(report_json(check, assessment, result))) == []


def test_a_scored_choice_counts_its_options_numbers() -> None:
    text = example_text(MINIMAL).replace(
        '[[sections.questions]]\nid = "board"\nkind = "ladder"',
        '[[sections.questions]]\nid = "staff"\nkind = "choice"\narea = "policy"\ntext = "How many staff know it?"\n\n'
        '[[sections.questions.options]]\nlabel = "Few"\nvalue = 0\n\n'
        '[[sections.questions.options]]\nlabel = "Most"\nvalue = 2\n\n'
        '[[sections.questions]]\nid = "board"\nkind = "ladder"',
    )
    instrument, problems = problems_in(text.encode("utf-8"), "f.toml")
    assert instrument is not None, problems
    staff = instrument.question("staff")
    assert staff is not None and [o.points for o in staff.options] == [0, 2]
    # policy answered Red (0), staff "Most" (2): the area is their mean.
    assessment = scored(instrument, [0, None, None, None, None, 2, None])
    area = next(a for a in score(instrument, assessment).areas if a.area == "policy")
    assert (area.score, area.answered, area.total) == (1.0, 2, 2)


_EDS = example_text(EDS)


@pytest.mark.parametrize(
    ("change", "message", "where"),
    [
        (("to = 21", "to = 20"), "a gap before band 'achieving': nothing covers 21-21", "from = 22"),
        (("from = 22", "from = 21"), "band 'achieving' overlaps band 'developing'", "from = 21"),
        (("to = 33", "to = 32"), "band 'excelling' runs from 33 down to 32", None),
        (("from = 0", "from = 1"), "the bands start at 1, but the overall figure can be as low as 0", "from = 1"),
        (
            ("from = 33\nto = 33", 'from = 33\nto = 33\n\n[[bands]]\nid = "x"\nlabel = "X"\nfrom = 34\nto = 40'),
            "the bands end at 40, but the overall figure can be at most 33",
            None,
        ),
        (
            ('overall = "sum"', 'overall = "total"'),
            "scoring.overall must be one of mean, median, sum",
            'overall = "total"',
        ),
        (("value = 2\n", "value = 1\n"), "step values must rise from the lowest step: 1 follows 1", None),
        (
            ('band = "organisation rating"', 'bands = "ratings"'),
            "unknown key 'bands' in vocabulary",
            'bands = "ratings"',
        ),
        (('areas = ["3a", "3b", "3c"]', 'areas = ["3a", "3b", "3z"]'), "group 'domain-3' names area '3z'", "3z"),
        (
            ('areas = ["3a", "3b", "3c"]', 'areas = ["3a", "3b", "1a"]'),
            "area '1a' is in group 'domain-1' already",
            '"1a"]',
        ),
        (
            ('source = "NHS England', 'source = ["NHS England"]\nx = "'),
            "meta.source must be text or a number",
            "source =",
        ),
        (("format = 2", "format = 3"), "'format' must be 1 or 2, not 3", "format = 3"),
    ],
)
def test_a_broken_format_2_part_is_named_with_its_line(
    change: tuple[str, str], message: str, where: str | None
) -> None:
    broken = _EDS.replace(*change, 1)
    assert broken != _EDS
    problems = _problems(broken)
    hits = [p for p in problems if message in p]
    assert hits, problems
    if where is not None:
        assert hits[0].startswith(f"f.toml:{_line(broken, where)}: "), hits


def test_a_scale_of_one_or_eleven_steps_is_refused() -> None:
    minimal = example_text(MINIMAL)
    one = minimal.replace(minimal[minimal.index('[[steps]]\nid = "amber"') : minimal.index("[[sections]]")], "")
    assert any("the scale needs 2 to 10 steps, not 1" in p for p in _problems(one))
    steps = "".join(f'[[steps]]\nid = "s{n}"\nlabel = "S{n}"\nvalue = {n}\n\n' for n in range(11))
    eleven = minimal[: minimal.index("[[steps]]")] + steps + minimal[minimal.index("[[sections]]") :]
    assert any("the scale needs 2 to 10 steps, not 11" in p for p in _problems(eleven))


def test_an_instrument_that_scores_nothing_is_refused() -> None:
    text = example_text(MINIMAL).replace('kind = "ladder"', 'kind = "text"')
    assert any("nothing here is scored" in p for p in _problems(text))


def test_a_ladder_without_a_scale_and_a_scored_choice_without_numbers_are_refused() -> None:
    minimal = example_text(MINIMAL)
    no_scale = minimal[: minimal.index("[[steps]]")] + minimal[minimal.index("[[sections]]") :]
    assert any("is a ladder, but the instrument has no [[steps]]" in p for p in _problems(no_scale))
    choice = minimal.replace(
        '[[sections.questions]]\nid = "board"\nkind = "ladder"',
        '[[sections.questions]]\nid = "staff"\nkind = "choice"\narea = "policy"\ntext = "Known?"\n\n'
        '[[sections.questions.options]]\nlabel = "No"\nvalue = "no"\n\n'
        '[[sections.questions.options]]\nlabel = "Yes"\nvalue = 1\n\n'
        '[[sections.questions]]\nid = "board"\nkind = "ladder"',
    )
    problems = _problems(choice)
    assert any("option 1 needs a number as 'value': its question is scored" in p for p in problems), problems


def test_format_2_tables_and_unknown_keys_are_refused_in_format_1() -> None:
    deck = example_text(DECK_EXAMPLE)
    problems = _problems(deck + '\n[vocabulary]\narea = "outcome"\n')
    assert any("unknown key 'vocabulary' in the file" in p for p in problems)
    problems = _problems('source = "x"\n' + example_text(MINIMAL))
    assert any("unknown key 'source' in the file" in p for p in problems), "metadata belongs in [meta]"


def test_the_documented_response_file_reads_and_scores_with_eds() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "instrument-format.md").read_text(encoding="utf-8")
    part = doc[doc.index("## Response files") :]
    found = re.search(r"```\n(.*?)```", part, re.S)
    assert found, "the response-file section shows a file"
    assessment = from_toml(found.group(1).encode("utf-8"), "doc.toml")
    eds = builtin_instrument("eds2022")
    assert assessment.instrument_id == eds.id
    result = score(eds, assessment)
    assert (result.completeness.answered, result.completeness.dont_know) == (1, 1)
    assert next(a for a in result.areas if a.area == "1a").score == 2  # option 3, "Achieving activity", scores 2
    assert assessment.priorities[0].area == "2d"


def test_a_transition_is_optional_and_named_by_the_instrument() -> None:
    text = example_text(MINIMAL).replace(
        'meaning = "Not in place."', 'meaning = "Not in place."\ntransition = "write it down"'
    )
    instrument, problems = problems_in(text.encode("utf-8"), "f.toml")
    assert instrument is not None, problems
    assert [s.transition for s in instrument.steps] == ["write it down", "", ""]
    titles = [
        suggestion_title(instrument, s) for s in score(instrument, scored(instrument, [0, 1] + [2] * 4)).suggestions
    ]
    assert titles == [
        "Move Is there a written equality policy that staff know about? from Red to Amber (work on write it down)",
        "Move Is ethnicity recorded for the people the service sees? from Amber to Green",
    ]
