"""The result in words: plain text for terminals and screen readers, and JSON.

Plain text is read top to bottom by a screen reader, so nothing here relies
on columns lining up or on colour to carry meaning. Every framework word comes
from the instrument's vocabulary, and a part the instrument does not have
(dimensions, adopter categories, groups, bands) is left out rather than shown
empty.
"""

from __future__ import annotations

from typing import Any

from surveys.model.carried import carried_marker
from surveys.model.instrument import Instrument
from surveys.model.ranges import group_span, instrument_span
from surveys.model.responses import Assessment
from surveys.model.vocabulary import Vocabulary, heading, vocabulary
from surveys.results.scoring import AreaResult, DimensionResult, Result
from surveys.results.suggestions import suggestion_line, suggestion_title

META_NAMES = {"url": "URL", "licence": "Licence", "license": "Licence", "source": "Source"}


def percent(share: float) -> str:
    return f"{round(100 * share)}%"


def number(value: float) -> str:
    """A figure as people write it: 28, not 28.0; 2.5 stays 2.5."""
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def placement_words(instrument: Instrument, result: DimensionResult) -> str:
    dimension = instrument.dimension(result.dimension)
    labels = [dimension.profile(pid).label for pid in result.placement]
    if not labels:
        return "not placed (no answers yet)"
    if len(labels) > 1:
        return "a tie between " + " and ".join(labels)
    return labels[0]


def meta_lines(instrument: Instrument) -> list[tuple[str, str]]:
    """The instrument's metadata and reading note as (name, text), for every output that shows them."""
    out = [(META_NAMES.get(key, heading(key.replace("_", " "))), value) for key, value in instrument.meta]
    if instrument.format == 2 and instrument.reading_note:
        out.append(("Reading note", instrument.reading_note))
    return out


def _deck_ladder(instrument: Instrument, result: Result, words: Vocabulary) -> list[str]:
    top = instrument.top
    lines = ["", f"{heading(words.ladder)} (overall: the median of the {words.area} scores, rounded down)"]
    if result.overall_step is None:
        lines.append(f"  Overall: not yet known (no {words.ladder} questions answered).")
    else:
        lines.append(
            f"  Overall: {words.step} {result.overall_step} of {top}, {instrument.step(result.overall_step).label}."
        )
    for a in result.areas:
        label = instrument.area(a.area).label
        if a.score is None or a.step is None:
            lines.append(f"  {label}: not yet scored.")
        else:
            lines.append(f"  {label}: {a.score:.1f} of {top}, {words.step} {a.step}, {instrument.step(a.step).label}.")
    return lines


def figure_head(instrument: Instrument, overall: float | None, step: int | None, band: str | None) -> str:
    """'22 of 33, <step>; <band word>: <band>', or why it is not yet known: one assessment's or an organisation's."""
    words = vocabulary(instrument)
    span = instrument_span(instrument)
    if overall is None or span is None:
        return f"not yet known (no {words.areas} scored)"
    said = f"{number(overall)} of {number(span[1])}"
    if step is not None:
        said += f", {instrument.step(step).label}"
    if band is not None:
        said += f"; {words.band}: {instrument.band(band).label}"
    return said


def overall_words(instrument: Instrument, result: Result) -> str:
    """The overall figure, the step it reaches and its band, in the instrument's words."""
    words = vocabulary(instrument)
    said = figure_head(instrument, result.overall, result.overall_step, result.band)
    if result.overall is None or instrument_span(instrument) is None:
        return said
    if result.band is None and instrument.bands:
        scored = sum(1 for a in result.areas if a.answered == a.total and a.total)
        counted = sum(1 for a in result.areas if a.total)
        said += f" so far; the {words.band} is given when every {words.area} is scored ({scored} of {counted})"
    return said


def group_words(instrument: Instrument, result: Result) -> list[tuple[str, str]]:
    """Each group's label and its subtotal in words (EDS: a domain's total), as every output shows them."""
    words = vocabulary(instrument)
    out = []
    for g in result.groups:
        group = instrument.group(g.group)
        span = group_span(instrument, g.group)
        if g.score is None or span is None:
            out.append((group.label, "not yet scored"))
        else:
            more = "" if g.complete else f" so far, {g.answered} of {g.total} {words.areas} scored"
            out.append((group.label, f"{number(g.score)} of {number(span[1])}{more}"))
    return out


