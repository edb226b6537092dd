"""Home's one-pass summary of a file gives the row the full reading gives, or leaves the file to it.

The cold folder is read by surveys/folders/summary_reader.py; whatever it answers must be what
reading the file in full (surveys/files/response_file.py) and scoring its completeness
would show on Home, and a file that reading refuses must get its error row, never
a row that looks fine.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synth import assessment
from surveys.files.response_file import load_assessment, to_toml
from surveys.folders.file_summary import FileSummary
from surveys.folders.folder_index import FolderIndex
from surveys.folders.summary_reader import read_facts
from surveys.instruments.instrument_file import builtin_bytes
from surveys.model.responses import Answer, Priority, with_priorities

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
LATER = int(4e18)  # the scan's clock long after every file: none counts as changed a moment ago


def rows(folder: Path, cache: Path, full: bool) -> list[FileSummary]:
    reader = load_assessment if full else None
    return FolderIndex(folder, cache_dir=cache, reader=reader, clock=lambda: LATER).summaries()


def quick_and_full(files: dict[str, bytes]) -> tuple[list[FileSummary], list[FileSummary]]:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "answers"
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        quick = rows(folder, Path(temp) / "quick", full=False)
        full = rows(folder, Path(temp) / "full", full=True)
    # The error names the file by its path, the same in both: only the temporary folder differs.
    return quick, full


def one(data: bytes) -> tuple[FileSummary, FileSummary]:
    quick, full = quick_and_full({"a.toml": data})
    return quick[0], full[0]


def planned(seed: int, review: date | None, status: str) -> bytes:
    a = assessment(seed)
    plan = (
        Priority(area="leadership", title="Lead it", target=date(2027, 3, 31), review=review, status=status),
        Priority(area="data", title="Count it", review=date(2026, 6, 1), carried_from=date(2025, 4, 1)),
    )
    return to_toml(with_priorities(a, plan))


@settings(max_examples=120, deadline=None)
@given(seed=st.integers(0, 10_000), note=TEXT, who=TEXT, label=TEXT, extra=TEXT)
def test_every_file_stick_writes_gets_the_row_the_full_reading_gives(
    seed: int, note: str, who: str, label: str, extra: str
) -> None:
    a = assessment(seed)
    first, second = list(a.answers)[:2]
    answers = dict(a.answers)
    answers[first] = replace(answers[first], note=note)
    answers[second] = replace(answers[second], label=label or answers[second].label)  # an option reworded since
    a = replace(a, respondent=who or "x", answers=answers, extra={"from_a_newer_stick": extra, "count": seed})
    data = to_toml(a)
    quick, full = one(data)
    assert quick == full and not full.error
    if b"\\u" not in data:  # a control character tomli-w writes as \uXXXX: left to the full reading
        assert read_facts(data) is not None


@pytest.mark.parametrize("status", ["in progress", "done", "dropped", 'say "why"'])
@pytest.mark.parametrize("review", [date(2026, 1, 5), date(2099, 1, 1), None])
def test_a_plan_gives_the_same_reviews(review: date | None, status: str) -> None:
    data = planned(7, review, status)
    assert b"[[priorities]]" in data and read_facts(data) is not None
    quick, full = one(data)
    assert quick == full and quick.reviews


@settings(max_examples=300, deadline=None)
@given(
    seed=st.integers(0, 500),
    at=st.integers(0, 5000),
    cut=st.integers(0, 12),
    insert=st.text(max_size=6)
    | st.text(alphabet="\"'\\[]=#.\n\r\t\x7f\x00 -+:0123456789abtruefalseTZ", max_size=6)
    | st.sampled_from(["choice = 2\n", "[answers.x]\n", "-1", "30", "29", "13", "24:", "note = 1\n", "extra = 1\n"]),
)
def test_a_file_changed_by_hand_gets_the_row_the_full_reading_gives(seed: int, at: int, cut: int, insert: str) -> None:
    data = planned(seed, date(2026, 5, 1), "in progress") if seed % 3 == 0 else to_toml(assessment(seed))
    at = at % len(data)
    quick, full = one(data[:at] + insert.encode("utf-8") + data[at + cut :])
    assert quick == full


# Each a file the full reading refuses, written as stick would write it but for one line (a pattern
# of the file's own text and what it becomes).
REFUSED = {
    "a negative choice": (r"^choice = 1$", "choice = -1"),
    "a choice in quotes": (r"^choice = 1$", 'choice = "1"'),
    "a don't know that is not true or false": (r"^choice = 1$", "dont_know = 1"),
    "a day that does not exist": (r"^date = .*$", "date = 2026-02-30"),
    "a date with a time": (r"^date = .*$", "date = 2026-01-01 10:00:00"),
    "an answer's time in the thirteenth month": (r"^at = 2026-12", "at = 2026-13"),
    "an answer's time at 24 o'clock": (r"^at = 2026-12-01 14", "at = 2026-12-01 24"),
    "an answer's time on the 30th of February": (r"^at = 2026-12-01", "at = 2026-02-30"),
    "a question answered twice": (r"^\[answers\.mat-needs\]$", "[answers.mat-vision]"),
    "a time of change without a time": (r"^created = .*$", "created = 2026-12-01"),
    "an organisation that is a number": (r"^organisation = .*$", "organisation = 5"),
    "a version that is true": (r"^instrument_version = .*$", "instrument_version = true"),
    "a key given twice at the top": (r"^role = ", 'organisation = "again"\nrole = '),
    "a newer key that repeats a known one": (r"^updated = .*$", '\\g<0>\nrole = "again"'),
    "a newer key named as the answers": (r"^updated = .*$", "\\g<0>\nanswers = 1"),
    "a label that ends the line early": (r'^label = "', 'label = "\n'),
    "a bad escape": (r'^label = "', 'label = "\\\\q'),
    "a review that is not a date": (r"^review = .*$", 'review = "soon"'),
    "a plan written twice": (r"^updated = .*$", "\\g<0>\npriorities = []"),
    "a priority's status that is a number": (r"^status = .*$", "status = 3"),
}


@pytest.mark.parametrize("what", sorted(REFUSED))
def test_a_file_the_full_reading_refuses_gets_its_error_row(what: str) -> None:
    pattern, becomes = REFUSED[what]
    good = _fixed_times(planned(0, date(2026, 5, 1), "in progress").decode("utf-8"))
    bad, changed = re.subn(pattern, becomes, good, count=1, flags=re.MULTILINE)
    assert changed == 1, what
    quick, full = one(bad.encode("utf-8"))
    assert full.error, what
    assert quick == full
    assert read_facts(bad.encode("utf-8")) is None


def _fixed_times(text: str) -> str:
    """Every time in the file the same one, so each edit above finds what it changes."""
    return re.sub(r"^(created|updated|at) = .*$", r"\1 = 2026-12-01 14:18:17+00:00", text, flags=re.MULTILINE)


def test_a_file_naming_its_own_instrument_copy_is_counted_against_that_copy(tmp_path: Path) -> None:
    # The team's copy rewords the first question's options: answers given to the old words need review.
    copy = builtin_bytes().decode("utf-8").replace("version = 1", "version = 2", 1)
    a = assessment(4)
    first = next(iter(a.answers))
    label = a.answers[first].label
    assert label and label in copy
    copy = copy.replace(f'"{label}"', '"Reworded"', 1)
    data = to_toml(replace(a, extra={"instrument_file": "ours.toml"}))
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "answers"
        folder.mkdir()
        (folder / "ours.toml").write_bytes(copy.encode("utf-8"))
        (folder / "a.toml").write_bytes(data)
        (folder / "b.toml").write_bytes(to_toml(assessment(4)))
        quick = rows(folder, Path(temp) / "quick", full=False)
        full = rows(folder, Path(temp) / "full", full=True)
    assert read_facts(data) is not None
    assert quick == full
    ours = next(s for s in quick if s.name == "a.toml")
    builtin = next(s for s in quick if s.name == "b.toml")
    assert ours.percent is not None and builtin.percent is not None and ours.percent < builtin.percent


def test_a_file_of_another_layout_is_read_in_full_to_the_same_row() -> None:
    a = assessment(9, answered=5)
    written = to_toml(a).decode("utf-8")
    for other in (
        written.replace("\n", "\r\n"),  # saved on Windows by hand
        "\ufeff" + written,  # Notepad's byte-order mark
        written.replace('role = "Board member"', "role = 'Board member'"),  # a literal string
        written + "\n",
    ):
        quick, full = one(other.encode("utf-8"))
        assert quick == full and not full.error


def test_an_answer_the_instrument_no_longer_has_and_a_note_alone_count_as_the_full_reading_counts() -> None:
    a = assessment(11)
    answers = dict(a.answers)
    first = next(iter(answers))
    answers[first] = Answer(question=first, note="only a note", at=datetime(2026, 3, 1, 9, 0))
    answers["gone-question"] = Answer(question="gone-question", choice=2, label="Old words")
    data = to_toml(replace(a, answers=answers))
    assert read_facts(data) is not None
    quick, full = one(data)
    assert quick == full and full.percent is not None and not full.finished
