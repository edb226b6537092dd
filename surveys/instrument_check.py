"""Check an instrument's TOML data and build the typed `Instrument` from it.

Every problem is collected, not just the first, so an author fixes a file in
one pass. Problems carry the key path; the loader turns paths into lines.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from surveys.model import (
    QUESTION_KINDS,
    TRANSITIONS,
    AdopterCategory,
    Area,
    BusinessFunction,
    CompetenceStep,
    Dimension,
    Instrument,
    Level,
    Option,
    Principle,
    Profile,
    Question,
    Section,
)
from surveys.terminal_text import first_unsafe, terminal_safe

if TYPE_CHECKING:
    from surveys.toml_locate import Path

_ID = re.compile(r"^[A-Za-z0-9_-]+$")
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
}


class Problem(NamedTuple):
    path: Path
    message: str
    # Where the first of a duplicate stands, for "first at line N".
    first: Path | None = None


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: Path, message: str, first: Path | None = None) -> None:
        self.problems.append(Problem(path, message, first))

    def table(self, data: Any, path: Path, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(path, f"{dotted(path)} must be a table")
            return {}
        for key in data:
            if key not in allowed:
                self.fail(path + (key,), f"unknown key {key!r} in {dotted(path) or 'the file'}")
        return data

    def text(self, table: dict[str, Any], key: str, path: Path, required: bool = True) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.fail(path, f"{dotted(path) or 'the file'} is missing {key!r}")
            return ""
        if not isinstance(value, str):
            self.fail(path + (key,), f"{key!r} must be a string, not {_type(value)}")
            return ""
        if required and not value.strip():
            self.fail(path + (key,), f"{key!r} must not be empty")
        self.plain(value, path + (key,), key)
        return value

    def plain(self, value: str, path: Path, key: str) -> None:
        # An instrument's words are drawn on every screen: a control character or a
        # bidi override there could only be meant to take over a terminal.
        bad = first_unsafe(value, "\n\t")
        if bad is not None:
            shown = terminal_safe(bad)
            self.fail(path, f"{key!r} holds a control character ({shown}): remove it")

    def ident(self, table: dict[str, Any], path: Path, seen: dict[str, Path], kind: str) -> str:
        value = self.text(table, "id", path)
        if value and not _ID.match(value):
            self.fail(path + ("id",), f"{kind} id {value!r} may hold only letters, digits, - and _")
        if value in seen:
            self.fail(path + ("id",), f"duplicate {kind} id {value!r}", first=seen[value] + ("id",))
        elif value:
            seen[value] = path
        return value

    def strings(self, table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(path + (key,), f"{key!r} must be a list of strings")
            return ()
        for text in value:
            self.plain(text, path + (key,), key)
        return tuple(value)

    def array(self, table: dict[str, Any], key: str, path: Path, least: int = 1) -> list[Any]:
        value = table.get(key)
        if value is None:
            self.fail(path, f"{dotted(path) or 'the file'} is missing {key!r} ([[{key}]] tables)")
            return []
        if not isinstance(value, list):
            self.fail(path + (key,), f"{key!r} must be an array of tables ([[{key}]])")
            return []
        if len(value) < least:
            self.fail(path + (key,), f"{dotted(path + (key,))} needs at least {least} entries")
        return value


def _type(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
        str: "a string",
    }.get(type(value), type(value).__name__)


def check(data: dict[str, Any]) -> tuple[Instrument | None, list[Problem]]:
    """The instrument and an empty list, or None and every problem found."""
    c = _Checker()
    top = c.table(data, (), _TOP_KEYS)
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
    sections = _sections(c, top, dimensions, areas, functions, adopters)
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
        sections=sections,
    )
    return instrument, []


def _levels(c: _Checker, top: dict[str, Any]) -> tuple[Level, ...]:
    seen: dict[str, Path] = {}
    out = []
    for i, raw in enumerate(c.array(top, "levels", ())):
        path: Path = ("levels", i)
        t = c.table(raw, path, {"id", "label", "question"})
        out.append(
            Level(
                c.ident(t, path, seen, "level"), c.text(t, "label", path), c.text(t, "question", path, required=False)
            )
        )
    return tuple(out)


def _functions(c: _Checker, top: dict[str, Any]) -> tuple[BusinessFunction, ...]:
    seen: dict[str, Path] = {}
    out = []
    for i, raw in enumerate(c.array(top, "functions", ())):
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


def _dimensions(c: _Checker, top: dict[str, Any], levels: set[str]) -> tuple[Dimension, ...]:
    seen: dict[str, Path] = {}
    out = []
    for i, raw in enumerate(c.array(top, "dimensions", ())):
        path: Path = ("dimensions", i)
        t = c.table(raw, path, {"id", "label", "level", "description", "profiles"})
        ident = c.ident(t, path, seen, "dimension")
        level = c.text(t, "level", path)
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


def _steps(c: _Checker, top: dict[str, Any]) -> tuple[CompetenceStep, ...]:
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
                i + 1, c.ident(t, path, seen, "step"), c.text(t, "label", path), c.text(t, "meaning", path), transition
            )
        )
    return tuple(out)


def _areas(c: _Checker, top: dict[str, Any], functions: set[str]) -> tuple[Area, ...]:
    seen: dict[str, Path] = {}
    out = []
    for i, raw in enumerate(c.array(top, "areas", ())):
        path: Path = ("areas", i)
        t = c.table(raw, path, {"id", "label", "description", "function"})
        ident = c.ident(t, path, seen, "area")
        function = c.text(t, "function", path)
        if function and function not in functions:
            c.fail(path + ("function",), f"area {ident!r} names function {function!r}, which does not exist")
        out.append(Area(ident, c.text(t, "label", path), c.text(t, "description", path, required=False), function))
    return tuple(out)


def _adopters(c: _Checker, top: dict[str, Any]) -> tuple[AdopterCategory, ...]:
    seen: dict[str, Path] = {}
    out = []
    total = 0.0
    for i, raw in enumerate(c.array(top, "adopters", ())):
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


def _principles(c: _Checker, top: dict[str, Any]) -> tuple[Principle, ...]:
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


def _sections(
    c: _Checker,
    top: dict[str, Any],
    dimensions: tuple[Dimension, ...],
    areas: tuple[Area, ...],
    functions: tuple[BusinessFunction, ...],
    adopters: tuple[AdopterCategory, ...],
) -> tuple[Section, ...]:
    refs = _Refs(
        {d.id: {p.id for p in d.profiles} for d in dimensions},
        {a.id for a in areas},
        {f.id for f in functions},
        {a.id for a in adopters},
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


class _Refs(NamedTuple):
    profiles: dict[str, set[str]]
    areas: set[str]
    functions: set[str]
    adopters: set[str]


_QUESTION_KEYS = {"id", "kind", "text", "help", "dimension", "area", "function", "options"}


def _question(c: _Checker, raw: Any, path: Path, section: str, seen: dict[str, Path], refs: _Refs) -> Question:
    t = c.table(raw, path, _QUESTION_KEYS)
    ident = c.ident(t, path, seen, "question")
    kind = c.text(t, "kind", path)
    if kind and kind not in QUESTION_KINDS:
        c.fail(path + ("kind",), f"question {ident!r} has kind {kind!r}; use one of {', '.join(QUESTION_KINDS)}")
    dimension = c.text(t, "dimension", path, required=kind == "profile")
    area = c.text(t, "area", path, required=kind == "ladder")
    function = c.text(t, "function", path, required=False)
    where = f"question {ident!r}"
    if dimension and dimension not in refs.profiles:
        c.fail(path + ("dimension",), f"{where} names dimension {dimension!r}, which does not exist")
    if area and area not in refs.areas:
        c.fail(path + ("area",), f"{where} names area {area!r}, which does not exist")
    if function and function not in refs.functions:
        c.fail(path + ("function",), f"{where} names function {function!r}, which does not exist")
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
    c: _Checker,
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
    if not isinstance(raws, list) or not raws:
        where_path = path + ("options",) if raws is not None else path
        c.fail(where_path, f"{where} needs options ([[sections.questions.options]])")
        return ()
    if kind == "ladder" and len(raws) != 4:
        c.fail(path + ("options",), f"{where} is a ladder and needs exactly 4 options, one per step, not {len(raws)}")
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
            step = o.get("step")
            if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= 4:
                c.fail(opath + ("step",) if "step" in o else opath, f"{name} needs 'step', a whole number from 1 to 4")
            elif step in steps_seen:
                c.fail(opath + ("step",), f"{name} repeats step {step}: each step once")
            else:
                steps_seen.add(step)
                option = Option(label=label, step=step)
        elif kind == "choice":
            adopter = c.text(o, "adopter", opath, required=False)
            value = c.text(o, "value", opath, required=False)
            if adopter and adopter not in refs.adopters:
                c.fail(opath + ("adopter",), f"{name} points to adopter category {adopter!r}, which does not exist")
            option = Option(label=label, adopter=adopter, value=value or adopter or label)
        for key in ("profile", "step", "adopter", "value"):
            if key in o and key not in _OPTION_KEYS.get(kind, set()):
                c.fail(opath + (key,), f"{name}: {key!r} does not belong on a {kind} question's option")
        out.append(option)
    return tuple(out)


_OPTION_KEYS = {"profile": {"profile"}, "ladder": {"step"}, "choice": {"adopter", "value"}}
