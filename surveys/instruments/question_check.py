"""Checking the sections, questions and options of an instrument file.

Format 1 asks exactly what it always did. Format 2 differs in three places:
a ladder may leave out its options (they are the scale's steps, by label),
its options name the scale's values rather than 1 to 4, and a choice whose
question names an area is scored by its options' numeric `value`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NamedTuple

from surveys.instruments.check_tools import Checker
from surveys.model.instrument import (
    QUESTION_KINDS,
    AdopterCategory,
    Area,
    BusinessFunction,
    CompetenceStep,
    Dimension,
    Option,
    Question,
    Section,
)

if TYPE_CHECKING:
    from surveys.instruments.toml_locate import Path


class _Refs(NamedTuple):
    profiles: dict[str, set[str]]
    areas: set[str]
    functions: set[str]
    adopters: set[str]
    steps: tuple[CompetenceStep, ...]
    own: bool = False  # format 2 without [[areas]]: ladders are their own areas


def _own_area_ids(top: dict[str, Any]) -> set[str]:
    """The areas a file without [[areas]] will have: its ladder questions that name none (see own_areas)."""
    out = set()
    for section in top.get("sections", []) if isinstance(top.get("sections"), list) else []:
        questions = section.get("questions", []) if isinstance(section, dict) else []
        for q in questions if isinstance(questions, list) else []:
            if isinstance(q, dict) and q.get("kind") == "ladder" and "area" not in q and isinstance(q.get("id"), str):
                out.add(q["id"])
    return out


def sections(
    c: Checker,
    top: dict[str, Any],
    dimensions: tuple[Dimension, ...],
    areas: tuple[Area, ...],
    functions: tuple[BusinessFunction, ...],
    adopters: tuple[AdopterCategory, ...],
    steps: tuple[CompetenceStep, ...],
) -> tuple[Section, ...]:
    own = c.format == 2 and "areas" not in top
    refs = _Refs(
        {d.id: {p.id for p in d.profiles} for d in dimensions},
        _own_area_ids(top) if own else {a.id for a in areas},
        {f.id for f in functions},
        {a.id for a in adopters},
        steps,
        own,
    )
    seen: dict[str, Path] = {}
    questions_seen: dict[str, Path] = {}
    out = []
    for i, raw in enumerate(c.array(top, "sections", ())):
        path: Path = ("sections", i)
        t = c.table(raw, path, {"id", "title", "intro", "questions"})
        ident = c.ident(t, path, seen, "section")
        raws = t.get("questions")
        if raws is None or raws == []:
            c.fail(path, f"section {ident!r} is empty: it needs at least one [[sections.questions]]")
            raws = []
        elif not isinstance(raws, list):
            c.fail(path + ("questions",), "'questions' must be an array of tables")
            raws = []
        questions = tuple(
            _question(c, q, path + ("questions", j), ident, questions_seen, refs) for j, q in enumerate(raws)
        )
        out.append(Section(ident, c.text(t, "title", path), c.text(t, "intro", path, required=False), questions))
    return tuple(out)


_QUESTION_KEYS = {"id", "kind", "text", "help", "dimension", "area", "function", "options"}


def _question(c: Checker, raw: Any, path: Path, section: str, seen: dict[str, Path], refs: _Refs) -> Question:
    t = c.table(raw, path, _QUESTION_KEYS)
    ident = c.ident(t, path, seen, "question")
    kind = c.text(t, "kind", path)
    if kind and kind not in QUESTION_KINDS:
        c.fail(path + ("kind",), f"question {ident!r} has kind {kind!r}; use one of {', '.join(QUESTION_KINDS)}")
    dimension = c.text(t, "dimension", path, required=kind == "profile")
    # Format 2 without [[areas]]: each ladder stands for itself (see own_areas).
    area = c.text(t, "area", path, required=kind == "ladder" and not refs.own)
    function = c.text(t, "function", path, required=False)
    where = f"question {ident!r}"
    if dimension and dimension not in refs.profiles:
        c.fail(path + ("dimension",), f"{where} names dimension {dimension!r}, which does not exist")
    if area and area not in refs.areas:
        c.fail(path + ("area",), f"{where} names area {area!r}, which does not exist")
    if function and function not in refs.functions:
        c.fail(path + ("function",), f"{where} names function {function!r}, which does not exist")
    if kind == "ladder" and c.format == 2 and not refs.steps:
        c.fail(path + ("kind",), f"{where} is a ladder, but the instrument has no [[steps]] to rate it on")
    options = _options(c, t, path, where, kind, refs.profiles.get(dimension), refs)
    return Question(
        ident,
        kind if kind in QUESTION_KINDS else "text",
        c.text(t, "text", path),
        section,
        c.text(t, "help", path, required=False),
        dimension,
        area,
        function,
        options,
    )


def _options(
    c: Checker,
    t: dict[str, Any],
    path: Path,
    where: str,
    kind: str,
    profiles: set[str] | None,
    refs: _Refs,
) -> tuple[Option, ...]:
    raws = t.get("options")
    if kind not in QUESTION_KINDS:
        return ()
    if kind == "text":
        if raws is not None:
            c.fail(path + ("options",), f"{where} is a text question and takes no options")
        return ()
    if kind == "ladder" and c.format == 2 and raws is None:
        # The scale's own labels are the options: EDS rates every outcome on the same four grades.
        return tuple(Option(label=s.label, step=s.value) for s in refs.steps)
    if not isinstance(raws, list) or not raws:
        where_path = path + ("options",) if raws is not None else path
        c.fail(where_path, f"{where} needs options ([[sections.questions.options]])")
        return ()
    scored_choice = kind == "choice" and c.format == 2 and bool(t.get("area"))
    if kind == "ladder" and c.format == 1 and len(raws) != 4:
        c.fail(path + ("options",), f"{where} is a ladder and needs exactly 4 options, one per step, not {len(raws)}")
    elif kind == "ladder" and c.format == 2 and refs.steps and len(raws) != len(refs.steps):
        c.fail(
            path + ("options",),
            f"{where} is a ladder and needs exactly {len(refs.steps)} options, one per step, not {len(raws)}",
        )
    elif len(raws) < 2:
        c.fail(path + ("options",), f"{where} needs at least 2 options")
    out = []
    steps_seen: set[int] = set()
    labels_seen: set[str] = set()
    for k, raw in enumerate(raws):
        opath = path + ("options", k)
        o = c.table(raw, opath, {"label", "profile", "step", "adopter", "value"})
        label = c.text(o, "label", opath)
        if label in labels_seen:
            c.fail(opath + ("label",), f"{where} has two options labelled {label!r}")
        labels_seen.add(label)
        option = Option(label=label)
        name = f"{where} option {k + 1}"
        if kind == "profile":
            profile = c.text(o, "profile", opath)
            if profile and profiles is not None and profile not in profiles:
                c.fail(opath + ("profile",), f"{name} points to profile {profile!r}, which its dimension does not have")
            option = Option(label=label, profile=profile)
        elif kind == "ladder":
            step = _step(c, o, opath, name, refs, steps_seen)
            if step is not None:
                option = Option(label=label, step=step)
        elif kind == "choice":
            option = _choice(c, o, opath, name, label, refs, scored_choice)
        for key in ("profile", "step", "adopter", "value"):
            if key in o and key not in _OPTION_KEYS.get(kind, set()):
                c.fail(opath + (key,), f"{name}: {key!r} does not belong on a {kind} question's option")
        out.append(option)
    return tuple(out)


def _step(c: Checker, o: dict[str, Any], opath: Path, name: str, refs: _Refs, seen: set[int]) -> int | None:
    step = o.get("step")
    values = [s.value for s in refs.steps] if c.format == 2 else [1, 2, 3, 4]
    if isinstance(step, bool) or not isinstance(step, int) or step not in values:
        if c.format == 1:
            wanted = "a whole number from 1 to 4"
        else:
            wanted = "one of the steps' values (" + ", ".join(str(v) for v in values) + ")"
        c.fail(opath + ("step",) if "step" in o else opath, f"{name} needs 'step', {wanted}")
        return None
    if step in seen:
        c.fail(opath + ("step",), f"{name} repeats step {step}: each step once")
        return None
    seen.add(step)
    return step


def _choice(c: Checker, o: dict[str, Any], opath: Path, name: str, label: str, refs: _Refs, scored: bool) -> Option:
    adopter = c.text(o, "adopter", opath, required=False)
    if adopter and adopter not in refs.adopters:
        c.fail(opath + ("adopter",), f"{name} points to adopter category {adopter!r}, which does not exist")
    raw = o.get("value")
    number: float | None = None
    if c.format == 2 and isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw):
        number = float(raw)
    if scored and number is None:
        c.fail(
            opath + ("value",) if "value" in o else opath, f"{name} needs a number as 'value': its question is scored"
        )
        return Option(label=label, adopter=adopter, value=adopter or label)
    if number is not None:
        return Option(label=label, adopter=adopter, value=f"{number:g}", points=number if scored else None)
    value = c.text(o, "value", opath, required=False)
    return Option(label=label, adopter=adopter, value=value or adopter or label)


_OPTION_KEYS = {"profile": {"profile"}, "ladder": {"step"}, "choice": {"adopter", "value"}}


def own_areas(sections: tuple[Section, ...]) -> tuple[tuple[Area, ...], tuple[Section, ...]]:
    """Format 2 with no [[areas]]: every ladder question becomes an area of its own, named by its text.

    A short check (six questions on one red/amber/green scale) then scores
    each question and an overall figure without inventing a framework.
    """
    areas = []
    out = []
    for section in sections:
        questions = []
        for q in section.questions:
            if q.kind == "ladder" and not q.area:
                areas.append(Area(q.id, q.text, q.help, ""))
                q = q._replace(area=q.id)
            questions.append(q)
        out.append(section._replace(questions=tuple(questions)))
    return tuple(areas), tuple(out)
