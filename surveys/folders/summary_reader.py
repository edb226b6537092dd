"""The few facts a folder's list needs of a response file, read in one pass, or nothing.

Home lists every file of a shared folder: who, when, which instrument, how far
it got and its reviews. Reading a file in full (surveys/files/response_file.py)
builds every answer as a value and checks it, about 0.7 ms a file: seven
seconds for 10,000 files opened cold. Yet a file stick wrote has one fixed
layout (tomli-w's), and whether it is whole and well formed can be told by one
regular expression over the text, run in C; the facts are then taken out of
the same text.

The rule that keeps this honest: `read_facts` answers only for a file that
the full reading would accept and read to the same values; anything else (a
file edited by hand, a layout it does not know, a value in doubt) gets None,
and the caller reads the file in full, errors and all. Its grammar is a part
of the quick reader's (surveys/files/quick_toml.py) with each value already of the
type the full reading checks for, so a file it accepts is one the full
reading accepts. A row never looks fine for a file that reading refuses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from typing import Any, NamedTuple

from surveys.files.quick_toml import DATE, DATETIME, INT, STRING
from surveys.files.textfile import decode
from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Instrument
from surveys.model.responses import Answer, Priority
from surveys.results.scoring import Completeness, counted

_KEY = r"[A-Za-z0-9_-]+"
# The quick reader's values, possessive there: a line that does not fit fails at once.
_STR, _INT, _DATE, _DT = STRING, INT, DATE, DATETIME
_CHOICE = r"(?:0|[1-9][0-9]{0,17})"  # the full reading refuses a choice below 0
_BOOL = r"(?:true|false)"
_SCALAR = rf"(?:{_STR}|{_DT}|{_DATE}|{_INT}|{_BOOL})"

# The keys in the order stick writes them (surveys/files/response_file.py `to_toml`): each at most once.
_TOP = (
    r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*+\n|\n)*+"
    rf"organisation = ({_STR})\n"
    rf"respondent = ({_STR})\n"
    rf"role = {_STR}\n"
    rf"date = ({_DATE})\n"
    rf"instrument = ({_STR})\n"
    rf"instrument_version = ({_INT})\n"
    rf"created = ({_DT})\n"
    rf"updated = ({_DT})\n"
    rf"((?:{_KEY} = {_SCALAR}\n)*+)"  # keys of a newer stick or a hand's, kept as they are
    r"(priorities = \[\]\n)?+"
)
# A time the reading of any file accepts, whatever the month: an answer's time is only checked,
# so it is checked here, in C. A day past the 28th is left to the full reading (February).
_TIME = (
    r"(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8]) "
    r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{6})?(?:[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?"
)
_ANSWER = (
    rf"\n\[answers\.{_KEY}\]\n"
    rf"(?:choice = {_CHOICE}\n)?+"
    rf"(?:label = {_STR}\n)?+"
    rf"(?:text = {_STR}\n)?+"
    rf"(?:dont_know = {_BOOL}\n)?+"
    rf"(?:note = {_STR}\n)?+"
    rf"(?:at = {_TIME}\n)?+"
)
# Taken out of answers already matched whole, so each value is simply the rest of its line:
# the question, the choice, the label as written, a quote when the text is not empty, a "t" for a don't know.
_ANSWER_PARTS = (
    rf"\[answers\.({_KEY})\]\n"
    r"(?:choice = ([0-9]+)\n)?"
    r"(?:label = ([^\n]+)\n)?"
    r'(?:text = (?:""\n|(")[^\n]*\n))?'
    r"(?:dont_know = (?:(t)rue|false)\n)?"
)
_PRIORITY = (
    r"\n\[\[priorities\]\]\n"
    rf"(?:area = {_STR}\n)?+"
    rf"(?:title = {_STR}\n)?+"
    rf"(?:lead = {_STR}\n)?+"
    rf"(?:function = {_STR}\n)?+"
    rf"(?:target = ({_DATE})\n)?+"
    rf"(?:review = ({_DATE})\n)?+"
    rf"(?:measure = {_STR}\n)?+"
    rf"(?:status = ({_STR})\n)?+"
    rf"(?:carried_from = ({_DATE})\n)?+"
    rf"(?:status_to_update = {_BOOL}\n)?+"
)


def _uncaptured(pattern: str) -> str:
    return re.sub(r"\((?!\?)", "(?:", pattern)


# The answers, then the plan; each part matched whole, then its values taken out by findall.
_REST = rf"((?:{_ANSWER})*+)((?:{_uncaptured(_PRIORITY)})*+)"
_EXTRA = rf"({_KEY}) = ({_SCALAR})\n"
_TAKEN = frozenset(
    ("organisation", "respondent", "role", "date", "instrument", "instrument_version", "created", "updated")
) | {"answers", "priorities"}

_json = json.JSONDecoder(strict=False).decode  # strict=False: a raw tab, as TOML allows


def _text(raw: str) -> str:
    return raw[1:-1] if "\\" not in raw else str(_json(raw))


def _scalar(raw: str) -> Any:
    if raw[0] == '"':
        return _text(raw)
    if raw in ("true", "false"):
        return raw == "true"
    if len(raw) > 10 and raw[10] == " ":
        return datetime.fromisoformat(raw)
    if len(raw) == 10 and raw[4:5] == "-":
        return date.fromisoformat(raw)
    return int(raw)


# Of one answer, as written, what decides its state (surveys.model.answers.resolve): its question, its
# choice, its label, whether it has a text, and whether it is a don't know (see _ANSWER_PARTS).
Given = tuple[str, str, str, str, str]


class _Grammar(NamedTuple):
    top: re.Pattern[str]
    rest: re.Pattern[str]
    answers: re.Pattern[str]
    priorities: re.Pattern[str]
    extra: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    # Compiled at the first read, not at import: about 10 ms that a first frame need not wait for.
    return _Grammar(*(re.compile(p) for p in (_TOP, _REST, _ANSWER_PARTS, _PRIORITY, _EXTRA)))


class Facts(NamedTuple):
    """What a folder's list needs of one response file."""

    organisation: str
    respondent: str
    date: date
    instrument_id: str
    instrument_version: int
    created: datetime
    updated: datetime
    extra: Mapping[str, Any]
    answers: Mapping[str, Given]
    priorities: tuple[Priority, ...]  # only what a review date needs: review and status


