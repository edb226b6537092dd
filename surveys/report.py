"""The result in words: plain text for terminals and screen readers, and JSON.

Plain text is read top to bottom by a screen reader, so nothing here relies
on columns lining up or on colour to carry meaning.
"""

from __future__ import annotations

from typing import Any

from surveys.model import Instrument
from surveys.responses import Assessment
from surveys.scoring import DimensionResult, Result
from surveys.suggestions import suggestion_title


def percent(share: float) -> str:
    return f"{round(100 * share)}%"


def placement_words(instrument: Instrument, result: DimensionResult) -> str:
    dimension = instrument.dimension(result.dimension)
    labels = [dimension.profile(pid).label for pid in result.placement]
    if not labels:
        return "not placed (no answers yet)"
    if len(labels) > 1:
        return "a tie between " + " and ".join(labels)
    return labels[0]


def report_lines(instrument: Instrument, assessment: Assessment, result: Result) -> list[str]:
    c = result.completeness
    role = f" ({assessment.role})" if assessment.role else ""
    lines = [
        f"Organisation: {assessment.organisation}",
        f"Respondent: {assessment.respondent}{role}",
        f"Date: {assessment.date.isoformat()}",
        f"Instrument: {instrument.title} ({instrument.id}, version {instrument.version})",
        f"Complete: {c.answered} of {c.total} questions answered ({c.percent}%); "
        f"{c.dont_know} don't know, {c.unanswered} unanswered, {c.needs_review} needing review.",
        "",
        "Where the organisation stands",
    ]
    for d in result.dimensions:
        dimension = instrument.dimension(d.dimension)
        fits = ", ".join(f"{dimension.profile(pid).label} {percent(fit)}" for pid, fit in d.fits)
        lines.append(f"  {dimension.label}: {placement_words(instrument, d)}.")
        lines.append(f"    Fit from {d.answered} of {d.total} answers: {fits}.")
    lines += ["", "Competence (overall: the median of the area scores, rounded down)"]
    if result.overall_step is None:
        lines.append("  Overall: not yet known (no competence questions answered).")
    else:
        lines.append(f"  Overall: step {result.overall_step} of 4, {instrument.step(result.overall_step).label}.")
    for a in result.areas:
        label = instrument.area(a.area).label
        if a.score is None or a.step is None:
            lines.append(f"  {label}: not yet scored.")
        else:
            lines.append(f"  {label}: {a.score:.1f} of 4, step {a.step}, {instrument.step(a.step).label}.")
    if result.adopter is None:
        lines += ["", "Adopter category: not yet known."]
    else:
        category = instrument.adopter(result.adopter)
        lines += ["", f"Adopter category: {category.label} ({category.share:g}% of organisations)."]
    lines += ["", "What this implies"]
    lines += [f"  - {i.source}: {i.text}" for i in result.implications] or ["  (answer more questions)"]
    lines += ["", "Suggested priorities (weakest areas first)"]
    for n, s in enumerate(result.suggestions, start=1):
        lines.append(
            f"  {n}. {suggestion_title(instrument, s)}; now {s.score:.1f} of {len(instrument.steps)}; "
            f"lives in {instrument.function(s.function).label}."
        )
    if not result.suggestions:
        lines.append("  (none yet)")
    if assessment.priorities:
        lines += ["", "Action plan"]
        for n, p in enumerate(assessment.priorities, start=1):
            area = instrument.area(p.area).label if any(a.id == p.area for a in instrument.areas) else p.area
            lines.append(f"  {n}. {p.title or area}: lead {p.lead or '(none)'}; status {p.status}.")
    if result.needs_review or result.orphans:
        lines += ["", "Needing review (kept in the file, left out of the scores)"]
        lines += [f"  - {qid}: the question changed since it was answered" for qid in result.needs_review]
        lines += [f"  - {qid}: the instrument no longer has this question" for qid in result.orphans]
    return lines


def report_json(instrument: Instrument, assessment: Assessment, result: Result) -> dict[str, Any]:
    c = result.completeness
    return {
        "organisation": assessment.organisation,
        "respondent": assessment.respondent,
        "role": assessment.role,
        "date": assessment.date.isoformat(),
        "instrument": {"id": instrument.id, "version": instrument.version, "title": instrument.title},
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
        "overall_step": result.overall_step,
        "adopter": result.adopter,
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
            }
            for p in assessment.priorities
        ],
    }
