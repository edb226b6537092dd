"""The baseline for the first-frame benchmark: a Textual app showing one label."""

from textual.app import App, ComposeResult
from textual.widgets import Label


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("stick")


if __name__ == "__main__":
    Bare().run()