def read_facts(data: bytes) -> Facts | None:
    """The facts of a response file in stick's own layout; None when only the full reading can tell."""
    text, _ = decode(data)
    if text is None:
        return None
    try:
        return _facts(text)
    except (ValueError, RecursionError):  # a date or time that does not exist, or text JSON reads otherwise
        return None


def _facts(text: str) -> Facts | None:
    grammar = _grammar()
    top = grammar.top.match(text)
    if top is None:
        return None
    rest = grammar.rest.fullmatch(text, top.end())
    if rest is None:
        return None
    org, who, on, inst, version, created, updated, extras, empty_plan = top.groups()
    answers_text, priorities_text = rest.groups()
    if empty_plan and priorities_text:
        return None  # a plan written twice: left to the full reading, which says so
    extra: dict[str, Any] = {}
    for key, raw in grammar.extra.findall(extras):
        if key in _TAKEN or key in extra:
            return None
        extra[key] = _scalar(raw)
    found = grammar.answers.findall(answers_text)
    answers = {given[0]: given for given in found}
    if len(answers) != len(found):
        return None  # a question answered twice: the full reading says where
    priorities = []
    for target, review, status, carried in grammar.priorities.findall(priorities_text):
        for day in (target, carried):
            if day:
                date.fromisoformat(day)
        if review:
            due = date.fromisoformat(review)
            priorities.append(Priority(review=due, status=_text(status)) if status else Priority(review=due))
    return Facts(
        _text(org),
        _text(who),
        date.fromisoformat(on),
        _text(inst),
        int(version),
        datetime.fromisoformat(created),
        datetime.fromisoformat(updated),
        extra,
        answers,
        tuple(priorities),
    )


class Progress:
    """How complete files are against one instrument, by its own rule (surveys.model.answers.resolve).

    An answer's state depends only on its question and the few things in `Given`, and a
    folder's files share their options' labels, so each state is worked out once and kept.
    """

    _MOST = 50_000  # states kept: a folder of hand-edited labels cannot grow this without bound

    def __init__(self, instrument: Instrument) -> None:
        self._questions = {q.id: q for q in instrument.questions}
        self._states: dict[Given, AnswerState] = {}

    def of(self, answers: Mapping[str, Given]) -> Completeness:
        known = self._states.get
        states = [known(given) or self._state(given) for given in answers.values()]
        return counted(states, len(self._questions))

    def _state(self, given: Given) -> AnswerState:
        qid, choice, label, written, dont_know = given
        question = self._questions.get(qid)
        if question is None:
            state = AnswerState.UNANSWERED  # an answer to a question the instrument no longer has counts for none
        else:
            text = "x" if written else ""  # only whether there is one matters
            answer = Answer(qid, int(choice or 0), _text(label) if label else "", text, dont_know == "t")
            state = resolve(question, answer)
        if len(self._states) < self._MOST:
            self._states[given] = state
        return state
