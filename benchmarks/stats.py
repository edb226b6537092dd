"""Small helpers to print a figure beside its baseline."""

from __future__ import annotations

import statistics


def median(values: list[float]) -> float:
    return statistics.median(values)


def line(name: str, ours: float, base: float, unit: str, target: str = "") -> str:
    ratio = ours / base if base else float("inf")
    goal = f"  target {target}" if target else ""
    return f"{name:<34} {ours:9.4f} {unit}  baseline {base:9.4f} {unit}  ratio {ratio:5.2f}x{goal}"
