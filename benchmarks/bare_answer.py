"""The baseline for the answer cycle: a Textual app that saves a file and redraws one line per key.

A key 1 or 2 rewrites FILE atomically (the same bytes, through stick's own
atomic save with its fsyncs) and shows "Question N of M": the least any app can
do for an answer. It starts with the collector settings stick starts with.

python benchmarks/bare_answer.py FILE QUESTIONS
"""

import gc
import sys

gc.disable()

from pathlib import Path  # noqa: E402

from textual.app import App, ComposeResult  # noqa: E402
from textual.events import Key  # noqa: E402
from textual.widgets import Label  # noqa: E402

from surveys.files.atomic import atomic_write  # noqa: E402


class BareAnswer(App[None]):
    def __init__(self, path: Path, questions: int) -> None:
        super().__init__()
        self.path = path
        self.data = path.read_bytes()
        self.questions = questions
        self.at = 1

    def compose(self) -> ComposeResult:
        yield Label(self._text(), id="place")

    def _text(self) -> str:
        return f"Question {self.at} of {self.questions}"

    def on_mount(self) -> None:
        self.call_after_refresh(self._collect_again)

    def _collect_again(self) -> None:
        gc.enable()

    def on_key(self, event: Key) -> None:
        if event.key in ("1", "2", "right"):
            if event.key != "right":
                atomic_write(self.path, self.data)
            self.at += 1
            self.query_one("#place", Label).update(self._text())
        elif event.key == "ctrl+q":
            self.exit()


if __name__ == "__main__":
    app = BareAnswer(Path(sys.argv[1]), int(sys.argv[2]))
    gc.freeze()
    app.run()
