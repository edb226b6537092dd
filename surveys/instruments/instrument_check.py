"""Check an instrument's TOML data and build the typed `Instrument` from it.

Every problem is collected, not just the first, so an author fixes a file in
one pass. Problems carry the key path; the loader turns paths into lines.

A file is format 1 (the deck's shape: every framework table required, a
four-step ladder) unless it says `format = 2`; format 2 lets the instrument
say which tables it uses, how it scores and what it calls its concepts
(see format2_check).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from surveys.instruments.check_tools import Checker, Problem, dotted
from surveys.instruments.glossary import check_glossary
from surveys.instruments.question_check import own_areas, sections
from surveys.model.instrument import (
    TRANSITIONS,
    AdopterCategory,
    Area,
    BusinessFunction,
    CompetenceStep,
    Dimension,
    Instrument,
    Level,
    Principle,
    Profile,
)

if TYPE_CHECKING:
    from surveys.instruments.toml_locate import Path

__all__ = ["Problem", "check", "dotted"]

_MAX_VERSION = 1_000_000
_TOP_KEYS = {
    "id",
    "version",
    "title",
    "reading_note",
    "commission",
    "levels",
    "dimensions",
    "steps",
    "areas",
    "functions",
    "adopters",
    "principles",
    "sections",
    "format",
    "glossary",
}
_FORMAT2_KEYS = _TOP_KEYS | {"vocabulary", "meta", "scoring", "groups", "bands"}
MIN_POINTS, MAX_POINTS = 2, 10


def _format(c: Checker, data: Any) -> int:
    value = data.get("format", 1) if isinstance(data, dict) else 1
    if isinstance(value, bool) or value not in (1, 2):
        c.fail(("format",), f"'format' must be 1 or 2, not {str(value)[:20]}")
        return 1
    return int(value)


def check(data: dict[str, Any]) -> tuple[Instrument | None, list[Problem]]:
    """The instrument and an empty list, or None and every problem found."""
    c = Checker()
    c.format = _format(c, data)
    top = c.table(data, (), _FORMAT2_KEYS if c.format == 2 else _TOP_KEYS)
    ident = c.ident(top, (), {}, "instrument")
    version = top.get("version")
    if version is None:
        c.fail((), "the file is missing 'version'")
        version = 0
    elif isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= _MAX_VERSION:
        c.fail(("version",), f"'version' must be a whole number from 1 to {_MAX_VERSION}, not {str(version)[:20]}")
        version = 0
    title = c.text(top, "title", ())
    note = c.text(top, "reading_note", (), required=False)
    commission = c.strings(top, "commission", ())
    levels = _levels(c, top)
    functions = _functions(c, top)
    dimensions = _dimensions(c, top, {lv.id for lv in levels})
    steps = _steps(c, top)
    areas = _areas(c, top, {f.id for f in functions})
    adopters = _adopters(c, top)
    principles = _principles(c, top)
    questions = sections(c, top, dimensions, areas, functions, adopters, steps)
    if c.format == 2 and "areas" not in top:
        areas, questions = own_areas(questions)
    if c.format == 2:
        # Only a format 2 file needs these tables' checks: the built-in (format 1) starts without them.
        from surveys.instruments.format2_check import bands, groups, meta, nothing_scored, scoring, words

        rules = scoring(c, top)
        area_groups = groups(c, top, {a.id for a in areas})
        nothing_scored(c, questions)
        figure_bands = bands(c, top, rules, areas, questions)
        extras = {
            "format": 2,
            "scoring": rules,
            "groups": area_groups,
            "bands": figure_bands,
            "words": words(c, top),
            "meta": meta(c, top),
        }
    else:
        extras = {}
    extras["glossary"] = check_glossary(c, top)
    if c.problems:
        return None, c.problems
    instrument = Instrument(
        id=ident,
        version=version,
        title=title,
        reading_note=note,
        levels=levels,
        dimensions=dimensions,
        steps=steps,
        areas=areas,
        functions=functions,
        adopters=adopters,
        principles=principles,
        commission=commission,
        sections=questions,
        **extras,  # type: ignore[arg-type]
    )
    return instrument, []


def _required(c: Checker) -> bool:
    return c.format == 1


def _levels(c: Checker, top: dict[str, Any]) -> tuple[Level, ...]:
    seen: dict[str, Path] = {}
    out = []
    for i, raw in enumerate(c.array(top, "levels", (), required=_required(c))):
        path: Path = ("levels", i)
        t = c.table(raw, path, {"id", "label", "question"})
        out.append(
            Level(
                c.ident(t, path, seen, "level"), c.text(t, "label", path), c.text(t, "question", path, required=False)
            )
        )
    return tuple(out)


def _functions(c: Checker, top: dict[str, Any]) -> tuple[BusinessFunction, ...]:
    seen: dict[str, Path] = {}
    out = []
    for i, raw in enumerate(c.array(top, "functions", (), required=_required(c))):
        path: Path = ("functions", i)
        t = c.table(raw, path, {"id", "label", "description"})
        out.append(
            BusinessFunction(
                c.ident(t, path, seen, "function"),
                c.text(t, "label", path),
                c.text(t, "description", path, required=False),
            )
        )
    return tuple(out)


def _dimensions(c: Checker, top: dict[str, Any], levels: set[str]) -> tuple[Dimension, ...]:
    seen: dict[str, Path] = {}
    out = []
    for i, raw in enumerate(c.array(top, "dimensions", (), required=_required(c))):
        path: Path = ("dimensions", i)
        t = c.table(raw, path, {"id", "label", "level", "description", "profiles"})
        ident = c.ident(t, path, seen, "dimension")
        # Format 2 has levels only if it says so; a dimension may then stand without one.
        level = c.text(t, "level", path, required=_required(c) or bool(levels))
        if level and level not in levels:
            c.fail(path + ("level",), f"dimension {ident!r} names level {level!r}, which does not exist")
        profiles_seen: dict[str, Path] = {}
        profiles = []
        for j, praw in enumerate(c.array(t, "profiles", path, least=2)):
            ppath = path + ("profiles", j)
            p = c.table(praw, ppath, {"id", "label", "looks_like", "implications"})
            profiles.append(
                Profile(
                    c.ident(p, ppath, profiles_seen, "profile"),
                    c.text(p, "label", ppath),
                    c.strings(p, "looks_like", ppath),
                    c.strings(p, "implications", ppath),
                )
            )
        out.append(
            Dimension(
                ident, c.text(t, "label", path), level, c.text(t, "description", path, required=False), tuple(profiles)
            )
        )
    return tuple(out)


def _steps(c: Checker, top: dict[str, Any]) -> tuple[CompetenceStep, ...]:
    if c.format == 2:
        return _scale(c, top)
    seen: dict[str, Path] = {}
    raws = c.array(top, "steps", ())
    if raws and len(raws) != 4:
        c.fail(("steps",), f"the competence ladder needs exactly 4 steps, not {len(raws)}")
    out = []
    for i, raw in enumerate(raws):
        path: Path = ("steps", i)
        t = c.table(raw, path, {"id", "label", "meaning", "transition"})
        transition = c.text(t, "transition", path, required=False)
        expected = TRANSITIONS[i] if i < len(TRANSITIONS) else ""
        if len(raws) == 4 and transition != expected:
            want = f"{expected!r}" if expected else "empty (the last step leads nowhere)"
            c.fail(path + ("transition",), f"step {i + 1}'s transition must be {want}, not {transition!r}")
        out.append(
            CompetenceStep(
                i + 1,
                c.ident(t, path, seen, "step"),
                c.text(t, "label", path),
                c.text(t, "meaning", path),
                transition,
                i + 1,
            )
        )
    return tuple(out)


def _scale(c: Checker, top: dict[str, Any]) -> tuple[CompetenceStep, ...]:
    """Format 2's rating scale: 2 to 10 points, each with its label and whole-number value, lowest first."""
    seen: dict[str, Path] = {}
    raws = c.array(top, "steps", (), required=False)
    if raws and not MIN_POINTS <= len(raws) <= MAX_POINTS:
        c.fail(("steps",), f"the scale needs {MIN_POINTS} to {MAX_POINTS} steps, not {len(raws)}")
    out: list[CompetenceStep] = []
    for i, raw in enumerate(raws):
        path: Path = ("steps", i)
        t = c.table(raw, path, {"id", "label", "meaning", "transition", "value"})
        value = t.get("value", i + 1)
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 1_000_000:
            c.fail(path + ("value",), f"step {i + 1}'s 'value' must be a whole number, not {str(value)[:20]}")
            value = out[-1].value + 1 if out else 0
        elif out and value <= out[-1].value:
            c.fail(path + ("value",), f"step values must rise from the lowest step: {value} follows {out[-1].value}")
        out.append(
            CompetenceStep(
                i + 1,
                c.ident(t, path, seen, "step"),
                c.text(t, "label", path),
                c.text(t, "meaning", path, required=False),
                c.text(t, "transition", path, required=False),
                value,
            )
        )
    return tuple(out)


