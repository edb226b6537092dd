"""The facilitator's panel: the raters as they are now, the agreed file, and every change to it.

A `PanelSession` holds the rules both front ends (the app's panel screen and
`stick panel --plain`) follow, so they cannot drift: what is proposed, when a
reason is needed, what a later change is. Every change goes through the
agreed file's editing session (surveys.editing.session), so it is saved before
the call returns, under the file's lock, and refused on a file changed behind
us, exactly as an answer is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Literal, NamedTuple

from surveys.editing.session import Edit, EditingSession
from surveys.errors import StickError
from surveys.model.answers import choose, written
from surveys.model.instrument import Instrument, Question
from surveys.model.limits import cap_note
from surveys.model.responses import Answer, Assessment, now
from surveys.panel.raters import Raters, read_raters
from surveys.panel.record import Agreed, Change, RecordedRater, agreed_of, history_of, with_agreed, without_agreed
from surveys.panel.spread import Rating, Spread, spread_of
from surveys.results.scoring import Result

Status = Literal["agreed", "proposed", "open"]


class ReasonNeeded(StickError):
    """An agreed rating other than the proposed one, without a reason."""


class QuestionState(NamedTuple):
    spread: Spread  # the raters' answers now
    agreed: Agreed | None
    status: Status  # agreed; only proposed (not yet accepted); open (nothing to propose, nothing agreed)
    changed: tuple[str, ...]  # raters (keys) whose answer now differs from the one recorded when agreed


class PanelSummary(NamedTuple):
    organisation: str
    raters_words: str
    agreed: int
    proposed: int
    discuss: int
    open: int
    path: Path


def _reason(text: str) -> str:
    """A reason as kept: one typed line tidied of its spaces, paragraphs as written, capped as a note is."""
    tidy = " ".join(text.split()) if "\n" not in text else text.strip()
    return cap_note(tidy)[0]


def _same(a: Rating, b: Rating) -> bool:
    return (a.choice, a.dont_know, a.text) == (b.choice, b.dont_know, b.text)


class PanelSession:
    def __init__(
        self,
        path: Path,
        editing: EditingSession,
        raters: Raters,
        *,
        release: Callable[[], None] | None = None,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.path = path
        self.editing = editing
        self.raters = raters
        self._release = release
        self._clock = clock

    # Reading

    @property
    def instrument(self) -> Instrument:
        return self.editing.instrument

    @property
    def assessment(self) -> Assessment:
        return self.editing.assessment

    @property
    def arguments(self) -> tuple[Path, ...]:
        return self.raters.arguments

    def question(self, question_id: str) -> Question:
        question = self.instrument.question(question_id)
        if question is None:
            raise StickError(f"the instrument has no question {question_id!r}")
        return question

    def spread(self, question_id: str) -> Spread:
        return spread_of(self.instrument, self.question(question_id), self.raters.raters, self.raters.groups)

    def agreed(self, question_id: str) -> Agreed | None:
        return agreed_of(self.assessment, question_id)

    def state(self, question_id: str) -> QuestionState:
        spread = self.spread(question_id)
        agreed = self.agreed(question_id)
        if agreed is not None:
            status: Status = "agreed"
        else:
            status = "proposed" if spread.proposed is not None else "open"
        return QuestionState(spread, agreed, status, self._changed(spread, agreed))

    def _changed(self, spread: Spread, agreed: Agreed | None) -> tuple[str, ...]:
        if agreed is None:
            return ()
        then = {r.rater: r for r in agreed.ratings}
        now = {r.rater for r in spread.ratings}
        out = []
        for rating in spread.ratings:
            was = then.get(rating.rater)
            if was is None:
                if rating.given:
                    out.append(rating.rater)  # came after the rating was agreed
            elif not _same(was, rating):
                out.append(rating.rater)
        # A rater whose answer counted then and whose file is no longer read has changed the spread too.
        out += [r.rater for r in agreed.ratings if r.rater not in now and r.given]
        return tuple(out)

    def history(self) -> tuple[Change, ...]:
        return history_of(self.assessment)

    @property
    def result(self) -> Result:
        """The agreed ratings scored (a proposed rating counts only once accepted)."""
        return self.editing.result

    def group_assessment(self, group: str) -> Assessment:
        """Each question at what `group`'s raters alone would propose: score it for the group's outline."""
        answers = {}
        for question in self.instrument.questions:
            if question.kind == "text":
                continue
            proposed = self.spread(question.id).group_proposal(group)
            if proposed is not None:
                answers[question.id] = choose(question, proposed)
        return replace(self.assessment, answers=answers, priorities=(), extra={})

    def summary(self) -> PanelSummary:
        counts = {"agreed": 0, "proposed": 0, "open": 0}
        discuss = 0
        for question in self.instrument.questions:
            state = self.state(question.id)
            counts[state.status] += 1
            discuss += state.spread.discuss and state.status != "agreed"
        return PanelSummary(
            self.assessment.organisation,
            self.raters.words(),
            counts["agreed"],
            counts["proposed"],
            discuss,
            counts["open"],
            self.path,
        )

    # Changes: each saved before it returns

    def accept(self, question_id: str, reason: str = "") -> Edit:
        """The proposed rating becomes the agreed one."""
        proposed = self.spread(question_id).proposed
        if proposed is None:
            raise StickError(f"{question_id}: nothing to accept: no rater chose an option")
        return self.agree(question_id, proposed, reason)

    def needs_reason(self, question_id: str, choice: int) -> bool:
        """Whether agreeing `choice` needs a reason: it is not the proposed rating."""
        return choice != self.spread(question_id).proposed

    def agree(self, question_id: str, choice: int, reason: str = "") -> Edit:
        """Agree option `choice`; ReasonNeeded when it is not the proposed one and no reason is given."""
        question = self.question(question_id)
        if question.kind == "text":
            raise StickError(f"{question_id} asks for words, not an option: agree its words instead")
        try:
            answer = choose(question, choice)
        except ValueError:
            raise StickError(f"{question_id}: there is no option {choice} (1 to {len(question.options)})") from None
        spread = self.spread(question_id)
        reason = _reason(reason)
        if choice != spread.proposed and not reason:  # the one place this rule is kept
            proposed = "nothing is proposed" if spread.proposed is None else f"the proposed is {spread.proposed}"
            raise ReasonNeeded(f"{question_id}: a rating other than the proposed needs a reason ({proposed})")
        return self._agree(question_id, answer, spread, reason)

    def write(self, question_id: str, text: str) -> Edit:
        """The agreed words of a text question; blank words withdraw them."""
        question = self.question(question_id)
        if not text.strip():
            return self.clear(question_id)
        try:
            answer = written(question, text)
        except ValueError:
            raise StickError(f"{question_id} is rated on options: agree an option instead") from None
        return self._agree(question_id, answer, self.spread(question_id), "")

    def clear(self, question_id: str, reason: str = "") -> Edit:
        """No agreed rating any more; kept in the trail."""
        self.question(question_id)
        if self.agreed(question_id) is None:
            return Edit(self.assessment, False)
        withdrawn = without_agreed(self.assessment, question_id, _reason(reason), self._clock())
        return self.editing.amend(withdrawn, (question_id,))

    def _agree(self, question_id: str, answer: Answer, spread: Spread, reason: str) -> Edit:
        was = self.agreed(question_id)
        same = was is not None and (was.choice, was.text, was.reason) == (answer.choice, answer.text, reason)
        if same and was is not None and not self._changed(spread, was) and was.proposed == spread.proposed:
            return Edit(self.assessment, False)  # agreed again as it was, on the same spread: nothing to record
        recorded = [RecordedRater(r.key, r.respondent, r.group) for r in self.raters.raters]
        new = with_agreed(self.assessment, answer, spread, reason, recorded, self._clock())
        return self.editing.amend(new, (question_id,))

    # The raters

    def take(self, raters: Raters) -> None:
        """Go on with the raters as read again (read_raters with previous=self.raters)."""
        self.raters = raters

    def reload(self) -> Raters:
        """Read the raters again (cheap when nothing moved) and go on with them; never raises."""
        raters = read_raters(self.arguments, previous=self.raters)
        self.take(raters)
        return raters

    # Closing

    def close(self) -> None:
        release, self._release = self._release, None
        if release is not None:
            with contextlib.suppress(OSError):
                release()

    def __enter__(self) -> PanelSession:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
