"""Save docs/panel-screenshot.svg: the facilitator's panel screen, drawn by the app itself.

Three fixed EDS 2022 raters of two groups in a temporary folder; eight outcomes
agreed, one of them (1B, marked for discussion) above its proposal with a
reason, and 1B shown with the patients' outline on the radar, so the picture
is the same on every run:

    python scripts/panel_screenshot.py [OUT.svg]
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from surveys.panel.opening import open_panel  # noqa: E402
from tests.panel_app_support import raters_folder  # noqa: E402
from tui.app.panel_app import PanelApp  # noqa: E402

SIZE = (110, 34)
REASON = "Staff survey evidence shown at table two"


async def shoot(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        folder = raters_folder(Path("raters"))
        with open_panel([folder], Path("agreed.toml")) as session:
            app = PanelApp(session, poll=3600.0)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await pilot.press("enter")  # 1A agreed as proposed
                # 1B, marked for discussion, agreed above the proposal, with the table's reason.
                await pilot.press("4", *(k if k != " " else "space" for k in REASON), "enter")
                await pilot.press(*["enter"] * 6)  # 1C to 2D as proposed
                await pilot.press(*["left"] * 7)  # back to 1B, to show the departure and its reason
                await pilot.pause()
                app.clear_notifications()
                await pilot.pause()
                out.write_text(app.export_screenshot(title="stick panel"), encoding="utf-8")


def main() -> None:
    os.environ["TZ"] = "UTC"
    time.tzset()
    out = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "docs" / "panel-screenshot.svg"
    asyncio.run(shoot(out))
    print(out)


if __name__ == "__main__":
    main()
