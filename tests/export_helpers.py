"""Building assessments for the export tests, and reading workbooks back."""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from exports.cells import shown_text
from surveys.files.response_file import save_assessment
from surveys.instruments.instrument_file import builtin_bytes, builtin_instrument, load_instrument
from surveys.instruments.opening import INSTRUMENT_FILE_KEY
from surveys.model.answers import choose, dont_know, written
from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment, Priority, new_assessment, with_answer, with_note, with_priorities

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REMOVED = "comm-reach"
ADDED = "comm-feedback"


def make(
    folder: Path,
    name: str,
    *,
    respondent: str = "Ann Lee",
    organisation: str = "Riverside PCT",
    role: str = "Equality lead",
    pick: int = 2,
    on: date = date(2026, 3, 1),
    instrument: Instrument | None = None,
    instrument_file: str | None = None,
    priorities: Sequence[Priority] = (),
    notes: dict[str, str] | None = None,
    skip: Sequence[str] = (),
    unsure: Sequence[str] = (),
) -> Path:
    """An assessment answering every question with option `pick` (or the nearest there is)."""
    inst = instrument or builtin_instrument()
    extra = {INSTRUMENT_FILE_KEY: instrument_file} if instrument_file is not None else {}
    a: Assessment = new_assessment(organisation, respondent, role, inst.id, inst.version, on=on, extra=extra)
    for q in inst.questions:
        if q.id in skip:
            continue
        if q.id in unsure:
            a = with_answer(a, dont_know(q))
        elif q.kind == "text":
            a = with_answer(a, written(q, f"Text for {q.id}"))
        else:
            a = with_answer(a, choose(q, min(pick, len(q.options))))
    for qid, note in (notes or {}).items():
        a = with_note(a, qid, note)
    if priorities:
        a = with_priorities(a, tuple(priorities))
    path = folder / name
    save_assessment(path, a)
    return path


def version_two(folder: Path) -> tuple[Path, Instrument]:
    """The built-in instrument as version 2: one question removed, one added."""
    text = builtin_bytes().decode("utf-8").replace("\nversion = 1\n", "\nversion = 2\n", 1)
    start = text.index(f'[[sections.questions]]\nid = "{REMOVED}"')
    end = text.index("# --- Adoption and next steps")
    added = (
        f'[[sections.questions]]\nid = "{ADDED}"\nkind = "ladder"\narea = "community"\n'
        'function = "public-involvement"\ntext = "Do you tell communities what changed after they spoke?"\n\n'
        + "".join(f'[[sections.questions.options]]\nlabel = "Feedback level {n}."\nstep = {n}\n\n' for n in range(1, 5))
    )
    path = folder / "instrument-v2.toml"
    path.write_text(text[:start] + added + text[end:], encoding="utf-8")
    return path, load_instrument(path)


def sheet_xml(workbook: Path) -> dict[str, str]:
    """Each worksheet's XML by sheet name."""
    with zipfile.ZipFile(workbook) as z:
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): str(r.get("Target")).lstrip("/") for r in rels}
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        out = {}
        for sheet in book.iter(f"{{{MAIN}}}sheet"):
            target = targets[sheet.get(f"{{{RELS}}}id")]
            out[str(sheet.get("name"))] = z.read(target if target.startswith("xl/") else "xl/" + target).decode()
        return out


def formulas(workbook: Path) -> list[str]:
    """Every formula in every sheet, without its <f> tags."""
    found = [f for xml in sheet_xml(workbook).values() for f in re.findall(r"<f(?: [^>]*)?>(.*?)</f>|<f/>", xml)]
    return [html.unescape(f) for f in found]


# The formulas the export itself writes: counts and references over its own cells.
# (A Summary line may also start from one of its own working cells: $G$17&" set, "&...)
_OURS = re.compile(r"^(SUMPRODUCT\(|IF\(|'[A-Za-z ]+'!\$[A-Z]+\$[0-9]+$|\$[G-L]\$[0-9]+&\")")


def foreign_formulas(workbook: Path) -> list[str]:
    """Formulas the export did not write itself: a user's text that became a formula. Must be none."""
    return [f for f in formulas(workbook) if not _OURS.match(f)]


def records(ws: Any, header_row: int = 1) -> list[dict[str, Any]]:
    """The rows under a header as dicts by column name (shown text), empty rows left out."""
    rows = values(ws)
    names = [shown(n) for n in rows[header_row - 1]]
    out = []
    for row in rows[header_row:]:
        if any(v is not None for v in row):
            out.append({n: shown(v) for n, v in zip(names, row, strict=False) if n is not None})
    return out


def values(ws: Any) -> list[list[Any]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def shown(value: Any) -> Any:
    return shown_text(value) if isinstance(value, str) else value


def find_row(ws: Any, first: str) -> list[Any]:
    """The first row whose first cell shows `first`."""
    for row in ws.iter_rows(values_only=True):
        if row and shown(row[0]) == first:
            return list(row)
    raise AssertionError(f"no row starting {first!r} on {ws.title}")


def column(ws: Any, name: str, header_row: int = 1) -> list[Any]:
    rows = values(ws)
    index = list(rows[header_row - 1]).index(name)
    return [r[index] for r in rows[header_row:]]


def hand_edited_note(path: Path, question_id: str, note: str) -> None:
    """Put `note` in the file as a hand edit would: past the cap stick keeps to when it writes."""
    import tomllib

    import tomli_w

    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    doc["answers"].setdefault(question_id, {})["note"] = note
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
