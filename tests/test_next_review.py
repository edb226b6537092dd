"""Next year's review in the engine: made from this year's, carried plan, date rule, the earlier file it names."""

from __future__ import annotations

import os
import tomllib
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from surveys.editing.next_review import NextReviewError, create_next_review, next_review
from surveys.editing.session import EditingSession
from surveys.errors import ResponseFileError
from surveys.files.response_file import from_toml, load_assessment, save_assessment, to_toml
from surveys.folders.earlier_file import EARLIER_FILE_KEY, earlier_assessments, recorded_earlier
from surveys.folders.folder_index import FolderIndex
from surveys.instruments.instrument_file import builtin_instrument
from surveys.instruments.opening import INSTRUMENT_FILE_KEY
from surveys.model.carried import carried_marker
from surveys.model.responses import Assessment, Priority
from tests.app_support import answered, write

THIS_YEAR = date(2026, 3, 31)
NEXT_YEAR = date(2027, 3, 31)


def _earlier(folder: Path, name: str = "Northfield-PCT-2026-03-31.toml", on: date = THIS_YEAR) -> Path:
    return write(folder, name, answered("Northfield PCT", on, 1, plan=True))


def test_the_next_review_is_the_same_organisation_and_instrument_with_no_answers(tmp_path: Path) -> None:
    path = _earlier(tmp_path)
    earlier = load_assessment(path)
    made = next_review(earlier, path, on=NEXT_YEAR)
    assert (made.organisation, made.respondent, made.role) == ("Northfield PCT", "Ann Smith", "Equality lead")
    assert (made.instrument_id, made.instrument_version, made.date) == (
        earlier.instrument_id,
        earlier.instrument_version,
        NEXT_YEAR,
    )
    assert made.answers == {}
    assert made.extra[EARLIER_FILE_KEY] == path.name
    other = next_review(earlier, path, on=NEXT_YEAR, respondent=" Bea Jones ", role="Chair")
    assert (other.respondent, other.role) == ("Bea Jones", "Chair")


def test_every_priority_is_carried_with_its_fields_and_its_status_to_update(tmp_path: Path) -> None:
    path = _earlier(tmp_path)
    earlier = load_assessment(path)
    plan = next_review(earlier, path, on=NEXT_YEAR).priorities
    assert len(plan) == len(earlier.priorities) > 1
    for old, new in zip(earlier.priorities, plan, strict=True):
        assert replace(new, carried_from=None, status_to_update=False) == old
        assert (new.carried_from, new.status_to_update, new.status) == (THIS_YEAR, True, old.status)
        assert carried_marker(new) == "carried from 2026 — update status"
    assert carried_marker(earlier.priorities[0]) == ""


def test_the_new_file_round_trips_and_says_what_it_carries_in_plain_toml(tmp_path: Path) -> None:
    path = _earlier(tmp_path)
    made = create_next_review(path, next_review(load_assessment(path), path, on=NEXT_YEAR))
    assert made.parent == path.parent and made.name == "Northfield-PCT-2027-03-31.toml"
    text = made.read_text(encoding="utf-8")
    assert f'earlier_file = "{path.name}"' in text
    assert "carried_from = 2026-03-31\nstatus_to_update = true" in text
    back = load_assessment(made)
    assert to_toml(back) == made.read_bytes()
    # Plain TOML scalars in tables an older stick already reads: it keeps them as unknown keys.
    doc = tomllib.loads(text)
    assert isinstance(doc[EARLIER_FILE_KEY], str)
    assert all(isinstance(p["carried_from"], date) and p["status_to_update"] is True for p in doc["priorities"])


def test_a_plan_never_carried_is_written_as_before(tmp_path: Path) -> None:
    a = answered("Northfield PCT", THIS_YEAR, 1, plan=True)
    assert b"carried_from" not in to_toml(a) and b"status_to_update" not in to_toml(a)


def test_a_carried_key_of_the_wrong_type_is_one_line_naming_it() -> None:
    a = answered("Northfield PCT", THIS_YEAR, 1, plan=True)
    text = to_toml(a).decode("utf-8").replace('status = "in progress"', 'status = "in progress"\ncarried_from = "x"')
    with pytest.raises(ResponseFileError, match="priority 1: 'carried_from' has the wrong type"):
        from_toml(text.encode("utf-8"), "f.toml")


@pytest.mark.parametrize("on", [THIS_YEAR, date(2025, 1, 1)])
def test_the_date_must_be_after_the_earlier_ones(tmp_path: Path, on: date) -> None:
    path = _earlier(tmp_path)
    with pytest.raises(NextReviewError, match=r"must be after Northfield-PCT-2026-03-31\.toml's"):
        next_review(load_assessment(path), path, on=on)


def test_the_date_is_today_unless_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _earlier(tmp_path)
    monkeypatch.setattr("surveys.editing.next_review.local_now", lambda: datetime(2027, 4, 2, 9, tzinfo=UTC))
    assert next_review(load_assessment(path), path).date == date(2027, 4, 2)


def test_an_empty_respondent_is_refused(tmp_path: Path) -> None:
    path = _earlier(tmp_path)
    with pytest.raises(NextReviewError, match="respondent"):
        next_review(load_assessment(path), path, on=NEXT_YEAR, respondent="  ")


