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

from exports.cells import register_styles
from exports.facts import compare_facts, single_facts, team_facts
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
from exports.plan_rows import plan_rows
from exports.sheets_about import write_about
from exports.sheets_compare import write_compare
from exports.sheets_plan import ActionPlanSheet, FunctionsSheet, PlanTally
from exports.sheets_responses import WRAP_UP_TO, ResponsesSheet
from exports.sheets_summary import Earlier, write_summary
from exports.sheets_team import write_team
from surveys.atomic import atomic_produce
from surveys.errors import StickError
from surveys.scoring import Result, score
from surveys.session import Opened

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


def _standing(result: Result) -> Standing:
    return Standing(result.dimensions, result.areas, result.overall_step, result.adopter, result.implications)


class _Export:
    """One export in progress: the sheets being streamed and what the end needs."""

    def __init__(self, wb: Workbook, files: int) -> None:
        self.wb = wb
        self.merged = merged = files > 1
        self.summary_ws = wb.create_sheet("Summary")
        self.responses = ResponsesSheet(wb.create_sheet("Responses"), merged, wrap=files <= WRAP_UP_TO)
        self.plan = ActionPlanSheet(wb.create_sheet("Action plan"), merged)
        self.functions_ws = wb.create_sheet("Functions")
        self.functions: FunctionsSheet | None = None
        self.tally = PlanTally()
        self.members: list[Member] = []
        # Each file's score as `add` computed it, kept so the Team and Compare
        # sheets do not score every file again when the team shares one instrument.
        self.scored: list[Scored] = []
        self.used: list[Path] = []
        self.first: tuple[Opened, Result] | None = None

    def add(self, opened: Opened) -> None:
        no = len(self.members) + 1
        result = score(opened.instrument, opened.assessment)
        if self.functions is None:
            # The columns come from the first file's instrument; a function only a
            # later version has falls in the last column, named beside its lead.
            self.functions = FunctionsSheet(self.functions_ws, opened.instrument, self.merged)
            self.first = (opened, result)
        self.responses.add(no, opened)
        for row in plan_rows(no, opened.instrument, opened.assessment, result.suggestions):
            self.plan.add(row)
            self.functions.add(row)
            self.tally.add(row)
        member = member_of(no, opened, result.completeness.percent)
        self.members.append(member)
        self.scored.append(Scored(member, result.dimensions, result.areas, result.overall_step, result.adopter))
        self.used.append(opened.path)

    def scored_on(self, basis: Basis) -> list[Scored]:
        """Every member scored on `basis`: the score from `add` where the basis is the member's own instrument."""
        plain = not basis.differences and len(basis.versions) == 1
        key = (basis.instrument.id, basis.instrument.version)
        return [
            s
            if plain and (s.member.instrument.id, s.member.instrument.version) == key
            else score_member(basis, s.member)
            for s in self.scored
        ]


def _compare(export: _Export, earlier: Opened) -> tuple[Basis, Standing, Standing, Earlier]:
    basis = basis_for([*(m.instrument for m in export.members), earlier.instrument])
    now = team_standing(basis, export.scored_on(basis))
    before = team_standing(basis, [score_member(basis, member_of(0, earlier, 0))])
    name = f"Earlier ({earlier.assessment.date.isoformat()})"
    return basis, before, now, Earlier(name, {a.area: a.score for a in before.areas})


def _write(wb: Workbook, export: _Export, earlier: Opened | None, skipped: list[tuple[Path, str]]) -> None:
    if not export.members or export.first is None or export.functions is None:
        raise ExportError("none of the files could be read; nothing was written")
    basis = basis_for(m.instrument for m in export.members)
    scored = export.scored_on(basis)
    compare = _compare(export, earlier) if earlier is not None else None
    team_ws = wb.create_sheet("Team") if export.merged else None
    compare_ws = wb.create_sheet("Compare") if compare is not None else None
    about_ws = wb.create_sheet("About")

    earlier_outline = compare[3] if compare is not None else None
    if export.merged:
        standing = team_standing(basis, scored)
        write_summary(
            export.summary_ws,
            basis.instrument,
            f"{basis.instrument.title}: the team",
            team_facts(basis, export.members),
            standing,
            "Team mean",
            earlier_outline,
        )
    else:
        opened, result = export.first
        write_summary(
            export.summary_ws,
            opened.instrument,
            f"{opened.instrument.title}: {opened.assessment.organisation}",
            single_facts(opened, result),
            _standing(result),
            "Score",
            earlier_outline,
        )
    if team_ws is not None:
        write_team(team_ws, basis, scored, export.tally)
    if compare is not None and compare_ws is not None and earlier is not None:
        cbasis, before, now, _ = compare
        write_compare(
            compare_ws,
            cbasis,
            compare_facts(earlier, export.members, cbasis),
            before,
            now,
            f"Earlier ({earlier.assessment.date.isoformat()})",
            "Team now" if export.merged else "Now",
        )
    lists = write_about(
        about_ws,
        basis,
        [p.name for p in export.used],
        [(p.name, r) for p, r in skipped],
        earlier.path.name if earlier is not None else None,
        datetime.now().replace(microsecond=0),
    )
    export.responses.finish()
    export.plan.finish(lists)
    export.functions.finish()


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
    cache = InstrumentCache()
    earlier = open_one(compare, instrument, cache) if compare is not None else None
    total = len(paths) + 1
    wb = Workbook(write_only=True)
    register_styles(wb)
    export = _Export(wb, len(paths))
    skipped: list[tuple[Path, str]] = []
    try:
        for done, opened in enumerate(opened_files(paths, instrument, cache, skip_bad, skipped), start=1):
            if opened is not None:
                export.add(opened)
            if progress is not None:
                progress(done, total)
        _write(wb, export, earlier, skipped)
        if output.exists() and not force:  # made by someone else while we worked
            raise ExportError(f"{output} already exists; use --force to replace it")
        try:
            atomic_produce(output, wb.save)
        except OSError as exc:
            raise ExportError(f"{output}: cannot write the workbook: {exc.strerror or exc}") from None
    except BaseException:
        _discard(wb)
        raise
    if progress is not None:
        progress(total, total)
    return ExportSummary(output, tuple(export.used), tuple(skipped))


__all__ = ["ExportError", "ExportSummary", "MergeError", "export_workbook"]
