"""The tables only format 2 has: scoring rules, groups, bands, vocabulary and metadata.

Bands are computed from the overall figure, never chosen by hand, so they are
checked here against the figure's possible range: in order, no gaps, no
overlaps, from the lowest figure the rules can give to the highest.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from surveys.instruments.check_tools import Checker, dotted
from surveys.model.instrument import RULES, Area, Band, Group, Question, Rule, Scoring, Section, is_scored
from surveys.model.ranges import overall_span
from surveys.model.vocabulary import Vocabulary

if TYPE_CHECKING:
    from surveys.instruments.toml_locate import Path


def scoring(c: Checker, top: dict[str, Any]) -> Scoring:
    if "scoring" not in top:
        return Scoring()
    t = c.table(top["scoring"], ("scoring",), set(Scoring._fields))
    rules: dict[str, Rule] = {}
    for key in Scoring._fields:
        value = t.get(key, Scoring._field_defaults[key])
        if value not in RULES:
            c.fail(("scoring", key), f"scoring.{key} must be one of {', '.join(RULES)}, not {str(value)[:20]!r}")
        else:
            rules[key] = value
    return Scoring()._replace(**rules)


def groups(c: Checker, top: dict[str, Any], areas: set[str]) -> tuple[Group, ...]:
    seen: dict[str, Path] = {}
    placed: dict[str, str] = {}
    out = []
    for i, raw in enumerate(c.array(top, "groups", (), required=False)):
        path: Path = ("groups", i)
        t = c.table(raw, path, {"id", "label", "description", "areas"})
        ident = c.ident(t, path, seen, "group")
        members = c.strings(t, "areas", path)
        if not members:
            c.fail(path, f"group {ident!r} needs 'areas', the ids of the areas it holds")
        for area in members:
            if area not in areas:
                c.fail(path + ("areas",), f"group {ident!r} names area {area!r}, which does not exist")
            elif area in placed:
                c.fail(path + ("areas",), f"area {area!r} is in group {placed[area]!r} already: an area has one group")
            else:
                placed[area] = ident
        out.append(Group(ident, c.text(t, "label", path), c.text(t, "description", path, required=False), members))
    return tuple(out)


def nothing_scored(c: Checker, sections: tuple[Section, ...]) -> None:
    questions = [q for s in sections for q in s.questions]
    if questions and not any(is_scored(q) or q.kind == "profile" for q in questions):
        c.fail(
            ("sections",),
            "nothing here is scored: give at least one question an area (a ladder, or a choice with number values)"
            " or a dimension (a profile question)",
        )


def _counts(q: Question) -> bool:
    return bool(q.area) and (
        q.kind == "ladder" or (q.kind == "choice" and q.options[:1] != () and q.options[0].points is not None)
    )


def bands(
    c: Checker,
    top: dict[str, Any],
    rules: Scoring,
    areas: tuple[Area, ...],
    sections: tuple[Section, ...],
) -> tuple[Band, ...]:
    seen: dict[str, Path] = {}
    out: list[Band] = []
    before = len(c.problems)
    for i, raw in enumerate(c.array(top, "bands", (), required=False)):
        path: Path = ("bands", i)
        t = c.table(raw, path, {"id", "label", "from", "to", "meaning"})
        ident = c.ident(t, path, seen, "band")
        ends = []
        for key in ("from", "to"):
            value = t.get(key)
            if isinstance(value, bool) or not isinstance(value, int):
                c.fail(path + (key,) if key in t else path, f"band {ident!r} needs {key!r}, a whole number")
                value = None
            ends.append(value)
        low, high = ends
        if low is None or high is None:
            continue
        if low > high:
            c.fail(path + ("to",), f"band {ident!r} runs from {low} down to {high}: 'to' must be at least 'from'")
        elif out and low <= out[-1].high:
            c.fail(
                path + ("from",),
                f"band {ident!r} overlaps band {out[-1].id!r}: it starts at {low}, within {out[-1].low}-{out[-1].high}",
            )
        elif out and low > out[-1].high + 1:
            c.fail(path + ("from",), f"a gap before band {ident!r}: nothing covers {out[-1].high + 1}-{low - 1}")
        out.append(Band(ident, c.text(t, "label", path), low, high, c.text(t, "meaning", path, required=False)))
    if out and len(out) == len(top.get("bands", [])) and len(c.problems) == before:
        _covers(c, out, overall_span(rules, [a.id for a in areas], [q for s in sections for q in s.questions]))
    return tuple(out)


def _covers(c: Checker, out: list[Band], span: tuple[float, float] | None) -> None:
    if span is None:
        c.fail(("bands",), "bands need a figure to band: no question is scored in an area")
        return
    # A figure is banded as a whole number, rounded down (as the deck rounds a step).
    low, high = math.floor(span[0]), math.floor(span[1])
    first, last = ("bands", 0, "from"), ("bands", len(out) - 1, "to")
    if out[0].low > low:
        c.fail(first, f"the bands start at {out[0].low}, but the overall figure can be as low as {low}")
    elif out[0].low < low:
        c.fail(first, f"the bands start at {out[0].low}, but the overall figure can be no lower than {low}")
    if out[-1].high < high:
        c.fail(last, f"the bands end at {out[-1].high}, but the overall figure can be as high as {high}")
    elif out[-1].high > high:
        c.fail(last, f"the bands end at {out[-1].high}, but the overall figure can be at most {high}")


def words(c: Checker, top: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    if "vocabulary" not in top:
        return ()
    t = c.table(top["vocabulary"], ("vocabulary",), set(Vocabulary._fields))
    out = []
    for key in t:
        if key in Vocabulary._fields:
            value = c.text(t, key, ("vocabulary",))
            if value.strip():
                out.append((key, value.strip()))
    return tuple(out)


def meta(c: Checker, top: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The instrument's own table: any keys, each a line of text (source, licence, url...)."""
    if "meta" not in top:
        return ()
    t = top["meta"]
    if not isinstance(t, dict):
        c.fail(("meta",), "meta must be a table")
        return ()
    out = []
    for key, value in t.items():
        if isinstance(value, str):
            out.append((key, value))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out.append((key, f"{value:g}"))
        else:
            c.fail(("meta", key), f"{dotted(('meta', key))} must be text or a number")
    return tuple(out)
