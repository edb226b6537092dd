"""The result as paragraphs for the result screen: words first, no meaning in colour alone.

Each paragraph is (head, body): a bullet or label that its wrapped lines hang
under (see tui.app.hanging).
"""

from __future__ import annotations

from textual.content import Content

from surveys.model import Instrument
from surveys.scoring import Result
from tui.app.hanging import Paragraph

BLANK: Paragraph = ("", Content(""))


def _heading(title: str) -> list[Paragraph]:
    return [BLANK, ("", Content.styled(title, "bold underline"))]


def _line(text: str, style: str = "") -> Paragraph:
    return "", Content.styled(text, style) if style else Content(text)


def result_text(
    instrument: Instrument, result: Result, earlier: Result | None = None, earlier_name: str = ""
) -> list[Paragraph]:
    c = result.completeness
    review = f", {c.needs_review} to answer again" if c.needs_review else ""
    out: list[Paragraph] = [
        (
            "",
            Content.assemble(
                (f"Complete: {c.answered} of {c.total} answered ({c.percent}%)", "bold"),
                f", {c.dont_know} don't know, {c.unanswered} empty{review}",
            ),
        )
    ]

    out += _heading("Dimensions")
    for d in result.dimensions:
        dimension = instrument.dimension(d.dimension)
        if d.placement:
            where = " / ".join(dimension.profile(p).label for p in d.placement) + (" (tied)" if d.tie else "")
        else:
            where = "not placed yet (no answers)"
        out.append(("", Content.assemble((f"{dimension.label}: ", "bold"), where)))
        fits = ", ".join(f"{dimension.profile(pid).label} {round(fit * 100)}%" for pid, fit in d.fits)
        out.append(("  fit: ", Content(f"{fits} ({d.answered} of {d.total} answered)")))

    out += _heading("Competence")
    if result.overall_step is not None:
        step = instrument.step(result.overall_step)
        out.append(_line(f"Step {step.number} of {len(instrument.steps)}: {step.label}", "bold"))
    else:
        out.append(_line("No step yet: no competence questions answered."))
    old_areas = {a.area: a for a in earlier.areas} if earlier is not None else {}
    for a in result.areas:
        now = f"{a.score:.1f} (step {a.step})" if a.score is not None and a.step is not None else "no answers"
        was = old_areas.get(a.area)
        before = ""
        if was is not None:
            before = f"; was {was.score:.1f}" if was.score is not None else "; was not answered"
        out.append(("  ", Content(f"{instrument.area(a.area).label}: {now}{before}")))
    if earlier is not None:
        out.append(("  ", Content.styled(f"(earlier: {earlier_name})", "italic")))

    out += _heading("Adoption")
    out.append(_line(instrument.adopter(result.adopter).label if result.adopter else "Not answered yet."))

    out += _heading("What this placement implies")
    if not result.implications:
        out.append(_line("Answer more questions to see the implications."))
    source = ""
    for item in result.implications:
        if item.source != source:
            source = item.source
            out.append(_line(source, "bold"))
        out.append(("  - ", Content(item.text)))
    return out
