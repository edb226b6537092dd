"""The fixed line protocol of the plain mode, and random lines that must never break it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys.files.response_file import load_assessment
from surveys.model.answers import AnswerState, resolve
from tests.interview_helpers import INSTRUMENT, fresh_file, interview
from tui.interview.flow import Command
from tui.interview.protocol import Invalid, parse_line

CHOICE = INSTRUMENT.questions[0]  # three options
TEXT = next(q for q in INSTRUMENT.questions if q.kind == "text")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1", Command("choose", number=1)),
        ("3\n", Command("choose", number=3)),
        ("03", Command("choose", number=3)),
        ("2 a note", Command("choose", number=2, note="a note")),
        ("2 ", Command("choose", number=2)),
        ("2    ", Command("choose", number=2)),
        ('2  =HYPERLINK("x")', Command("choose", number=2, note=' =HYPERLINK("x")')),
        ("1 نوٹ اردو", Command("choose", number=1, note="نوٹ اردو")),
        (" 1 leading space", Command("choose", number=1, note="leading space")),
        ("\t1", Command("choose", number=1)),
        ("d", Command("dont_know")),
        ("D not sure", Command("dont_know", note="not sure")),
        ("s", Command("skip")),
        ("s ask finance", Command("skip", note="ask finance")),
        ("b", Command("back")),
        ("b wrong answer before", Command("back", note="wrong answer before")),
        ("1\r\n", Command("choose", number=1)),
    ],
)
def test_choice_lines(line: str, expected: Command) -> None:
    assert parse_line(CHOICE, line) == expected


@pytest.mark.parametrize(
    "line", ["", "   ", "0", "4", "99", "-1", "+1", "1.0", "x", "dk", "skip", "١", "²", "1,2", "1\tnote", "q"]
)
def test_invalid_choice_lines_are_never_answers(line: str) -> None:
    assert isinstance(parse_line(CHOICE, line), Invalid)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Our staff network", Command("write", text="Our staff network")),
        ("  spaced  ", Command("write", text="  spaced  ")),
        ("1 not a number", Command("write", text="1 not a number")),
        ("=cmd|' /C calc'!A0", Command("write", text="=cmd|' /C calc'!A0")),
        ("d", Command("dont_know")),
        (" S ", Command("skip")),
        ("b", Command("back")),
        ("", Command("skip")),
        ("   ", Command("skip")),
        ("do", Command("write", text="do")),
    ],
)
def test_text_lines(line: str, expected: Command) -> None:
    assert parse_line(TEXT, line) == expected


# Lines near the protocol (numbers, letters, notes) mixed with anything at all
# that can be typed on one line.
protocol_ish = st.one_of(
    st.sampled_from(["1", "2", "3", "4", "5", "9", "0", "d", "s", "b", "y", "n", "", " "]),
    st.builds(
        lambda head, note: f"{head} {note}",
        st.sampled_from(["1", "2", "d", "s", "b", "x"]),
        st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"), max_size=12),
    ),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"), max_size=15),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(protocol_ish, max_size=40))
def test_random_lines_never_crash_and_never_record_an_invalid_answer(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = fresh_file(Path(folder))
        code, script = interview(path, lines)
        assert code == 0
        saved = load_assessment(path)
        for qid, answer in saved.answers.items():
            question = INSTRUMENT.question(qid)
            assert question is not None
            assert resolve(question, answer) in (AnswerState.ANSWERED, AnswerState.DONT_KNOW, AnswerState.UNANSWERED)
            if answer.note:
                assert any(line.endswith(answer.note) for line in lines)
        given_answers = sum(a.given for a in saved.answers.values())
        assert given_answers <= len(lines)
        assert script.files[-1].answers == saved.answers
