"""The facts Home shows of each file come from the engine: finished, don't knows, reviews due."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from surveys.editing.session import EditingSession
from surveys.folders.folder_index import FolderIndex
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import Priority, with_priorities
from surveys.model.review_dates import awaiting_review, pending_reviews, reviews_due
from surveys.results.scoring import completeness
from tests.app_support import answered, write
from tests.test_folder_index import CountingReader, index


def test_finished_and_the_count_of_open_questions_are_one_rule_for_the_session_and_the_index(tmp_path: Path) -> None:
    instrument = builtin_instrument()
    whole = answered("Northfield PCT", date(2026, 3, 31), 2)  # every question, one of them don't know
    half = answered("Riverside PCT", date(2026, 3, 31), 2, upto=10)
    for a in (whole, half):
        session = EditingSession(instrument, a, lambda _: None)
        progress = completeness(instrument, a)[0]
        assert session.finished == progress.finished
        assert session.open_count == progress.open_count
    assert completeness(instrument, whole)[0].finished and completeness(instrument, whole)[0].dont_know == 1
    assert not completeness(instrument, half)[0].finished

    folder = tmp_path / "answers"
    write(folder, "whole.toml", whole)
    write(folder, "half.toml", half)
    found = {s.name: s for s in index(folder, tmp_path / "cache", CountingReader()).summaries()}
    assert (found["whole.toml"].finished, found["whole.toml"].dont_know) == (True, 1)
    assert found["whole.toml"].percent == 96  # what Home showed before: a finished file read as "96%"
    assert not found["half.toml"].finished


def test_only_reviews_of_work_still_under_way_are_kept_and_those_before_today_are_due(tmp_path: Path) -> None:
    plan = (
        Priority(title="Data", review=date(2026, 6, 1)),
        Priority(title="Board", review=date(2026, 7, 1), status="in progress"),
        Priority(title="Old", review=date(2026, 1, 1), status="done"),
        Priority(title="Stopped", review=date(2026, 1, 1), status="dropped"),
        Priority(title="Undated"),
        Priority(title="Later", review=date(2027, 1, 1), status="on hold"),
    )
    assert [p.title for p in plan if awaiting_review(p)] == ["Data", "Board", "Later"]
    pending = pending_reviews(plan)
    assert pending == (date(2026, 6, 1), date(2026, 7, 1), date(2027, 1, 1))
    assert reviews_due(pending, date(2026, 7, 1)) == 1  # a review dated today is not yet late
    assert reviews_due(pending, date(2026, 7, 2)) == 2
    assert reviews_due(pending, date(2026, 5, 31)) == 0

    folder = tmp_path / "answers"
    write(folder, "plan.toml", with_priorities(answered("Eastgate CCG", date(2026, 1, 10), 2), plan))
    (summary,) = index(folder, tmp_path / "cache", CountingReader()).summaries()
    assert summary.reviews == pending


def test_an_index_cached_by_the_last_version_is_read_again_not_shown(tmp_path: Path) -> None:
    """An index of version 1 has no finished: trusting it would show a finished file as a percentage."""
    folder = tmp_path / "answers"
    write(folder, "whole.toml", answered("Northfield PCT", date(2026, 3, 31), 2))
    reader = CountingReader()
    first = index(folder, tmp_path / "cache", reader)
    first.summaries()
    doc = json.loads(first.cache_file.read_text("utf-8"))
    doc["version"] = 1
    doc["files"] = {name: row[:11] for name, row in doc["files"].items()}  # the old layout
    first.cache_file.write_text(json.dumps(doc), "utf-8")

    again = CountingReader()
    (summary,) = index(folder, tmp_path / "cache", again).summaries()
    assert again.read == ["whole.toml"]
    assert summary.finished and summary.dont_know == 1


def test_a_cached_entry_of_the_wrong_shape_is_not_trusted(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    write(folder, "whole.toml", answered("Northfield PCT", date(2026, 3, 31), 2))
    first = index(folder, tmp_path / "cache", CountingReader())
    first.summaries()
    doc = json.loads(first.cache_file.read_text("utf-8"))
    doc["files"] = {name: [*row[:11], "yes", 1] for name, row in doc["files"].items()}
    first.cache_file.write_text(json.dumps(doc), "utf-8")
    again = CountingReader()
    (summary,) = index(folder, tmp_path / "cache", again).summaries()
    assert again.read == ["whole.toml"] and summary.finished is True


def test_a_summary_without_its_instrument_is_not_finished(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    a = answered("Northfield PCT", date(2026, 3, 31), 2)
    write(folder, "other.toml", replace(a, instrument_id="not-installed"))
    (summary,) = FolderIndex(folder, cache_dir=tmp_path / "cache").summaries()
    assert summary.percent is None and not summary.finished
