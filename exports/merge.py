"""Reading many assessments and putting them on one footing.

Files are read one at a time and kept only as a `Member`: who, when, which
instrument, and the option chosen for each question. Scores for the team are
worked out at the end, on the questions every instrument version in the
export shares, so a merge of version 1 and version 2 files compares like with
like.

Which instrument the team sheet uses: the newest version in the export (the
highest `version`), cut down to the shared questions. Its areas, functions
and profiles name the rows; the questions left out are listed on the Team
and About sheets.
"""

from __future__ import annotations

import re
import statistics
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from exports.shared_values import SharedValues, packed
from surveys.errors import StickError
from surveys.instruments.instrument_file import load_instrument
from surveys.instruments.opening import Opened, open_assessment
from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Instrument, Question
from surveys.model.responses import Assessment
from surveys.results.scoring import (
    AreaResult,
    DimensionResult,
    GroupResult,
    Implication,
    adopter_category,
    band_for,
    implications,
    overall_figure,
    score_areas,
    score_dimensions,
    score_groups,
)


class MergeError(StickError):
    """Files that cannot be put together in one workbook."""


@dataclass
class InstrumentCache:
    """Loads each instrument file once, however many response files name it."""

    loaded: dict[Path, Instrument] = field(default_factory=dict)

    def load(self, path: Path) -> Instrument:
        key = path.resolve()
        if key not in self.loaded:
            self.loaded[key] = load_instrument(path)
        return self.loaded[key]


def open_one(path: Path, explicit: Path | None, cache: InstrumentCache) -> Opened:
    return open_assessment(path, explicit, cache.load)


@dataclass(frozen=True, slots=True)
class Member:
    """One assessment, small enough to keep ten thousand of."""

    no: int
    file: str
    organisation: str
    respondent: str
    role: str
    date: date
    instrument: Instrument
    # The option chosen for each of the instrument's questions, in order; 0 where no answer counts.
    picks: bytes | array[int]
    complete: int  # percent of the instrument's questions answered

    @property
    def chosen(self) -> dict[str, int]:
        """Question id -> option number, for the answers that count."""
        return {q.id: pick for q, pick in zip(self.instrument.questions, self.picks, strict=True) if pick}


def chosen_answers(instrument: Instrument, assessment: Assessment) -> list[int]:
    out = []
    for question in instrument.questions:
        answer = assessment.answers.get(question.id)
        if answer is not None and answer.choice and resolve(question, answer) is AnswerState.ANSWERED:
            out.append(answer.choice)
        else:
            out.append(0)  # not answered, don't know, or needing review: left out of every score
    return out


def member_of(no: int, opened: Opened, complete: int, shared: SharedValues | None = None) -> Member:
    """The part of an assessment the end of an export needs; the repeated words kept once in `shared`."""
    a = opened.assessment
    kept = shared or SharedValues()
    return Member(
        no=no,
        file=opened.path.name,
        organisation=kept.text(a.organisation),
        respondent=a.respondent,
        role=kept.text(a.role),
        date=kept.day(a.date),
        instrument=opened.instrument,
        picks=packed(chosen_answers(opened.instrument, a)),
        complete=complete,
    )


def _same(a: Question, b: Question) -> bool:
    """Asked the same way and scored the same way: answers to them can be pooled."""
    return (a.kind, a.dimension, a.area, a.function, a.options) == (b.kind, b.dimension, b.area, b.function, b.options)


@dataclass(frozen=True)
class Difference:
    question: str
    text: str
    versions: tuple[int, ...]  # the versions that have it (changed questions: all, listed as changed)
    changed: bool = False


@dataclass(frozen=True)
class Basis:
    """The instrument the team is scored on and what was left out to get it."""

    instrument: Instrument
    versions: tuple[int, ...]
    differences: tuple[Difference, ...]

    @property
    def shared(self) -> frozenset[str]:
        return frozenset(q.id for q in self.instrument.questions)


def basis_for(instruments: Iterable[Instrument]) -> Basis:
    by_version: dict[int, Instrument] = {}
    for instrument in instruments:
        by_version.setdefault(instrument.version, instrument)
    if not by_version:
        raise MergeError("no assessments to export")
    ids = {i.id for i in by_version.values()}
    if len(ids) > 1:
        raise MergeError("the files were made with different instruments: " + ", ".join(sorted(ids)))
    newest = by_version[max(by_version)]
    if len(by_version) == 1:
        return Basis(newest, (newest.version,), ())
    versions = tuple(sorted(by_version))
    shared: set[str] = set()
    differences: list[Difference] = []
    every = {q.id: q for i in by_version.values() for q in i.questions}
    for qid, question in every.items():
        having = tuple(v for v in versions if by_version[v].question(qid) is not None)
        if having != versions:
            differences.append(Difference(qid, question.text, having))
        elif all(_same(question, q) for q in (by_version[v].question(qid) for v in versions) if q is not None):
            shared.add(qid)
        else:
            differences.append(Difference(qid, question.text, having, changed=True))
    return Basis(restricted(newest, shared), versions, tuple(differences))


def restricted(instrument: Instrument, keep: set[str] | frozenset[str]) -> Instrument:
    sections = tuple(s._replace(questions=tuple(q for q in s.questions if q.id in keep)) for s in instrument.sections)
    return replace(instrument, sections=tuple(s for s in sections if s.questions))


