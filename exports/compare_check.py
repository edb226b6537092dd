"""Whether an earlier assessment can sensibly be compared with now.

A comparison of one organisation with another, of a file with itself, of a
later file as "earlier", of a team with one person, or across instruments
reads as progress that never happened. Each is refused with one line;
`--force` compares anyway (except across instruments, where no question can
be matched), and the Compare sheet then says what was forced.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exports.merge import Member
from exports.organisations import organisation_key
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


def refusal(earlier: Opened, members: Sequence[Member], paths: Sequence[Path]) -> str | None:
    """Why the comparison makes no sense, or None when it does."""
    name = earlier.path.name
    if any(_same_file(earlier.path, p) for p in paths):
        return f"{name} is one of the files being compared with it"
    organisations = {organisation_key(m.organisation): m.organisation for m in members}
    earlier_org = organisation_key(earlier.assessment.organisation)
    if len(organisations) > 1:
        return f"the files now come from {len(organisations)} organisations; {name} is one organisation's"
    if earlier_org not in organisations:
        now = next(iter(organisations.values()))
        return f"{name} is {earlier.assessment.organisation!r}'s, not {now!r}'s"
    first_now = min(m.date for m in members)
    if earlier.assessment.date > first_now:
        return f"{name} is dated {earlier.assessment.date.isoformat()}, after now ({first_now.isoformat()})"
    if len(members) > 1:
        return f"now is a team of {len(members)} assessments; {name} is one person's"
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == Path(b).resolve() or a.samefile(b)
    except OSError:
        return False
