"""What the board page says: one assessment, one organisation's team, or several organisations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from exports.facts import answered_words, single_facts, team_answered_words, team_facts
from exports.merge import Basis, Member, Scored, Standing
from exports.organisations import Organisation, placement_words
from exports.plan_rows import PlanRow
from exports.sheets_board import BOARD_NAMES, Board, OrganisationLine, step_words
from exports.sheets_results import adopter_words, short_label
from surveys.instruments.opening import Opened
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary
from surveys.results.report import area_rating, group_words, overall_words
from surveys.results.report import placement_words as single_placement
from surveys.results.scoring import AreaResult, Result


def figures(instrument: Instrument, result: Result) -> list[tuple[str, str]]:
    """The overall figure with its band and each group's subtotal, for an instrument that states its scoring."""
    if instrument.format == 1:
        return []  # the deck's ladder is shown as its step instead
    return [
        (heading(vocabulary(instrument).overall), overall_words(instrument, result)),
        *group_words(instrument, result),
    ]


def outcome_lines(instrument: Instrument, areas: Sequence[AreaResult]) -> list[tuple[str, str]]:
    """Each area's code and its rating with its full label, for an instrument that rates areas on its own scale."""
    if instrument.format == 1:
        return []  # the deck's areas are on Results, beside its ladder
    out = []
    for a in areas:
        label = instrument.area(a.area).label
        code = short_label(label)
        rest = label[len(code) :].lstrip(": ") if code != label else ""
        out.append((code, f"{area_rating(instrument, a)}{f': {rest}' if rest else ''}"))
    return out


def standing_of(result: Result) -> Standing:
    return Standing(result.dimensions, result.areas, result.overall_step, result.adopter, result.implications)


def board_for(
    basis: Basis,
    scored: Sequence[Scored],
    orgs: Sequence[Organisation],
    plan: Sequence[PlanRow],
    members: Sequence[Member],
    single: tuple[Opened, Result] | None,
) -> Board:
    """`single`: the one assessment of a one-file export, else None."""
    instrument = basis.instrument
    counts = dict(Counter(s.adopter for s in scored if s.adopter))
    chosen = sum(1 for p in plan if not p.suggested)
    if single is not None:
        opened, result = single
        return Board(
            f"{instrument.title}: {opened.assessment.organisation}",
            single_facts(opened, result)[:3],
            placements=[
                (
                    instrument.dimension(d.dimension).label,
                    f"{single_placement(instrument, d)} ({d.answered} of {d.total} answers)",
                )
                for d in result.dimensions
            ],
            step=result.overall_step,
            adopter=result.adopter,
            adopter_words=adopter_words(instrument, standing_of(result)),
            adopter_counts=counts,
            priorities=plan,
            set_count=chosen,
            completeness=answered_words(result),
            figures=figures(instrument, result),
            outcomes=outcome_lines(instrument, result.areas),
        )
    facts = team_facts(basis, members, limit=BOARD_NAMES)[:3]
    if len(orgs) == 1:
        org = orgs[0]
        return Board(
            f"{instrument.title}: {org.name}",
            facts,
            placements=[
                (instrument.dimension(p.dimension).label, placement_words(instrument, p)) for p in org.placements
            ],
            step=org.standing.overall_step,
            adopter=org.adopter,
            adopter_words=adopter_words(instrument, org.standing),
            adopter_counts=counts,
            priorities=plan,
            set_count=chosen,
            completeness=team_answered_words(members),
            outcomes=outcome_lines(instrument, org.standing.areas),
        )
    lines = [
        OrganisationLine(
            o.name,
            len(o.members),
            tuple(placement_words(instrument, p) for p in o.placements),
            step_words(instrument, o.standing.overall_step),
            adopter_words(instrument, o.standing),
        )
        for o in orgs
    ]
    return Board(
        f"{instrument.title}: {len(orgs)} organisations",
        facts,
        organisations=lines,
        adopter_counts=counts,
        priorities=plan,
        set_count=chosen,
        completeness=team_answered_words(members),
    )
