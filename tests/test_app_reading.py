"""What the user reads on the result, radar, plan and export screens is right and whole at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import new_assessment
from surveys.results.scoring import score
from surveys.results.suggestions import suggestion_title
from tests.app_support import TODAY, answered, write
from tests.screen_text import flowing, screen_text
from tui.app.app import StickApp
from tui.app.factory import make_app
from tui.app.hanging import HangingText
from tui.app.question import QuestionScreen
from tui.app.radar import Radar
from tui.app.radar_geometry import GRID_DOT, Layer, Picture, Shape, draw_radar
from tui.app.result import ResultScreen

SIZES = [(80, 24), (120, 40)]
DECK = builtin_instrument()


@asynccontextmanager
async def result_open(file: Path, size: tuple[int, int]) -> AsyncIterator[tuple[StickApp, str]]:
    """The app on `file`'s result screen; with the result's text, unwrapped."""
    app = make_app(file.parent, file, today=lambda: TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        lines = app.screen.query_one("#result", HangingText).lines(size[0])
        yield app, flowing([line.plain for line in lines])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_result_says_once_that_a_step_counts_once_reached(tmp_path: Path, size: tuple[int, int]) -> None:
    # Seen: "1.5 (step 1)" reads as a mistake (it is the deck's rounding down, unsaid).
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 1))
    async with result_open(file, size) as (_, text):
        assert "Applying corporate values: 1.5 (step 1)" in text
        rule = "a step counts once the score reaches it, so 1.5 is step 1"
        assert text.count(rule) == 1


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_result_shows_the_suggested_priorities_and_writes_nothing(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    # Seen: only `stick report` showed them; the Result screen did not.
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 1))
    before = file.read_bytes()
    result = score(DECK, load_assessment(file))
    assert result.suggestions
    async with result_open(file, size) as (_, text):
        assert "Suggested priorities (weakest areas first)" in text
        for s in result.suggestions:
            assert suggestion_title(DECK, s) in text
        assert "p opens the plan" in text
    assert file.read_bytes() == before


async def test_a_suggestion_already_in_the_plan_is_said_to_be(tmp_path: Path) -> None:
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 1, plan=True))
    async with result_open(file, (120, 40)) as (_, text):
        assert "(in the plan)" in text


BRAILLE_DOTS = {chr(c) for c in range(0x2801, 0x2900)}


async def radar_views(file: Path, size: tuple[int, int], screen: str) -> list[tuple[str, list[str]]]:
    """For each radar view, on the question or result screen: the rendered screen's text and the radar's rows."""
    app = make_app(file.parent, file, today=lambda: TODAY)
    out = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if screen == "result" and not isinstance(app.screen, ResultScreen):
            await pilot.press("s")
            await pilot.pause()
        if screen == "question" and isinstance(app.screen, ResultScreen):
            await pilot.press("escape")  # a finished file opens at its result, the questions beneath
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen if screen == "result" else QuestionScreen)
        for _ in range(2):
            app.clear_notifications()
            await pilot.pause()
            out.append((screen_text(app), app.screen.query_one(Radar).picture_text()))
            await pilot.press("r")
            await pilot.pause()
    # The competence areas first, whichever the screen opened on (the radar follows the question).
    return sorted(out, key=lambda shown: "Competence areas" not in shown[1][0])


@pytest.mark.parametrize("screen", ["question", "result"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_radar_titles_and_names_are_whole(tmp_path: Path, size: tuple[int, int], screen: str) -> None:
    # Seen at 80 columns: "Dimensions: fit of each profil", "Applying co…".
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 3, upto=20))
    views = await radar_views(file, size, screen)
    titles = ["Competence areas: steps 1-4", "Profile fit, by dimension"]
    names = [[a.label for a in DECK.areas], [p.label for d in DECK.dimensions for p in d.profiles]]
    for (shown, rows), title, labels in zip(views, titles, names, strict=True):
        assert title in shown
        assert not any("…" in row for row in rows)
        read = flowing(rows)
        for label in labels:
            assert label in read


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_radar_with_no_answers_draws_its_grid_and_no_shape(tmp_path: Path, size: tuple[int, int]) -> None:
    # Seen first: a scatter of dots, the outline collapsed into the centre; then (issue 22) "No answers
    # yet, so nothing is drawn", a blank where the radar should be. Now the grid, and no shape yet.
    empty = new_assessment("Northfield PCT", "Ann Smith", "Lead", DECK.id, DECK.version, on=TODAY)
    file = write(tmp_path, "a.toml", empty)
    for screen in ("question", "result"):
        areas, dimensions = await radar_views(file, size, screen)
        for _, rows in (areas, dimensions):
            assert not BRAILLE_DOTS & set("".join(rows))
            assert "".join(rows).count(GRID_DOT) > 40
            assert "nothing is drawn" not in flowing(rows)
            assert "no answers yet: the shape appears with the first" in flowing(rows)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_radar_names_the_areas_with_no_answers_until_they_have_some(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    # Seen: "?: no answers yet" stayed, saying nothing of which, once answers existed.
    some = write(tmp_path, "some.toml", answered("Northfield PCT", TODAY, 3, upto=20))
    areas, dimensions = await radar_views(some, size, "question")
    assert "no answer yet: 5-7" in flowing(areas[1])
    assert "no answer" not in flowing(dimensions[1])
    assert not any("?" in row for row in areas[1] + dimensions[1])  # seen: "5?" beside a spoke, unexplained
    every = write(tmp_path, "every.toml", answered("Northfield PCT", TODAY, 3))
    for _, rows in await radar_views(every, size, "question"):
        assert "no answer" not in flowing(rows)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_result_with_no_answers_claims_no_fit(tmp_path: Path, size: tuple[int, int]) -> None:
    # The words beside the radar: "Naive 0%, Finding their way 0%" with nothing answered reads as a finding.
    empty = new_assessment("Northfield PCT", "Ann Smith", "Lead", DECK.id, DECK.version, on=TODAY)
    async with result_open(write(tmp_path, "a.toml", empty), size) as (_, text):
        assert "Organisational maturity: not placed yet (no answers)" in text
        assert "0%" not in text.replace("(0%)", "")


def test_an_area_with_no_answers_is_not_drawn_at_the_centre() -> None:
    values, missing = [0.75, 0.75, 0.75, 0.0, 0.0], [False, False, False, True, True]
    picture = draw_radar(5, 30, 15, rings=4, shapes=[Shape(values, missing)])
    centre = picture.text()[15 // 2][15]
    assert not BRAILLE_DOTS & {centre}  # nothing of the outline reaches the centre
    drawn = draw_radar(5, 30, 15, rings=4, shapes=[Shape(values)])

    def outline(p: Picture) -> int:
        return sum(len(text.replace(" ", "")) for row in p.rows for text, layer in row if layer is Layer.CURRENT)

    assert outline(drawn) > outline(picture)


def column(rows: list[str], header: str, names: tuple[str, ...]) -> list[str]:
    """The cells of one column of the plan table, read from the screen by the header's place."""
    head = next(r for r in rows if all(n in r for n in names))
    start = head.index(header)
    after = [head.index(n) for n in names if head.index(n) > start]
    end = min(after) if after else None
    below = rows[rows.index(head) + 1 :]
    return [r[start:end].strip() for r in below if r.strip() and not r.startswith("▔")]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_plan_table_shows_each_function_and_titles_to_the_edge(tmp_path: Path, size: tuple[int, int]) -> None:
    # Seen: titles cut at 32 characters; no business-function column.
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 1, plan=True))
    first = load_assessment(file).priorities[0]
    app = make_app(file.parent, file, today=lambda: TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s", "p")
        await pilot.pause()
        rows = screen_text(app).splitlines()
        names = ("Priority", "Business function", "Lead", "Status")
        titles = column(rows, "Priority", names)
        functions = column(rows, "Business function", names)
        width = max(len(r) for r in titles)
    assert flowing(titles).startswith(first.title)
    assert flowing(functions).startswith(DECK.function(first.function).label)
    assert not any("…" in cell for cell in titles + functions)
    # The title column takes what the fixed columns leave: more than the old 30 at 120 columns.
    assert width > (40 if size[0] >= 120 else 24)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_export_dialog_tells_two_files_of_one_organisation_apart(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    # Seen: "The selected one: …" cut before its date, so two files of one organisation looked the same;
    # the Replace checkbox drew two marks, "▐X▌ [ ]".
    long = "Northfield and District Primary Care Trust"
    for day, name in ((TODAY.replace(year=2025), "a.toml"), (TODAY, "b.toml")):
        write(tmp_path, name, replace(answered(long, day, 2), respondent="Professor Margaret Okonkwo"))
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = []
        for _ in range(2):
            await pilot.press("e")
            await pilot.pause()
            shown.append(screen_text(app))
            await pilot.press("escape", "down")
            await pilot.pause()
    for text in shown:
        picked = next(row for row in text.splitlines() if "The selected one:" in row)
        assert "Northfield" in picked
        tick = next(row for row in text.splitlines() if "Replace the workbook" in row)
        assert tick.count("[ ]") == 1 and "▐" not in tick and "X" not in tick
    first, second = (next(r for r in text.splitlines() if "The selected one:" in r) for text in shown)
    dates = {"2026-03-31", "2025-03-31"}
    assert {d for d in dates if d in first} != {d for d in dates if d in second}
    assert any("b.toml" in text for text in shown) and any("a.toml" in text for text in shown)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_next_years_review_with_no_answers_still_shows_last_years_outline(size: tuple[int, int]) -> None:
    # Seen in tmux: a review just started from last year's said "nothing is drawn" beside
    # "Comparing with 2026-12-01", hiding the one picture there was to see.
    from surveys.results.radar_views import views
    from tui.app.radar_data import radar_data

    empty = new_assessment("Northfield PCT", "Ann Smith", "Lead", DECK.id, DECK.version, on=TODAY)
    last_year = score(DECK, answered("Northfield PCT", TODAY.replace(year=TODAY.year - 1), 3))
    for view in views(DECK):
        data = radar_data(DECK, score(DECK, empty), view, last_year, "2025-03-31")
        rows = Radar._draw(data, 32 if size[0] == 80 else 50, size[1] - 4)
        earlier_dots = "".join(text for row in rows for text, layer in row if layer is Layer.EARLIER)
        assert BRAILLE_DOTS & set(earlier_dots), "last year's outline is drawn"
        words = flowing(["".join(text for text, _ in row) for row in rows])
        assert "dashed: 2025-03-31" in words and "no answer yet" in words
        assert "nothing is drawn" not in words
