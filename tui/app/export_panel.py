"""Running an export: a worker thread writes the workbook, a progress bar shows how far it is.

The keys stay live while it runs. openpyxl is imported inside the worker, so
the app never pays for it until someone exports.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ProgressBar, Static

from surveys.errors import StickError
from tui.app.export_dialog import ExportRequest

if TYPE_CHECKING:
    from exports.workbook import ExportSummary

_EVERY = 0.05  # seconds between progress messages: a merge of thousands must not flood the queue


class ExportPanel(Vertical):
    DEFAULT_CSS = """
    ExportPanel { height: auto; padding: 0 1; border-top: hkey $foreground 30%; display: none; }
    ExportPanel #status { height: auto; }
    """

    @dataclass
    class Progressed(Message):
        done: int
        total: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ExportPanel.Progressed)

    @dataclass
    class Finished(Message):
        summary: ExportSummary

    @dataclass
    class Failed(Message):
        reason: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.running = False

    def compose(self) -> ComposeResult:
        yield Static("", id="status", markup=False)
        yield ProgressBar(total=None, show_eta=False)

    def start(self, request: ExportRequest, instrument: Path | None) -> None:
        self.running = True
        self.display = True
        count = len(request.files)
        self.query_one("#status", Static).update(
            f"Exporting {count} {'assessment' if count == 1 else 'assessments'} to {request.output}…"
        )
        self.query_one(ProgressBar).update(total=None, progress=0)
        self._export(request, instrument)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, request: ExportRequest, instrument: Path | None) -> None:
        from exports.workbook import export_workbook

        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if done >= total or now - last >= _EVERY:
                last = now
                self.post_message(self.Progressed(done, total))

        try:
            summary = export_workbook(
                list(request.files),
                request.output,
                force=request.force,
                skip_bad=True,
                instrument=instrument,
                progress=progress,
            )
        except (StickError, OSError) as exc:
            self.post_message(self.Failed(str(exc)))
            return
        self.post_message(self.Finished(summary))

    def on_export_panel_progressed(self, event: Progressed) -> None:
        self.query_one(ProgressBar).update(total=event.total, progress=event.done)

    def on_export_panel_finished(self, event: Finished) -> None:
        self.running = False
        summary = event.summary
        bar = self.query_one(ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        skipped = f"; {len(summary.skipped)} could not be read and were left out" if summary.skipped else ""
        count = len(summary.used)
        text = f"Exported {count} {'assessment' if count == 1 else 'assessments'} to {summary.output}{skipped}."
        self.query_one("#status", Static).update(text)
        self.notify(text, title="Workbook written", markup=False, timeout=10)

    def on_export_panel_failed(self, event: Failed) -> None:
        self.running = False
        self.display = False
        self.notify(event.reason, title="Not exported", severity="error", markup=False, timeout=10)
