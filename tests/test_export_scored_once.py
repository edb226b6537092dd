"""Seen: every file of an export was scored twice (once as read, once more for the Team sheet)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import exports.merge
import exports.workbook
import surveys.results.scoring
from exports.workbook import export_workbook
from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment
from surveys.results.scoring import Result
from tests.export_helpers import make


def test_a_team_on_one_instrument_is_scored_once_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [make(tmp_path, f"a{n}.toml", respondent=f"R {n}", pick=1 + n % 3) for n in range(4)]
    again: list[str] = []
    real = exports.merge.score_member

    def counted(basis: exports.merge.Basis, member: exports.merge.Member) -> exports.merge.Scored:
        again.append(member.file)
        return real(basis, member)

    monkeypatch.setattr(exports.workbook, "score_member", counted)
    export_workbook(files, tmp_path / "team.xlsx")
    assert again == []  # each file was scored as it was read, and that score is used for the Team


def test_a_comparison_scores_each_file_and_the_earlier_one_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [make(tmp_path, f"a{n}.toml", respondent=f"R {n}", pick=1 + n % 3) for n in range(4)]
    earlier = make(tmp_path, "earlier.toml", respondent="R 0", pick=1, on=date(2025, 3, 1))
    again: list[str] = []
    scored: list[str] = []
    real_member, real_score = exports.merge.score_member, surveys.results.scoring.score

    def counted_member(basis: exports.merge.Basis, member: exports.merge.Member) -> exports.merge.Scored:
        again.append(member.file)
        return real_member(basis, member)

    def counted(instrument: Instrument, assessment: Assessment) -> Result:
        scored.append(assessment.respondent)
        return real_score(instrument, assessment)

    monkeypatch.setattr(exports.workbook, "score_member", counted_member)
    monkeypatch.setattr(exports.workbook, "score", counted)
    export_workbook(files, tmp_path / "team.xlsx", compare=earlier, force=True)  # a team against one person: forced
    assert again == []
    assert sorted(scored) == ["R 0", "R 0", "R 1", "R 2", "R 3"]  # each file once, the earlier one once
