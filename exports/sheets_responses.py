"""The Responses sheet: every question of every assessment, streamed row by row."""

from __future__ import annotations

from typing import Any

from exports.cells import COUNT, DATETIME, WRAPPED, header_row, styled, text
from exports.layout import Rows, add_table, prepare, unique_names
from surveys.answers import AnswerState, resolve
from surveys.model import Instrument, Option, Question
from surveys.responses import Answer
from surveys.session import Opened
from surveys.vocabulary import vocabulary

_COLUMNS = [
    "Section",
    "Question",
    "Answer",
    "Score (step 1-4)",
    "Points to",
    "Don't know",
    "Needs review",
    "Note",
    "Answered at",
]
_WIDTHS = [18, 44, 36, 7, 14, 7, 8, 34, 16]
# Past this many assessments the sheet is a listing to filter, not to print:
# plain cells keep a merge of thousands fast.
WRAP_UP_TO = 100
_TEAM_COLUMNS = ["No.", "Respondent"]
_TEAM_WIDTHS = [6, 20]
NOT_IN_INSTRUMENT = "(not in this instrument)"


def points_to(instrument: Instrument, question: Question, option: Option) -> str:
    """What a chosen option means beyond its label: a profile, a category or a value."""
    if option.profile:
        return instrument.dimension(question.dimension).profile(option.profile).label
    if option.adopter:
        return instrument.adopter(option.adopter).label
    return option.value


class ResponsesSheet:
    def __init__(self, ws: Any, merged: bool, wrap: bool = True) -> None:
        self.ws = ws
        self.merged = merged
        self.wrap = WRAPPED if wrap else None
        # Every file repeats the instrument's own words (sections, questions,
        # option labels, what an option points to): each is made safe once.
        self._plain: dict[str, str] = {}
        self._meanings: dict[int, tuple[Instrument, dict[tuple[str, int], str]]] = {}
        self.columns = unique_names((_TEAM_COLUMNS if merged else []) + _COLUMNS)
        widths = (_TEAM_WIDTHS if merged else []) + _WIDTHS
        prepare(ws, widths, freeze="A2", title_rows="1:1")
        self.rows = Rows(ws, widths, fit_heights=wrap)
        self._headed = False

    def _header(self, instrument: Instrument | None) -> None:
        # Written with the first file, so the score column names that instrument's scale.
        if instrument is not None and instrument.format == 2:
            score = f"Score ({vocabulary(instrument).step} {instrument.bottom}-{instrument.top})"
            columns = [score if c == _COLUMNS[3] else c for c in _COLUMNS]
            self.columns = unique_names((_TEAM_COLUMNS if self.merged else []) + columns)
        self.rows.add(header_row(self.ws, self.columns))
        self._headed = True

    def add(self, no: int, opened: Opened) -> None:
        instrument, assessment = opened.instrument, opened.assessment
        if not self._headed:
            self._header(instrument)
        lead: list[Any] = [no, text(self.ws, assessment.respondent)] if self.merged else []
        sections = {s.id: s.title for s in instrument.sections}
        meanings = self._meanings_of(instrument)
        for question in instrument.questions:
            answer = assessment.answers.get(question.id)
            self.rows.add(lead + self._cells(instrument, meanings, sections[question.section], question, answer))
        for qid, answer in assessment.answers.items():
            if instrument.question(qid) is None:
                self.rows.add(lead + self._orphan(qid, answer))

    def _meanings_of(self, instrument: Instrument) -> dict[tuple[str, int], str]:
        """What chosen options point to, kept per instrument (held here too, so its id stays its own)."""
        found = self._meanings.get(id(instrument))
        if found is None:
            found = self._meanings[id(instrument)] = (instrument, {})
        return found[1]

    def _known(self, value: str) -> Any:
        """`text()` of the instrument's own words: a plain string is kept and shared, a cell is made anew."""
        found = self._plain.get(value)
        if found is not None:
            return found
        made = text(self.ws, value, self.wrap)
        if isinstance(made, str):
            self._plain[value] = made
        return made

    def _cells(
        self,
        instrument: Instrument,
        meanings: dict[tuple[str, int], str],
        section: str,
        question: Question,
        answer: Answer | None,
    ) -> list[Any]:
        ws = self.ws
        state = resolve(question, answer)
        label: Any = None
        step, meaning = None, ""
        if answer is not None and answer.choice:
            if state is AnswerState.ANSWERED:  # the label is the option's own
                step = question.options[answer.choice - 1].step or None
                meaning = meanings.get((question.id, answer.choice), "")
                if not meaning:
                    meaning = meanings[question.id, answer.choice] = points_to(
                        instrument, question, question.options[answer.choice - 1]
                    )
                label = self._known(answer.label) if answer.label else None
            elif answer.label:
                label = text(ws, answer.label, self.wrap)
        elif answer is not None and answer.text:
            label = text(ws, answer.text, self.wrap)
        wrap = self.wrap
        dont, review = state is AnswerState.DONT_KNOW, state is AnswerState.NEEDS_REVIEW
        return [
            self._known(section),
            self._known(question.text),
            label,
            styled(ws, step, COUNT) if wrap else step,
            self._known(meaning) if meaning else None,
            self._known("yes") if dont else None,
            self._known("yes") if review else None,
            text(ws, answer.note, wrap) if answer is not None and answer.note else None,
            styled(ws, answer.at if answer is not None else None, DATETIME),
        ]

    def _orphan(self, qid: str, answer: Answer) -> list[Any]:
        ws = self.ws
        label = answer.label or answer.text
        return [
            text(ws, NOT_IN_INSTRUMENT, self.wrap),
            text(ws, qid, self.wrap),
            text(ws, label, self.wrap),
            None,
            None,
            "yes" if answer.dont_know else None,
            "yes" if answer.given else None,
            text(ws, answer.note, self.wrap) if answer.note else None,
            styled(ws, answer.at, DATETIME),
        ]

    def finish(self) -> None:
        if not self._headed:
            self._header(None)
        add_table(self.ws, "AllResponses", self.columns, 1, self.rows.row)
