"""The agreed file: accepting, departing with a reason, the trail, later changes, reopening, refusals."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from surveys.errors import StickError
from surveys.files.response_file import load_assessment
from surveys.instruments.opening import open_assessment
from surveys.panel.opening import open_panel
from surveys.panel.raters import PanelRefused
from surveys.panel.session import ReasonNeeded
from surveys.results.scoring import score
from tests.panel_support import DECK, EDS, rater

DAY = date(2026, 12, 6)


def _event(folder: Path) -> list[Path]:
    return [
        rater(folder, "Ann", "patient", [1, 2, 3], notes={"1a": "leaflets only in English"}),
        rater(folder, "Bob", "patient", [2, 2, 3]),
        rater(folder, "Cy", "staff", [3, 3, 2]),
    ]


def test_accepting_the_proposal_saves_it_with_the_spread_as_it_was(tmp_path: Path) -> None:
    _event(tmp_path)
    with open_panel([tmp_path], on=DAY) as panel:
        assert panel.path == tmp_path / "Northfield-NHS-Trust-panel-2026-12-06.toml"
        assert panel.state("1a").status == "proposed"
        edit = panel.accept("1a")
        assert edit.changed
    saved = tomllib.loads(panel.path.read_text("utf-8"))
    agreed = saved["answers"]["1a"]
    assert (agreed["choice"], agreed["label"], agreed["proposed"], agreed["discuss"]) == (
        2,
        "Developing activity",
        2,
        True,
    )
    assert [r["choice"] for r in agreed["ratings"]] == [1, 2, 3]
    assert agreed["ratings"][0]["note"] == "leaflets only in English"
    assert [(r["respondent"], r["group"]) for r in saved["panel"]["raters"]] == [
        ("Ann", "patient"),
        ("Bob", "patient"),
        ("Cy", "staff"),
    ]
    assert saved["panel"]["history"][0]["question"] == "1a"
    # An ordinary response file: it opens and scores as one person's does.
    opened = open_assessment(panel.path)
    assert score(opened.instrument, opened.assessment).areas[0].score == 1.0


def test_a_departure_without_a_reason_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    _event(tmp_path)
    with open_panel([tmp_path], on=DAY) as panel:
        before = panel.path.read_bytes()
        with pytest.raises(ReasonNeeded, match="needs a reason"):
            panel.agree("1a", 4, "   ")
        assert panel.path.read_bytes() == before
        assert panel.agreed("1a") is None
        panel.agree("1a", 4, "The audit found no interpreter booked in 3 of 10 clinics")
        agreed = panel.agreed("1a")
        assert agreed is not None and (agreed.choice, agreed.proposed) == (4, 2)
        assert agreed.reason.startswith("The audit")


def test_every_change_of_an_agreed_rating_is_kept_with_its_time_and_reason(tmp_path: Path) -> None:
    _event(tmp_path)
    with open_panel([tmp_path], on=DAY) as panel:
        panel.accept("1b")
        panel.agree("1b", 3, "the staff survey came in")
        panel.agree("1b", 3, "the staff survey came in")  # the same again: nothing new to record
        panel.clear("1b", "to be looked at next week")
        trail = panel.history()
    assert [(c.choice, c.was_choice, c.reason) for c in trail] == [
        (2, 0, ""),
        (3, 2, "the staff survey came in"),
        (0, 3, "to be looked at next week"),
    ]
    assert all(c.at is not None for c in trail)
    assert load_assessment(panel.path).answer("1b") is None


def test_a_rater_changing_their_file_later_shows_as_a_later_change(tmp_path: Path) -> None:
    ann, _, _ = _event(tmp_path)
    with open_panel([tmp_path], on=DAY) as panel:
        panel.accept("1a")
        rater(tmp_path, "Ann", "patient", [4, 2, 3])  # Ann saves again while the panel runs
        rater(tmp_path, "Di", "staff", [1])  # and a fourth rater arrives
        panel.reload()
        state = panel.state("1a")
        assert set(state.changed) == {ann.name, "di.toml"}
        assert state.spread.counts == (1, 1, 1, 1)
        agreed = panel.agreed("1a")
        assert agreed is not None and [r.choice for r in agreed.ratings] == [1, 2, 3]  # as it was when agreed
        (tmp_path / "cy.toml").unlink()  # and Cy's file is taken away
        panel.reload()
        assert set(panel.state("1a").changed) == {ann.name, "di.toml", "cy.toml"}


def test_reopening_carries_on_with_everything_agreed(tmp_path: Path) -> None:
    _event(tmp_path)
    with open_panel([tmp_path], on=DAY) as panel:
        panel.accept("1a")
        panel.agree("1b", 4, "seen at the listening event")
    with open_panel([tmp_path], on=DAY) as again:
        assert again.path == panel.path
        assert [again.state(q).status for q in ("1a", "1b", "1c")] == ["agreed", "agreed", "proposed"]
        assert len(again.history()) == 2


def test_raters_of_another_organisation_or_instrument_are_refused_in_one_line(tmp_path: Path) -> None:
    _event(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    stranger = rater(other, "Eve", "staff", [1], organisation="Southfield NHS Trust")
    deck = rater(other, "Fay", "staff", [1], instrument_id="race-equality-stick")
    with pytest.raises(PanelRefused, match="not 'Northfield NHS Trust'") as refused:
        open_panel([tmp_path, stranger], on=DAY)
    assert "\n" not in str(refused.value)
    with pytest.raises(PanelRefused, match="instrument 'race-equality-stick'"):
        open_panel([tmp_path, deck], on=DAY)


def test_an_agreed_file_among_the_raters_is_passed_over_named_or_in_a_folder(tmp_path: Path) -> None:
    """`stick panel *.toml` run a second time names the agreed file the first run wrote beside the raters."""
    _event(tmp_path)
    with open_panel([tmp_path], on=DAY) as panel:
        panel.accept("1a")
    named = [*sorted(tmp_path.glob("[abc]*.toml")), panel.path]
    with open_panel(named, tmp_path / "again.toml", on=DAY) as again:
        assert len(again.raters.raters) == 3
        assert again.raters.problems == (f"{panel.path.name}: an agreed panel file, not a rater's",)
    with open_panel([tmp_path], tmp_path / "second.toml", on=DAY) as second:
        assert len(second.raters.raters) == 3 and not second.raters.problems
    with pytest.raises(PanelRefused, match="no rater's assessment"):
        open_panel([panel.path], tmp_path / "third.toml", on=DAY)


def test_an_output_that_is_not_a_panel_file_is_never_written_over(tmp_path: Path) -> None:
    ann, _, _ = _event(tmp_path)
    before = ann.read_bytes()
    with pytest.raises(PanelRefused, match="not a panel's agreed file"):
        open_panel([tmp_path / "bob.toml", tmp_path / "cy.toml"], ann, on=DAY)
    assert ann.read_bytes() == before


def test_a_text_question_takes_the_agreed_words_in_the_deck(tmp_path: Path) -> None:
    rater(tmp_path, "Ann", "board", [1, 1], instrument_id="race-equality-stick")
    text = next(q for q in DECK.questions if q.kind == "text")
    with open_panel([tmp_path], on=DAY) as panel:
        assert panel.state(text.id).status == "open"
        panel.write(text.id, "Start with the interpreting contract")
        agreed = panel.agreed(text.id)
        assert agreed is not None and agreed.text == "Start with the interpreting contract"
        with pytest.raises(StickError, match="asks for words"):
            panel.agree(text.id, 1, "x")


def test_the_band_of_each_group_alone_comes_from_the_ratings_recorded(tmp_path: Path) -> None:
    from surveys.panel.report import group_result

    rater(tmp_path, "Ann", "patient", [1] * 11)
    rater(tmp_path, "Cy", "staff", [4] * 11)
    with open_panel([tmp_path], on=DAY) as panel:
        for question in EDS.questions:
            panel.accept(question.id)  # the median of 1 and 4 (2.5) rounds to option 2: a score of 1
        assert panel.result.overall == 11.0
        assert panel.result.band == "developing"
        assessment = panel.assessment
    assert group_result(EDS, assessment, "patient").band == "underdeveloped"
    assert group_result(EDS, assessment, "staff").band == "excelling"


def test_every_key_the_agreed_file_holds_is_documented(tmp_path: Path) -> None:
    _event(tmp_path)
    with open_panel([tmp_path], on=DAY) as panel:
        panel.accept("1b")
        panel.agree("1b", 4, "Patients' stories at table two")
        panel.clear("1b", "to look at again")
        panel.agree("1a", 4, "seen")
    saved = tomllib.loads(panel.path.read_text("utf-8"))
    doc = (Path(__file__).resolve().parent.parent / "docs" / "instrument-format.md").read_text("utf-8")
    section = doc[doc.index("### The agreed file of a panel") :]
    keys = set(saved["panel"]) | {k for row in saved["panel"]["history"] for k in row}
    keys |= {k for row in saved["panel"]["raters"] for k in row}
    keys |= set(saved["answers"]["1a"]) | {k for row in saved["answers"]["1a"]["ratings"] for k in row}
    assert sorted(k for k in keys if k not in section) == []


def test_a_rating_changed_outside_the_panel_is_reported_as_such(tmp_path: Path) -> None:
    from surveys.files.response_file import save_assessment
    from surveys.model.answers import choose
    from surveys.model.responses import with_answer
    from surveys.panel.report import panel_json, panel_lines

    _event(tmp_path)
    with open_panel([tmp_path], on=DAY) as panel:
        panel.accept("1a")
        panel.accept("1b")
    assessment = load_assessment(panel.path)
    assert "Changed outside the panel" not in "\n".join(panel_lines(EDS, assessment))
    question = EDS.question("1a")
    assert question is not None
    save_assessment(panel.path, with_answer(assessment, choose(question, 4)))  # the app's question screen
    changed = load_assessment(panel.path)
    said = "\n".join(panel_lines(EDS, changed))
    assert said.count("Changed outside the panel") == 1
    assert [q["outside_the_trail"] for q in panel_json(EDS, changed)["questions"][:3]] == [True, False, False]
