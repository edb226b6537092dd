"""The plain interview in-process: every line, then the saved file read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from surveys.files.response_file import load_assessment
from surveys.model.answers import AnswerState, resolve
from surveys.results.scoring import score
from tests.interview_helpers import CHOICE_IDS, IDS, INSTRUMENT, answered, fresh_file, interview


def test_answers_and_notes_are_saved_line_by_line_and_notes_kept_verbatim(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    code, script = interview(path, ["1", "2 =SUM(A1) نوٹ: 'quoted' \"too\"", "3   spaced <b>x</b>"])
    assert code == 0
    first, after_one, after_two, after_three = script.files
    assert first.answers == {}
    assert after_one.answers["mat-vision"].choice == 1
    assert after_one.answers["mat-vision"].label == INSTRUMENT.questions[0].options[0].label
    assert "mat-needs" not in after_one.answers
    assert after_two.answers["mat-needs"].choice == 2
    assert after_two.answers["mat-needs"].note == "=SUM(A1) نوٹ: 'quoted' \"too\""
    assert after_three.answers["mat-risk"].note == "  spaced <b>x</b>"
    assert load_assessment(path).answers == after_three.answers


def test_invalid_lines_say_why_and_are_never_taken(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    code, script = interview(path, ["9", "0", "x", "", "  ", "-1", "١", "dk", "2"])
    assert code == 0
    assert all(f.answers == {} for f in script.files[:9])
    assert script.files[9].answers["mat-vision"].choice == 2
    assert "There is no choice 9 here" in script.text
    assert "There is no choice 0 here" in script.text
    assert "Not understood: 'x'" in script.text
    assert "Nothing was typed" in script.text
    assert script.text.count("Question 1 of 33") == 1  # asked again without redrawing the question


def test_back_shows_the_answer_kept_and_a_new_answer_replaces_it(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    _, script = interview(path, ["1 first note", "2", "b", "s", "b", "b", "3", "s"])
    files = script.files
    assert files[3].answers["mat-needs"].choice == 2  # b: nothing lost
    assert files[4].answers["mat-needs"].choice == 2  # s after b: kept unchanged
    assert files[6].answers["mat-vision"].choice == 1  # b twice: still there
    assert files[7].answers["mat-vision"].choice == 3  # answered anew: replaced
    assert files[7].answers["mat-vision"].note == "first note"  # the note stays when none is given
    assert "Current answer: 2. " in script.text
    assert "Note: first note" in script.text
    asked = [int(line.split()[1]) for line in script.output if line.startswith("Question ")]
    # after going back to question 1, moving on goes through question 2 again to question 3
    assert asked == [1, 2, 3, 2, 3, 2, 1, 2, 3]
    assert "mat-risk" not in load_assessment(path).answers


def test_back_at_the_first_question_says_so_and_asks_again(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    _, script = interview(path, ["b", "1"])
    assert "This is the first question: there is nothing to go back to." in script.text
    assert load_assessment(path).answers["mat-vision"].choice == 1


def test_dont_know_is_saved_and_counted_as_missing(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    interview(path, ["d", "D because nobody in the room knew", "1"])
    saved = load_assessment(path)
    assert saved.answers["mat-vision"].dont_know
    assert saved.answers["mat-needs"].note == "because nobody in the room knew"
    complete = score(INSTRUMENT, saved).completeness
    assert (complete.answered, complete.dont_know) == (1, 2)
    maturity = score(INSTRUMENT, saved).dimensions[0]
    assert maturity.answered == 1  # the two don't knows are left out of the fit


def test_skip_with_a_note_keeps_the_note_and_no_answer(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    interview(path, ["s ask the finance director", "2 old", "b", "s new note"])
    saved = load_assessment(path)
    assert not saved.answers["mat-vision"].given
    assert saved.answers["mat-vision"].note == "ask the finance director"
    assert saved.answers["mat-needs"].choice == 2  # skip never erases
    assert saved.answers["mat-needs"].note == "new note"


def test_end_of_input_saves_and_running_again_resumes_at_the_first_unanswered(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    code, script = interview(path, ["1", "s", "2"])
    assert code == 0
    assert "Stopped. Everything given so far is saved." in script.text
    assert f"To carry on, run: stick interview {path} --plain" in script.text
    code, again = interview(path, ["3", "1"])
    assert code == 0
    assert "31 of 33 questions to answer; starting at question 2." in again.text
    first_question = next(line for line in again.output if line.startswith("Question "))
    assert first_question == "Question 2 of 33 - Organisational maturity"
    saved = load_assessment(path)
    assert saved.answers["mat-needs"].choice == 3
    assert saved.answers["mat-risk"].choice == 2  # answered in the first run: passed over
    assert saved.answers["mat-partners"].choice == 1


def test_ctrl_c_saves_prints_how_to_resume_and_exits_0(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    code, script = interview(path, ["2 note before Ctrl-C"], stop=KeyboardInterrupt)
    assert code == 0
    assert script.output[-1] == f"To carry on, run: stick interview {path} --plain"
    assert load_assessment(path).answers["mat-vision"].note == "note before Ctrl-C"


def test_answers_given_elsewhere_are_passed_over(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answered(path, ["mat-vision", "mat-needs", "mat-risk", "str-origin"])
    _, script = interview(path, ["2", "3"])
    asked = [line for line in script.output if line.startswith("Question ")]
    assert asked == [
        "Question 4 of 33 - Organisational maturity",
        "Question 6 of 33 - Structural chaos",
        "Question 7 of 33 - Structural chaos",
    ]
    saved = load_assessment(path)
    assert (saved.answers["mat-partners"].choice, saved.answers["str-policies"].choice) == (2, 3)
    assert saved.answers["str-origin"].choice == 1


def test_text_questions_take_the_whole_line_and_lone_letters_keep_their_meaning(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answered(path, CHOICE_IDS)
    _, script = interview(path, ["  The staff network: 2 years, =strong ", "b", "s", "", "b", "d", "n"])
    saved = load_assessment(path)
    assert saved.answers["next-build-on"].text == "  The staff network: 2 years, =strong "
    assert saved.answers["next-one-thing"].dont_know
    assert "Current answer:   The staff network" in script.text
    assert "1 question is still unanswered" in script.text  # the empty line skipped question 33
    assert "Every question has an answer." in script.text  # after b from the priorities and d


def test_the_result_is_shown_at_the_end(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answered(path, IDS[:-1])
    _, script = interview(path, ["s", "n"])
    assert "1 question is still unanswered: run the interview again to answer." in script.text
    assert "Where the organisation stands" in script.text
    assert "Adopter category:" in script.text
    assert "What this implies" in script.text
    assert "Competence (overall" in script.text
    assert script.output[-1] == f"To carry on, run: stick interview {path} --plain"
    assert "Done." in script.output


def test_priorities_are_asked_field_by_field_and_saved_as_given(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answered(path, IDS)
    lines = [
        "maybe",
        "y",
        "99",
        "2",
        "Board development",
        "Chief Executive",
        "",
        "2026-13-01",
        "2026-W01-1",
        "2026-03-31",
        "",
        "  Board minutes show it  ",
        "y",
        "6",
        "",
        "",
        "4",
        "2027-01-01",
        "2027-06-30",
        "",
        "n",
    ]
    code, script = interview(path, lines)
    assert code == 0
    assert "Type y to add a priority, n to finish" in script.text
    assert "Type a number from 1 to 7." in script.text
    assert "'2026-13-01' is not a date" in script.text
    assert "'2026-W01-1' is not a date" in script.text
    after_area = script.files[4]  # read back before the title is asked
    assert [p.area for p in after_area.priorities] == ["values"]
    first, second = load_assessment(path).priorities
    assert (first.area, first.title, first.lead) == ("values", "Board development", "Chief Executive")
    assert first.function == INSTRUMENT.area("values").function  # empty line: the default
    assert (first.target, first.review, first.measure) == (date(2026, 3, 31), None, "Board minutes show it")
    assert (second.area, second.title, second.lead, second.function) == ("data", "", "", INSTRUMENT.functions[3].id)
    assert (second.target, second.review) == (date(2027, 1, 1), date(2027, 6, 30))
    assert first.status == "not started"


def test_stopping_half_way_through_a_priority_keeps_what_was_typed(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answered(path, IDS)
    code, _ = interview(path, ["y", "1", "Named board lead", "ٹیسٹ"])
    assert code == 0
    (priority,) = load_assessment(path).priorities
    assert (priority.area, priority.title, priority.lead) == ("leadership", "Named board lead", "ٹیسٹ")


def test_back_from_the_priorities_goes_to_the_last_question(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answered(path, IDS)
    _, script = interview(path, ["b", "A new idea", "n"])
    assert "Question 33 of 33 - Adoption and next steps" in script.text
    assert load_assessment(path).answers["next-one-thing"].text == "A new idea"


def test_every_saved_answer_is_valid(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    interview(path, ["3", "1", "2", "d", "1 n", "s", "2", "3"])
    saved = load_assessment(path)
    for qid, answer in saved.answers.items():
        question = INSTRUMENT.question(qid)
        assert question is not None
        assert resolve(question, answer) in (AnswerState.ANSWERED, AnswerState.DONT_KNOW)
