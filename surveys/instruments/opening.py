"""Opening an assessment with the instrument it was made with.

Both front ends and the exports start here, so "which instrument does this file
use" has one answer everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from surveys.errors import InstrumentError
from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import BUILTINS, builtin_instrument, is_builtin_name, load_instrument
from surveys.instruments.instrument_place import InstrumentPlaceRefused, instrument_beside, recorded_instrument
from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment

# Recorded by `stick new --instrument`, relative to the response file when it can be.
INSTRUMENT_FILE_KEY = "instrument_file"


class Opened(NamedTuple):
    path: Path
    assessment: Assessment
    instrument: Instrument


def instrument_for(
    assessment: Assessment,
    path: Path,
    explicit: Path | None = None,
    loader: Callable[[Path], Instrument] = load_instrument,
) -> Instrument:
    """The instrument to read `assessment` with: --instrument, else the recorded file, else the built-in.

    The recorded file comes before the built-in because a team's copy of the
    built-in keeps its id and raises its version; `loader` lets a caller that
    opens many files (the exports) load each instrument file once.
    """
    recorded = assessment.extra.get(INSTRUMENT_FILE_KEY)
    known = assessment.instrument_id in BUILTINS
    builtin = builtin_instrument(assessment.instrument_id) if known else builtin_instrument()
    if explicit is not None:
        instrument = builtin_instrument(str(explicit)) if is_builtin_name(explicit) else loader(explicit)
    elif isinstance(recorded, str) and recorded:
        try:
            place = recorded_instrument(path.parent, recorded, builtin.id)
            instrument = builtin if place is None else loader(place)
        except InstrumentPlaceRefused as exc:
            raise InstrumentError(
                f"{path}: instrument_file {recorded!r} refused: it {exc}; name the instrument with --instrument FILE"
            ) from None
        except InstrumentError:
            if (assessment.instrument_id, assessment.instrument_version) != (builtin.id, builtin.version):
                raise
            instrument = builtin  # the recorded copy is gone, but the file was made with the built-in
    elif known:
        instrument = builtin
    else:
        raise InstrumentError(
            f"{path}: made with instrument {assessment.instrument_id!r}; name its file with --instrument FILE"
        )
    if instrument.id != assessment.instrument_id:
        raise InstrumentError(f"{path}: made with instrument {assessment.instrument_id!r}, not {instrument.id!r}")
    return instrument


def open_assessment(
    path: Path, explicit_instrument: Path | None = None, loader: Callable[[Path], Instrument] = load_instrument
) -> Opened:
    assessment = load_assessment(path)
    return Opened(path, assessment, instrument_for(assessment, path, explicit_instrument, loader))


def recorded_instrument_path(instrument_file: Path, response_folder: Path) -> str:
    """How a response file names its instrument: beside it (see surveys.instruments.instrument_place)."""
    return instrument_beside(instrument_file, response_folder)
