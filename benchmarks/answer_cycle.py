"""Answer cycle: from an answer given to the radar's raster and the saved file updated.

Measured inside the app at 120x40: the question screen's own choose action
(score, atomic save with fsync, next question shown, radar data), then the
radar's raster. The baseline, run side by side, is the bare atomic save of the
same assessment: the floor no answer can beat.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from benchmarks.stats import line, median
from benchmarks.synth import assessment
from surveys.response_file import load_assessment, save_assessment


async def _cycle(path: Path, answers: int) -> tuple[list[float], list[float]]:
    from tui.app.factory import make_app
    from tui.app.question import QuestionScreen
    from tui.app.radar import Radar

    app = make_app(path.parent, file=path)
    ours: list[float] = []
    floor: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for n in range(answers):
            screen = app.screen
            assert isinstance(screen, QuestionScreen), type(screen)
            if screen.question.kind == "text":
                screen.action_move(1)
                await pilot.pause()
                continue
            radar = screen.query_one(Radar)
            start = time.perf_counter()
            screen.action_choose(1 + n % 2)
            radar._raster()
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            save_assessment(path.with_name("floor.toml"), screen.store.assessment)
            floor.append(time.perf_counter() - start)
            await pilot.pause()
    return ours, floor


def measure(answers: int) -> list[str]:
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "a.toml"
        save_assessment(path, assessment(11, answered=0))
        ours, floor = asyncio.run(_cycle(path, answers))
        saved = load_assessment(path)
        if len(saved.answers) < len(ours):
            raise SystemExit("the benchmark's answers did not reach the file")
    ms = [t * 1000 for t in ours]
    return [
        line(
            f"answer cycle at 120x40 ({len(ms)} answers)",
            median(ms),
            median([t * 1000 for t in floor]),
            "ms",
            "median <= 5 ms",
        )
    ]
