"""`stick panel FILE|FOLDER...`: open the panel session, run the facilitator's screen, close the session.

The session is opened before any screen is drawn, so a refusal (raters of
another organisation, no raters, an agreed file that is something else) is one
line and exit 2 from the command line, the terminal untouched.
"""

from __future__ import annotations

from pathlib import Path

from surveys.panel.opening import open_panel


def run(files: list[Path], out: Path | None, *, instrument: Path | None = None, poll: float = 1.5) -> int:
    """Run the panel over `files` (rater files and folders of them), agreeing into `out` (None: the default)."""
    from tui.app.panel_app import PanelApp

    with open_panel(files, out, instrument=instrument) as session:
        app = PanelApp(session, poll=poll)
        app.run()
    return app.return_code or 0
