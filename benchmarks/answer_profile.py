"""Where an answer's time goes, in-process: the collector's share and the save path (issue 22).

The answer-cycle benchmark measures from outside, as a person waits; this one
looks inside the same app at 120x40 (headless, under Pilot) with the app's own
collector settings (off while starting, the start frozen, on after the first
frame), answering question after question:

    python -m benchmarks.answer_profile [ANSWERS] [as-is|freeze|idle]

The second argument tries another collector setting in place of the app's:
`freeze` freezes again what the first frame left, then collects as usual;
`idle` leaves automatic collection off and collects only between keys (a
timer every 0.2 s, collecting what the thresholds say is due).

For each answer it takes the process's CPU time from the key to its frame
(Pilot's own waiting is idle, so it is not counted), the wall time the
collector ran inside it (gc.callbacks, by generation) and the wall time of
the save (serialising, writing, syncing and renaming), with a profile of it.
"""

from __future__ import annotations

import asyncio
import cProfile
import gc
import io
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.answer_cycle import prepared
from benchmarks.stats import percentile


class Collections:
    """Every collection's generation and duration, while `on`."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, float]] = []
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.spans.append((int(info["generation"]), (time.perf_counter() - self._start) * 1000))


PROFILE = cProfile.Profile()


def timed(into: list[float], call: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        PROFILE.enable()
        try:
            return call(*args, **kwargs)
        finally:
            PROFILE.disable()
            into.append((time.perf_counter() - start) * 1000)

    return run


async def answer(path: Path, answers: int) -> dict[str, list[float]]:
    from surveys.instruments.instrument_file import builtin_instrument
    from tui.app.factory import make_app
    from tui.app.question import QuestionScreen

    instrument = builtin_instrument()
    app = make_app(path.parent, path)
    collections = Collections()
    out: dict[str, list[float]] = {"answer": [], "gc": [], "gc2": [], "save": [], "count": []}
    gc.freeze()  # as `stick` does before app.run()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        saves: list[float] = []
        session = screen.store.session
        session._save = timed(saves, session._save)
        gc.callbacks.append(collections)
        try:
            while len(out["answer"]) < answers and screen.index + 1 < len(instrument.questions):
                if screen.question.kind == "text":
                    await pilot.press("right")
                    continue
                await pilot.pause(0.03)  # the person reads; the next question is wrapped meanwhile
                collections.spans.clear()
                saves.clear()
                start = time.process_time()
                await pilot.press("2" if screen.question.id in screen.store.assessment.answers else "1")
                out["answer"].append((time.process_time() - start) * 1000)
                out["gc"].append(sum(ms for _, ms in collections.spans))
                out["gc2"].append(sum(ms for g, ms in collections.spans if g == 2))
                out["count"].append(float(len(collections.spans)))
                out["save"].append(sum(saves))
        finally:
            gc.callbacks.remove(collections)
    return out


def report(got: dict[str, list[float]]) -> list[str]:
    n = len(got["answer"])
    lines = [f"{n} answers at 120x40, in-process (headless)"]
    for name, label in (("answer", "CPU, key+frame"), ("gc", "collector"), ("save", "save (wall)")):
        values = got[name]
        lines.append(
            f"  {label:<14} p50 {percentile(values, 50):6.2f} ms  p99 {percentile(values, 99):6.2f} ms"
            f"  mean {sum(values) / n:6.2f} ms  max {max(values):6.2f} ms"
        )
    share = sum(got["gc"]) / max(sum(got["answer"]), 1e-9)  # collection is CPU work: a share of the CPU
    slow = sorted(range(n), key=lambda i: got["answer"][i])[-max(1, n // 20) :]
    lines.append(f"  collections {sum(got['count']):.0f}, of generation 2 in {sum(1 for g in got['gc2'] if g)} answers")
    lines.append(f"  the collector's share of all answer time {100 * share:.1f}%")
    lines.append(
        "  the slowest 5%: "
        + ", ".join(f"{got['answer'][i]:.1f} ms (gc {got['gc'][i]:.1f}, save {got['save'][i]:.1f})" for i in slow)
    )
    return lines


def collect_when_due() -> None:
    """What the collector would do on its own at this allocation count, done now, between keys."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return
    generation = 2 if counts[1] > thresholds[1] and counts[2] > thresholds[2] else int(counts[1] > thresholds[1])
    gc.collect(generation)


def try_collector(variant: str) -> None:
    from tui.app.app import StickApp

    def freeze(self: StickApp) -> None:
        gc.freeze()
        gc.enable()

    def idle(self: StickApp) -> None:
        self.set_interval(0.2, collect_when_due)

    if variant == "freeze":
        StickApp._collect_again = freeze  # type: ignore[method-assign]
    elif variant == "idle":
        StickApp._collect_again = idle  # type: ignore[method-assign]


def main() -> None:
    answers = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    variant = sys.argv[2] if len(sys.argv) > 2 else "as-is"
    from surveys.instruments.instrument_file import builtin_instrument

    try_collector(variant)

    gc.disable()  # as `stick` starts: tui.cli.main; the app turns it on after its first frame
    got: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "a" / "northfield.toml"
        path.parent.mkdir()
        prepared(path, builtin_instrument())
        while len(got.get("answer", [])) < answers:
            prepared(path, builtin_instrument())  # each round from question 1 again
            more = asyncio.run(answer(path, answers - len(got.get("answer", []))))
            for key, values in more.items():
                got.setdefault(key, []).extend(values)
    print(f"collector: {variant}")
    print("\n".join(report(got)))
    shown = io.StringIO()
    pstats.Stats(PROFILE, stream=shown).sort_stats("tottime").print_stats(12)
    print("the save path, by own time (cProfile, all saves):")
    print("\n".join(line for line in shown.getvalue().splitlines() if line.strip()[:1].isdigit()))


if __name__ == "__main__":
    main()
