"""Every package of ours is in pyproject's list: a wheel (pip install .) carries only the packages listed."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_the_wheel() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("surveys", "tui", "exports")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert sorted(found - listed) == []
