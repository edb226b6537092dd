"""Opening a panel: the raters read, the agreed file created or taken up again, locked and guarded.

The agreed file is named by the facilitator (`-o`) or goes beside the raters,
dated: `ORGANISATION-panel-DATE.toml`. Run again the same day (after a crash,
a power cut, a kill) the same file is found and carried on from, so nothing
agreed is lost or agreed twice. A file of that name that is not this panel's
is never written over.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from surveys.editing.session import EditingSession
from surveys.errors import StickError
from surveys.files.atomic import atomic_create, clear_stale_temps
from surveys.files.guarded_file import GuardedFile
from surveys.files.response_file import load_assessment, to_toml
from surveys.folders.storage import safe_stem
from surveys.instruments.opening import INSTRUMENT_FILE_KEY
from surveys.locks.lock import FileLock
from surveys.locks.stale_sweep import clear_stale_locks
from surveys.model.panel_mark import is_panel_file
from surveys.model.responses import Assessment, new_assessment
from surveys.panel.raters import PanelRefused, Raters, group_key, read_raters
from surveys.panel.record import RecordedRater, with_raters
from surveys.panel.session import PanelSession

RESPONDENT = "Grading panel"
ROLE = "the panel's agreed rating"


def default_agreed_path(raters: Raters, on: date) -> Path:
    """Beside the raters: ORGANISATION-panel-DATE.toml."""
    return raters.base / f"{safe_stem(raters.organisation + ' panel', on)}.toml"


def _new_agreed(raters: Raters, on: date, respondent: str) -> Assessment:
    instrument = raters.instrument
    extra: dict[str, object] = {}
    first = raters.raters[0]
    recorded = first.assessment.extra.get(INSTRUMENT_FILE_KEY)
    if isinstance(recorded, str) and recorded and first.path.parent.resolve() == raters.base.resolve():
        extra[INSTRUMENT_FILE_KEY] = recorded  # the raters' own instrument file, beside them and the agreed file
    assessment = new_assessment(
        raters.organisation, respondent, ROLE, instrument.id, instrument.version, on=on, extra=extra
    )
    return with_raters(assessment, [RecordedRater(r.key, r.respondent, r.group) for r in raters.raters])


def _check_agreed(path: Path, assessment: Assessment, raters: Raters) -> None:
    if not is_panel_file(assessment):
        raise PanelRefused(f"{path} is an assessment, not a panel's agreed file; name another with -o")
    if assessment.instrument_id != raters.instrument.id:
        raise PanelRefused(
            f"{path} agrees ratings of instrument {assessment.instrument_id!r}, not {raters.instrument.id!r}"
        )
    if group_key(assessment.organisation) != group_key(raters.organisation):
        raise PanelRefused(f"{path} is {assessment.organisation!r}'s panel, not {raters.organisation!r}'s")


def open_panel(
    paths: list[Path],
    out: Path | None = None,
    *,
    instrument: Path | None = None,
    program: str = "stick panel",
    respondent: str = RESPONDENT,
    on: date | None = None,
) -> PanelSession:
    """The panel over the raters `paths` (files and folders), agreeing into `out`; StickError (one line) if not."""
    if out is not None and out.suffix.lower() != ".toml":
        raise StickError(f"{out}: the agreed file's name must end in .toml")
    if out is not None and out.is_dir():
        raise StickError(f"{out}: is a folder; name the agreed file, e.g. {out / 'panel.toml'}")
    base = out.parent if out is not None else None
    raters = read_raters(paths, instrument=instrument, leave_out=out, base=base)
    day = on or date.today()
    path = out if out is not None else default_agreed_path(raters, day)
    if not path.parent.is_dir():
        raise StickError(f"{path.parent}: no such folder")
    clear_stale_temps(path.parent)
    clear_stale_locks(path.parent)
    if path.exists():
        _check_agreed(path, load_assessment(path), raters)
    else:
        try:
            atomic_create(path, to_toml(_new_agreed(raters, day, respondent)))
        except FileExistsError:
            pass  # made a moment ago by another stick: checked below, under the lock
        except OSError as exc:
            raise StickError(f"{path}: cannot save: {exc.strerror or exc}") from None
    lock = FileLock(path, program)
    lock.acquire()
    try:
        guarded = GuardedFile(path)
        assessment = guarded.load()  # read again under the lock: from here on the guard watches it
        _check_agreed(path, assessment, raters)
    except BaseException:
        lock.release()
        raise
    editing = EditingSession(raters.instrument, assessment, guarded.save)
    return PanelSession(path, editing, replace(raters, leave_out=path), release=lock.release)
