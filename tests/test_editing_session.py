"""The editing session: every change to an open assessment, saved when and only when it changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from surveys.editing.session import EditingSession, ReadOnlyError
from surveys.errors import ResponseFileError
from surveys.instruments.instrument_file import builtin_instrument
from surveys.locks.lock import Holder
from surveys.model.answers import AnswerState
from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment, Priority
from surveys.results.scoring import score
from surveys.results.suggestions import default_function, suggested_priorities
from tests.app_support import TODAY, answered

T0 = datetime(2026, 3, 31, 9, 0, tzinfo=UTC)


class Ticks:
    """A clock that moves a second each time it is read, so every stamp is known."""

    def __init__(self) -> None:
        self.seconds = 0

    def __call__(self) -> datetime:
        self.seconds += 1
        return T0.replace(second=self.seconds % 60, minute=self.seconds // 60)


def session_on(a: Assessment, saved: list[Assessment]) -> EditingSession:
    return EditingSession(builtin_instrument(), a, saved.append, clock=Ticks())


@pytest.fixture
def inst() -> Instrument:
    return builtin_instrument()


def test_each_answer_operation_saves_once_and_says_it_changed(inst: Instrument) -> None:
    saved: list[Assessment] = []
    s = session_on(answered("N", TODAY, 1, upto=0), saved)
    q1, q2 = inst.questions[0].id, inst.questions[1].id
    edit = s.choose(q1, 2)
    assert edit.changed and saved == [edit.assessment] and edit.assessment.answers[q1].choice == 2
    assert s.dont_know(q2).changed and saved[-1].answers[q2].dont_know
    assert s.set_note(q1, "ask finance").changed
    assert s.clear(q1).changed
    kept = saved[-1].answers[q1]
    assert (kept.choice, kept.note) == (0, "ask finance")
    assert len(saved) == 4


def test_nothing_that_did_not_change_is_saved(inst: Instrument) -> None:
    saved: list[Assessment] = []
    a = answered("N", TODAY, 1, upto=3)
    s = session_on(a, saved)
    first = inst.questions[0]
    again = s.choose(first.id, a.answers[first.id].choice)
    assert not again.changed and again.assessment is a
    assert not s.set_note(first.id, a.answers[first.id].note).changed
    assert not s.clear(inst.questions[10].id).changed  # never answered
    assert not s.set_note(inst.questions[10].id, "").changed
    s.suggestions()
    assert not s.adopt(99).changed
    assert not s.move_priority(0, 1).changed
    assert not s.undo_remove().changed
    assert saved == []


def test_the_same_answer_with_a_new_note_keeps_the_time_it_was_first_given(inst: Instrument) -> None:
    saved: list[Assessment] = []
    a = answered("N", TODAY, 1, upto=3)
    s = session_on(a, saved)
    first = inst.questions[0].id
    edit = s.choose(first, a.answers[first].choice, note="said again")
    assert edit.changed and edit.assessment.answers[first].at == a.answers[first].at
    assert edit.assessment.answers[first].note == "said again"


def test_a_text_answer_is_kept_as_typed_and_a_blank_one_clears(inst: Instrument) -> None:
    saved: list[Assessment] = []
    s = session_on(answered("N", TODAY, 1, upto=0), saved)
    text_q = next(q for q in inst.questions if q.kind == "text")
    assert s.write(text_q.id, "  Our scheme ").assessment.answers[text_q.id].text == "  Our scheme "
    assert not s.write(text_q.id, "  Our scheme ").changed
    assert s.write(text_q.id, "   ").changed and text_q.id not in s.assessment.answers
    with pytest.raises(ValueError):
        s.write(inst.questions[0].id, "words for a choice question")


def test_append_note_adds_at_the_end(inst: Instrument) -> None:
    s = session_on(answered("N", TODAY, 1, upto=1), [])
    first = inst.questions[0].id
    s.set_note(first, "Board discussed in May")
    assert s.append_note(first, " and again in June").assessment.answers[first].note == (
        "Board discussed in May and again in June"
    )


def test_first_open_and_finished(inst: Instrument) -> None:
    s = session_on(answered("N", TODAY, 1, upto=20), [])
    assert s.first_open() == 20 and s.first_open(25) == 25 and not s.finished
    s = session_on(answered("N", TODAY, 1), [])
    assert s.first_open() is None and s.finished and s.open_count == 0


def test_to_review_lists_dont_know_and_open_in_order(inst: Instrument) -> None:
    # answered() gives question 6 (index 5) a don't know; upto=20 leaves the rest empty.
    s = session_on(answered("N", TODAY, 1, upto=20), [])
    listed = s.to_review()
    assert listed[0] == (5, AnswerState.DONT_KNOW)
    assert [i for i, _ in listed[1:]] == list(range(20, len(inst.questions)))
    assert {state for _, state in listed[1:]} == {AnswerState.UNANSWERED}
    s = session_on(answered("N", TODAY, 1), [])
    assert s.finished and s.to_review() == ((5, AnswerState.DONT_KNOW),)
    s.choose(inst.questions[5].id, 1)
    assert s.to_review() == ()


def test_suggestions_are_offered_never_written_until_adopted(inst: Instrument) -> None:
    saved: list[Assessment] = []
    a = answered("N", TODAY, 2)
    s = session_on(a, saved)
    offered = s.suggestions()
    assert offered == suggested_priorities(inst, score(inst, a)) and offered
    assert saved == [] and not s.assessment.plan_started
    assert s.adopt(0).changed
    assert saved[-1].priorities == offered[:1] and saved[-1].plan_started
    assert s.suggestions() == offered[1:]  # the adopted one is no longer offered
    assert s.adopt_all().assessment.priorities == offered
    assert s.suggestions() == () and not s.adopt_all().changed


def test_a_new_priority_takes_its_areas_function_everywhere(inst: Instrument) -> None:
    s = session_on(answered("N", TODAY, 2), [])
    area = inst.areas[2].id
    expected = default_function(inst, s.result, area)
    assert s.new_priority(area).function == expected
    assert s.add_priority(Priority(area=area, title="x")).assessment.priorities[-1].function == expected
    s.add_priority(Priority(title="no area yet"))
    edit = s.edit_priority(1, area=area)
    assert edit.assessment.priorities[1].function == expected


def test_priorities_edited_field_by_field_removed_undone_and_reordered(inst: Instrument) -> None:
    saved: list[Assessment] = []
    s = session_on(answered("N", TODAY, 2), saved)
    s.add_priority(Priority(title="A"))
    s.add_priority(Priority(title="B"))
    assert s.edit_priority(0, lead="Dr Patel").assessment.priorities[0].lead == "Dr Patel"
    assert not s.edit_priority(0, lead="Dr Patel").changed
    assert s.edit_priority(0, target=date(2027, 3, 31)).changed
    with pytest.raises(ValueError):
        s.edit_priority(0, status="finished-ish")
    with pytest.raises(ValueError):
        s.edit_priority(0, colour="red")
    assert [p.title for p in s.move_priority(0, 1).assessment.priorities] == ["B", "A"]
    assert [p.title for p in s.remove_priority(0).assessment.priorities] == ["A"]
    assert s.removed == Priority(title="B")
    assert [p.title for p in s.undo_remove().assessment.priorities] == ["B", "A"]
    assert s.removed is None
    # Removing the last one leaves an emptied plan, not a plan never started.
    s.remove_priority(0)
    s.remove_priority(0)
    assert saved[-1].priorities == () and saved[-1].plan_started


def test_a_read_only_session_refuses_before_anything_moves(inst: Instrument) -> None:
    saved: list[Assessment] = []
    a = answered("N", TODAY, 1, upto=0)
    holder = Holder("sam", "pc-2", 42, T0, "stick")
    s = EditingSession(inst, a, saved.append, read_only=holder)
    with pytest.raises(ReadOnlyError, match="sam on pc-2"):
        s.choose(inst.questions[0].id, 1)
    assert s.assessment is a and saved == []


def test_a_failed_save_raises_and_keeps_the_change_in_memory(inst: Instrument, tmp_path: Path) -> None:
    def refuse(assessment: Assessment) -> None:
        raise ResponseFileError("cannot save: disk full")

    s = EditingSession(inst, answered("N", TODAY, 1, upto=0), refuse)
    with pytest.raises(ResponseFileError):
        s.choose(inst.questions[0].id, 1)
    assert s.assessment.answers[inst.questions[0].id].choice == 1


def test_values_are_honestly_immutable(inst: Instrument) -> None:
    a = answered("N", TODAY, 1, upto=2)
    with pytest.raises(TypeError):
        a.extra["instrument_file"] = "x.toml"  # type: ignore[index]
    with pytest.raises(TypeError):
        a.answers["x"] = a.answers[inst.questions[0].id]  # type: ignore[index]
    with pytest.raises(TypeError):
        a.answers[inst.questions[0].id].extra["x"] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        Priority(extra={"x": 1}).extra["y"] = 2  # type: ignore[index]
    # A changed instrument has its own question index; the original keeps its own.
    first = inst.questions[0]
    smaller = replace(inst, sections=inst.sections[1:])
    assert smaller.question(first.id) is None and inst.question(first.id) is first


def test_an_over_long_note_left_as_it_was_is_saved_once(inst: Instrument) -> None:
    from surveys.model.limits import NOTE_LIMIT

    saved: list[Assessment] = []
    s = session_on(answered("N", TODAY, 1, upto=1), saved)
    first = inst.questions[0].id
    long = "n" * (NOTE_LIMIT + 50)
    assert s.set_note(first, long).changed
    assert not s.set_note(first, long).changed  # the same text again: stored capped, so no change
    assert len(saved) == 1 and len(saved[0].answers[first].note) == NOTE_LIMIT
