"""The result as paragraphs for the result screen: words first, no meaning in colour alone.

Each paragraph is (head, body): a bullet or label that its wrapped lines hang
under (see tui.app.hanging).
"""

from __future__ import annotations

from textual.content import Content

from surveys.instruments.glossary import terms_used
from surveys.model.instrument import Instrument
from surveys.model.ranges import group_span
from surveys.model.vocabulary import heading, scored_heading, step_rule, vocabulary
from surveys.results.report import meta_lines, number, overall_words
from surveys.results.scoring import AreaResult, Result
from surveys.results.suggestions import suggestion_line
from tui.app.hanging import Paragraph

BLANK: Paragraph = ("", Content(""))


def _heading(title: str) -> list[Paragraph]:
    return [BLANK, ("", Content.styled(title, "bold underline"))]


def _line(text: str, style: str = "") -> Paragraph:
    return "", Content.styled(text, style) if style else Content(text)


def result_text(
    instrument: Instrument,
    result: Result,
    earlier: Result | None = None,
    earlier_name: str = "",
    moved: tuple[str, list[str]] | None = None,
    planned: frozenset[str] = frozenset(),
) -> list[Paragraph]:
    """The result's paragraphs.

    `moved` is (heading, lines) of what moved since an earlier assessment; `planned` holds the
    areas the plan already has a priority for.
    """
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

    if moved is not None:
        out += _heading(moved[0])
        out += [("  - ", Content(line)) for line in moved[1]]

    words = vocabulary(instrument)
    if instrument.dimensions:
        out += _heading(heading(words.dimensions))
    for d in result.dimensions:
        dimension = instrument.dimension(d.dimension)
        if d.placement:
            where = " / ".join(dimension.profile(p).label for p in d.placement) + (" (tied)" if d.tie else "")
        else:
            where = "not placed yet (no answers)"
        out.append(("", Content.assemble((f"{dimension.label}: ", "bold"), where)))
        if d.answered:  # with no answers every fit is 0%, which would read as a finding
            fits = ", ".join(f"{dimension.profile(pid).label} {round(fit * 100)}%" for pid, fit in d.fits)
            out.append(("  fit: ", Content(f"{fits} ({d.answered} of {d.total} answered)")))

    if instrument.areas:
        out += _heading(scored_heading(instrument))
        out += _overall(instrument, result) + _groups(instrument, result)
        rule = step_rule(instrument)
        # Said only where a figure falls between steps: whole figures need no rule.
        if rule and any(a.step is not None and a.score is not None and a.score != a.step for a in result.areas):
            out.append(_line(rule, "italic"))
    old_areas = {a.area: a for a in earlier.areas} if earlier is not None else {}
    for a in result.areas:
        was = old_areas.get(a.area)
        before = ""
        if was is not None:
            before = f"; was {was.score:.1f}" if was.score is not None else "; was not answered"
        out.append(("  ", Content(f"{instrument.area(a.area).label}: {_area_now(instrument, a)}{before}")))
    if earlier is not None:
        out.append(("  ", Content.styled(f"(earlier: {earlier_name})", "italic")))

    if instrument.adopters:
        out += _heading("Adoption")
        out.append(_line(instrument.adopter(result.adopter).label if result.adopter else "Not answered yet."))

    if instrument.steps and instrument.areas:
        out += _suggestions(instrument, result, planned)

    out += _heading("What this placement implies" if instrument.dimensions else "What this implies")
    if not result.implications:
        out.append(_line("Answer more questions to see the implications."))
    # The deck's abbreviations (RRAA...) said in full before the lines that use them.
    used = terms_used(instrument, [text for item in result.implications for text in (item.source, item.text)])
    out += [(f"{term}: ", Content.styled(meaning, "italic")) for term, meaning in used]
    source = ""
    for item in result.implications:
        if item.source != source:
            source = item.source
            out.append(_line(source, "bold"))
        out.append(("  - ", Content(item.text)))
    about = meta_lines(instrument)
    if about:
        out += _heading(f"About {instrument.title}")
        out += [(f"{name}: ", Content(text)) for name, text in about]
    return out


def _suggestions(instrument: Instrument, result: Result, planned: frozenset[str]) -> list[Paragraph]:
    # The report's wording (surveys.results.suggestions); looking here writes nothing, the plan adopts.
    words = vocabulary(instrument)
    out = _heading(f"Suggested {words.priorities} (weakest {words.areas} first)")
    if not result.suggestions:
        return [*out, _line("None yet: answer more questions.")]
    for n, s in enumerate(result.suggestions, start=1):
        line = suggestion_line(instrument, s)
        if s.area in planned:
            line = line.removesuffix(".") + " (in the plan)."
        out.append((f"  {n}. ", Content(line)))
    if any(s.area not in planned for s in result.suggestions):
        hint = "p opens the plan, where enter adopts one and A adopts all: nothing is added until you do."
    else:
        hint = "p opens the plan."
    out.append(_line(hint, "italic"))
    return out


def _overall(instrument: Instrument, result: Result) -> list[Paragraph]:
    if instrument.format == 2:
        return [_line(f"{heading(vocabulary(instrument).overall)}: {overall_words(instrument, result)}", "bold")]
    if result.overall_step is not None:
        step = instrument.step(result.overall_step)
        return [_line(f"Step {step.number} of {len(instrument.steps)}: {step.label}", "bold")]
    return [_line("No step yet: no competence questions answered.")]


def _groups(instrument: Instrument, result: Result) -> list[Paragraph]:
    out = []
    for g in result.groups:
        span = group_span(instrument, g.group)
        label = instrument.group(g.group).label
        if g.score is None or span is None:
            out.append(("  ", Content(f"{label}: not yet scored")))
        else:
            more = "" if g.complete else " so far"
            out.append(("  ", Content(f"{label}: {number(g.score)} of {number(span[1])}{more}")))
    return out


def _area_now(instrument: Instrument, a: AreaResult) -> str:
    if a.score is None:
        return "no answers"
    if instrument.format == 1 and a.step is not None:
        return f"{a.score:.1f} (step {a.step})"
    if a.step is not None:
        return f"{number(a.score)} ({instrument.step(a.step).label})"
    return number(a.score)
