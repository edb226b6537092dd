"""The raters of a panel: their response files read, checked to belong together, and read again cheaply.

A panel brings together files answered alone, on one PC in turn or on a shared
folder from many. The first reading refuses what cannot be one panel (another
organisation, another instrument, no raters at all) with one line, as
`stick export --compare` does. Every later reading is a poll while the event
runs: it never raises, reads again only the files whose size or time moved,
lists the folders again so a newcomer's file appears, and turns a colleague's
broken or hostile file into one line of reason, keeping what it said before.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import NamedTuple

from surveys.errors import StickError
from surveys.files.response_file import from_toml
from surveys.files.textfile import read_bytes
from surveys.folders.assessment_files import not_an_assessment, toml_files_in
from surveys.instruments.opening import instrument_for
from surveys.model.instrument import Instrument
from surveys.model.panel_mark import is_panel_file
from surveys.model.responses import Assessment
from surveys.panel.keys import GROUP_KEY, NO_GROUP, SUGGESTED_GROUPS

__all__ = ["NO_GROUP", "SUGGESTED_GROUPS", "PanelRefused", "Rater", "Raters", "group_key", "read_raters"]


class PanelRefused(StickError):
    """Files that cannot make one panel: one line, exit 2."""


def group_key(text: str) -> str:
    """Spelling and spacing aside, the same group: 'Patient ' is 'patient'."""
    return " ".join(text.split()).casefold()


def group_of(assessment: Assessment) -> str:
    """The rater group the file names (`stick new --group`), or NO_GROUP."""
    value = assessment.extra.get(GROUP_KEY)
    words = " ".join(value.split()) if isinstance(value, str) else ""
    return words or NO_GROUP


def ordered_groups(groups: Iterable[str]) -> tuple[str, ...]:
    """Each group once, as first spelled, sorted; NO_GROUP (raters without one) last."""
    seen: dict[str, str] = {}
    for group in groups:
        seen.setdefault(group_key(group), group)
    named = [seen[k] for k in sorted(seen) if k != group_key(NO_GROUP)]
    return (*named, NO_GROUP) if group_key(NO_GROUP) in seen else tuple(named)


class Signature(NamedTuple):
    size: int
    mtime_ns: int
    inode: int


class Rater(NamedTuple):
    key: str  # how the agreed file names the rater: the file, relative to the agreed file's folder
    path: Path
    respondent: str
    group: str
    assessment: Assessment


@dataclass(frozen=True)
class Raters:
    instrument: Instrument
    organisation: str
    raters: tuple[Rater, ...]
    problems: tuple[str, ...] = ()
    # What each file was when read, to read again only what moved; not part of the value's meaning.
    signatures: Mapping[str, Signature] = field(default_factory=dict, compare=False)
    arguments: tuple[Path, ...] = field(default=(), compare=False)
    base: Path = field(default=Path("."), compare=False)
    explicit: Path | None = field(default=None, compare=False)  # --instrument, if given
    leave_out: Path | None = field(default=None, compare=False)  # the agreed file, beside its raters

    @property
    def groups(self) -> tuple[str, ...]:
        return ordered_groups(r.group for r in self.raters)

    def in_group(self, group: str) -> tuple[Rater, ...]:
        return tuple(r for r in self.raters if group_key(r.group) == group_key(group))

    def words(self) -> str:
        """'5 raters: patient 2, staff 3'."""
        count = len(self.raters)
        head = f"{count} rater" + ("" if count == 1 else "s")
        parts = [f"{g} {len(self.in_group(g))}" for g in self.groups]
        return f"{head}: {', '.join(parts)}" if parts else head


def _signature(path: Path) -> Signature | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return Signature(found.st_size, found.st_mtime_ns, found.st_ino)


def rater_key(path: Path, base: Path) -> str:
    """The rater's file as the agreed file names it: relative to its folder where it can be, with /."""
    try:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    except ValueError:  # another drive on Windows
        relative = os.path.abspath(path)
    return PurePath(relative).as_posix()


def _listed(
    arguments: Sequence[Path], leave_out: Path | None, first: bool
) -> tuple[list[tuple[Path, bool]], list[str]]:
    """Every candidate file, and whether it was named (True) or found in a folder; problems of folders."""
    out: list[tuple[Path, bool]] = []
    problems: list[str] = []
    skip = _real(leave_out) if leave_out is not None else None
    for argument in arguments:
        if argument.is_dir():
            try:
                found = toml_files_in(argument)
            except OSError as exc:
                if first:
                    raise PanelRefused(f"{argument}: cannot read the folder: {exc.strerror or exc}") from None
                problems.append(f"{argument}: cannot read the folder: {exc.strerror or exc}")
                continue
            out += [(p, False) for p in found if _real(p) != skip]
        elif _real(argument) != skip:
            out.append((argument, True))
    seen: set[str] = set()
    unique = []
    for path, named in out:
        real = _real(path)
        if real not in seen:
            seen.add(real)
            unique.append((path, named))
    return unique, problems


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


