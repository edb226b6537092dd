"""Small helpers to print a figure beside its baseline: medians, spreads, percentiles."""

from __future__ import annotations

import statistics


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100), nearest rank: p99 of 100 values is the 99th smallest."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5 - 1e-9)))
    return ordered[rank - 1]


def spread(values: list[float], unit: str = "", digits: int = 3) -> str:
    """Least and most of several runs, as 'a-b unit'."""
    return f"{min(values):.{digits}f}-{max(values):.{digits}f}{(' ' + unit) if unit else ''}"


def line(name: str, ours: float, base: float, unit: str, target: str = "") -> str:
    ratio = ours / base if base else float("inf")
    goal = f"  target {target}" if target else ""
    return f"{name:<40} {ours:9.4f} {unit}  baseline {base:9.4f} {unit}  ratio {ratio:5.2f}x{goal}"
