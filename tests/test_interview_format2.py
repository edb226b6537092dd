"""The plain interview of EDS 2022 and of a minimal check: their own words, none of the deck's."""

from __future__ import annotations

from pathlib import Path

from surveys.files.response_file import load_assessment
from surveys.folders.storage import create_assessment_file
from surveys.instruments.instrument_file import builtin_instrument
from surveys.instruments.opening import INSTRUMENT_FILE_KEY
from surveys.model.responses import new_assessment
from tests.example import MINIMAL, example_text
from tests.format2_support import deck_words, saved, scored
from tests.interview_helpers import interview
from tests.test_interview_rich import ENTER, drive

EDS = builtin_instrument("eds2022")
# Then one priority: yes, the first outcome, a title and a lead, no dates, no measure; then no more.
PRIORITY = ["y", "1", "Interpreters booked at referral", "Head of patient experience", "", "", "", "n"]


def test_eds_is_asked_scored_and_planned_in_its_own_words(tmp_path: Path) -> None:
    path = create_assessment_file(tmp_path, new_assessment("Northfield NHS Trust", "Board", "", EDS.id, EDS.version))
    # Option 3 is "Achieving activity" (2) on every outcome; 1A's evidence is typed with its answer.
    lines = ["3 Interpreting audit 2025"] + ["3"] * 10 + PRIORITY
    code, script = interview(path, lines)
    assert code == 0
    saved = load_assessment(path)
    assert saved.answers["1a"].note == "Interpreting audit 2025"
    assert saved.priorities[0].area == "1a" and saved.priorities[0].function == ""
    text = script.text
    assert "Question 1 of 11 - Domain 1: Commissioned or provided services" in text
    assert "3. Achieving activity" in text
    assert "Which outcome is the priority in?" in text
    assert "Outcome (1-11): " in text
    assert "access to the service (suggested: at Achieving activity)" in text, "no transition named: none offered"
    assert "function" not in text.lower(), "EDS has no business functions: the interview does not ask for one"
    assert "Total outcome score: 22 of 33; organisation rating: Achieving activity." in text
    assert "Evidence\n  - 1a (Achieving activity): Interpreting audit 2025" in text
    assert deck_words(text) == []


def test_a_minimal_check_is_asked_and_reported_without_the_decks_words(tmp_path: Path) -> None:
    instrument_file = tmp_path / "rag.toml"
    instrument_file.write_text(example_text(MINIMAL), encoding="utf-8")
    assessment = new_assessment(
        "Northfield", "Ann", "", "rag-check", 1, extra={INSTRUMENT_FILE_KEY: instrument_file.name}
    )
    path = create_assessment_file(tmp_path, assessment)
    code, script = interview(path, ["1", "2", "3", "3", "3", "2", "n"])
    assert code == 0
    assert "Every question has an answer." in script.text
    assert "Overall score: 1.3 of 2, Amber." in script.text
    assert deck_words(script.text) == []


def test_the_questionary_mode_plans_an_eds_priority_without_asking_for_a_function(tmp_path: Path) -> None:
    path = saved(tmp_path, scored(EDS, [2] * 11))
    keys = "a" + ENTER + "Interpreters" + ENTER + "Head of patient experience" + ENTER  # a: add, at once
    keys += ENTER + ENTER + "Audit" + ENTER + "f"  # no dates; a measure; f: finish, at once
    code, _ = drive(path, keys)
    assert code == 0
    priority = load_assessment(path).priorities[0]
    assert (priority.area, priority.title, priority.lead, priority.function, priority.measure) == (
        "1a",
        "Interpreters",
        "Head of patient experience",
        "",
        "Audit",
    )
