"""The tally behind an editing session: updated from the one changed answer, always equal to a full recount."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from surveys.editing.session import EditingSession
from surveys.instruments.instrument_file import builtin_instrument, load_instrument
from surveys.model.answers import choose
from surveys.model.instrument import Instrument
from surveys.model.responses import Answer, Assessment, Priority, new_assessment, with_answer
from surveys.results.scoring import completeness, score

DATA = Path(__file__).parent / "data"
T0 = datetime(2026, 3, 31, 9, 0, tzinfo=UTC)


def _clock() -> datetime:
    return T0


def _empty(instrument: Instrument) -> Assessment:
    return new_assessment("Northfield PCT", "Ann", "Lead", instrument.id, instrument.version)


def _answered_against_an_older_version() -> tuple[Instrument, Assessment]:
    """Answers given to version 1 of an instrument, opened against version 2: some to answer again, one orphaned."""
    old, new = load_instrument(DATA / "scoring.toml"), load_instrument(DATA / "scoring_v2.toml")
    a = _empty(old)
    rng = random.Random(7)
    for q in old.questions:
        if q.kind != "text":
            a = with_answer(a, choose(q, rng.randrange(1, len(q.options) + 1)))
    # An answer whose label no longer matches its option, whatever the versions say.
    first = next(q for q in new.questions if q.kind != "text")
    a = with_answer(a, replace(choose(first, 1), label="worded otherwise once"))
    return new, a


def _cases() -> Iterator[tuple[str, Instrument, Assessment]]:
    for ident in ("race-equality-stick", "eds2022"):
        instrument = builtin_instrument(ident)
        yield ident, instrument, _empty(instrument)
    instrument, a = _answered_against_an_older_version()
    yield "older answers", instrument, a


CASES = list(_cases())


def _same_as_a_recount(s: EditingSession, step: str) -> None:
    assert s.result == score(s.instrument, s.assessment), step
    assert s.completeness == completeness(s.instrument, s.assessment)[0], step
    assert s.finished == completeness(s.instrument, s.assessment)[0].finished, step


def _random_step(s: EditingSession, rng: random.Random) -> str:
    """One change a person can make, picked at random; returns what it was, for the failure message."""
    questions = s.instrument.questions
    q = questions[rng.randrange(len(questions))]
    kind = rng.choice(["choose", "choose", "choose", "again", "dont_know", "clear", "note", "more", "plan", "orphan"])
    if kind in ("choose", "again") and q.kind != "text":
        old = s.assessment.answer(q.id)
        number = old.choice if kind == "again" and old is not None and old.choice else None
        number = number or rng.randrange(1, len(q.options) + 1)
        s.choose(q.id, number, note=rng.choice([None, "", "with a note"]))
        return f"{kind} {q.id} {number}"
    if kind in ("choose", "again"):
        s.write(q.id, rng.choice(["Our scheme", "", "  "]))
        return f"write {q.id}"
    if kind == "dont_know":
        s.dont_know(q.id)
    elif kind == "clear":
        s.clear(q.id)
    elif kind == "note":
        s.set_note(q.id, rng.choice(["", "ask finance", "x" * 50]))
    elif kind == "more":
        s.append_note(q.id, " and HR")
    elif kind == "plan":
        s.add_priority(Priority(title=f"Priority {rng.randrange(100)}"))
    else:
        # An answer the instrument no longer has, cleared (Home's files can carry them).
        gone = [qid for qid in s.assessment.answers if s.instrument.question(qid) is None]
        if not gone:
            return "orphan: none"
        s.clear(gone[0])
        return f"clear orphan {gone[0]}"
    return f"{kind} {q.id}"


@pytest.mark.parametrize(("name", "instrument", "start"), CASES, ids=[c[0] for c in CASES])
def test_the_tally_equals_a_full_recount_after_every_step(name: str, instrument: Instrument, start: Assessment) -> None:
    for seed in range(3):
        saved: list[Assessment] = []
        s = EditingSession(instrument, start, saved.append, clock=_clock)
        rng = random.Random(seed)
        _same_as_a_recount(s, "opened")
        for n in range(250):
            step = _random_step(s, rng)
            _same_as_a_recount(s, f"{name}, seed {seed}, step {n}: {step}")
        # The file read again (another change came from disk): counted afresh, and still equal.
        first = instrument.questions[0]
        s.reopen(with_answer(s.assessment, Answer(question=first.id, dont_know=True)))
        _same_as_a_recount(s, "reopened")
        s.dont_know(instrument.questions[-1].id)
        _same_as_a_recount(s, "after reopening")


class _Walks(tuple):  # type: ignore[type-arg]
    """The instrument's questions, counting each walk over all of them."""

    walks = 0

    def __iter__(self) -> Iterator[Any]:
        type(self).walks += 1
        return super().__iter__()


def test_an_answer_does_not_walk_every_question() -> None:
    """3,300 questions took 26 ms of scoring and counting after each answer: an answer touches its own parts only."""
    instrument = builtin_instrument()
    instrument.__dict__["questions"] = _Walks(instrument.questions)  # the cached property's slot
    s = EditingSession(instrument, _empty(instrument), lambda _a: None, clock=_clock)
    assert s.result.completeness.answered == 0  # the first look counts everything once
    ladder = next(q for q in instrument.questions if q.kind == "ladder")
    _Walks.walks = 0
    s.choose(ladder.id, 2)
    assert s.result.completeness.answered == 1 and s.completeness.answered == 1
    assert any(a.answered for a in s.result.areas)
    s.set_note(ladder.id, "ask finance")
    s.dont_know(ladder.id)
    assert s.completeness.dont_know == 1 and s.result.completeness.dont_know == 1
    assert _Walks.walks == 0