def test_the_recorded_instrument_file_is_carried(tmp_path: Path) -> None:
    path = _earlier(tmp_path)
    earlier = replace(load_assessment(path), extra={INSTRUMENT_FILE_KEY: "ours.toml"})
    assert next_review(earlier, path, on=NEXT_YEAR).extra[INSTRUMENT_FILE_KEY] == "ours.toml"


def test_it_never_overwrites(tmp_path: Path) -> None:
    path = _earlier(tmp_path)
    made = next_review(load_assessment(path), path, on=NEXT_YEAR)
    first = create_next_review(path, made)
    second = create_next_review(path, made)
    assert first != second and first.exists() and second.name == "Northfield-PCT-2027-03-31-2.toml"


def test_editing_a_carried_status_marks_it_updated_even_when_kept(tmp_path: Path) -> None:
    path = _earlier(tmp_path)
    new = create_next_review(path, next_review(load_assessment(path), path, on=NEXT_YEAR))
    saved: list[Assessment] = []
    session = EditingSession(builtin_instrument(), load_assessment(new), saved.append)
    assert session.edit_priority(0, lead="Dr Okafor").changed
    assert session.priorities[0].status_to_update  # another field is not the status
    kept = session.priorities[0].status
    assert session.edit_priority(0, status=kept).changed
    assert not session.priorities[0].status_to_update and session.priorities[0].status == kept
    assert session.priorities[0].carried_from == THIS_YEAR  # where it came from stays on record
    assert carried_marker(session.priorities[0]) == ""
    assert session.priorities[1].status_to_update
    assert b"status_to_update" not in to_toml(saved[-1]).split(b"[[priorities]]")[1]


# The earlier file it names


def _two_earlier(folder: Path) -> tuple[Path, Path, Path]:
    """Last year's file the review follows, a later one of the same organisation, and the review."""
    named = _earlier(folder, "Northfield-PCT-2026-03-31.toml", THIS_YEAR)
    other = _earlier(folder, "Northfield-PCT-2026-06-30-board.toml", date(2026, 6, 30))
    review = create_next_review(named, next_review(load_assessment(named), named, on=NEXT_YEAR))
    return named, other, review


def test_the_named_earlier_file_wins_over_the_search(tmp_path: Path) -> None:
    named, other, review = _two_earlier(tmp_path)
    a = load_assessment(review)
    found = earlier_assessments(FolderIndex(tmp_path), review, a)
    assert found is not None and [p.name for p, _ in found] == [named.name, other.name]
    # Without the name, the search alone would have put the later file first.
    plain = replace(a, extra={})
    searched = earlier_assessments(FolderIndex(tmp_path), review, plain)
    assert searched is not None and searched[0][0] == other
    assert recorded_earlier(review, a) == (named, load_assessment(named))


def _naming(tmp_path: Path, review: Path, name: str) -> Assessment:
    a = load_assessment(review)
    return replace(a, extra={**a.extra, EARLIER_FILE_KEY: name})


@pytest.mark.parametrize(
    "name",
    [
        "gone.toml",
        "../outside.toml",
        "/etc/passwd",
        "C:\\Windows\\x.toml",
        "//server/share/x.toml",
        "a\x00b.toml",
        "",
        "folder.toml",
        "fifo.toml",
        "link-out.toml",
        "broken.toml",
        "riverside.toml",
        "later.toml",
        "Northfield-PCT-2027-03-31.toml",  # itself
    ],
)
def test_a_named_file_that_is_missing_hostile_or_unfitting_falls_back_to_the_search(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "shared"
    _named, other, review = _two_earlier(folder)
    os.remove(_named)
    (folder / "folder.toml").mkdir()
    os.mkfifo(folder / "fifo.toml")
    outside = _earlier(tmp_path, "outside.toml")
    (folder / "link-out.toml").symlink_to(outside)
    (folder / "broken.toml").write_bytes(b"organisation = [")
    write(folder, "riverside.toml", answered("Riverside PCT", THIS_YEAR, 1))
    write(folder, "later.toml", answered("Northfield PCT", date(2028, 1, 1), 1))
    a = _naming(tmp_path, review, name)
    assert recorded_earlier(review, a) is None
    found = earlier_assessments(FolderIndex(folder), review, a)
    assert found is not None and found[0][0] == other


def test_a_file_that_names_nothing_is_compared_as_before(tmp_path: Path) -> None:
    path = _earlier(tmp_path)
    later = write(tmp_path, "Northfield-PCT-2027-03-31.toml", answered("Northfield PCT", NEXT_YEAR, 2))
    assert recorded_earlier(later, load_assessment(later)) is None
    found = earlier_assessments(FolderIndex(tmp_path), later, load_assessment(later))
    assert found is not None and [p for p, _ in found] == [path]


def test_a_named_file_of_another_instrument_is_passed_over(tmp_path: Path) -> None:
    named, other, review = _two_earlier(tmp_path)
    save_assessment(named, replace(load_assessment(named), instrument_id="eds2022"))
    assert recorded_earlier(review, load_assessment(review)) is None
    found = earlier_assessments(FolderIndex(tmp_path), review, load_assessment(review))
    assert found is not None and found[0][0] == other


def test_priorities_with_no_title_are_carried_too(tmp_path: Path) -> None:
    a = replace(answered("Northfield PCT", THIS_YEAR, 1), priorities=(Priority(area="leadership"),))
    path = write(tmp_path, "n.toml", a)
    (p,) = next_review(load_assessment(path), path, on=NEXT_YEAR).priorities
    assert (p.area, p.carried_from, p.status_to_update) == ("leadership", THIS_YEAR, True)
