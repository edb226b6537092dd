"""The Compare sheet: an earlier assessment against now.

Each area earlier and now, with the change and its direction as formulas
(so a corrected score recomputes); the overall step, adopter category and
placements; what became of the earlier plan's priorities; the answers that
changed; and both outlines, now solid blue and earlier dashed grey, as on
every sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from exports.cells import CHANGE, HEADING, LABEL, SCORE, TITLE, TOP, WRAPPED, formula, header_row, styled, text
from exports.charts import EARLIER_COLOUR, NOW_COLOUR, RADAR_HEIGHT_CM, RADAR_WIDTH_CM, paint, radar
from exports.figure_words import step_words
from exports.layout import Rows, chart_page, prepare, rows_for
from exports.merge import Basis, Standing
from exports.plan_rows import PlanRow
from exports.sheets_results import adopter_words, radar_scale, spoke_table
from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment
from surveys.model.vocabulary import heading, vocabulary
from surveys.results.report import placement_words
from surveys.results.scoring import DimensionResult
from surveys.results.what_moved import Moved, PlanItem, moved_lines, plan_items, what_moved

WIDTHS = [30, 30, 30, 11, 11]


@dataclass(frozen=True)
class Sides:
    """What is compared: the earlier file and now, with their plans and (for one person now) answers."""

    facts: Sequence[tuple[str, str]]
    earlier: Standing
    now: Standing
    earlier_name: str
    now_name: str
    earlier_plan: Sequence[PlanRow]
    now_plan: Sequence[PlanRow]
    earlier_answers: Assessment
    now_answers: Assessment | None  # None for a team: answers are compared person to person only
    forced: str = ""  # the reason the comparison was refused, when --force overrode it
    raters: str = ""  # what to say when no one now rated the earlier assessment


def _direction(change: str) -> str:
    return f'=IF({change}="","",IF({change}>0,"up",IF({change}<0,"down","same")))'


def _moved(before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return "not known"
    return "up" if after > before else "down" if after < before else "same"


def _placement_moved(before: DimensionResult | None, after: DimensionResult) -> str:
    # A side with no placement (nothing answered yet, or not asked) has nothing to compare,
    # as the step and the adopter say: not "changed".
    if before is None or not before.placement or not after.placement:
        return "not known"
    return "same" if before.placement == after.placement else "changed"


def write_compare(ws: Any, basis: Basis, sides: Sides) -> None:
    instrument = basis.instrument
    v = vocabulary(instrument)
    prepare(ws, WIDTHS, freeze="A2", title_rows="1:1")
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, "Compared with an earlier assessment", TITLE)])
    for label, value in sides.facts:
        rows.add([text(ws, label, LABEL), text(ws, value, WRAPPED)])
    # Across the rest of the page: a sentence, not a narrow column of it.
    if sides.forced:
        rows.beside(text(ws, "Compared anyway", LABEL), f"with --force, although {sides.forced}")
    if sides.raters:
        rows.beside(text(ws, "Other people", LABEL), sides.raters)
    rows.skip()
    found = moved(instrument, sides)
    _what_moved(rows, instrument, found)
    header = last = 0
    if instrument.areas and instrument.steps:
        rows.add([text(ws, f"{heading(v.ladder)} by {v.area}; change = now minus earlier", HEADING)])
        header = rows.add(
            header_row(
                ws, [heading(v.area), sides.earlier_name, sides.now_name, "Change", "Direction"], numbers={1, 2, 3}
            )
        )
        before = {a.area: a.score for a in sides.earlier.areas}
        for a in sides.now.areas:
            r = rows.row + 1
            rows.add(
                [
                    text(ws, instrument.area(a.area).label, LABEL),
                    styled(ws, before.get(a.area), SCORE),
                    styled(ws, a.score, SCORE),
                    formula(ws, f'=IF(OR(B{r}="",C{r}=""),"",C{r}-B{r})', CHANGE),
                    formula(ws, _direction(f"D{r}"), TOP),
                ]
            )
        last = rows.row
        rows.skip()
    _overall(rows, instrument, sides)
    _earlier_plan(rows, instrument, found)
    if sides.now_answers is not None:
        _changed_answers(rows, instrument, sides.earlier_answers, sides.now_answers)
    if header:
        rows.skip()
        spokes = spoke_table(rows, instrument, header, ["B", "C"], [sides.earlier_name, sides.now_name])
        start = chart_page(rows)
        rows.skip(rows_for(RADAR_HEIGHT_CM))
        chart = radar(
            ws,
            f"{heading(v.ladder)} by {v.area}: earlier (dashed) and now",
            1,
            [2, 3],
            *(spokes or (header, last)),
            radar_scale(instrument),
        )
        paint(chart.series[0], EARLIER_COLOUR, dashed=True)
        paint(chart.series[1], NOW_COLOUR)
        chart.width, chart.height = RADAR_WIDTH_CM, RADAR_HEIGHT_CM
        ws.add_chart(chart, f"A{start}")


def _overall(rows: Rows, instrument: Instrument, sides: Sides) -> None:
    ws, v = rows.ws, vocabulary(instrument)
    rows.add([text(ws, "Overall", HEADING)])
    rows.add(header_row(ws, ["", sides.earlier_name, sides.now_name, "Direction"]))
    earlier, now = sides.earlier, sides.now
    if instrument.steps:
        rows.add(
            [
                text(ws, f"{heading(v.ladder)} {v.step}", LABEL),
                text(ws, step_words(instrument, earlier.overall_step), WRAPPED),
                text(ws, step_words(instrument, now.overall_step), WRAPPED),
                text(ws, _moved(earlier.overall_step, now.overall_step), TOP),
            ]
        )
    if instrument.adopters:
        order = [a.id for a in instrument.adopters]
        # Later categories adopt later: moving toward the innovators is "up".
        was = order.index(earlier.adopter) if earlier.adopter in order else None
        is_ = order.index(now.adopter) if now.adopter in order else None
        rows.add(
            [
                text(ws, heading(v.adopter), LABEL),
                text(ws, adopter_words(instrument, earlier), WRAPPED),
                text(ws, adopter_words(instrument, now), WRAPPED),
                text(ws, _moved(-was if was is not None else None, -is_ if is_ is not None else None), TOP),
            ]
        )
    before = {d.dimension: d for d in earlier.dimensions}
    for d in now.dimensions:
        old = before.get(d.dimension)
        rows.add(
            [
                text(ws, instrument.dimension(d.dimension).label, LABEL),
                text(ws, placement_words(instrument, old) if old is not None else "not asked", WRAPPED),
                text(ws, placement_words(instrument, d), WRAPPED),
                text(ws, _placement_moved(old, d), TOP),
            ]
        )
    rows.skip()


def _items(plan: Sequence[PlanRow]) -> list[PlanItem]:
    return [PlanItem(p.priority, p.status, p.to_update, p.lead) for p in plan if not p.suggested]


def moved(instrument: Instrument, sides: Sides) -> Moved:
    """What moved, by the engine's rule (surveys/results/what_moved.py), as the report and the app say it."""
    answers = sides.now_answers
    now = plan_items(instrument, answers.priorities) if answers is not None else _items(sides.now_plan)
    return what_moved(instrument, sides.earlier, sides.now, _items(sides.earlier_plan), now)


