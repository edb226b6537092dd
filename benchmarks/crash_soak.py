"""Kill the interview and the app hundreds of times at random moments; report what was lost (nothing).

    python benchmarks/crash_soak.py --rounds 500 [--seed N] [--only interview|app]
    python benchmarks/crash_soak.py --shared --rounds 200 [--seed N]

Each round starts the real program on a fresh file, answers at random, and
kills it with SIGKILL at a random moment, then checks that the file loads and
holds every answer that was on disk before the kill. At the end a fresh start
must clear every temp file and lock the kills left. Exits 1 at the first loss.

--shared: two "machines" (PID and host-name namespaces where `unshare` works,
as root on Linux; else two STICK_HOST names) open each new file at once; the
one holding it answers and is killed, then the other opens it. Counts double
holders, answers lost, and a third machine's temp deleted: all must be 0.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.crashkit import (
    Round,
    app_restart_clears,
    app_round,
    interview_round,
    leftover_locks,
    leftover_temps,
    restart_clears_temps,
)

FRONT_ENDS: dict[str, tuple[Callable[[Path, random.Random], Round], Callable[[Path], None]]] = {
    "interview": (interview_round, restart_clears_temps),
    "app": (app_round, app_restart_clears),
}


def soak(name: str, rounds: int, seed: int) -> bool:
    play, restart = FRONT_ENDS[name]
    rng = random.Random(seed)
    start = time.perf_counter()
    done: list[Round] = []
    with tempfile.TemporaryDirectory(prefix=f"stick-soak-{name}-") as tmp:
        folder = Path(tmp)
        for n in range(rounds):
            try:
                done.append(play(folder, rng))
            except AssertionError as exc:
                print(f"{name}: round {n + 1} of {rounds} (seed {seed}) LOST DATA: {exc}")
                return False
            if (n + 1) % 50 == 0:
                print(f"{name}: {n + 1} rounds, nothing lost", flush=True)
        temps, locks = len(leftover_temps(folder)), len(leftover_locks(folder))
        restart(folder)
        temps_after, locks_after = len(leftover_temps(folder)), len(leftover_locks(folder))
    elapsed = time.perf_counter() - start
    keys = sum(r.lines_sent for r in done)
    seen = sum(r.answers_seen for r in done)
    print(
        f"{name}: {rounds} rounds in {elapsed:.0f} s, {keys} keys or lines sent, {seen} answers seen on disk "
        f"before a kill, none lost; at the end {temps} temp files and {locks} locks were left "
        f"(each app start sweeps the folder), and after a fresh start {temps_after} and {locks_after}"
    )
    return temps_after == 0 and locks_after == 0


def soak_shared(rounds: int, seed: int) -> bool:
    from tests.shared_crashkit import SharedRound, namespaces, shared_round

    rng = random.Random(seed)
    start = time.perf_counter()
    done: list[SharedRound] = []
    with tempfile.TemporaryDirectory(prefix="stick-soak-shared-") as tmp:
        for n in range(rounds):
            try:
                done.append(shared_round(Path(tmp), rng))
            except AssertionError as exc:
                print(f"shared: round {n + 1} of {rounds} (seed {seed}) FAILED: {exc}")
                return False
            if (n + 1) % 50 == 0:
                print(f"shared: {n + 1} rounds", flush=True)

    def total(name: str) -> int:
        return sum(getattr(r, name) for r in done)

    how = "PID and host-name namespaces" if namespaces() else "STICK_HOST names"
    print(
        f"shared ({how}): {rounds} rounds in {time.perf_counter() - start:.0f} s, {total('kills')} kills, "
        f"{total('answers_seen')} answers seen on disk before a kill, {total('answers_lost')} rounds losing one, "
        f"{total('double_holders')} double holders, {total('refused')} second openers told who has it, "
        f"{total('foreign_temps_removed')} of another machine's temps deleted"
    )
    bad = ("answers_lost", "double_holders", "foreign_temps_removed")
    return all(total(name) == 0 for name in bad) and total("refused") == rounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=500, help="rounds for each front end (default 500)")
    parser.add_argument("--seed", type=int, default=int(time.time()), help="for repeating a run")
    parser.add_argument("--only", choices=sorted(FRONT_ENDS), help="soak one front end")
    parser.add_argument("--shared", action="store_true", help="two machines racing for each file on one folder")
    args = parser.parse_args()
    names = [args.only] if args.only else list(FRONT_ENDS)
    print(f"seed {args.seed}")
    if args.shared:
        ok = soak_shared(args.rounds, args.seed)
    else:
        ok = all([soak(name, args.rounds, args.seed) for name in names])
    print("PASS: nothing lost" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
