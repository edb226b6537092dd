"""EDS 2022 built in: eleven outcomes rated 0-3, domain totals, the total and the band it falls in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.results.report import report_json, report_lines
from surveys.results.scoring import score
from tests.conftest import run_stick
from tests.format2_support import deck_words, saved, scored
from tui.cli import run

EDS = builtin_instrument("eds2022")
# Each total: every outcome scored the same, and the band the total falls in.
UNIFORM = [(0, 0, "Underdeveloped"), (1, 11, "Developing"), (2, 22, "Achieving"), (3, 33, "Excelling")]
# A Board assessment: 3+3+3+2, 3+2+3+2, 3+2+2 = 11, 10, 7 = 28 (the example, reported as "step 4 of 4" before).
MIXED = [3, 3, 3, 2, 3, 2, 3, 2, 3, 2, 2]


def test_the_framework_is_three_domains_of_eleven_outcomes_rated_0_to_3() -> None:
    assert [(g.label.split(":")[0], len(g.areas)) for g in EDS.groups] == [
        ("Domain 1", 4),
        ("Domain 2", 4),
        ("Domain 3", 3),
    ]
    assert [a.label[:2] for a in EDS.areas] == ["1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C"]
    assert [(s.value, s.label) for s in EDS.steps] == [
        (0, "Underdeveloped activity"),
        (1, "Developing activity"),
        (2, "Achieving activity"),
        (3, "Excelling activity"),
    ]
    assert all([o.label for o in q.options] == [s.label for s in EDS.steps] for q in EDS.questions)
    assert [(b.low, b.high) for b in EDS.bands] == [(0, 7), (8, 21), (22, 32), (33, 33)]
    assert not EDS.dimensions and not EDS.adopters and not EDS.functions


def test_the_reading_note_cites_its_sources_and_says_what_is_our_reading() -> None:
    note = EDS.reading_note
    for source in ("leedsth.nhs.uk", "dbth.nhs.uk", "syics.co.uk", "rdash.nhs.uk"):
        assert source in note
    assert "Our reading" in note and "upper bound" in note and "2C" in note
    assert dict(EDS.meta)["url"].startswith("https://www.england.nhs.uk/")


@pytest.mark.parametrize(("value", "total", "band"), UNIFORM)
def test_a_uniform_score_gives_its_total_and_band_in_report_and_json(value: int, total: int, band: str) -> None:
    assessment = scored(EDS, [value] * 11)
    result = score(EDS, assessment)
    text = "\n".join(report_lines(EDS, assessment, result))
    assert f"Total outcome score: {total} of 33; organisation rating: {band} activity." in text
    js = report_json(EDS, assessment, result)
    assert js["overall"]["score"] == total and js["overall"]["band_label"] == f"{band} activity"
    assert js["overall"]["band"] == band.lower()
    assert [g["score"] for g in js["groups"]] == [4 * value, 4 * value, 3 * value]


def test_a_mixed_board_assessment_totals_28_achieving_with_each_domain_total() -> None:
    assessment = scored(EDS, MIXED)
    result = score(EDS, assessment)
    text = "\n".join(report_lines(EDS, assessment, result))
    assert "Total outcome score: 28 of 33; organisation rating: Achieving activity." in text
    assert "Domain 1: Commissioned or provided services: 11 of 12." in text
    assert "Domain 2: Workforce health and well-being: 10 of 12." in text
    assert "Domain 3: Inclusive leadership: 7 of 9." in text
    assert (
        "2D: Staff recommend the organisation as a place to work and receive treatment: 2 of 3, Achieving activity."
        in text
    )
    assert "step 4 of 4" not in text
    js = report_json(EDS, assessment, result)
    assert (js["overall"]["score"], js["overall"]["band"]) == (28, "achieving")


def test_a_total_with_an_outcome_missing_gets_no_band_yet() -> None:
    """Missing is not low: ten outcomes at 3 are not 'Achieving 30', they are a total so far."""
    assessment = scored(EDS, [3] * 10 + [None])
    result = score(EDS, assessment)
    assert result.band is None and result.overall == 30
    text = "\n".join(report_lines(EDS, assessment, result))
    assert "30 of 33 so far; the organisation rating is given when every outcome is scored (10 of 11)" in text
    assert "Domain 3: Inclusive leadership: 6 of 9 so far, 2 of 3 outcomes scored." in text


def test_evidence_per_outcome_is_in_the_report_and_the_json() -> None:
    notes = {"1a": "Interpreting audit 2025; access survey by ethnicity.", "3b": "Board papers carry an EqIA box."}
    assessment = scored(EDS, MIXED, notes)
    result = score(EDS, assessment)
    text = "\n".join(report_lines(EDS, assessment, result))
    assert "Evidence\n  - 1a (Excelling activity): Interpreting audit 2025; access survey by ethnicity." in text
    js = report_json(EDS, assessment, result)
    assert js["evidence"][1] == {"question": "3b", "answer": "Achieving activity", "note": notes["3b"]}


@pytest.mark.parametrize("values", [[0] * 11, MIXED, [None] * 11])
def test_no_word_of_the_deck_in_the_report_or_json(values: list[int | None]) -> None:
    assessment = scored(EDS, values, {"2c": "Staff survey."})
    result = score(EDS, assessment)
    text = "\n".join(report_lines(EDS, assessment, result))
    assert deck_words(text) == []
    assert deck_words(json.dumps(report_json(EDS, assessment, result))) == []


def test_stick_new_takes_a_builtin_id_and_report_reads_it_back(tmp_path: Path) -> None:
    made = run_stick(
        [
            "new",
            "--org",
            "Northfield NHS Trust",
            "--respondent",
            "Board",
            "--dir",
            str(tmp_path),
            "--instrument",
            "eds2022",
        ]
    )
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    assessment = load_assessment(path)
    assert assessment.instrument_id == "eds2022" and "instrument_file" not in assessment.extra
    saved(tmp_path, scored(EDS, MIXED), path.name)
    done = run_stick(["report", str(path), "--json"])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["overall"]["band"] == "achieving"


def test_the_report_command_prints_the_band(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved(tmp_path, scored(EDS, [1] * 11))
    assert run(["report", str(path)]) == 0
    assert "Total outcome score: 11 of 33; organisation rating: Developing activity." in capsys.readouterr().out


def test_an_unknown_instrument_name_is_one_line_naming_the_built_ins(tmp_path: Path) -> None:
    done = run_stick(["new", "--org", "A", "--respondent", "B", "--dir", str(tmp_path), "--instrument", "eds2023"])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "stick: eds2023: no such instrument file, and not a built-in (race-equality-stick, eds2022)"
    ]
    assert list(tmp_path.iterdir()) == []
