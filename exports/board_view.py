"""What the board page says: one assessment, one organisation's team, or several organisations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from exports.board_plan import PlanPlace
from exports.facts import answered_words, single_facts, team_answered_words, team_facts
from exports.figure_words import group_figures, reached_words, standing_figures
from exports.merge import Basis, Member, Scored, Standing
from exports.organisations import Organisation, adopter_shares, placement_words
from exports.plan_rows import PlanRow
from exports.sheets_board import BOARD_NAMES, Board, OrganisationLine
from exports.sheets_plan import listed
from exports.sheets_results import adopter_words, short_label
from surveys.instruments.opening import Opened
from surveys.model.instrument import Instrument
from surveys.model.panel_mark import is_panel_file
from surveys.model.vocabulary import heading, vocabulary
from surveys.panel.report import raters_words
from surveys.results.report import area_rating, group_words, overall_words
from surveys.results.report import placement_words as single_placement
from surveys.results.scoring import AreaResult, Result
from surveys.results.what_moved import Moved


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
    return Standing(
        result.dimensions,
        result.areas,
        result.overall_step,
        result.adopter,
        result.implications,
        overall=result.overall,
        band=result.band,
        groups=result.groups,
    )


def since_words(instrument: Instrument, moved: Moved, earlier: date) -> str:
    """The Summary's line on the yearly review: what moved since the earlier assessment, in a sentence."""
    v = vocabulary(instrument)
    if not moved.compared:
        said = "nothing to compare yet"
    elif moved.changes:
        said = f"{len(moved.changes)} changed ({listed([c.what for c in moved.changes], 3)})"
    else:
        said = f"no {v.step} or {v.profile} has changed" if instrument.dimensions else f"no {v.step} has changed"
    if moved.fates:
        waiting = sum(1 for f in moved.still_open if f.now is not None and f.now.status_to_update)
        open_words = f"{len(moved.still_open)} still open" + (
            f" ({waiting} with the status to update)" if waiting else ""
        )
        before = sum(1 for f in moved.fates if f.now is not None and f.now.status == f.earlier.status == "done")
        said += (
            f"; of the earlier plan's {len(moved.fates)} {v.priorities}: {len(moved.done_since)} done since"
            + (f" ({before} done already)" if before else "")
            + f", {open_words}, {len(moved.dropped)} dropped"
        )
    return f"Compared with {earlier.isoformat()}: {said} (see Compare)"


def board_for(
    basis: Basis,
    scored: Sequence[Scored],
    orgs: Sequence[Organisation],
    plan: Sequence[PlanRow],
    members: Sequence[Member],
    single: tuple[Opened, Result] | None,
    place: PlanPlace | None = None,
    since: str = "",
) -> Board:
    """`single`: the one assessment of a one-file export, else None."""
    instrument = basis.instrument
    counts = {a: float(n) for a, n in Counter(s.adopter for s in scored if s.adopter).items()}
    if single is not None:
        opened, result = single
        facts = single_facts(opened, result)[:3]
        if is_panel_file(opened.assessment):  # an agreed file: who agreed it
            facts.append(("Raters", raters_words(opened.assessment)))
        return Board(
            f"{instrument.title}: {opened.assessment.organisation}",
            facts,
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
            completeness=answered_words(result),
            figures=figures(instrument, result),
            place=place,
            since=since,
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
            completeness=team_answered_words(members),
            figures=standing_figures(instrument, org.standing),
            place=place,
            here="Its assessments (%)",
            axis="% of assessments",
            since=since,
            outcomes=outcome_lines(instrument, org.standing.areas),
        )
    lines = [
        OrganisationLine(
            o.name,
            len(o.members),
            tuple(placement_words(instrument, p) for p in o.placements),
            reached_words(instrument, o.standing),
            adopter_words(instrument, o.standing),
            groups=tuple(group_figures(instrument, o.standing)) if instrument.format != 1 else (),
        )
        for o in orgs
    ]
    shares = adopter_shares(orgs)[0]  # Rogers' shares are of organisations: each counted once
    return Board(
        f"{instrument.title}: {len(orgs)} organisations",
        facts,
        organisations=lines,
        adopter_counts=dict(shares),
        priorities=plan,
        completeness=team_answered_words(members),
        place=place,
        here="These organisations (%)",
        organisation_names=[o.name for o in orgs],
        since=since,
    )
