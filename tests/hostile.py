"""A response file whose every text field tries to take over the terminal that shows it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from surveys.files.response_file import save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import choose
from surveys.model.responses import Assessment, Priority, new_assessment, with_answer, with_priorities

# Sets the window title, clears the screen, writes the clipboard (OSC 52), a one-byte
# CSI (0x9b), and a bidi override that makes what follows read backwards.
PAYLOAD = "\x1b]0;PWNED\x07 A \x1b[2J B \x1b]52;c;SGVsbG8=\x07 C \x9b31m D \u202eevil"
# Rich/Textual markup: must be drawn as these characters, never as a style or a link.
MARKUP = "[reverse]M[/reverse] [link=https://example.invalid]L[/link]"
# What must never reach a terminal from the file, whatever the front end draws itself.
RAW = (b"\x1b]0;PWNED", b"\x1b]52;", b"\x1b[2J B", b"\xc2\x9b", b"\xe2\x80\xae")
# How the payload's title sequence is shown instead.
SHOWN = b"\\x1b]0;PWNED\\x07"


def hostile_assessment() -> Assessment:
    inst = builtin_instrument()
    a = new_assessment(
        f"Org {MARKUP} {PAYLOAD}", f"Kim {PAYLOAD}", f"Lead {PAYLOAD}", inst.id, inst.version, on=date(2026, 1, 1)
    )
    for q in inst.questions[:3]:
        a = with_answer(a, choose(q, 1, note=f"note {PAYLOAD}"))
    a = replace(a, answers={k: replace(v, label=f"label {PAYLOAD}") for k, v in a.answers.items()})
    return with_priorities(a, (Priority(area="data", title=f"P {PAYLOAD}", lead=f"Sam {PAYLOAD}", function="saff"),))


def hostile_file(folder: Path, name: str = "hostile.toml") -> Path:
    path = folder / name
    save_assessment(path, hostile_assessment())
    return path


def raw_bytes_in(output: bytes) -> list[bytes]:
    return [raw for raw in RAW if raw in output]
