"""The environment benchmark children run in: stick as an installed copy would run.

An installed package has its bytecode compiled, while a checkout run with
PYTHONDONTWRITEBYTECODE set (as some shells and CI images do) compiles every
module of ours from source on every start, and only ours: site-packages
already holds compiled files. Children therefore run without that variable,
so the first (warm-up) run writes `__pycache__` and the timed runs use it.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env