class _Read(NamedTuple):
    rater: Rater | None
    problem: str
    instrument: Instrument | None
    refused: bool = True  # named, this stops the first reading; False: it is only passed over


def _read_one(path: Path, base: Path, named: bool, instrument: Path | None) -> _Read:
    """One rater's file, or the one line saying why it is not one; never raises."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return _Read(None, f"{path}: not a regular file", None)
        data = read_bytes(path)
        if not named:
            reason = not_an_assessment(data)
            if reason:
                return _Read(None, "", None)  # an instrument or another program's TOML beside the raters
        assessment = from_toml(data, str(path))
        if is_panel_file(assessment):
            # Passed over, said only when named: `stick panel *.toml` run again names the agreed file it wrote.
            return _Read(None, f"{path.name}: an agreed panel file, not a rater's" if named else "", None, False)
        used = instrument_for(assessment, path, instrument)
    except OSError as exc:
        return _Read(None, f"{path}: cannot read: {exc.strerror or exc}", None)
    except StickError as exc:
        return _Read(None, str(exc), None)
    except (RecursionError, MemoryError, ValueError):
        return _Read(None, f"{path}: cannot be read as an assessment", None)
    rater = Rater(rater_key(path, base), path, assessment.respondent, group_of(assessment), assessment)
    return _Read(rater, "", used)


def read_raters(
    arguments: Sequence[Path],
    *,
    instrument: Path | None = None,
    leave_out: Path | None = None,
    base: Path | None = None,
    previous: Raters | None = None,
) -> Raters:
    """The raters the arguments name (files and folders of them).

    The first reading (`previous` None) raises PanelRefused for what cannot be
    one panel; a reading again (`previous` given, safe in a worker thread)
    never raises: what does not fit is a problem line, and a file that breaks
    keeps its last good reading.
    """
    first = previous is None
    args = tuple(arguments) if arguments else (previous.arguments if previous is not None else ())
    if previous is not None:
        instrument = instrument or previous.explicit
        leave_out = leave_out or previous.leave_out
    where = base if base is not None else (previous.base if previous is not None else _folder_of(args))
    try:
        listed, problems = _listed(args, leave_out, first)
    except PanelRefused:
        raise
    except OSError as exc:  # a folder vanishing while listed
        if first:
            raise PanelRefused(f"cannot list the raters' files: {exc.strerror or exc}") from None
        listed, problems = [], [f"cannot list the raters' files: {exc.strerror or exc}"]
    known = {r.key: r for r in previous.raters} if previous is not None else {}
    before = previous.signatures if previous is not None else {}
    raters: list[Rater] = []
    signatures: dict[str, Signature] = {}
    chosen = previous.instrument if previous is not None else None
    organisation = previous.organisation if previous is not None else ""
    for path, named in listed:
        key = rater_key(path, where)
        signature = _signature(path)
        if signature is None:
            if first and named:
                raise PanelRefused(f"{path}: no such file (or it cannot be read)")
            if not named and key not in known:
                continue  # gone between listing and looking
            problems.append(f"{path}: cannot be read (gone or not allowed)")
            if key in known:
                raters.append(known[key])
            continue
        if key in known and before.get(key) == signature:
            raters.append(known[key])
            signatures[key] = signature
            continue
        read = _read_one(path, where, named, instrument)
        if read.rater is None:
            if read.problem:
                if first and named and read.refused:
                    raise PanelRefused(read.problem)
                kept = known.get(key)
                problems.append(read.problem + (" (showing what it said before)" if kept else ""))
                if kept is not None:
                    raters.append(kept)
            continue
        assert read.instrument is not None
        refusal = _misfit(read, chosen, organisation)
        if refusal:
            if first:
                raise PanelRefused(refusal)
            problems.append(refusal + "; left out of the panel")
            continue
        if chosen is None:
            chosen, organisation = read.instrument, read.rater.assessment.organisation
        raters.append(read.rater)
        signatures[key] = signature
    if chosen is None:
        if first:
            raise PanelRefused("no rater's assessment to bring together: name their files or their folder")
        assert previous is not None
        chosen = previous.instrument
    return Raters(chosen, organisation, tuple(raters), tuple(problems), signatures, args, where, instrument, leave_out)


def _misfit(read: _Read, instrument: Instrument | None, organisation: str) -> str:
    assert read.rater is not None and read.instrument is not None
    name = read.rater.path.name
    if instrument is None:
        return ""
    if read.instrument.id != instrument.id:
        return f"{name} was made with instrument {read.instrument.id!r}, not {instrument.id!r} like the first rater's"
    if group_key(read.rater.assessment.organisation) != group_key(organisation):
        return f"{name} is {read.rater.assessment.organisation!r}'s, not {organisation!r}'s like the first rater's"
    return ""


def _folder_of(arguments: Sequence[Path]) -> Path:
    first = arguments[0] if arguments else Path(".")
    return first if first.is_dir() else first.parent