def _areas(c: Checker, top: dict[str, Any], functions: set[str]) -> tuple[Area, ...]:
    seen: dict[str, Path] = {}
    out = []
    for i, raw in enumerate(c.array(top, "areas", (), required=_required(c))):
        path: Path = ("areas", i)
        t = c.table(raw, path, {"id", "label", "description", "function"})
        ident = c.ident(t, path, seen, "area")
        function = c.text(t, "function", path, required=_required(c))
        if function and function not in functions:
            c.fail(path + ("function",), f"area {ident!r} names function {function!r}, which does not exist")
        out.append(Area(ident, c.text(t, "label", path), c.text(t, "description", path, required=False), function))
    return tuple(out)


def _adopters(c: Checker, top: dict[str, Any]) -> tuple[AdopterCategory, ...]:
    seen: dict[str, Path] = {}
    out = []
    total = 0.0
    for i, raw in enumerate(c.array(top, "adopters", (), required=_required(c))):
        path: Path = ("adopters", i)
        t = c.table(raw, path, {"id", "label", "share", "description"})
        share = t.get("share")
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not math.isfinite(share) or share < 0:
            c.fail(path + ("share",), f"'share' must be a percentage (a number from 0 to 100), not {share!r}")
            share = 0.0
        total += share
        out.append(
            AdopterCategory(
                c.ident(t, path, seen, "adopter"),
                c.text(t, "label", path),
                float(share),
                c.text(t, "description", path, required=False),
            )
        )
    if out and abs(total - 100) > 1e-6:
        c.fail(("adopters",), f"adopter shares must sum to 100, not {total:g}")
    return tuple(out)


def _principles(c: Checker, top: dict[str, Any]) -> tuple[Principle, ...]:
    seen: dict[str, Path] = {}
    out = []
    raws = top.get("principles", [])
    if not isinstance(raws, list):
        c.fail(("principles",), "'principles' must be an array of tables ([[principles]])")
        return ()
    for i, raw in enumerate(raws):
        path: Path = ("principles", i)
        t = c.table(raw, path, {"id", "label"})
        out.append(Principle(c.ident(t, path, seen, "principle"), c.text(t, "label", path)))
    return tuple(out)
