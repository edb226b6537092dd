"""Save docs/screenshot.svg: the question screen with its radar, drawn by the app itself.

Fixed demo data in a temporary folder (an earlier assessment of the same
organisation is drawn dashed), so the picture is the same on every run:

    python scripts/screenshot.py [OUT.svg]
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

from tests.app_support import TODAY, demo_folder  # noqa: E402
from tui.app.factory import make_app  # noqa: E402

SIZE = (100, 30)


async def shoot(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        later = demo_folder(Path("assessments"))
        app = make_app(later.parent, later, today=lambda: TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.clear_notifications()
            await pilot.pause()
            out.write_text(app.export_screenshot(title="stick"), encoding="utf-8")


def main() -> None:
    os.environ["TZ"] = "UTC"
    time.tzset()
    out = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.svg"
    asyncio.run(shoot(out))
    print(out)


if __name__ == "__main__":
    main()
