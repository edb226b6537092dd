"""Home's row words, orders and filter, without the app."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from surveys.folders.file_summary import FileSummary
from tui.app.folder import Summary
from tui.app.home_rows import SORTS, HomeList, cells, done_words, search_text, where_words

WHEN = datetime(2026, 3, 31, 10, 0, tzinfo=UTC)


def summary(name: str, organisation: str = "", **fields: object) -> Summary:
    return Summary(Path("answers") / name, WHEN, organisation, "Ann Smith", **fields)  # type: ignore[arg-type]


def test_the_done_words_say_how_far_an_assessment_got() -> None:
    assert done_words(summary("a.toml", percent=57), wide=True) == "57%"
    assert done_words(summary("a.toml", percent=96, finished=True, dont_know=2), wide=True) == "complete, 2 don't know"
    assert done_words(summary("a.toml", percent=96, finished=True, dont_know=2), wide=False) == "complete"
    assert done_words(summary("a.toml", percent=100, finished=True), wide=True) == "complete"
    assert done_words(summary("a.toml"), wide=True) == "?"  # no instrument to say how far
    broken = summary("bad.toml", error="not TOML")
    assert cells(broken, date(2026, 4, 1), wide=True)[0] == "(cannot read) bad.toml"


def test_every_sort_puts_unreadable_files_last_and_ties_keep_the_newest_change_first() -> None:
    rows = HomeList()
    rows.extend(
        [
            summary("bad.toml", error="not TOML"),
            summary("b2.toml", "Beta", date=date(2026, 1, 1), percent=10),
            summary("a.toml", "alpha", date=date(2025, 1, 1), percent=50, finished=True),
            summary("b1.toml", "beta ", date=date(2026, 1, 1), percent=10),
        ]
    )
    names: dict[int, list[str]] = {}
    for sort in range(1, len(SORTS)):
        rows.sort_by(sort)
        view = rows.view()
        assert view is not None
        names[sort] = [rows.items[i].path.name for i in view]
        assert names[sort][-1] == "bad.toml"
    assert names[1] == ["a.toml", "b2.toml", "b1.toml", "bad.toml"]  # "Beta" and "beta " are one organisation
    assert names[2] == ["b2.toml", "b1.toml", "a.toml", "bad.toml"]
    assert names[3] == ["b2.toml", "b1.toml", "a.toml", "bad.toml"]
    rows.sort_by(len(SORTS))  # round again to the folder's own order
    assert rows.sort == 0 and rows.view() is None


def test_the_filter_is_case_free_and_a_blank_one_shows_every_row() -> None:
    rows = HomeList()
    rows.extend([summary("North-1.toml", "Northfield PCT"), summary("r.toml", "Riverside PCT")])
    rows.needle = "   "
    assert rows.view() is None
    rows.needle = " NORTH"
    assert rows.view() == [0]
    rows.needle = "r.TOML"
    assert rows.view() == [1]
    line = where_words("answers", 2, 1, True, rows)
    assert line == "1 of 2 assessments match “r.TOML”, newest change first (esc shows all)"
    assert where_words("answers", 120, 0, False, rows) == "Reading the assessments in answers: 120 so far…"


def test_a_row_made_from_the_folder_index_is_worded_as_one_made_whole() -> None:
    # Home makes its rows' paths and times of change only when asked; the words must not differ
    # (a change in the last moment of a minute is shown in that minute, as the clock read it).
    changed_ns = int(datetime(2026, 7, 14, 23, 59, 30, tzinfo=UTC).timestamp() * 1e9) + 999_999_999
    for error in ("", "not TOML"):
        indexed = FileSummary("a.toml", 10, changed_ns, error=error)
        if not error:
            indexed = indexed._replace(
                organisation="Łódź PCT",
                respondent="Ann",
                date=date(2026, 1, 2),
                percent=40,
                reviews=(date(2026, 2, 1), date(2027, 1, 1)),
            )
        lazy = Summary.of(Path("answers"), indexed)
        whole = Summary(
            Path("answers") / "a.toml",
            datetime.fromtimestamp(changed_ns // 1_000_000_000).astimezone(),
            indexed.organisation,
            indexed.respondent,
            indexed.date,
            indexed.percent,
            error,
            reviews=indexed.reviews,
        )
        for wide in (True, False):
            assert cells(lazy, date(2026, 12, 1), wide) == cells(whole, date(2026, 12, 1), wide)
        assert (lazy.path, lazy.name) == (whole.path, "a.toml")
        assert search_text(lazy) == search_text(whole)
