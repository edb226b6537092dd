"""`export_workbook`: one or many assessments into one Excel workbook for a planning team.

The whole workbook is written in openpyxl's write-only mode: files are read
one at a time and their responses and priorities streamed out, so memory
stays flat however many files are merged. Only a small `Member` per file is
kept for the Team sheet. The workbook is saved to a temp file beside the
output and renamed over it, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from exports.board_plan import PlanPlace
from exports.board_view import board_for, since_words, standing_of
from exports.cells import register_styles
from exports.compare_check import FORCE_HINT, instrument_refusal, raters_differ, refusal
from exports.facts import compare_facts, instrument_line
from exports.layout import head_pages, plain_words
from exports.merge import (
    Basis,
    InstrumentCache,
    Member,
    MergeError,
    Scored,
    Standing,
    basis_for,
    member_of,
    open_one,
    opened_files,
    score_member,
    team_standing,
)
from exports.organisations import Organisation, organisations
from exports.output_file import produce_new, refuse_repeats
from exports.plan_rows import PlanRow, plan_rows
from exports.shared_values import SharedValues
from exports.sheets_about import write_about
from exports.sheets_assessments import open_column, write_assessments
from exports.sheets_board import write_board
from exports.sheets_compare import Sides, moved, write_compare
from exports.sheets_framework import write_framework
from exports.sheets_functions import write_functions
from exports.sheets_lists import write_lists
from exports.sheets_matrix import write_matrix
from exports.sheets_notes import NotesSheet
from exports.sheets_panel import write_panel
from exports.sheets_plan import duplicates, write_plan
from exports.sheets_responses import WRAP_UP_TO, ResponsesSheet
from exports.sheets_results import Earlier, write_results
from exports.sheets_results_orgs import write_results_by_organisation
from exports.sheets_team import write_team
from surveys.errors import StickError
from surveys.files.atomic import atomic_produce
from surveys.instruments.opening import Opened
from surveys.model.panel_mark import is_panel_file
from surveys.results.scoring import Result, score

Progress = Callable[[int, int], None]


class ExportError(StickError):
    """An export that cannot go ahead; nothing has been written."""


@dataclass(frozen=True)
class ExportSummary:
    output: Path
    used: tuple[Path, ...]
    skipped: tuple[tuple[Path, str], ...]  # file and the reason it could not be read


def check_output(output: Path, force: bool) -> None:
    if output.suffix.lower() != ".xlsx":
        raise ExportError(f"{output}: the workbook's name must end in .xlsx")
    if output.is_dir():
        raise ExportError(f"{output}: is a folder")
    if output.exists() and not force:
        raise ExportError(f"{output} already exists; use --force to replace it")
    if not output.parent.is_dir():
        raise ExportError(f"{output.parent}: no such folder")


class _Export:
    """One export in progress: the sheets being streamed and what the end needs.

    Every sheet is created here, in the order a reader meets them; those a
    workbook turns out not to need are removed before it is saved.
    """

    def __init__(self, wb: Workbook, files: int, compare: bool) -> None:
        self.wb = wb
        self.merged = merged = files > 1
        self.wrap = files <= WRAP_UP_TO
        names = ["Summary", "Results", "Action plan", "Functions"]
        names += ["Team", "Assessments"] if merged else []
        names += ["Compare"] if compare else []
        names += ["Framework", "Responses", "Answers", "Notes", "About", "Lists"]
        self.sheets = {name: wb.create_sheet(name) for name in names}
        self.notes = NotesSheet(self.sheets["Notes"])
        self.responses: ResponsesSheet | None = None
        self.plan_rows: list[PlanRow] = []
        self.members: list[Member] = []
        self.scored: list[Scored] = []
        self.used: list[Path] = []
        self.first: tuple[Opened, Result] | None = None
        self.shared = SharedValues()

    def add(self, opened: Opened) -> None:
        no = len(self.members) + 1
        result = score(opened.instrument, opened.assessment)
        if self.responses is None:
            self.responses = ResponsesSheet(self.sheets["Responses"], opened.instrument, self.notes, wrap=self.wrap)
            self.first = (opened, result)
        self.responses.add(no, opened)
        kept = self.shared
        rows = plan_rows(no, opened.instrument, opened.assessment, result.suggestions)
        self.plan_rows.extend(kept.plan_row(r) for r in rows)
        member = member_of(no, opened, result.completeness.percent, kept)
        self.members.append(member)
        dimensions, areas = kept.dimensions(result.dimensions), kept.areas(result.areas)
        self.scored.append(
            Scored(
                member,
                dimensions,
                areas,
                result.overall_step,
                result.adopter,
                result.overall,
                result.band,
                result.overall_complete,
            )
        )
        self.used.append(opened.path)

    def scored_on(self, basis: Basis) -> list[Scored]:
        """Every member scored on `basis`: the score taken in `add` where the basis is the member's own instrument."""
        return [s if _own(basis, s.member) else score_member(basis, s.member) for s in self.scored]

    def drop(self, name: str) -> None:
        self.wb.remove(self.sheets.pop(name))


