"""Which radar view and axis each question feeds, and each view's figures: the engine's rule, without a screen."""

from __future__ import annotations

from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import new_assessment
from surveys.results.radar_views import AREAS, DIMENSIONS, GROUPS, View, ViewKind, feeds, figures, next_view, views
from surveys.results.scoring import score
from tests.format2_support import scored

DECK = builtin_instrument()
EDS = builtin_instrument("eds2022")


def test_each_deck_question_feeds_its_dimension_or_its_area() -> None:
    profiles = [p.id for d in DECK.dimensions for p in d.profiles]
    areas = [a.id for a in DECK.areas]
    for question in DECK.questions:
        fed = feeds(DECK, question)
        if question.kind == "profile":
            assert fed is not None and fed.view == DIMENSIONS
            dimension = DECK.dimension(question.dimension)
            assert [profiles[i] for i in fed.axes] == [p.id for p in dimension.profiles]
        elif question.kind == "ladder":
            assert fed == (AREAS, (areas.index(question.area),))
        else:  # the adopter question and the text questions count towards no figure
            assert fed is None


def test_an_eds_outcome_feeds_its_domain() -> None:
    for question in EDS.questions:
        fed = feeds(EDS, question)
        group = next(g for g in EDS.groups if question.area in g.areas)
        assert fed == (View(ViewKind.GROUP, group.id), (group.areas.index(question.area),))


def test_the_views_start_with_the_whole_and_r_goes_round_them_all() -> None:
    assert views(DECK) == (AREAS, DIMENSIONS)
    eds = views(EDS)
    assert eds[:2] == (AREAS, GROUPS) and [v.group for v in eds[2:]] == [g.id for g in EDS.groups]
    seen, view = [], eds[0]
    for _ in eds:
        seen.append(view)
        view = next_view(EDS, view)
    assert seen == list(eds) and view == eds[0]
    assert next_view(EDS, DIMENSIONS) == AREAS  # a view the instrument lacks goes to its first


def test_figures_are_shares_and_an_axis_with_no_answer_is_missing_not_nought() -> None:
    nothing = score(EDS, new_assessment("N", "A", "", EDS.id, EDS.version))
    for view in views(EDS):
        drawn = figures(EDS, nothing, view)
        assert all(drawn.missing) and len(drawn.labels) == len(drawn.values) == len(drawn.missing)
    # Domain 1 on 3, 2, 1, 0 (of 3 each); domain 2 not answered; domain 3 all 3.
    some = score(EDS, scored(EDS, [3, 2, 1, 0, None, None, None, None, 3, 3, 3]))
    domain1 = figures(EDS, some, View(ViewKind.GROUP, "domain-1"))
    assert domain1.values == (1.0, 2 / 3, 1 / 3, 0.0) and domain1.missing == (False,) * 4
    totals = figures(EDS, some, GROUPS)
    assert totals.values == (6 / 12, 0.0, 1.0) and totals.missing == (False, True, False)
    assert figures(EDS, some, AREAS).missing == (False,) * 4 + (True,) * 4 + (False,) * 3
