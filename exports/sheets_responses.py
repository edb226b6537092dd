"""The Responses sheet: tidy data, one row per answer, streamed file by file.

Each row says whose answer it is (organisation, respondent), which question
(section, id, text, kind, dimension or area) and what was chosen (option
number and label, step, what it points to), with don't know and needs review
as real booleans, so a pivot table can be built on it straight away.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from exports.cells import COUNT, DATETIME, TOP, WRAPPED, flag, header_row, styled, text
from exports.layout import Rows, add_table, fit_column, fit_words, prepare, unique_names
from exports.sheets_notes import NotesSheet
from exports.text_width import CELL_PADDING, text_width
from surveys.instruments.opening import Opened
from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Instrument, Option, Question
from surveys.model.responses import Answer
from surveys.model.vocabulary import heading, vocabulary

# Past this many assessments the sheet is a listing to filter, not to print:
# plain cells keep a merge of thousands fast.
WRAP_UP_TO = 100
NOT_IN_INSTRUMENT = "(not in this instrument)"
_WIDTHS = [5, 12, 12, 12, 10, 30, 7, 12, 6, 26, 5, 12, 7, 7, 26, 15]
NUMBERS = {0, 8, 10, 15}


def _widths(instrument: Instrument, names: Sequence[str]) -> list[float]:
    """Wide enough that no header word breaks, nor a word the instrument writes there (a question id never wraps)."""
    widths = fit_words(_WIDTHS, names)
    widths = fit_column(widths, 3, [s.title for s in instrument.sections])
    ids = [q.id for q in instrument.questions]
    widths[4] = max(widths[4], math.ceil((max((text_width(i) for i in ids), default=0.0) + CELL_PADDING) * 2) / 2)
    widths = fit_column(widths, 7, [_where(instrument, q) for q in instrument.questions])
    pointed = [points_to(instrument, q, o) for q in instrument.questions for o in q.options]
    return fit_column(widths, 11, [p for p in pointed if p])


def _where_word(instrument: Instrument) -> str:
    """What the column naming a question's dimension or area is headed: only the parts the instrument has."""
    v = vocabulary(instrument)
    parts = [heading(v.dimension)] if instrument.dimensions else []
    if instrument.areas:
        parts.append(v.area if parts else heading(v.area))
    return " or ".join(parts) or "Part"


def columns(instrument: Instrument) -> list[str]:
    v = vocabulary(instrument)
    return unique_names(
        [
            "No.",
            "Organisation",
            "Respondent",
            "Section",
            "Question ID",
            "Question",
            "Kind",
            _where_word(instrument),
            "Option",
            "Answer",
            heading(v.step),
            "Points to",
            "Don't know",
            "Needs review",
            "Note",
            "Answered at",
        ]
    )


def points_to(instrument: Instrument, question: Question, option: Option) -> str:
    """What a chosen option means beyond its label: a profile, a category or a value."""
    if option.profile:
        return instrument.dimension(question.dimension).profile(option.profile).label
    if option.adopter:
        return instrument.adopter(option.adopter).label
    return option.value


def _where(instrument: Instrument, question: Question) -> str:
    if question.dimension:
        return next((d.label for d in instrument.dimensions if d.id == question.dimension), question.dimension)
    if question.area:
        return next((a.label for a in instrument.areas if a.id == question.area), question.area)
    return ""


