"""The panel's rules, once: the spread of the raters' answers, the proposed rating, discussion, groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from surveys.panel.raters import NO_GROUP, ordered_groups, read_raters
from surveys.panel.spread import proposal, spread_of
from tests.panel_support import DECK, EDS, rater


@pytest.mark.parametrize(
    ("choices", "proposed"),
    [([2, 3], 2), ([2, 4], 3), ([1, 2, 3, 4], 2), ([3], 3), ([1, 1, 4], 1), ([4, 4, 3, 3], 3), ([], None)],
)
def test_the_proposal_is_the_median_rounded_to_the_lower_option(choices: list[int], proposed: int | None) -> None:
    assert proposal(sorted(choices)) == proposed


def test_the_spread_counts_each_option_by_group_and_keeps_dont_know_and_no_answer_apart(tmp_path: Path) -> None:
    rater(tmp_path, "Ann", "patient", [1], notes={"1a": "no interpreter at the front desk"})
    rater(tmp_path, "Bob", "Patient ", [3])
    rater(tmp_path, "Cy", "staff", ["d"])
    rater(tmp_path, "Di", None, [None])
    raters = read_raters([tmp_path])
    assert raters.groups == ("patient", "staff", NO_GROUP)
    assert raters.words() == "4 raters: patient 2, staff 1, no group 1"
    spread = spread_of(EDS, EDS.questions[0], raters.raters, raters.groups)
    assert spread.counts == (1, 0, 1, 0)
    assert dict(spread.by_group) == {"patient": (1, 0, 1, 0), "staff": (0, 0, 0, 0), NO_GROUP: (0, 0, 0, 0)}
    assert [r.respondent for r in spread.dont_know] == ["Cy"]
    assert [r.respondent for r in spread.unanswered] == ["Di"]
    assert (spread.lowest, spread.highest, spread.median, spread.proposed) == (1, 3, 2.0, 2)
    assert spread.discuss  # 1 and 3: two options apart
    assert [r.note for r in spread.ratings if r.note] == ["no interpreter at the front desk"]


def test_raters_one_option_apart_are_not_marked_for_discussion(tmp_path: Path) -> None:
    rater(tmp_path, "Ann", "patient", [2])
    rater(tmp_path, "Bob", "staff", [3])
    raters = read_raters([tmp_path])
    spread = spread_of(EDS, EDS.questions[0], raters.raters, raters.groups)
    assert not spread.discuss
    assert spread.proposed == 2
    assert spread.group_proposal("staff") == 3


def test_nobody_choosing_an_option_proposes_nothing(tmp_path: Path) -> None:
    rater(tmp_path, "Ann", "patient", ["d"])
    raters = read_raters([tmp_path])
    spread = spread_of(EDS, EDS.questions[0], raters.raters, raters.groups)
    assert spread.proposed is None and spread.median is None and not spread.discuss


def test_the_deck_works_the_same_its_profile_questions_on_their_option_order(tmp_path: Path) -> None:
    rater(tmp_path, "Ann", "board", [1, 1], instrument_id="race-equality-stick")
    rater(tmp_path, "Bob", "board", [3, 2], instrument_id="race-equality-stick")
    raters = read_raters([tmp_path])
    first = DECK.questions[0]
    assert first.kind == "profile"
    spread = spread_of(DECK, first, raters.raters, raters.groups)
    assert spread.counts[:3] == (1, 0, 1) and spread.proposed == 2 and spread.discuss


def test_groups_are_ordered_once_whatever_their_spelling() -> None:
    assert ordered_groups(["staff", NO_GROUP, "Board", "board", "patient"]) == ("Board", "patient", "staff", NO_GROUP)


def test_a_profile_question_whose_options_are_shuffled_is_read_on_its_dimensions_order(tmp_path: Path) -> None:
    """Seen on the deck: its second question lists Finding their way, Astute, Naive, so the median of
    option numbers proposed Astute for a Naive and an Astute rater; on the profiles' order it is Finding."""
    question = DECK.questions[1]
    profiles = [o.profile for o in question.options]
    naive, astute = profiles.index("naive") + 1, profiles.index("astute") + 1
    rater(tmp_path, "Ann", "board", [1, naive], instrument_id="race-equality-stick")
    rater(tmp_path, "Bob", "board", [1, astute], instrument_id="race-equality-stick")
    raters = read_raters([tmp_path])
    spread = spread_of(DECK, question, raters.raters, raters.groups)
    assert not spread.in_order
    assert spread.proposed is not None and question.options[spread.proposed - 1].profile == "finding-their-way"
    assert (spread.lowest, spread.highest) == (naive, astute)
    assert spread.discuss
