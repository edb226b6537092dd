"""Synthetic assessments for the benchmarks: varied, deterministic, on the built-in instrument."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from surveys.answers import choose, dont_know, written
from surveys.instrument_file import builtin_instrument
from surveys.response_file import to_toml
from surveys.responses import Assessment, Priority, new_assessment, with_answer, with_priorities

ORGS = ["Northfield PCT", "Łódź Care Trust", "Riverside PCT", "Eastgate Health", "West Vale PCT"]


def assessment(seed: int, answered: int | None = None) -> Assessment:
    rng = random.Random(seed)
    inst = builtin_instrument()
    a = new_assessment(
        f"{rng.choice(ORGS)} {seed % 97}",
        f"Respondent {seed}",
        "Board member",
        inst.id,
        inst.version,
        on=date(2026, 1, 1) + timedelta(days=seed % 300),
    )
    questions = inst.questions if answered is None else inst.questions[:answered]
    for q in questions:
        roll = rng.random()
        if roll < 0.08:
            a = with_answer(a, dont_know(q))
        elif q.kind == "text":
            a = with_answer(a, written(q, f"Free text from respondent {seed}: =not a formula"))
        elif roll < 0.95:
            a = with_answer(a, choose(q, rng.randint(1, len(q.options)), note="noted" if roll < 0.3 else ""))
    if rng.random() < 0.5:
        area = rng.choice(inst.areas)
        a = with_priorities(
            a,
            (
                Priority(
                    area=area.id,
                    title=f"Improve {area.label}",
                    lead=f"Lead {seed}",
                    function=area.function,
                    target=date(2027, 3, 31),
                    measure="+1 step",
                ),
            ),
        )
    return replace(a, created=a.created.replace(year=2026), updated=a.updated.replace(year=2026))


def write_many(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"assessment-{n:05d}.toml"
        path.write_bytes(to_toml(assessment(n)))
        paths.append(path)
    return paths