def _own(basis: Basis, member: Member) -> bool:
    """Whether `basis` is the member's own instrument, whole: then its score as read is its score on the basis."""
    plain = not basis.differences and len(basis.versions) == 1
    return plain and (basis.instrument.id, basis.instrument.version) == (
        member.instrument.id,
        member.instrument.version,
    )


def _compare(export: _Export, earlier: Opened) -> tuple[Basis, Standing, Standing, Earlier, Result]:
    basis = basis_for([*(m.instrument for m in export.members), earlier.instrument])
    now = team_standing(basis, export.scored_on(basis))
    result = score(earlier.instrument, earlier.assessment)
    member = member_of(0, earlier, 0)
    own = Scored(
        member,
        result.dimensions,
        result.areas,
        result.overall_step,
        result.adopter,
        result.overall,
        result.band,
        result.overall_complete,
    )
    before = team_standing(basis, [own if _own(basis, member) else score_member(basis, member)])
    name = f"Earlier ({earlier.assessment.date.isoformat()})"
    return basis, before, now, Earlier(name, {a.area: a.score for a in before.areas}), result


def _sides(
    export: _Export, earlier: Opened, compare: tuple[Basis, Standing, Standing, Earlier, Result], forced: str
) -> Sides:
    cbasis, before, now, _, earlier_result = compare
    return Sides(
        compare_facts(earlier, export.members, cbasis),
        before,
        now,
        f"Earlier ({earlier.assessment.date.isoformat()})",
        "Team now" if export.merged else "Now",
        plan_rows(0, earlier.instrument, earlier.assessment, earlier_result.suggestions),
        export.plan_rows,
        earlier.assessment,
        None if export.merged or export.first is None else export.first[0].assessment,
        forced,
        raters_differ(earlier, export.members),
    )


def _check_compare(export: _Export, earlier: Opened, paths: Sequence[Path], force: bool) -> str:
    """The reason a comparison makes no sense ('' when it does); refused unless forced."""
    wrong = instrument_refusal(earlier, export.members)
    if wrong is not None:
        raise ExportError(wrong)
    reason = refusal(earlier, export.members, paths) or ""
    if reason and not force:
        raise ExportError(f"cannot compare: {reason}; {FORCE_HINT}")
    return reason


def _write(
    wb: Workbook,
    export: _Export,
    earlier: Opened | None,
    skipped: list[tuple[Path, str]],
    paths: Sequence[Path],
    force: bool,
) -> None:
    if not export.members or export.first is None or export.responses is None:
        raise ExportError("none of the files could be read; nothing was written")
    forced = _check_compare(export, earlier, paths, force) if earlier is not None else ""
    basis = basis_for(m.instrument for m in export.members)
    instrument = basis.instrument
    scored = export.scored_on(basis)
    orgs = organisations(basis, scored)
    compare = _compare(export, earlier) if earlier is not None else None
    sheets = export.sheets

    lists = write_lists(sheets["Lists"], instrument)
    plan = write_plan(sheets["Action plan"], instrument, export.plan_rows, export.merged, lists)
    if instrument.functions:
        write_functions(sheets["Functions"], instrument, export.plan_rows, plan, export.merged)
    else:
        export.drop("Functions")
    sides = _sides(export, earlier, compare, forced) if compare is not None and earlier is not None else None
    since = ""
    if compare is not None and sides is not None and earlier is not None:
        cinstrument = compare[0].instrument
        since = since_words(cinstrument, moved(cinstrument, sides), earlier.assessment.date)
    single = export.first if not export.merged else None
    place = PlanPlace(plan)
    if export.merged:
        last = len(scored) + 1
        open_letter = get_column_letter(open_column(basis))
        place = PlanPlace(
            plan,
            f"'Assessments'!${open_letter}$2:${open_letter}${last}",
            f"'Assessments'!$A$2:$A${last}",
            len(scored),
        )
    board = board_for(basis, scored, orgs, export.plan_rows, export.members, single, place, since)
    write_board(sheets["Summary"], instrument, board)

    outline = compare[3] if compare is not None else None
    line = instrument_line(basis)
    if not export.merged:
        opened, result = export.first
        title = f"Results: {opened.assessment.organisation}"
        write_results(
            sheets["Results"], opened.instrument, title, standing_of(result), "Score", None, outline, subtitle=line
        )
    elif len(orgs) == 1:
        org = orgs[0]
        title = f"Results: {org.name} ({len(org.members)} assessments)"
        write_results(
            sheets["Results"], instrument, title, org.standing, "Team mean", org.placements, outline, subtitle=line
        )
    else:
        title = f"Results: {len(orgs)} organisations"
        write_results_by_organisation(sheets["Results"], instrument, title, orgs, outline, line)
    if export.merged:
        same = len(duplicates(export.plan_rows))
        write_team(sheets["Team"], basis, scored, orgs, plan, export.plan_rows, same)
        write_assessments(sheets["Assessments"], basis, scored, plan)
    if compare is not None and sides is not None:
        write_compare(sheets["Compare"], compare[0], sides)
    if single is not None and is_panel_file(single[0].assessment):
        _panel_sheet(wb, export, single[0])
    write_framework(sheets["Framework"], instrument)
    write_matrix(sheets["Answers"], export.members, styled_cells=export.wrap)
    export.responses.finish()
    export.notes.finish()
    if not export.notes.used:
        export.drop("Notes")
    write_about(
        sheets["About"],
        basis,
        [p.name for p in export.used],
        [(p.name, r) for p, r in skipped],
        earlier.path.name if earlier is not None else None,
        datetime.now().replace(microsecond=0),
        list(sheets),
        lists.names,
    )
    _finish(wb, export, orgs, instrument.title)


