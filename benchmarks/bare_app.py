"""The baseline for the first-frame benchmark: a Textual app showing one label.

It gets the collector settings stick starts with (off while starting, what is
loaded frozen, on again after the first frame), so the ratio measures the app,
not garbage-collector tuning.
"""

import gc

gc.disable()

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Label  # noqa: E402


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("stick")

    def on_mount(self) -> None:
        self.call_after_refresh(self._collect_again)

    def _collect_again(self) -> None:
        gc.enable()


if __name__ == "__main__":
    app = Bare()
    gc.freeze()
    app.run()