def _what_moved(rows: Rows, instrument: Instrument, found: Moved) -> None:
    ws = rows.ws
    rows.add([text(ws, "What moved", HEADING)])
    for line in moved_lines(instrument, found):
        rows.prose(line)  # across the page: a line of its own, never a narrow column over two pages
    rows.skip()


def _earlier_plan(rows: Rows, instrument: Instrument, found: Moved) -> None:
    ws, v = rows.ws, vocabulary(instrument)
    rows.add([text(ws, f"The earlier plan's {v.priorities}, and what became of them", HEADING)])
    if not found.fates:
        rows.add([text(ws, f"The earlier assessment set no {v.priorities}.", TOP)])
        rows.skip()
        return
    rows.add(header_row(ws, [heading(v.priority), "Lead then; status then", "Now", "Status now"]))
    for fate in found.fates:
        p, now = fate.earlier, fate.now
        status_now = "" if now is None else f"{now.status} (to update)" if now.status_to_update else now.status
        rows.add(
            [
                text(ws, p.title, WRAPPED),
                text(ws, f"{p.lead or 'no lead'}; {p.status}", WRAPPED),
                text(
                    ws,
                    f"carried forward, lead {now.lead or 'not named'}" if now else "not in the plan now",
                    WRAPPED,
                ),
                text(ws, status_now, TOP),
            ]
        )
    rows.skip()


def _changed_answers(rows: Rows, instrument: Instrument, earlier: Assessment, now: Assessment) -> None:
    ws = rows.ws
    changed = []
    for q in instrument.questions:
        a, b = earlier.answers.get(q.id), now.answers.get(q.id)
        was = a.label or a.text if a is not None and resolve(q, a) is AnswerState.ANSWERED else ""
        is_ = b.label or b.text if b is not None and resolve(q, b) is AnswerState.ANSWERED else ""
        if was != is_:
            step_was = (
                q.options[a.choice - 1].step if a is not None and was and a.choice and q.kind == "ladder" else None
            )
            step_is = (
                q.options[b.choice - 1].step if b is not None and is_ and b.choice and q.kind == "ladder" else None
            )
            changed.append((q, was, is_, _moved(step_was, step_is) if q.kind == "ladder" else "changed"))
    rows.add([text(ws, f"Answers that changed ({len(changed)} of {len(instrument.questions)} questions)", HEADING)])
    if not changed:
        rows.add([text(ws, "Every answer is the same as before.", TOP)])
        return
    rows.add(header_row(ws, ["Question", "Earlier", "Now", "Direction"]))
    for q, was, is_, direction in changed:
        rows.add(
            [
                text(ws, q.text, WRAPPED),
                text(ws, was or "no answer", WRAPPED),
                text(ws, is_ or "no answer", WRAPPED),
                text(ws, direction, TOP),
            ]
        )