def _figures(instrument: Instrument, result: Result, words: Vocabulary) -> list[str]:
    rule = instrument.scoring.overall
    lines = ["", f"{heading(words.areas)} ({words.overall}: the {rule} of the {words.area} scores)"]
    lines.append(f"  {heading(words.overall)}: {overall_words(instrument, result)}.")
    areas = {a.area: a for a in result.areas}
    grouped = {area for group in instrument.groups for area in group.areas}
    for (label, said), group in zip(group_words(instrument, result), instrument.groups, strict=True):
        lines.append(f"  {label}: {said}.")
        lines += [f"    {_area_words(instrument, areas[a])}" for a in group.areas]
    lines += [f"  {_area_words(instrument, a)}" for a in result.areas if a.area not in grouped]
    return lines


def area_rating(instrument: Instrument, a: AreaResult) -> str:
    """An area's score in words (EDS: "2 of 3, Achieving activity"), as every output says it."""
    if a.score is None:
        return "not yet scored"
    if a.step is not None:
        return f"{number(a.score)} of {instrument.top}, {instrument.step(a.step).label}"
    return f"{number(a.score)} from {a.answered} of {a.total} answers"


def _area_words(instrument: Instrument, a: AreaResult) -> str:
    return f"{instrument.area(a.area).label}: {area_rating(instrument, a)}."


def evidence(instrument: Instrument, assessment: Assessment) -> list[tuple[str, str, str]]:
    """(question id, the answer in words, the note) for every answer that carries a note, in question order."""
    out = []
    for q in instrument.questions:
        answer = assessment.answer(q.id)
        if answer is None or not answer.note.strip():
            continue
        given = "don't know" if answer.dont_know else answer.text or answer.label or "no answer"
        out.append((q.id, given, answer.note))
    return out


def report_lines(
    instrument: Instrument, assessment: Assessment, result: Result, moved: tuple[str, list[str]] | None = None
) -> list[str]:
    """The report; `moved` is (heading, lines) of what moved since an earlier assessment, shown first."""
    words = vocabulary(instrument)
    c = result.completeness
    role = f" ({assessment.role})" if assessment.role else ""
    lines = [
        f"Organisation: {assessment.organisation}",
        f"Respondent: {assessment.respondent}{role}",
        f"Date: {assessment.date.isoformat()}",
        f"Instrument: {instrument.title} ({instrument.id}, version {instrument.version})",
        f"Complete: {c.answered} of {c.total} questions answered ({c.percent}%); "
        f"{c.dont_know} don't know, {c.unanswered} unanswered, {c.needs_review} needing review.",
    ]
    if moved is not None:
        lines += ["", moved[0], *(f"  {line}." for line in moved[1])]
    if instrument.dimensions:
        lines += ["", "Where the organisation stands"]
    for d in result.dimensions:
        dimension = instrument.dimension(d.dimension)
        fits = ", ".join(f"{dimension.profile(pid).label} {percent(fit)}" for pid, fit in d.fits)
        lines.append(f"  {dimension.label}: {placement_words(instrument, d)}.")
        lines.append(f"    Fit from {d.answered} of {d.total} answers: {fits}.")
    if instrument.format == 1:
        lines += _deck_ladder(instrument, result, words)
    elif instrument.areas:
        lines += _figures(instrument, result, words)
    if instrument.adopters and result.adopter is None:
        lines += ["", f"{heading(words.adopter)}: not yet known."]
    elif result.adopter is not None:
        category = instrument.adopter(result.adopter)
        lines += ["", f"{heading(words.adopter)}: {category.label} ({category.share:g}% of organisations)."]
    lines += ["", "What this implies"]
    lines += [f"  - {i.source}: {i.text}" for i in result.implications] or ["  (answer more questions)"]
    if instrument.steps and instrument.areas:
        lines += _suggestion_lines(instrument, result, words)
    if assessment.priorities:
        lines += ["", "Action plan"]
        for n, p in enumerate(assessment.priorities, start=1):
            area = instrument.area(p.area).label if any(a.id == p.area for a in instrument.areas) else p.area
            marker = carried_marker(p)
            carried = f" ({marker})" if marker else ""
            lines.append(f"  {n}. {p.title or area}: lead {p.lead or '(none)'}; status {p.status}{carried}.")
    noted = evidence(instrument, assessment)
    if noted:
        lines += ["", heading(words.evidence)]
        lines += [f"  - {qid} ({given}): {note}" for qid, given, note in noted]
    if result.needs_review or result.orphans:
        lines += ["", "Needing review (kept in the file, left out of the scores)"]
        lines += [f"  - {qid}: the question changed since it was answered" for qid in result.needs_review]
        lines += [f"  - {qid}: the instrument no longer has this question" for qid in result.orphans]
    about = meta_lines(instrument)
    if about:
        lines += ["", f"About {instrument.title}"]
        lines += [f"  {name}: {text}" for name, text in about]
    return lines


