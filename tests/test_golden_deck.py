"""The deck's results for fixed answers, pinned: a change to scoring or wording shows here first.

The text report must stay exactly as pinned. The JSON may gain keys (a newer
stick says more), but every key pinned keeps its value, at every depth.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tui.cli import run

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
ANSWERS = GOLDEN / "deck_answers.toml"


def _report(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert run(["report", str(ANSWERS), *extra]) == 0
    return capsys.readouterr().out


def test_the_text_report_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert _report(capsys) == (GOLDEN / "deck_report.txt").read_text(encoding="utf-8")


def _pinned_part(pinned: Any, now: Any) -> Any:
    """`now` cut down to the keys `pinned` has, so added keys do not count as a change."""
    if isinstance(pinned, dict) and isinstance(now, dict):
        return {k: _pinned_part(v, now[k]) if k in now else "(gone)" for k, v in pinned.items()}
    if isinstance(pinned, list) and isinstance(now, list) and len(pinned) == len(now):
        return [_pinned_part(p, n) for p, n in zip(pinned, now, strict=True)]
    return now


def test_the_json_report_keeps_every_pinned_value(capsys: pytest.CaptureFixture[str]) -> None:
    pinned = json.loads((GOLDEN / "deck_report.json").read_text(encoding="utf-8"))
    now = json.loads(_report(capsys, "--json"))
    assert _pinned_part(pinned, now) == pinned
