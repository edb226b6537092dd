"""The result as rich text for the result screen: words first, no meaning in colour alone."""

from __future__ import annotations

from rich.text import Text

from surveys.model import Instrument
from surveys.scoring import Result


def result_text(instrument: Instrument, result: Result, earlier: Result | None = None, earlier_name: str = "") -> Text:
    out = Text()

    def heading(title: str) -> None:
        out.append(f"\n{title}\n", style="bold underline")

    c = result.completeness
    out.append(f"Complete: {c.answered} of {c.total} answered ({c.percent}%)", style="bold")
    out.append(f", {c.dont_know} don't know, {c.unanswered} empty")
    if c.needs_review:
        out.append(f", {c.needs_review} to answer again")
    out.append("\n")

    heading("Dimensions")
    for d in result.dimensions:
        dimension = instrument.dimension(d.dimension)
        if d.placement:
            where = " / ".join(dimension.profile(p).label for p in d.placement) + (" (tied)" if d.tie else "")
        else:
            where = "not placed yet (no answers)"
        out.append(f"{dimension.label}: ", style="bold")
        out.append(f"{where}\n")
        fits = ", ".join(f"{dimension.profile(pid).label} {round(fit * 100)}%" for pid, fit in d.fits)
        out.append(f"  fit: {fits} ({d.answered} of {d.total} answered)\n")

    heading("Competence")
    if result.overall_step is not None:
        step = instrument.step(result.overall_step)
        out.append(f"Step {step.number} of {len(instrument.steps)}: {step.label}\n", style="bold")
    else:
        out.append("No step yet: no competence questions answered.\n")
    old_areas = {a.area: a for a in earlier.areas} if earlier is not None else {}
    for a in result.areas:
        label = instrument.area(a.area).label
        now = f"{a.score:.1f} (step {a.step})" if a.score is not None and a.step is not None else "no answers"
        was = old_areas.get(a.area)
        before = ""
        if was is not None:
            before = f"; was {was.score:.1f}" if was.score is not None else "; was not answered"
        out.append(f"  {label}: {now}{before}\n")
    if earlier is not None:
        out.append(f"  (earlier: {earlier_name})\n", style="italic")

    heading("Adoption")
    if result.adopter:
        out.append(f"{instrument.adopter(result.adopter).label}\n")
    else:
        out.append("Not answered yet.\n")

    heading("What this placement implies")
    if not result.implications:
        out.append("Answer more questions to see the implications.\n")
    source = ""
    for item in result.implications:
        if item.source != source:
            source = item.source
            out.append(f"{source}\n", style="bold")
        out.append(f"  - {item.text}\n")
    return out
