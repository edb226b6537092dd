"""Helpers for the interview tests: a fresh assessment, and a script that feeds lines."""

from __future__ import annotations

from pathlib import Path

from surveys.editing.session import EditingSession
from surveys.files.response_file import load_assessment, save_assessment
from surveys.folders.storage import create_assessment_file
from surveys.instruments.instrument_file import builtin_instrument
from surveys.instruments.opening import open_assessment
from surveys.model.answers import choose, written
from surveys.model.responses import Assessment, new_assessment, with_answer
from tui.interview.flow import Walk
from tui.interview.plain import run_plain

INSTRUMENT = builtin_instrument()
IDS = [q.id for q in INSTRUMENT.questions]
CHOICE_IDS = [q.id for q in INSTRUMENT.questions if q.kind != "text"]


def fresh_file(folder: Path) -> Path:
    assessment = new_assessment("Test PCT", "Ann", "Board member", INSTRUMENT.id, INSTRUMENT.version)
    return create_assessment_file(folder, assessment)


def answered(path: Path, ids: list[str], choice: int = 1) -> Assessment:
    """Answer the given questions in the file (as the app would) and return the assessment."""
    assessment = load_assessment(path)
    for qid in ids:
        question = INSTRUMENT.question(qid)
        assert question is not None
        answer = written(question, f"text for {qid}") if question.kind == "text" else choose(question, choice)
        assessment = with_answer(assessment, answer)
    save_assessment(path, assessment)
    return assessment


class Script:
    """Feeds lines one by one; before each, reads the saved file back, so a test sees every step.

    When the lines run out it raises `stop` (EOFError: end of input; KeyboardInterrupt: Ctrl-C).
    """

    def __init__(self, path: Path, lines: list[str], stop: type[BaseException] = EOFError) -> None:
        self.path = path
        self.lines = list(lines)
        self.stop = stop
        self.files: list[Assessment] = []
        self.output: list[str] = []

    def ask(self, prompt: str) -> str:
        self.output.append(prompt)
        self.files.append(load_assessment(self.path))
        if not self.lines:
            raise self.stop
        return self.lines.pop(0)

    def say(self, text: str = "") -> None:
        self.output.append(text)

    @property
    def text(self) -> str:
        return "\n".join(self.output)


def interview(path: Path, lines: list[str], stop: type[BaseException] = EOFError) -> tuple[int, Script]:
    opened = open_assessment(path)
    walk = Walk(EditingSession(opened.instrument, opened.assessment, lambda a: save_assessment(path, a)))
    script = Script(path, lines, stop)
    code = run_plain(walk, script, path)
    return code, script