@dataclass(frozen=True, slots=True)
class Scored:
    """One member scored on the basis: one row of the Team sheet."""

    member: Member
    dimensions: tuple[DimensionResult, ...]
    areas: tuple[AreaResult, ...]
    overall_step: int | None
    adopter: str | None
    # The overall figure by the instrument's rule (EDS 2022: the total outcome score) and its band.
    overall: float | None = None
    band: str | None = None
    whole: bool = False  # every scored question answered: a sum is compared with its bands only then


def whole_areas(areas: Sequence[AreaResult]) -> bool:
    """Every area's scored questions answered (and there are some): a sum is only a total then."""
    return all(a.answered == a.total for a in areas) and any(a.total for a in areas)


def score_member(basis: Basis, member: Member) -> Scored:
    shared = basis.shared
    chosen = {q: c for q, c in member.chosen.items() if q in shared}
    areas = score_areas(basis.instrument, chosen)
    figure, step = overall_figure(basis.instrument, areas)
    whole = whole_areas(areas)
    return Scored(
        member,
        score_dimensions(basis.instrument, chosen),
        areas,
        step,
        adopter_category(basis.instrument, chosen),
        figure,
        band_for(basis.instrument, figure, whole),
        whole,
    )


@dataclass(frozen=True)
class Standing:
    """Where one organisation, or a team pooled, stands: what the Summary shows."""

    dimensions: tuple[DimensionResult, ...]
    areas: tuple[AreaResult, ...]
    overall_step: int | None
    adopter: str | None
    implications: tuple[Implication, ...]
    adopter_tie: tuple[str, ...] = ()
    # The overall figure by the instrument's rule and its band (format 2; EDS: the total and its rating).
    overall: float | None = None
    band: str | None = None
    groups: tuple[GroupResult, ...] = ()
    assessments: int = 1  # how many assessments the figures are the mean of


def team_standing(basis: Basis, scored: Sequence[Scored]) -> Standing:
    """Profile fits pooled over every answer; area scores the mean of the members' scores.

    The overall figure follows the instrument's rule over those means (EDS 2022: the sum of
    the outcomes' mean scores, which is the mean of the totals when every file is whole); its
    band is given only when every assessment is whole, as for one assessment.
    """
    instrument = basis.instrument
    dims = []
    for index, dimension in enumerate(instrument.dimensions):
        counts: Counter[str] = Counter()
        total = 0
        for s in scored:
            d = s.dimensions[index]
            total += d.total
            counts.update({pid: round(fit * d.answered) for pid, fit in d.fits})
        picked = sum(counts.values())
        fits = tuple((p.id, counts[p.id] / picked if picked else 0.0) for p in dimension.profiles)
        best = max((f for _, f in fits), default=0.0)
        placement = tuple(pid for pid, f in fits if picked and f == best)
        dims.append(DimensionResult(dimension.id, fits, picked, total, placement))
    areas = []
    for index, area in enumerate(instrument.areas):
        values = [s.areas[index].score for s in scored if s.areas[index].score is not None]
        mean = statistics.fmean(v for v in values if v is not None) if values else None
        if instrument.format == 1:
            step = int(mean) if mean is not None else None
        else:  # the step the mean reaches on the instrument's own scale; a sum reaches none
            step = instrument.reached(mean).value if mean is not None and instrument.steps else None
            step = None if instrument.scoring.area == "sum" else step
        areas.append(AreaResult(area.id, mean, step, len(values), len(scored)))
    area_results = tuple(areas)
    figure, step = overall_figure(instrument, area_results)
    whole = bool(scored) and all(s.whole for s in scored)
    band = band_for(instrument, figure, whole) if instrument.format != 1 else None
    adopter, tie = most_common_adopter(instrument, [s.adopter for s in scored])
    return Standing(
        tuple(dims),
        area_results,
        step,
        adopter,
        implications(instrument, tuple(dims), step, adopter, band),
        tie,
        figure if instrument.format != 1 else None,
        band,
        score_groups(instrument, area_results),
        len(scored),
    )


def most_common_adopter(instrument: Instrument, adopters: Sequence[str | None]) -> tuple[str | None, tuple[str, ...]]:
    counts = Counter(a for a in adopters if a)
    if not counts:
        return None, ()
    top = max(counts.values())
    tied = tuple(a.id for a in instrument.adopters if counts[a.id] == top)
    return tied[0], tied if len(tied) > 1 else ()


def opened_files(
    paths: Sequence[Path],
    explicit: Path | None,
    cache: InstrumentCache,
    skip_bad: bool,
    skipped: list[tuple[Path, str]],
) -> Iterator[Opened | None]:
    """Open each file in turn; a bad file stops the export, or with skip_bad yields None and is listed."""
    first_id: str | None = None
    for path in paths:
        try:
            opened = open_one(path, explicit, cache)
            if first_id is not None and opened.instrument.id != first_id:
                raise MergeError(
                    f"{path}: made with instrument {opened.instrument.id!r}, not {first_id!r} like the first file"
                )
        except StickError as exc:
            if not skip_bad:
                raise
            skipped.append((path, reason_without_path(str(exc), path)))
            yield None
            continue
        first_id = first_id or opened.instrument.id
        yield opened


# A path with at least one folder: POSIX (/a/b) or Windows (C:\\a\\b, \\\\server\\a).
_FOLDERS = re.compile(r"(?<![^\s'\"(])(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'\"]+)*[\\/]([^\s\\/:'\"]+)")


def reason_without_path(message: str, path: Path) -> str:
    """The workbook names files, never folders: a path can say more than its owner meant."""
    for form in (str(path), str(path.resolve())):
        message = message.replace(form + ": ", "")
    return _FOLDERS.sub(lambda m: m.group(1), message)
