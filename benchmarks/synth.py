"""Synthetic assessments for the benchmarks: varied, deterministic, on the built-in instrument."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from surveys.files.response_file import to_toml
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import choose, dont_know, written
from surveys.model.responses import Assessment, Priority, new_assessment, with_answer, with_priorities

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


def big_instrument(folder: Path, times: int) -> Path:
    """The built-in instrument with its sections repeated `times` over (new ids): a long questionnaire."""
    import copy
    import tomllib

    import tomli_w

    from surveys.instruments.instrument_file import builtin_bytes

    doc = tomllib.loads(builtin_bytes().decode("utf-8"))
    sections = []
    for n in range(times):
        for section in doc["sections"]:
            copied = copy.deepcopy(section)
            copied["id"] = f"{section['id']}-{n}"
            for question in copied["questions"]:
                question["id"] = f"{question['id']}-{n}"
            sections.append(copied)
    doc["sections"] = sections
    doc["id"] = f"{doc['id']}-x{times}"
    path = folder / f"instrument-x{times}.toml"
    path.write_bytes(tomli_w.dumps(doc).encode("utf-8"))
    return path


def with_long_note(a: Assessment, size: int) -> Assessment:
    """The assessment with a note of about `size` characters on its first answer (varied words, some Urdu)."""
    from surveys.model.responses import Answer

    words = ["board", "paper", "ethnicity", "monitoring", "ڈیٹا", "équipe", "Łódź", "staff", "survey", "review"]
    rng = random.Random(size)
    text = []
    total = 0
    while total < size:
        word = rng.choice(words)
        text.append(word)
        total += len(word) + 1
    note = " ".join(text)
    answers = dict(a.answers)
    first = next(iter(answers)) if answers else "mat-vision"
    old = answers.get(first) or Answer(question=first)
    answers[first] = replace(old, note=note)
    return replace(a, answers=answers)
