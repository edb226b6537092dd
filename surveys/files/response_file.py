"""Response files: one TOML file per assessment, read strictly, written atomically.

Reading is strict on purpose: a value of the wrong type is an error naming the
key, never a value quietly dropped. Unknown keys are kept and written back.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from surveys.errors import ResponseFileError
from surveys.files import quick_toml
from surveys.files.atomic import atomic_write
from surveys.files.textfile import MAX_BYTES, not_text, parse, read_bytes
from surveys.model.responses import Answer, Assessment, Priority

HEADER = (
    "# A stick assessment. Each answer gives the chosen option's number and label;\n"
    "# 'dont_know = true' marks a don't know. Safe to read, diff and keep.\n\n"
)
_META = ("organisation", "respondent", "role", "date", "instrument", "instrument_version", "created", "updated")


class _Bad(Exception):
    """A value of the wrong shape; the message names where."""


def to_toml(assessment: Assessment) -> bytes:
    doc: dict[str, Any] = {
        "organisation": assessment.organisation,
        "respondent": assessment.respondent,
        "role": assessment.role,
        "date": assessment.date,
        "instrument": assessment.instrument_id,
        "instrument_version": assessment.instrument_version,
        "created": assessment.created,
        "updated": assessment.updated,
    }
    doc.update(assessment.extra)
    doc["answers"] = {qid: _answer_table(a) for qid, a in assessment.answers.items()}
    if assessment.priorities or assessment.plan_started:
        doc["priorities"] = [_priority_table(p) for p in assessment.priorities]
    from surveys.files.toml_reuse import dumps_utf8  # tomli-w: not needed to open a file, only to save it

    return HEADER.encode("utf-8") + dumps_utf8(doc)


def _answer_table(answer: Answer) -> dict[str, Any]:
    table: dict[str, Any] = {}
    if answer.choice:
        table["choice"] = answer.choice
        table["label"] = answer.label
    if answer.text:
        table["text"] = answer.text
    if answer.dont_know:
        table["dont_know"] = True
    if answer.note:
        table["note"] = answer.note
    if answer.at is not None:
        table["at"] = answer.at
    table.update(answer.extra)
    return table


def _priority_table(priority: Priority) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for f in fields(Priority):
        value = getattr(priority, f.name)
        # A flag that is off is left out, so a plan that was never carried is written as before.
        if f.name != "extra" and value not in (None, "") and value is not False:
            table[f.name] = value
    table.update(priority.extra)
    return table


# The last file read, by its bytes. Opening a file for answering reads it, then reads it again
# under its lock (surveys/files/guarded_file.py): the same bytes are the same value, and parsing a
# file with a 1 MB note twice cost 100-200 ms more of the first frame. Values are never changed
# in place, so handing the same one out twice is safe.
_last: tuple[bytes, Assessment] | None = None


def from_toml(data: bytes, name: str) -> Assessment:
    """Parse a response file; ResponseFileError gives one line naming the problem."""
    global _last
    last = _last  # one read: a folder reading in a thread may replace it meanwhile
    if last is not None and last[0] == data:
        return last[1]
    assessment = _parsed(data, name)
    _last = (data, assessment)
    return assessment


def _parsed(data: bytes, name: str) -> Assessment:
    what = not_text(data)
    if what:
        raise ResponseFileError(f"{name}: not an assessment file: it is {what} (an assessment is a .toml text file)")
    parsed = parse(data, quick_toml.loads)
    if parsed.failure is not None:
        where = f"line {parsed.failure.line}: " if parsed.failure.line else ""
        raise ResponseFileError(f"{name}: {where}{parsed.failure.message}")
    assert parsed.data is not None
    try:
        return _assessment(parsed.data)
    except _Bad as exc:
        raise ResponseFileError(f"{name}: {exc}") from None


def _get(table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, default: Any = None) -> Any:
    value = table.get(key, default)
    if value is None:
        raise _Bad(f"{where}{key!r} is missing")
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise _Bad(f"{where}{key!r} must not be true/false")
    if not isinstance(value, kind):
        raise _Bad(f"{where}{key!r} has the wrong type ({type(value).__name__})")
    if type(value) is datetime and not isinstance(kind, tuple) and kind is date:
        raise _Bad(f"{where}{key!r} must be a date without a time")
    return value


def _assessment(doc: dict[str, Any]) -> Assessment:
    answers_raw = _get(doc, "answers", dict, "", {})
    answers = {}
    for qid, raw in answers_raw.items():
        if not isinstance(raw, dict):
            raise _Bad(f"answers.{qid} must be a table")
        answers[qid] = _answer(qid, raw)
    priorities_raw = _get(doc, "priorities", list, "", [])
    priorities = []
    for i, raw in enumerate(priorities_raw, start=1):
        if not isinstance(raw, dict):
            raise _Bad(f"priority {i} must be a table ([[priorities]])")
        priorities.append(_priority(i, raw))
    version = _get(doc, "instrument_version", int, "")
    created = _get(doc, "created", datetime, "")
    return Assessment(
        organisation=_get(doc, "organisation", str, ""),
        respondent=_get(doc, "respondent", str, ""),
        role=_get(doc, "role", str, "", ""),
        date=_get(doc, "date", date, ""),
        instrument_id=_get(doc, "instrument", str, ""),
        instrument_version=version,
        created=created,
        updated=_get(doc, "updated", datetime, "", created),
        answers=answers,
        priorities=tuple(priorities),
        plan_started="priorities" in doc,
        extra={k: v for k, v in doc.items() if k not in _META and k not in ("answers", "priorities")},
    )


_ANSWER_KEYS = frozenset(("choice", "label", "text", "dont_know", "note", "at"))


def _answer(qid: str, raw: dict[str, Any]) -> Answer:
    # Most answers in a folder are well formed: checked here in one pass (a folder
    # of 10,000 files is 300,000 answers); anything else takes the checks below,
    # which name what is wrong.
    choice, label, text = raw.get("choice", 0), raw.get("label", ""), raw.get("text", "")
    dont_know, note, at = raw.get("dont_know", False), raw.get("note", ""), raw.get("at")
    if (
        type(choice) is int
        and choice >= 0
        and type(label) is str
        and type(text) is str
        and type(dont_know) is bool
        and type(note) is str
        and (at is None or type(at) is datetime)
    ):
        extra = {k: v for k, v in raw.items() if k not in _ANSWER_KEYS} if not raw.keys() <= _ANSWER_KEYS else {}
        return Answer(qid, choice, label, text, dont_know, note, at, extra)
    where = f"answers.{qid}: "
    choice = _get(raw, "choice", int, where, 0)
    if choice < 0:
        raise _Bad(f"{where}'choice' must be 1 or more")
    at = raw.get("at")
    if at is not None and not isinstance(at, datetime):
        raise _Bad(f"{where}'at' must be a date and time")
    return Answer(
        question=qid,
        choice=choice,
        label=_get(raw, "label", str, where, ""),
        text=_get(raw, "text", str, where, ""),
        dont_know=_get(raw, "dont_know", bool, where, False),
        note=_get(raw, "note", str, where, ""),
        at=at,
        extra={k: v for k, v in raw.items() if k not in ("choice", "label", "text", "dont_know", "note", "at")},
    )


def _priority(i: int, raw: dict[str, Any]) -> Priority:
    where = f"priority {i}: "
    values: dict[str, Any] = {}
    for f in fields(Priority):
        if f.name == "extra" or f.name not in raw:
            continue
        if f.name in ("target", "review", "carried_from"):
            values[f.name] = _get(raw, f.name, date, where)
        elif f.name == "status_to_update":
            values[f.name] = _get(raw, f.name, bool, where)
        else:
            values[f.name] = _get(raw, f.name, str, where)
    known = {f.name for f in fields(Priority)}
    values["extra"] = {k: v for k, v in raw.items() if k not in known or k == "extra"}
    return Priority(**values)


def load_assessment(path: Path) -> Assessment:
    return from_toml(response_bytes(path), str(path))


def response_bytes(path: Path) -> bytes:
    """A response file's bytes; ResponseFileError says why they cannot be read."""
    try:
        return read_bytes(path)
    except OSError as exc:
        raise ResponseFileError(f"{path}: cannot read: {exc.strerror or exc}") from None


def save_assessment(path: Path, assessment: Assessment) -> None:
    try:
        data = to_toml(assessment)
    except TypeError as exc:  # tomli-w refuses a value it cannot write
        raise ResponseFileError(f"{path}: cannot save: {exc}") from None
    if len(data) > MAX_BYTES:
        raise ResponseFileError(
            f"{path}: not saved: the file would be larger than {MAX_BYTES // (1024 * 1024)} MB "
            "and could not be read back; shorten the longest notes"
        )
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise ResponseFileError(f"{path}: cannot save: {exc.strerror or exc}") from None
