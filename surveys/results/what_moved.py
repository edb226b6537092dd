"""What moved between an earlier assessment and now, in words: the headline of a yearly review.

One rule for every front end (`stick report`, the app's Result screen, the
workbook's Compare sheet): a step or a profile counts as moved only when it
is known on both sides and differs, so a review just started (nothing
answered yet) reads "nothing to compare yet" rather than every area falling
to "not scored". The earlier plan's priorities are found in the plan now by
their title (spaces and case aside), as the Compare sheet has always matched
them; one that is done now and was not then is "done since".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment, Priority
from surveys.model.vocabulary import heading, vocabulary
from surveys.results.scoring import AreaResult, DimensionResult, Result

DONE, DROPPED = "done", "dropped"


class Standing(Protocol):
    """Where an organisation stands: a scored Result, or a team's pooled standing in the workbook."""

    @property
    def dimensions(self) -> Sequence[DimensionResult]: ...

    @property
    def areas(self) -> Sequence[AreaResult]: ...

    @property
    def overall_step(self) -> int | None: ...


class PlanItem(NamedTuple):
    """A priority as the comparison sees it."""

    title: str
    status: str
    status_to_update: bool = False
    lead: str = ""


class Change(NamedTuple):
    """A step or a profile that moved: "Leadership: step 2 → step 3"."""

    what: str
    before: str
    after: str


class Fate(NamedTuple):
    """What became of one of the earlier plan's priorities; `now` is None when it is not in the plan now."""

    earlier: PlanItem
    now: PlanItem | None


class Moved(NamedTuple):
    changes: tuple[Change, ...]
    fates: tuple[Fate, ...]
    compared: bool  # both sides have something scored, so "no change" means something

    @property
    def done_since(self) -> tuple[Fate, ...]:
        return tuple(f for f in self.fates if f.now is not None and f.now.status == DONE != f.earlier.status)

    @property
    def still_open(self) -> tuple[Fate, ...]:
        return tuple(f for f in self.fates if f.now is not None and f.now.status not in (DONE, DROPPED))

    @property
    def dropped(self) -> tuple[Fate, ...]:
        gone = tuple(f for f in self.fates if f.now is None)
        return gone + tuple(f for f in self.fates if f.now is not None and f.now.status == DROPPED != f.earlier.status)


def priority_key(title: str) -> str:
    """How one plan's priority is found in another's: by title, spaces and case aside."""
    return " ".join(title.split()).casefold()


def plan_items(instrument: Instrument, priorities: Sequence[Priority]) -> tuple[PlanItem, ...]:
    """The plan as compared: a priority without a title goes by its area's label, as the report shows it."""
    areas = {a.id: a.label for a in instrument.areas}
    return tuple(
        PlanItem(p.title or areas.get(p.area, p.area), p.status, p.status_to_update, p.lead) for p in priorities
    )


def plan_fates(earlier: Sequence[PlanItem], now: Sequence[PlanItem]) -> tuple[Fate, ...]:
    found = {priority_key(p.title): p for p in now}
    return tuple(Fate(p, found.get(priority_key(p.title))) for p in earlier)


def _step(instrument: Instrument, value: int) -> str:
    if instrument.format == 1 or not any(s.value == value for s in instrument.steps):
        return f"{vocabulary(instrument).step} {value}"
    return instrument.step(value).label


def _profiles(instrument: Instrument, d: DimensionResult) -> str:
    dimension = instrument.dimension(d.dimension)
    return " / ".join(dimension.profile(p).label for p in d.placement)


def what_moved(
    instrument: Instrument,
    earlier: Standing,
    now: Standing,
    earlier_plan: Sequence[PlanItem] = (),
    now_plan: Sequence[PlanItem] = (),
) -> Moved:
    changes: list[Change] = []
    compared = False
    words = vocabulary(instrument)
    if earlier.overall_step is not None and now.overall_step is not None:
        compared = True
        if earlier.overall_step != now.overall_step:
            what = f"Overall {words.ladder}" if instrument.format == 1 else heading(words.overall)
            changes.append(Change(what, _step(instrument, earlier.overall_step), _step(instrument, now.overall_step)))
    before_dims = {d.dimension: d for d in earlier.dimensions}
    for d in now.dimensions:
        old = before_dims.get(d.dimension)
        if old is None or not old.placement or not d.placement:
            continue
        compared = True
        if old.placement != d.placement:
            label = instrument.dimension(d.dimension).label
            changes.append(Change(label, _profiles(instrument, old), _profiles(instrument, d)))
    before_areas = {a.area: a for a in earlier.areas}
    for a in now.areas:
        was = before_areas.get(a.area)
        if was is None or was.step is None or a.step is None:
            continue
        compared = True
        if was.step != a.step:
            label = instrument.area(a.area).label
            changes.append(Change(label, _step(instrument, was.step), _step(instrument, a.step)))
    return Moved(tuple(changes), plan_fates(earlier_plan, now_plan), compared)


def _title(f: Fate) -> str:
    now = f.now
    if now is None:
        return f"{f.earlier.title} (no longer in the plan)"
    if now.status in (DONE, DROPPED):
        return f.earlier.title
    return (
        f"{f.earlier.title} ({now.status}; status to update)"
        if now.status_to_update
        else f"{f.earlier.title} ({now.status})"
    )


def moved_lines(instrument: Instrument, moved: Moved) -> list[str]:
    """What moved, a line each (no full stops): every change, then each earlier priority done, open or dropped."""
    words = vocabulary(instrument)
    if moved.changes:
        lines = [f"{c.what}: {c.before} → {c.after}" for c in moved.changes]
    elif moved.compared:
        lines = [f"No {words.step} or {words.profile} has changed"]
    else:
        lines = ["Nothing to compare yet: answer the questions to see what moved"]
    if moved.fates and all(f.now is None for f in moved.fates):
        # A plan set afresh (or not yet): one line, not every earlier priority "dropped".
        count = len(moved.fates)
        return [*lines, f"None of the earlier plan's {count} {words.priorities} is in the plan now"]
    for label, fates in (
        ("Done since", moved.done_since),
        ("Still open", moved.still_open),
        ("Dropped", moved.dropped),
    ):
        lines += [f"{label}: {_title(f)}" for f in fates]
    return lines


def moved_json(instrument: Instrument, moved: Moved) -> dict[str, Any]:
    def item(f: Fate) -> dict[str, Any]:
        now = f.now
        return {
            "title": f.earlier.title,
            "status_then": f.earlier.status,
            "status_now": now.status if now is not None else None,
            "status_to_update": now.status_to_update if now is not None else False,
        }

    return {
        "changes": [{"what": c.what, "before": c.before, "after": c.after} for c in moved.changes],
        "compared": moved.compared,
        "done_since": [item(f) for f in moved.done_since],
        "still_open": [item(f) for f in moved.still_open],
        "dropped": [item(f) for f in moved.dropped],
        "lines": moved_lines(instrument, moved),
    }


def review_moved(
    instrument: Instrument, earlier: Assessment, earlier_result: Result, now: Assessment, now_result: Result
) -> Moved:
    """What moved from one person's earlier assessment to one person's assessment now."""
    return what_moved(
        instrument,
        earlier_result,
        now_result,
        plan_items(instrument, earlier.priorities),
        plan_items(instrument, now.priorities),
    )


def since_words(path_name: str, earlier: Assessment) -> str:
    """The heading over what moved: which assessment it is measured from."""
    return f"What moved since {earlier.date.isoformat()} ({path_name})"
