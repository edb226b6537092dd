"""Whether an earlier assessment can sensibly be compared with now.

A comparison of one organisation with another, of a file with itself or with
a copy of it, of a file dated the same day or later as "earlier", of a team
with one person, or across instruments reads as progress that never
happened. Each is refused with one line; `--force` compares anyway (except
across instruments, where no question can be matched), and the Compare sheet
then says what was forced. The dates and names are held to the engine's rule
for an earlier assessment (surveys/earlier_rule.py), as the app's search is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exports.layout import plain_words
from exports.merge import Member
from surveys.folders.earlier_rule import same_organisation, same_person
from surveys.instruments.opening import Opened

FORCE_HINT = "use --force to compare anyway"


def instrument_refusal(earlier: Opened, members: Sequence[Member]) -> str | None:
    ids = {m.instrument.id for m in members}
    if earlier.instrument.id not in ids or len(ids) > 1:
        return (
            f"{earlier.path.name} was made with instrument {earlier.instrument.id!r}, "
            f"not {sorted(ids)[0]!r}: its answers cannot be compared"
        )
    return None


def _named(value: str) -> str:
    """A name inside a one-line message: printable, in double quotes, whatever quotes it holds itself."""
    return f'"{plain_words(value, 80)}"'


def refusal(earlier: Opened, members: Sequence[Member], paths: Sequence[Path]) -> str | None:
    """Why the comparison makes no sense, or None when it does."""
    name = earlier.path.name
    if any(_same_file(earlier.path, p) for p in paths):
        return f"{name} is one of the files being compared with it"
    copy = next((p for p in paths if _same_bytes(earlier.path, p)), None)
    if copy is not None:
        return f"{name} is a copy of {copy.name}, one of the files being compared with it"
    organisations = list({" ".join(m.organisation.split()).casefold(): m.organisation for m in members}.values())
    if len(organisations) > 1:
        return f"the files now come from {len(organisations)} organisations; {name} is one organisation's"
    if not same_organisation(earlier.assessment.organisation, organisations[0]):
        return f"{name} assesses {_named(earlier.assessment.organisation)}, not {_named(organisations[0])}"
    first_now = min(m.date for m in members)
    when = earlier.assessment.date.isoformat()
    if earlier.assessment.date == first_now:
        return f"{name} is dated {when}, the same day as now: it is not an earlier assessment"
    if earlier.assessment.date > first_now:
        return f"{name} is dated {when}, after now ({first_now.isoformat()})"
    if len(members) > 1:
        return f"now is a team of {len(members)} assessments; {name} is one person's"
    return None


def raters_differ(earlier: Opened, members: Sequence[Member]) -> str:
    """Said on the sheet when no one now is the earlier file's respondent: the change may be the raters'."""
    before = earlier.assessment.respondent
    if any(same_person(before, m.respondent) for m in members):
        return ""
    now = members[0].respondent if len(members) == 1 else f"a team of {len(members)} other people"
    return (
        f"Different respondents: {plain_words(before, 80) or 'no name'} earlier, "
        f"{plain_words(now, 80) or 'no name'} now. What moved may be a difference between the raters "
        "as much as a change in the organisation."
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == Path(b).resolve() or a.samefile(b)
    except OSError:
        return False


def _same_bytes(a: Path, b: Path) -> bool:
    """Whether two files hold the same bytes (sizes first: only a same-sized file is read)."""
    try:
        if a.stat().st_size != Path(b).stat().st_size:
            return False
        return a.read_bytes() == Path(b).read_bytes()
    except OSError:
        return False
