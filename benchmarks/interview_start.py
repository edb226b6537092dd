"""Interview start: `stick interview FILE --plain` until its first prompt is printed.

The baseline is a bare Python that prints a prompt, run side by side, so the
ratio shows what stick adds on top of starting Python at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.childenv import child_env
from benchmarks.stats import line, median
from benchmarks.synth import assessment
from surveys.files.response_file import save_assessment

ROOT = Path(__file__).resolve().parent.parent
PROMPT = b"Answer ("
BARE = "import sys; sys.stdout.write('Answer (1-3): '); sys.stdout.flush(); sys.stdin.readline()"


def _until_prompt(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None and proc.stdin is not None
    seen = b""
    while PROMPT not in seen:
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            raise SystemExit(f"{argv} ended before its prompt: {seen[-300:]!r}")
        seen += chunk
    elapsed = time.perf_counter() - start
    proc.stdin.close()
    proc.wait()
    return elapsed


def measure(runs: int) -> list[str]:
    env = child_env()
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "a.toml"
        ours, bare = [], []
        for _ in range(runs + 1):
            save_assessment(path, assessment(3, answered=5))  # the same start point every run
            ours.append(_until_prompt([sys.executable, "-m", "tui", "interview", str(path), "--plain"], env))
            bare.append(_until_prompt([sys.executable, "-c", BARE], env))
    ours, bare = ours[1:], bare[1:]  # the first pair warms the caches
    return [line("interview --plain to first prompt", median(ours), median(bare), "s wall", "<= 0.35 s")]
