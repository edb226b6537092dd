"""Scoring on hand-computed cases: fits, ties, steps, missing answers, suggestions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from surveys.instruments.instrument_file import builtin_instrument, load_instrument
from surveys.model.answers import choose, dont_know, written
from surveys.model.instrument import Instrument
from surveys.model.responses import Answer, Assessment, new_assessment, with_answer
from surveys.results.scoring import score

FIXTURE = Path(__file__).parent / "data" / "scoring.toml"


@pytest.fixture(scope="module")
def inst() -> Instrument:
    return load_instrument(FIXTURE)


def _answered(inst: Instrument, picks: dict[str, int | str]) -> Assessment:
    a = new_assessment("Org", "Person", "", inst.id, inst.version, on=date(2026, 1, 1))
    for qid, pick in picks.items():
        q = inst.question(qid)
        assert q is not None
        if pick == "d":
            a = with_answer(a, dont_know(q))
        elif isinstance(pick, str):
            a = with_answer(a, written(q, pick))
        else:
            a = with_answer(a, choose(q, pick))
    return a


def test_nothing_answered_scores_nothing(inst: Instrument) -> None:
    r = score(inst, _answered(inst, {}))
    assert r.completeness.answered == 0 and r.completeness.total == 10 and r.completeness.unanswered == 10
    assert r.dimensions[0].placement == () and r.dimensions[0].fits == (("naive", 0.0), ("astute", 0.0))
    assert all(a.score is None for a in r.areas)
    assert r.overall_step is None and r.adopter is None and r.suggestions == () and r.implications == ()


def test_fits_and_a_clear_placement(inst: Instrument) -> None:
    # 3 naive, 1 astute: fits 0.75 / 0.25.
    r = score(inst, _answered(inst, {"vision": 1, "vision2": 1, "vision3": 1, "vision4": 2}))
    d = r.dimensions[0]
    assert d.fits == (("naive", 0.75), ("astute", 0.25))
    assert d.placement == ("naive",) and not d.tie and d.answered == 4 and d.total == 4
    assert [i.text for i in r.implications] == ["Needs instructions"]


def test_a_tie_is_reported_never_broken(inst: Instrument) -> None:
    r = score(inst, _answered(inst, {"vision": 1, "vision2": 2}))
    d = r.dimensions[0]
    assert d.fits == (("naive", 0.5), ("astute", 0.5))
    assert d.placement == ("naive", "astute") and d.tie
    sources = {i.source for i in r.implications}
    assert sources == {"Organisational maturity: Naive (tied)", "Organisational maturity: Astute (tied)"}


def test_dont_know_is_missing_not_low(inst: Instrument) -> None:
    # lead: step 4; lead2: don't know -> leadership is 4.0, not (4 + 1) / 2.
    r = score(inst, _answered(inst, {"lead": 4, "lead2": "d", "vision": 2, "vision2": "d"}))
    leadership = next(a for a in r.areas if a.area == "leadership")
    assert leadership.score == 4.0 and leadership.step == 4 and leadership.answered == 1 and leadership.total == 2
    assert r.dimensions[0].fits == (("naive", 0.0), ("astute", 1.0)) and r.dimensions[0].answered == 1
    assert r.completeness.answered == 2 and r.completeness.dont_know == 2 and r.completeness.unanswered == 6


def test_area_and_overall_steps(inst: Instrument) -> None:
    # leadership: steps 3 and 2 -> 2.5 (step 2); data: 1 and 2 -> 1.5 (step 1).
    r = score(inst, _answered(inst, {"lead": 3, "lead2": 2, "data1": 1, "data2": 2}))
    by_area = {a.area: a for a in r.areas}
    assert by_area["leadership"].score == 2.5 and by_area["leadership"].step == 2
    assert by_area["data"].score == 1.5 and by_area["data"].step == 1
    # median of 2.5 and 1.5 is 2.0, rounded down: 2.
    assert r.overall_step == 2
    # business-plan: lead 3, lead2 2, data2 2 -> 7/3; saff: data1 1 -> 1.0
    by_function = {f.function: f for f in r.functions}
    assert by_function["business-plan"].score == pytest.approx(7 / 3) and by_function["business-plan"].answered == 3
    assert by_function["saff"].score == 1.0


def test_median_rounds_down(inst: Instrument) -> None:
    # leadership 4.0, data 3.5: median 3.75 -> step 3.
    r = score(inst, _answered(inst, {"lead": 4, "lead2": 4, "data1": 3, "data2": 4}))
    assert r.overall_step == 3


def test_suggestions_weakest_first_with_function_and_transition(inst: Instrument) -> None:
    r = score(inst, _answered(inst, {"lead": 3, "lead2": 2, "data1": 1, "data2": 2}))
    assert [(s.area, s.function, s.step, s.transition) for s in r.suggestions] == [
        # data 1.5: its weakest scored function is saff (1.0); from step 1 it needs content.
        ("data", "saff", 1, "content"),
        # leadership 2.5: its only function is business-plan; from step 2, process.
        ("leadership", "business-plan", 2, "process"),
    ]


def test_areas_at_the_top_step_are_not_suggested(inst: Instrument) -> None:
    r = score(inst, _answered(inst, {"lead": 4, "lead2": 4, "data1": 3}))
    assert [(s.area, s.transition) for s in r.suggestions] == [("data", "practice")]


def test_no_more_than_five_suggestions() -> None:
    inst = builtin_instrument()
    a = new_assessment("Org", "P", "", inst.id, inst.version)
    for q in inst.questions:
        if q.kind == "ladder":
            a = with_answer(a, choose(q, 1))
    r = score(inst, a)
    assert len(r.suggestions) == 5 and len(r.areas) > 5
    assert all(s.transition == "content" for s in r.suggestions)
    # all equal: instrument order decides, never chance
    assert [s.area for s in r.suggestions] == [a.id for a in inst.areas[:5]]


def test_adopter_category_and_text_answers(inst: Instrument) -> None:
    r = score(inst, _answered(inst, {"adoption": 2, "comments": "We are busy."}))
    assert r.adopter == "late"
    assert r.completeness.answered == 2
    assert r.implications[-1].source == "Adopter category: Late adopters"


def test_changed_and_removed_questions_need_review_and_are_not_scored(inst: Instrument) -> None:
    a = _answered(inst, {"lead": 4, "lead2": 2})
    stale = replace(a.answers["lead"], label="An option that has since been reworded.")
    a = replace(a, answers={**a.answers, "lead": stale, "gone": Answer(question="gone", choice=1, label="x")})
    r = score(inst, a)
    assert r.needs_review == ("lead",) and r.orphans == ("gone",)
    assert next(x for x in r.areas if x.area == "leadership").score == 2.0
    assert r.completeness.needs_review == 1 and r.completeness.answered == 1
    assert r.completeness.percent == 10
