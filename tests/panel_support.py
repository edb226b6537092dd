"""Raters for the panel tests: files made and answered in memory, or by real `stick` processes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from surveys.files.response_file import save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import choose, dont_know
from surveys.model.responses import Answer, Assessment
from tests.conftest import run_stick

EDS = builtin_instrument("eds2022")
DECK = builtin_instrument()
ORG = "Northfield NHS Trust"
AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def rater(
    folder: Path,
    name: str,
    group: str | None,
    choices: Sequence[int | str | None],
    *,
    instrument_id: str = "eds2022",
    organisation: str = ORG,
    notes: dict[str, str] | None = None,
    file: str | None = None,
) -> Path:
    """A rater's file answering question i with option choices[i] ("d": don't know, None: no answer)."""
    instrument = builtin_instrument(instrument_id)
    answers: dict[str, Answer] = {}
    for question, choice in zip(instrument.questions, choices, strict=False):
        if choice is None or question.kind == "text":
            continue
        made = dont_know(question) if choice == "d" else choose(question, int(choice))
        note = (notes or {}).get(question.id, "")
        answers[question.id] = Answer(made.question, made.choice, made.label, "", made.dont_know, note, AT)
    extra = {"group": group} if group is not None else {}
    assessment = Assessment(
        organisation, name, "", date(2026, 12, 1), instrument.id, instrument.version, AT, AT, answers, extra=extra
    )
    path = folder / (file or f"{name.lower()}.toml")
    save_assessment(path, assessment)
    return path


def answered_by_interview(folder: Path, name: str, group: str, lines: Sequence[str]) -> Path:
    """A rater's EDS file made by `stick new --group` and answered by `stick interview --plain`, piped."""
    made = run_stick(
        ["new", "--org", ORG, "--respondent", name, "--group", group, "--instrument", "eds2022", "--dir", str(folder)]
    )
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    done = run_stick(["interview", str(path), "--plain"], input="".join(f"{line}\n" for line in lines))
    assert done.returncode == 0, done.stderr
    return path
