"""What moved between an earlier assessment and now: one rule, worded once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import Assessment, Priority, with_priorities
from surveys.results.scoring import score
from surveys.results.what_moved import PlanItem, moved_json, moved_lines, plan_fates, review_moved, what_moved
from tests.app_support import answered

DECK = builtin_instrument()


def _moved(earlier: Assessment, now: Assessment) -> list[str]:
    moved = review_moved(DECK, earlier, score(DECK, earlier), now, score(DECK, now))
    return moved_lines(DECK, moved)


def test_each_area_and_dimension_that_moved_is_named_with_before_and_after() -> None:
    earlier = answered("Northfield PCT", date(2026, 3, 31), 1)
    now = answered("Northfield PCT", date(2027, 3, 31), 3)
    before, after = score(DECK, earlier), score(DECK, now)
    lines = _moved(earlier, now)
    for a, b in zip(before.areas, after.areas, strict=True):
        label = DECK.area(a.area).label
        said = f"{label}: step {a.step} → step {b.step}"
        assert (said in lines) == (a.step != b.step), said
    moved_dims = [d for d, e in zip(after.dimensions, before.dimensions, strict=True) if d.placement != e.placement]
    assert moved_dims
    for d in moved_dims:
        dimension = DECK.dimension(d.dimension)
        assert any(line.startswith(f"{dimension.label}: ") and " → " in line for line in lines)
    assert any(line.startswith("Overall competence: step ") for line in lines)


def test_the_same_answers_say_nothing_moved() -> None:
    a = answered("Northfield PCT", date(2026, 3, 31), 2)
    assert _moved(a, replace(a, date=date(2027, 3, 31))) == ["No step or profile has changed"]


def test_a_review_just_started_has_nothing_to_compare_yet() -> None:
    earlier = answered("Northfield PCT", date(2026, 3, 31), 2)
    now = answered("Northfield PCT", date(2027, 3, 31), 2, upto=0)
    assert _moved(earlier, now) == ["Nothing to compare yet: answer the questions to see what moved"]


def test_priorities_done_since_still_open_and_dropped() -> None:
    earlier = with_priorities(
        answered("Northfield PCT", date(2026, 3, 31), 2),
        (
            Priority(title="Ethnicity data", status="in progress"),
            Priority(title="Staff workshops", status="not started"),
            Priority(title="Board  report", status="in progress"),
            Priority(title="Old idea", status="on hold"),
            Priority(title="Done long ago", status="done"),
        ),
    )
    now = with_priorities(
        answered("Northfield PCT", date(2027, 3, 31), 2),
        (
            Priority(title="ethnicity data", status="done"),
            Priority(title="Staff workshops", status="not started", status_to_update=True),
            Priority(title="Board report", status="dropped"),
            Priority(title="Done long ago", status="done"),
            Priority(title="A new one", status="not started"),
        ),
    )
    lines = _moved(earlier, now)
    assert lines[1:] == [
        "Done since: Ethnicity data",
        "Still open: Staff workshops (not started; status to update)",
        "Dropped: Old idea (no longer in the plan)",
        "Dropped: Board  report",
    ]


def test_the_json_carries_the_same_facts_as_the_words() -> None:
    earlier = [PlanItem("A", "in progress"), PlanItem("B", "not started")]
    now = [PlanItem("a", "done"), PlanItem("B", "in progress", True)]
    before = score(DECK, answered("N", date(2026, 3, 31), 1))
    after = score(DECK, answered("N", date(2027, 3, 31), 3))
    moved = what_moved(DECK, before, after, earlier, now)
    js = moved_json(DECK, moved)
    assert [c["what"] for c in js["changes"]] == [c.what for c in moved.changes]
    assert js["done_since"] == [
        {"title": "A", "status_then": "in progress", "status_now": "done", "status_to_update": False}
    ]
    assert js["still_open"][0]["status_to_update"] is True
    assert js["lines"] == moved_lines(DECK, moved)


def test_a_priority_is_found_again_by_its_title_spaces_and_case_aside() -> None:
    (fate,) = plan_fates([PlanItem("Staff  Workshops", "in progress")], [PlanItem(" staff workshops", "done")])
    assert fate.now is not None and fate.now.status == "done"


def test_a_plan_set_afresh_is_one_line_not_every_priority_dropped() -> None:
    earlier = answered("Northfield PCT", date(2026, 3, 31), 2, plan=True)
    now = answered("Northfield PCT", date(2027, 3, 31), 2)
    count = len(earlier.priorities)
    assert _moved(earlier, now)[1:] == [f"None of the earlier plan's {count} priorities is in the plan now"]