class ResponsesSheet:
    def __init__(self, ws: Any, instrument: Instrument, notes: NotesSheet, wrap: bool = True) -> None:
        self.ws = ws
        self.notes = notes
        self.wrap = WRAPPED if wrap else None
        self.top = TOP if wrap else None
        # Every file repeats the instrument's own words (sections, questions,
        # option labels, what an option points to): each is made safe once.
        self._plain: dict[tuple[str, str | None], Any] = {}
        self.columns = columns(instrument)
        widths = _widths(instrument, self.columns)
        prepare(ws, widths, freeze="D2", title_rows="1:1")
        self.rows = Rows(ws, widths, fit_heights=wrap)
        self.rows.add(header_row(ws, self.columns, numbers=NUMBERS))

    def add(self, no: int, opened: Opened) -> None:
        instrument, assessment = opened.instrument, opened.assessment
        ws = self.ws
        who = [
            styled(ws, no, COUNT) if self.wrap else no,
            self._known(assessment.organisation, self.wrap),
            self._known(assessment.respondent, self.wrap),
        ]
        sections = {s.id: s.title for s in instrument.sections}
        for question in instrument.questions:
            answer = assessment.answers.get(question.id)
            lead = who + [
                self._known(sections[question.section], self.wrap),
                self._known(question.id, self.top),
                self._known(question.text, self.wrap),
                self._known(question.kind, self.top),
                self._known(_where(instrument, question), self.wrap),
            ]
            self.rows.add(lead + self._answer(no, assessment.respondent, instrument, question, answer))
        for qid, answer in assessment.answers.items():
            if instrument.question(qid) is None:
                self.rows.add(who + self._orphan(no, assessment.respondent, qid, answer))

    def _known(self, value: str, style: str | None) -> Any:
        """`text()` of words repeated in every file: a plain string is kept and shared."""
        key = (value, style)
        found = self._plain.get(key)
        if found is not None:
            return found
        made = text(self.ws, value, style)
        if isinstance(made, str):
            self._plain[key] = made
        return made

    def _long(self, no: int, who: str, qid: str, value: str) -> Any:
        """User text, cut where a cell cannot show it all; the whole text then goes on Notes."""
        shown = self.notes.shown(no, who, qid, value, wrapped=self.wrap is not None)
        return text(self.ws, shown, self.wrap)

    def _answer(
        self, no: int, who: str, instrument: Instrument, question: Question, answer: Answer | None
    ) -> list[Any]:
        ws = self.ws
        state = resolve(question, answer)
        label: Any = None
        option = step = None
        meaning = ""
        if answer is not None and answer.choice:
            option = answer.choice
            if state is AnswerState.ANSWERED:  # the label is the option's own
                chosen = question.options[answer.choice - 1]
                step = chosen.step or None
                meaning = points_to(instrument, question, chosen)
                label = self._known(answer.label, self.wrap) if answer.label else None
            elif answer.label:
                label = text(ws, answer.label, self.wrap)
        elif answer is not None and answer.text:
            label = self._long(no, who, question.id, answer.text)
        number = COUNT if self.wrap else None
        return [
            (styled(ws, option, number) if number else option),
            label,
            (styled(ws, step, number) if number else step),
            self._known(meaning, self.wrap) if meaning else None,
            self._bool(state is AnswerState.DONT_KNOW),
            self._bool(state is AnswerState.NEEDS_REVIEW),
            self._long(no, who, question.id, answer.note) if answer is not None and answer.note else None,
            styled(ws, answer.at if answer is not None else None, DATETIME),
        ]

    def _bool(self, value: bool) -> Any:
        # Styled at every size: a bare boolean prints as 0 in one program and FALSE in another.
        return flag(self.ws, value)

    def _orphan(self, no: int, who: str, qid: str, answer: Answer) -> list[Any]:
        ws = self.ws
        label = answer.label or answer.text
        return [
            text(ws, NOT_IN_INSTRUMENT, self.wrap),
            text(ws, qid, self.wrap),
            None,
            None,
            None,
            styled(ws, answer.choice or None, COUNT),
            self._long(no, who, qid, label) if label else None,
            None,
            None,
            self._bool(answer.dont_know),
            self._bool(answer.given),
            self._long(no, who, qid, answer.note) if answer.note else None,
            styled(ws, answer.at, DATETIME),
        ]

    def finish(self) -> None:
        add_table(self.ws, "AllResponses", self.columns, 1, self.rows.row)