def _panel_sheet(wb: Workbook, export: _Export, opened: Opened) -> None:
    """An agreed file's Panel sheet, after Results: made only for one, so no other workbook changes."""
    items = list(export.sheets.items())
    place = [name for name, _ in items].index("Results") + 1
    ws = wb.create_sheet("Panel", place)
    export.sheets.clear()  # in place: the sheets' order is what About lists and what every page is headed by
    export.sheets.update([*items[:place], ("Panel", ws), *items[place:]])
    write_panel(ws, opened.instrument, opened.assessment)


def _finish(wb: Workbook, export: _Export, orgs: Sequence[Organisation], title: str) -> None:
    """What every page and the file itself say: whose it is and when; computed on opening."""
    who = orgs[0].name if len(orgs) == 1 else f"{len(orgs)} organisations"
    dates = sorted({m.date for m in export.members})
    when = dates[0].isoformat() if len(dates) == 1 else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
    for ws in export.sheets.values():
        head_pages(ws, who, when)
    wb.properties.title = plain_words(f"{title}: {who}", 200)
    wb.properties.creator = "stick"
    wb.properties.lastModifiedBy = "stick"
    # openpyxl stores no computed values: every formula is worked out when the file opens.
    wb.calculation.fullCalcOnLoad = True
    wb.calculation.calcMode = "auto"


def _discard(wb: Workbook) -> None:
    """Remove the temp files write-only sheets stream into, when the export stops early.

    openpyxl offers no public way to abandon a write-only workbook; without this
    the temp files stay until the process ends, which in the app is a long time.
    """
    for ws in wb.worksheets:
        writer: Any = getattr(ws, "_writer", None)
        if writer is None:
            continue
        rows: Any = getattr(ws, "_rows", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()  # ends the row stream before its file is closed under it
            writer.close()
        with contextlib.suppress(Exception):
            writer.cleanup()


def export_workbook(
    files: Sequence[Path],
    output: Path,
    *,
    compare: Path | None = None,
    force: bool = False,
    skip_bad: bool = False,
    instrument: Path | None = None,
    progress: Progress | None = None,
) -> ExportSummary:
    """Write the workbook; StickError (nothing written) for every failure a user can fix."""
    paths = [Path(f) for f in files]
    if not paths:
        raise ExportError("name at least one assessment file")
    check_output(output, force)
    refuse_repeats(paths)
    cache = InstrumentCache()
    earlier = open_one(compare, instrument, cache) if compare is not None else None
    total = len(paths) + 1
    wb = Workbook(write_only=True)
    register_styles(wb)
    export = _Export(wb, len(paths), compare is not None)
    skipped: list[tuple[Path, str]] = []
    try:
        for done, opened in enumerate(opened_files(paths, instrument, cache, skip_bad, skipped), start=1):
            if opened is not None:
                export.add(opened)
            if progress is not None:
                progress(done, total)
        _write(wb, export, earlier, skipped, paths, force)
        try:
            # Without --force the name is taken exclusively: two exports cannot both have it.
            (atomic_produce if force else produce_new)(output, wb.save)
        except OSError as exc:
            raise ExportError(f"{output}: cannot write the workbook: {exc.strerror or exc}") from None
    except BaseException:
        _discard(wb)
        raise
    if progress is not None:
        progress(total, total)
    return ExportSummary(output, tuple(export.used), tuple(skipped))


__all__ = ["ExportError", "ExportSummary", "MergeError", "export_workbook"]
