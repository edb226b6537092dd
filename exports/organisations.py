"""Assessments grouped by organisation, and where each organisation is placed.

Different organisations are never pooled into one placement: a team workbook
of three trusts shows three. Within one organisation the placement is the
profile most of its assessments were placed in, so it always agrees with the
counts printed beside it. An assessment tied between profiles counts once
under each of them, which is why those counts can add up to more than the
number of assessments; the sheet says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from exports.merge import Basis, Scored, Standing, most_common_adopter, team_standing
from surveys.model.instrument import Instrument
from surveys.results.scoring import implications


def organisation_key(name: str) -> str:
    """Spelling and spacing aside, the same organisation: 'Riverside  PCT' is 'riverside pct'."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Placement:
    """One dimension for one organisation: assessments placed in each profile."""

    dimension: str
    counts: tuple[tuple[str, int, int], ...]  # (profile id, placed there including ties, of them tied)
    placed: int  # assessments placed at all (with an answer on this dimension)
    assessments: int
    best: tuple[str, ...]  # the profiles with the most assessments; more than one is a tie

    def count(self, profile: str) -> int:
        return next(n for pid, n, _ in self.counts if pid == profile)


@dataclass(frozen=True)
class Organisation:
    name: str
    members: tuple[Scored, ...]
    standing: Standing  # area scores and step: the mean of its assessments
    placements: tuple[Placement, ...]
    adopter: str | None
    adopter_tie: tuple[str, ...]


def placements(instrument: Instrument, scored: Sequence[Scored]) -> tuple[Placement, ...]:
    out = []
    for index, dimension in enumerate(instrument.dimensions):
        placed: Counter[str] = Counter()
        tied: Counter[str] = Counter()
        for s in scored:
            result = s.dimensions[index]
            placed.update(result.placement)
            if result.tie:
                tied.update(result.placement)
        counts = tuple((p.id, placed[p.id], tied[p.id]) for p in dimension.profiles)
        top = max((n for _, n, _ in counts), default=0)
        best = tuple(pid for pid, n, _ in counts if top and n == top)
        anywhere = sum(1 for s in scored if s.dimensions[index].placement)
        out.append(Placement(dimension.id, counts, anywhere, len(scored), best))
    return tuple(out)


def organisations(basis: Basis, scored: Sequence[Scored]) -> tuple[Organisation, ...]:
    """One entry per organisation, in the order their first file was read."""
    groups: dict[str, list[Scored]] = {}
    names: dict[str, str] = {}
    for s in scored:
        key = organisation_key(s.member.organisation)
        groups.setdefault(key, []).append(s)
        names.setdefault(key, s.member.organisation)
    out = []
    for key, members in groups.items():
        out.append(organisation(basis, names[key], members))
    return tuple(out)


def organisation(basis: Basis, name: str, members: Sequence[Scored]) -> Organisation:
    """One organisation's standing, its implications following the placement the sheet states."""
    instrument = basis.instrument
    adopter, tie = most_common_adopter(instrument, [s.adopter for s in members])
    placed = placements(instrument, members)
    pooled = team_standing(basis, members)
    dims = tuple(d._replace(placement=p.best) for d, p in zip(pooled.dimensions, placed, strict=True))
    standing = replace(
        pooled,
        dimensions=dims,
        adopter=adopter,
        adopter_tie=tie,
        implications=implications(instrument, dims, pooled.overall_step, adopter),
    )
    return Organisation(name, tuple(members), standing, placed, adopter, tie)


def placement_words(instrument: Instrument, placement: Placement) -> str:
    """'Dinosaurs (5 of 8 assessments)', or the tie, stated with its counts."""
    dimension = instrument.dimension(placement.dimension)
    if not placement.best:
        return "not placed (no answers yet)"
    n = placement.count(placement.best[0])
    of = f"{n} of {placement.assessments} assessment{'s' if placement.assessments != 1 else ''}"
    labels = [dimension.profile(pid).label for pid in placement.best]
    if len(labels) > 1:
        return f"a tie between {' and '.join(labels)} ({of} each)"
    return f"{labels[0]} ({of})"


def adopter_shares(orgs: Sequence[Organisation]) -> tuple[dict[str, float], int, str]:
    """What is drawn against Rogers' curve: organisations by their category, or one organisation's people.

    Rogers' shares are shares of organisations, so several organisations are counted as
    organisations, each once: one tied between categories is split evenly among them, so the
    shares add up to 100% as Rogers' do. One organisation may show how its own assessments
    spread. Returns the counts, what they are counted out of, and what they are.
    """
    counts: dict[str, float] = {}
    if len(orgs) == 1:
        for s in orgs[0].members:
            if s.adopter:
                counts[s.adopter] = counts.get(s.adopter, 0) + 1
        return counts, sum(1 for s in orgs[0].members if s.adopter), "assessments"
    for o in orgs:
        tied = o.adopter_tie or ((o.adopter,) if o.adopter else ())
        for a in tied:
            counts[a] = counts.get(a, 0) + 1 / len(tied)
    return counts, sum(1 for o in orgs if o.adopter), "organisations"