def _suggestion_lines(instrument: Instrument, result: Result, words: Vocabulary) -> list[str]:
    lines = ["", f"Suggested {words.priorities} (weakest {words.areas} first)"]
    for n, s in enumerate(result.suggestions, start=1):
        lines.append(f"  {n}. {suggestion_line(instrument, s)}")
    if not result.suggestions:
        lines.append("  (none yet)")
    return lines


def report_json(instrument: Instrument, assessment: Assessment, result: Result) -> dict[str, Any]:
    c = result.completeness
    span = instrument_span(instrument)
    out: dict[str, Any] = {
        "organisation": assessment.organisation,
        "respondent": assessment.respondent,
        "role": assessment.role,
        "date": assessment.date.isoformat(),
        "instrument": {
            "id": instrument.id,
            "version": instrument.version,
            "title": instrument.title,
            "format": instrument.format,
            "reading_note": instrument.reading_note,
            "meta": dict(instrument.meta),
        },
        "answered": c.answered,
        "total": c.total,
        "dont_know": c.dont_know,
        "unanswered": c.unanswered,
        "needs_review": list(result.needs_review),
        "orphans": list(result.orphans),
        "dimensions": [
            {
                "id": d.dimension,
                "fits": dict(d.fits),
                "answered": d.answered,
                "placement": list(d.placement),
                "tie": d.tie,
            }
            for d in result.dimensions
        ],
        "areas": [{"id": a.area, "score": a.score, "step": a.step, "answered": a.answered} for a in result.areas],
        "functions": [{"id": f.function, "score": f.score, "answered": f.answered} for f in result.functions],
        "groups": [
            {"id": g.group, "score": g.score, "answered": g.answered, "total": g.total, "complete": g.complete}
            for g in result.groups
        ],
        "overall": {
            "rule": instrument.scoring.overall,
            "score": result.overall,
            "most": span[1] if span else None,
            "complete": result.overall_complete,
            "band": result.band,
            "band_label": instrument.band(result.band).label if result.band else None,
        },
        "overall_step": result.overall_step,
        "implications": [{"source": i.source, "text": i.text} for i in result.implications],
        "suggested_priorities": [
            {
                "title": suggestion_title(instrument, s),
                "area": s.area,
                "function": s.function,
                "score": s.score,
                "step": s.step,
                "transition": s.transition,
            }
            for s in result.suggestions
        ],
        "priorities": [
            {
                "area": p.area,
                "title": p.title,
                "lead": p.lead,
                "function": p.function,
                "target": p.target.isoformat() if p.target else None,
                "review": p.review.isoformat() if p.review else None,
                "measure": p.measure,
                "status": p.status,
                "carried_from": p.carried_from.isoformat() if p.carried_from else None,
                "status_to_update": p.status_to_update,
            }
            for p in assessment.priorities
        ],
        "evidence": [
            {"question": qid, "answer": given, "note": note} for qid, given, note in evidence(instrument, assessment)
        ],
    }
    if instrument.adopters:
        # Only where the framework has adopter categories: no key names a concept the instrument lacks.
        out["adopter"] = result.adopter
    return out
