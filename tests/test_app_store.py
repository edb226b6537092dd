"""The store saves every change at once; the folder helpers find what Home and the comparison need."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from surveys.errors import ResponseFileError
from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import Assessment, Priority
from tests.app_support import TODAY, answered, demo_folder, write
from tui.app.context import Comparison
from tui.app.folder import earlier_assessments, summaries
from tui.app.store import Store


def fresh(tmp_path: Path) -> Store:
    a = answered("Northfield PCT", TODAY, 1, upto=0)
    return Store(write(tmp_path, "a.toml", a), a, builtin_instrument())


def test_every_change_is_in_the_file_at_once(tmp_path: Path) -> None:
    store = fresh(tmp_path)
    q1, q2 = store.instrument.questions[:2]
    session = store.session
    session.choose(q1.id, 2)
    assert load_assessment(store.path).answers[q1.id].choice == 2
    session.set_note(q1.id, "ask finance")
    assert load_assessment(store.path).answers[q1.id].note == "ask finance"
    session.dont_know(q2.id)
    assert load_assessment(store.path).answers[q2.id].dont_know
    session.clear(q1.id)
    kept = load_assessment(store.path).answers[q1.id]
    assert kept.choice == 0 and kept.note == "ask finance"  # the note outlives the answer
    session.add_priority(Priority(title="Workshops", lead="HR"))
    assert load_assessment(store.path).priorities[0].lead == "HR"
    assert store.first_open_question() == 0


def test_a_failed_save_raises_and_keeps_the_change(tmp_path: Path) -> None:
    def refuse(path: Path, assessment: Assessment) -> None:
        raise ResponseFileError(f"{path}: cannot save: disk full")

    a = answered("Northfield PCT", TODAY, 1, upto=0)
    store = Store(tmp_path / "a.toml", a, builtin_instrument(), save=refuse)
    q = store.instrument.questions[0]
    with pytest.raises(ResponseFileError):
        store.session.choose(q.id, 1)
    assert store.assessment.answers[q.id].choice == 1
    assert store.result.completeness.answered == 1


def test_an_unchanged_note_is_not_saved_again(tmp_path: Path) -> None:
    calls: list[Assessment] = []
    a = answered("Northfield PCT", TODAY, 1, upto=0)
    store = Store(tmp_path / "a.toml", a, builtin_instrument(), save=lambda p, x: calls.append(x))
    first = store.instrument.questions[0].id
    assert not store.session.set_note(first, a.answers[first].note).changed
    assert calls == []


def test_earlier_assessments_are_same_organisation_and_older_latest_first(tmp_path: Path) -> None:
    later = demo_folder(tmp_path)
    write(tmp_path, "older.toml", answered(" northfield  pct ", date(2024, 1, 1), 2))
    write(tmp_path, "future.toml", answered("Northfield PCT", date(2027, 1, 1), 2))
    (tmp_path / "broken.toml").write_text("organisation = [", encoding="utf-8")
    found = earlier_assessments(tmp_path, later, load_assessment(later))
    assert found is not None
    assert [a.date for _, a in found] == [date(2025, 3, 31), date(2024, 1, 1)]
    comparison = Comparison(found)
    assert comparison.chosen is found[0][1]
    comparison.cycle()
    assert comparison.chosen is found[1][1]
    comparison.cycle()
    assert comparison.chosen is None and "off" in comparison.describe()
    comparison.cycle()
    assert comparison.chosen is found[0][1]


def test_summaries_list_newest_change_first_and_say_why_a_file_is_unreadable(tmp_path: Path) -> None:
    demo_folder(tmp_path)
    (tmp_path / "broken.toml").write_text("organisation = [", encoding="utf-8")
    items = summaries(tmp_path)
    assert items[0].path.name == "broken.toml" and items[0].error
    readable = items[1:]
    assert [s.path.name for s in readable] == [
        "Northfield-PCT-2026-03-31.toml",
        "Riverside-PCT-2026-02-01.toml",
        "Northfield-PCT-2025-03-31.toml",
    ]
    assert readable[0].percent == 57 and readable[0].organisation == "Northfield PCT"
