"""Answers made with version N open with version N+1 and are never dropped."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from surveys.files.response_file import load_assessment, save_assessment
from surveys.instruments.instrument_file import load_instrument
from surveys.model.answers import AnswerState, choose, resolve, written
from surveys.model.responses import new_assessment, with_answer
from surveys.results.scoring import score

DATA = Path(__file__).parent / "data"


def test_answers_from_version_1_under_version_2(tmp_path: Path) -> None:
    v1, v2 = load_instrument(DATA / "scoring.toml"), load_instrument(DATA / "scoring_v2.toml")
    assert (v1.version, v2.version) == (1, 2) and v1.id == v2.id
    a = new_assessment("Org", "P", "", v1.id, v1.version, on=date(2026, 1, 1))
    for qid, n in {"vision": 1, "vision4": 2, "lead": 3, "lead2": 2}.items():
        q = v1.question(qid)
        assert q is not None
        a = with_answer(a, choose(q, n))
    path = tmp_path / "a.toml"
    save_assessment(path, a)

    loaded = load_assessment(path)
    lead, vision = v2.question("lead"), v2.question("vision")
    assert lead is not None and vision is not None
    assert resolve(vision, loaded.answers["vision"]) is AnswerState.ANSWERED, "unchanged question keeps its answer"
    assert resolve(lead, loaded.answers["lead"]) is AnswerState.NEEDS_REVIEW, "reworded option needs review"
    result = score(v2, loaded)
    assert result.needs_review == ("lead",) and result.orphans == ("vision4",)
    assert next(x for x in result.areas if x.area == "leadership").score == 2.0

    # Answering something else under version 2 and saving keeps every old answer in the file.
    new_q = v2.question("new-one")
    assert new_q is not None
    save_assessment(path, with_answer(loaded, written(new_q, "added later")))
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(data["answers"]) == {"vision", "vision4", "lead", "lead2", "new-one"}
    assert data["answers"]["vision4"]["choice"] == 2
    assert data["answers"]["lead"]["label"] == "They raise it and review it."

    # Answering the changed question again clears the review.
    again = with_answer(load_assessment(path), choose(lead, 3))
    assert score(v2, again).needs_review == ()
