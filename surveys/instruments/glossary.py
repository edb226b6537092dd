"""The words an instrument explains: its `[glossary]`, and where its terms are used.

A board member reading "RRAA" or "SaFF" may not know them. The glossary
belongs to the instrument, so EDS 2022 or a team's own instrument carries its
own; every front end takes its lines from here: the help, the result, the
report, the interview.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from surveys.instruments.check_tools import Checker, dotted, type_name
from surveys.model.instrument import Instrument

if TYPE_CHECKING:
    from surveys.instruments.toml_locate import Path

MAX_TERM = 40  # a term is a word or a short phrase, read on one line beside its meaning


def check_glossary(c: Checker, top: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """`[glossary]`: each key a term, each value the text that explains it, in file order."""
    if "glossary" not in top:
        return ()
    table = top["glossary"]
    path: Path = ("glossary",)
    if not isinstance(table, dict):
        c.fail(path, 'glossary must be a table: TERM = "what it means"')
        return ()
    out = []
    for term, meaning in table.items():
        where = path + (term,)
        if not term.strip() or len(term) > MAX_TERM:
            c.fail(where, f"a glossary term must be 1 to {MAX_TERM} characters, not {term[:20]!r}")
            continue
        c.plain(term, where, term)
        if not isinstance(meaning, str):
            c.fail(where, f"{dotted(where)} must be a string, not {type_name(meaning)}")
            continue
        if not meaning.strip():
            c.fail(where, f"{dotted(where)} must not be empty: say what {term} means")
            continue
        c.plain(meaning, where, term)
        out.append((term.strip(), " ".join(meaning.split())))
    return tuple(out)


def glossary_lines(instrument: Instrument) -> list[str]:
    """One line a term, as help lists them: "RRAA: Race Relations (Amendment) Act 2000"."""
    return [f"{term}: {meaning}" for term, meaning in instrument.glossary]


def _pattern(term: str) -> re.Pattern[str]:
    # A whole word only: "PCT" in "PCTs" is a use, "SaFF" inside another word is not.
    return re.compile(rf"(?<![\w]){re.escape(term)}(?![^\W\d_]{{2,}})")


def terms_used(instrument: Instrument, texts: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """The glossary's terms that `texts` use, in glossary order, each with its meaning."""
    joined = "\n".join(texts)
    return tuple((term, meaning) for term, meaning in instrument.glossary if _pattern(term).search(joined))


def terms_line(instrument: Instrument, texts: Iterable[str]) -> str:
    """The terms `texts` use, said in one line ("RRAA: ...; DoH: ..."), or "" when they use none."""
    used = terms_used(instrument, texts)
    return "; ".join(f"{term}: {meaning}" for term, meaning in used)
