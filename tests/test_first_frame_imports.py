"""`stick FILE` loads only what its first question screen needs: the rest is imported when it is used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from surveys.files.response_file import save_assessment
from tests.app_support import TODAY, answered
from tests.conftest import ROOT, child_pythonpath

# Up to the question painted, the way `stick FILE` goes: the command line, the app command, the app's start.
PROBE = """
import asyncio, json, sys
from pathlib import Path
from tui.cli import parse
import tui.app.command
from tui.app.factory import make_app

async def main():
    args = parse([sys.argv[1]])
    app = make_app(args.file.parent, args.file, config_dir=Path(sys.argv[2]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "QuestionScreen", app.screen
        print(json.dumps(sorted(sys.modules)))

asyncio.run(main())
"""

# Each is for another screen, another command or a rarer moment than the first frame.
NOT_YET = (
    "openpyxl",
    "questionary",
    "exports",
    "tomllib",  # the instrument comes from the parse cache on every start after the first
    "tui.app.home",
    "tui.app.plan",
    "tui.app.result",
    "tui.app.review",
    "tui.app.help",
    "tui.app.jump",
    "tui.app.new",
    "tui.app.export_dialog",
    "tui.app.changed_on_disk",  # only when the file changes behind the app's back
    "surveys.folders.storage",  # only a start without FILE looks for the default folder
    "surveys.results.suggestions",  # the plan's
    "surveys.instruments.format2_check",  # the built-in instrument is format 1
    "surveys.locks.lock_break",  # only when a kill left a lock
)


def _loaded(path: Path, tmp_path: Path) -> set[str]:
    env = {
        **os.environ,
        "PYTHONPATH": child_pythonpath(),
        "STICK_CACHE_DIR": str(tmp_path / "cache"),
        "STICK_CONFIG_DIR": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), str(tmp_path / "config")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_first_question_screen_loads_nothing_it_does_not_show(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    save_assessment(path, answered("Northfield PCT", TODAY, 2, upto=12))
    _loaded(path, tmp_path)  # the first start keeps the parsed instrument
    loaded = _loaded(path, tmp_path)
    assert "tui.app.question" in loaded and "surveys.results.tally" in loaded  # it did reach the question
    early = sorted(name for name in NOT_YET if name in loaded or any(m.startswith(name + ".") for m in loaded))
    assert not early, f"imported before they are needed: {early}"
