"""The one terminal every questionary prompt of an interview runs on.

All prompts share one prompt_toolkit input and output, made by
`open_terminal`, so tests pass a pipe input and a plain-text output instead
and keys typed ahead carry over from one prompt to the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.filters import to_filter
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.output import Output

from surveys.terminal_text import terminal_safe
from tui.interview.wrap import wrapped

# questionary shows a choice's key in front of it; past nine, the arrow keys alone.
MAX_NUMBERED = 9


@dataclass(frozen=True)
class Terminal:
    input: Input
    output: Output


def _is_no_console(exc: Exception) -> bool:
    # prompt_toolkit's Windows error cannot be imported elsewhere, so it is known by name.
    return isinstance(exc, OSError | ValueError) or type(exc).__name__ == "NoConsoleScreenBufferError"


def open_terminal() -> Terminal | None:
    """The console's input and output, or None when there is no console to draw in."""
    from prompt_toolkit.input import create_input
    from prompt_toolkit.output import create_output

    try:
        return Terminal(create_input(), create_output())
    except Exception as exc:
        if _is_no_console(exc):
            return None
        raise


class Asker:
    """questionary prompts on one terminal, stopping on Ctrl-C (KeyboardInterrupt) and Ctrl-D (EOFError)."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal

    def say(self, text: str = "", style: str = "") -> None:
        shown = wrapped(terminal_safe(text, keep="\n\t"), self.terminal.output.get_size().columns)
        print_formatted_text(FormattedText([(style, shown)]), output=self.terminal.output)

    def _run(self, question: questionary.Question, instant: bool = False) -> Any:
        stop = KeyBindings()

        @stop.add("c-d", eager=True)
        def _(event: Any) -> None:
            event.app.exit(exception=EOFError, style="class:aborting")

        app = question.application
        if instant:
            _answer_on_shortcut(app, stop)
        app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), stop])
        # questionary cuts long choices at the edge; an 80-column terminal must show them whole.
        for window in app.layout.find_all_windows():
            window.wrap_lines = to_filter(True)
        return question.unsafe_ask()

    def select(
        self, message: str, choices: list[Any], default: Any = None, numbered: bool = True, instruction: str = ""
    ) -> Any:
        hint = "(a number or letter; or arrow keys, then Enter)" if numbered else "(arrow keys, then Enter)"
        return self._run(
            questionary.select(
                terminal_safe(message, keep="\n"),
                choices=[_safe_choice(choice) for choice in choices],
                default=default,
                use_shortcuts=numbered,
                use_arrow_keys=True,
                use_jk_keys=False,
                instruction=instruction or hint,
                input=self.terminal.input,
                output=self.terminal.output,
            ),
            instant=numbered,
        )

    def text(self, message: str, default: str = "", instruction: str = "", validate: Any = None) -> str:
        answer: str = self._run(
            questionary.text(
                terminal_safe(message, keep="\n"),
                default=default,
                instruction=instruction,
                validate=validate,
                input=self.terminal.input,
                output=self.terminal.output,
            )
        )
        return answer


def _safe_choice(choice: Any) -> Any:
    # A choice's title is drawn as it is; an instrument's or a file's text must not act.
    if isinstance(choice, questionary.Choice) and isinstance(choice.title, str):
        choice.title = terminal_safe(choice.title)
    elif isinstance(choice, str):
        return questionary.Choice(terminal_safe(choice), value=choice)
    return choice


def _answer_on_shortcut(app: Any, bindings: KeyBindings) -> None:
    """A choice's key answers at once, as in the app: no Enter after it.

    questionary's own shortcut only moves the pointer; these bindings, merged
    after its own, point and answer in one key press.
    """
    from questionary.prompts.common import InquirerControl

    control = next(w.content for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl))
    for index, choice in enumerate(control.choices):
        key = getattr(choice, "shortcut_key", None)
        if not isinstance(key, str) or not key or getattr(choice, "disabled", False):
            continue

        def answer(event: Any, index: int = index) -> None:
            control.pointed_at = index
            control.is_answered = True
            event.app.exit(result=control.get_pointed_at().value)

        bindings.add(key, eager=True)(answer)
