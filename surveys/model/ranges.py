"""How low and how high a figure can go, from the scale and the instrument's rules.

The checker uses it to see that bands cover every figure; the report and the
screens use it to say "8 of 12".
"""

from __future__ import annotations

from surveys.model.instrument import Instrument, Question, Rule, Scoring, is_scored

Span = tuple[float, float]


def combine(rule: Rule, values: list[float]) -> float:
    """`values` by `rule`; the caller makes sure there is at least one."""
    if rule == "sum":
        return sum(values)
    ordered = sorted(values)
    if rule == "mean":
        return sum(ordered) / len(ordered)
    # Written out rather than importing `statistics`, which pulls in decimal,
    # fractions and random: a cost every start of the app would pay.
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def question_span(question: Question) -> Span:
    values = [float(o.step) if question.kind == "ladder" else o.points or 0.0 for o in question.options]
    return min(values), max(values)


def _span(rule: Rule, spans: list[Span]) -> Span | None:
    if not spans:
        return None
    return combine(rule, [s[0] for s in spans]), combine(rule, [s[1] for s in spans])


def area_spans(rules: Scoring, area_ids: list[str], questions: list[Question]) -> dict[str, Span]:
    out = {}
    for area in area_ids:
        asked = [question_span(q) for q in questions if q.area == area and q.options and is_scored(q)]
        span = _span(rules.area, asked)
        if span is not None:
            out[area] = span
    return out


def overall_span(rules: Scoring, area_ids: list[str], questions: list[Question]) -> Span | None:
    return _span(rules.overall, list(area_spans(rules, area_ids, questions).values()))


def group_span(instrument: Instrument, group_id: str) -> Span | None:
    spans = area_spans(instrument.scoring, list(instrument.group(group_id).areas), list(instrument.questions))
    return _span(instrument.scoring.group, list(spans.values()))


def instrument_span(instrument: Instrument) -> Span | None:
    return overall_span(instrument.scoring, [a.id for a in instrument.areas], list(instrument.questions))
