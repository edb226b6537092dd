"""Seen: every file of an export was scored twice (once as read, once more for the Team sheet)."""

from __future__ import annotations

from pathlib import Path

import pytest

import exports.merge
import exports.workbook
from exports.workbook import export_workbook
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
