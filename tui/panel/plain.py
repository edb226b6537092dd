"""`stick panel --plain`: the panel line by line, for screen readers and scripts.

For each question: the spread in words, the raters' notes, the proposed
rating, and one prompt. An empty line accepts the proposed rating (or keeps
the one agreed); a number sets that option, and a rating other than the
proposed asks for the reason (given after the number on the same line, or on
the next). `s` passes a question for now, `b` goes back one, `r` reads the
raters' files again. Every agreed rating is saved before the next question is
shown, so Ctrl-D, Ctrl-C or a kill loses nothing; the same command carries on.
"""

from __future__ import annotations

from surveys.errors import ResponseFileError, StickError
from surveys.model.instrument import Question
from surveys.model.limits import small_number
from surveys.panel.session import PanelSession
from surveys.panel.words import agreed_words, note_lines, option_words, proposal_words, spread_lines
from surveys.results.report import overall_words
from tui.interview.line_io import LineIO

HOW_TO = (
    "How to agree: press Enter to accept the proposed rating, or type another option's number and the reason, "
    "for example: 3 The staff survey and the audit both show it.",
    "s passes a question for now, b goes back one, r reads the raters' files again.",
    "Every agreed rating is saved at once. To stop, press Ctrl-D (on Windows Ctrl-Z then Enter) or Ctrl-C; "
    "run the same command again to carry on.",
)


class PlainPanel:
    def __init__(self, session: PanelSession, io: LineIO) -> None:
        self.session = session
        self.io = io
        self.questions = session.instrument.questions
        self._problems: tuple[str, ...] = ()
        self.index = self._next_open(0)
        self.furthest = self.index

    def _next_open(self, start: int) -> int:
        for i in range(start, len(self.questions)):
            if self.session.agreed(self.questions[i].id) is None:
                return i
        return len(self.questions)

    def say(self, text: str = "") -> None:
        self.io.say(text)

    def opening(self) -> None:
        summary = self.session.summary()
        self.say(f"stick panel: {summary.organisation}, {summary.raters_words}")
        self.say(f"Agreed file: {summary.path}")
        for line in HOW_TO:
            self.say(line)
        left = summary.proposed + summary.open
        self.say(f"{summary.agreed} of {len(self.questions)} ratings agreed; {left} to agree.")
        self._show_problems()

    def _show_problems(self) -> None:
        new = [p for p in self.session.raters.problems if p not in self._problems]
        for problem in new:
            self.say(f"Left out: {problem}")
        self._problems = self.session.raters.problems

    def run(self) -> int:
        self.opening()
        try:
            while self.index < len(self.questions):
                self.session.reload()  # a rater saving meanwhile is in the spread shown next
                self._show_problems()
                self._ask(self.questions[self.index])
            self._ending()
        except (EOFError, KeyboardInterrupt):
            self.say()
            self.say("Stopped. Every rating agreed so far is saved.")
        self.say(f"Saved to {self.session.path}.")
        return 0

    def _forward(self) -> None:
        following = self.index + 1
        self.index = following if following <= self.furthest else self._next_open(following)
        self.furthest = max(self.furthest, self.index)

    def _show(self, question: Question) -> None:
        state = self.session.state(question.id)
        self.say()
        self.say(f"Question {self.index + 1} of {len(self.questions)}: {question.text}")
        for line in spread_lines(question, state.spread):
            self.say(line)
        for line in note_lines(state.spread):
            self.say(line)
        if question.kind != "text":
            self.say(proposal_words(question, state.spread))
        if state.agreed is not None:
            self.say(agreed_words(question, state.agreed))
            if state.changed:
                self.say(f"Changed since it was agreed: {', '.join(state.changed)}.")

    def _prompt(self, question: Question) -> str:
        state = self.session.state(question.id)
        if question.kind == "text":
            keep = "Enter keeps them" if state.agreed is not None else "Enter leaves them"
            return f"Agreed words ({keep}; s, b, r): "
        options = f"1-{len(question.options)}"
        if state.agreed is not None:
            return f"Agree (Enter keeps {state.agreed.choice}; {options} and a reason, s, b, r): "
        if state.spread.proposed is not None:
            return f"Agree (Enter accepts {state.spread.proposed}; {options} and a reason, s, b, r): "
        return f"Agree ({options} and a reason, s, b, r): "

    def _ask(self, question: Question) -> None:
        self._show(question)
        line = self.io.ask(self._prompt(question))
        head, _, rest = line.strip().partition(" ")
        word = head.lower()
        if word == "b" and not rest:
            if self.index == 0:
                self.say("This is the first question: there is nothing to go back to.")
            else:
                self.index -= 1
            return
        if word == "s" and not rest:
            self._forward()
            return
        if word == "r" and not rest:
            return  # shown again, read afresh
        try:
            moved = self._record(question, line, word, rest)
        except ResponseFileError:
            raise  # the agreed file could not be saved, or changed behind us: stop (one line, exit 2)
        except StickError as exc:
            self.say(f"Not agreed: {exc}")
            return
        if moved:
            self._forward()

    def _record(self, question: Question, line: str, word: str, rest: str) -> bool:
        """Agree what the line says; True to go on to the next question."""
        state = self.session.state(question.id)
        if question.kind == "text":
            if line.strip():
                self.session.write(question.id, line.strip())
                self.say("Agreed the words. Saved.")
            return True
        if not word:
            if state.agreed is not None:
                return True  # kept as agreed
            if state.spread.proposed is None:
                self.say("Nothing is proposed here: type an option's number and the reason, or s to pass.")
                return False
            self.session.accept(question.id)
            self.say(f"Agreed {option_words(question, state.spread.proposed)}. Saved.")
            return True
        number = small_number(word) if word.isascii() and word.isdigit() else None
        if number is None or not 1 <= number <= len(question.options):
            self.say(f"Not understood: type a number from 1 to {len(question.options)}, s, b or r, or press Enter.")
            return False
        reason = rest.strip()
        if not reason and self.session.needs_reason(question.id, number):
            reason = self.io.ask(f"Reason for agreeing {option_words(question, number)}: ").strip()
        self.session.agree(question.id, number, reason)
        self.say(f"Agreed {option_words(question, number)}. Saved.")
        return True

    def _ending(self) -> None:
        summary = self.session.summary()
        self.say()
        left = summary.proposed + summary.open
        if left:
            self.say(f"{left} question{'s are' if left != 1 else ' is'} not agreed yet: run the same command again.")
        else:
            self.say("Every rating is agreed.")
        self.say(f"Result of the agreed ratings: {overall_words(self.session.instrument, self.session.result)}.")
        self.say("Done.")


def run_panel_plain(session: PanelSession, io: LineIO) -> int:
    """The panel line by line until every rating is agreed or the input ends; 0 either way (all is saved)."""
    return PlainPanel(session, io).run()
