"""A per-user index of a response folder: each file's summary, kept until the file changes.

Home and the earlier-assessment search both need a few facts about every file
in a folder (who, when, which instrument, how complete). Parsing 10,000 files
takes seconds; knowing which of them changed since last time takes a listing.
So the facts are kept in the user's cache folder, keyed by each file's name,
size and modification time, and only what changed is read again.

The cache is only ever a shortcut: one that is corrupt, of another version or
about another folder is ignored and rebuilt, never trusted and never an error.
It is written atomically, so two sticks writing it at once leave one whole file.
A file changed within a moment of the last scan is read again next time, as
git does for its index: a coarse clock (a network share's) could otherwise
hide a second save of the same size.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat as stat_module
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from surveys.errors import ResponseFileError, StickError
from surveys.files.atomic import atomic_write
from surveys.files.cache_dir import default_cache_dir
from surveys.files.response_file import from_toml, response_bytes
from surveys.folders.file_summary import FileStat, FileSummary, decode_summary, encode_summary, summary_row
from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment

if TYPE_CHECKING:
    from surveys.folders.summary_reader import Facts, Progress
    from surveys.results.scoring import Completeness

FORMAT = "stick folder index"
# 2: summaries carry finished and the don't-know count, and only the reviews still pending; an
# index of version 1 would show a finished file as a percentage, so it is read again.
VERSION = 2
# A file modified this close to the scan that saw it is read again next time.
RACY_NS = 2_000_000_000
# Reading a cold folder saves what it has this often, so quitting early still leaves a warmer cache.
CHECKPOINT_SECONDS = 2.0
FIRST_BATCH = 40  # about a screen of rows: shown before the rest is read
# The newest rows as last seen, kept apart in a small file so Home's first frame can show them
# before the folder is listed (10,000 stats and the whole index take a quarter of a second).
HEAD_ROWS = 60
BATCH_SECONDS = 0.25  # rows arrive four times a second: each batch costs the screen a frame
BATCH_LIMIT = 2000

Reader = Callable[[Path], Assessment]


class FolderIndex:
    """The summaries of one folder's response files, read only where a file changed."""

    def __init__(
        self,
        folder: Path,
        *,
        instrument: Path | None = None,
        cache_dir: Path | None = None,
        reader: Reader | None = None,
        clock: Callable[[], int] = time.time_ns,
    ) -> None:
        """`reader` reads every changed file in full; by default a file in stick's own layout is
        summarised in one pass (surveys/folders/summary_reader.py) and only the rest are read in full."""
        self.folder = folder
        self.instrument = instrument
        self.cache_dir = cache_dir if cache_dir is not None else default_cache_dir()
        self._reader = reader
        self._clock = clock
        self._instruments: dict[tuple[str, str], Instrument | None] = {}
        self._counters: dict[tuple[str, str], Progress | None] = {}
        self._identity = {"folder": str(self._resolved(folder)), "instrument": str(instrument or "")}

    @staticmethod
    def _resolved(path: Path) -> Path:
        try:
            return path.resolve()
        except OSError:
            return path.absolute()

    @property
    def cache_file(self) -> Path:
        digest = hashlib.sha256(json.dumps(self._identity, sort_keys=True).encode("utf-8")).hexdigest()[:24]
        return self.cache_dir / "folders" / f"{digest}.json"

    @property
    def head_file(self) -> Path:
        return self.cache_file.with_suffix(".head.json")

    # The cache

    def head(self) -> list[FileSummary]:
        """The newest rows of the last full scan, each still as it was on disk, newest first.

        For a first frame: a file added since is missing and a changed one left out, until
        the scan that follows replaces these rows with the folder as it is.
        """
        try:
            raw = json.loads(self.head_file.read_bytes())
            if raw.get("format") != FORMAT or raw.get("version") != VERSION:
                return []
            if {k: raw.get(k) for k in self._identity} != self._identity:
                return []
            scanned = raw["scanned_ns"]
            rows = [decode_summary(row[0], row[1:]) for row in raw["rows"]]
        except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
            return []
        if not isinstance(scanned, int):
            return []
        still: list[FileSummary] = []
        for summary in rows:
            try:
                st = os.stat(self.folder / summary.name)
            except (OSError, ValueError):
                continue
            same = stat_module.S_ISREG(st.st_mode) and (st.st_size, st.st_mtime_ns) == (summary.size, summary.mtime_ns)
            if same and st.st_mtime_ns < scanned - RACY_NS:
                still.append(summary)
        return still

    def _save_head(self, newest: list[FileSummary], scanned_ns: int) -> None:
        rows = [[s.name, *encode_summary(s)] for s in newest]
        if self._head_holds(rows):
            return  # the same newest rows: no write (and no fsync) for a folder that did not change
        doc = {"format": FORMAT, "version": VERSION, **self._identity, "scanned_ns": scanned_ns, "rows": rows}
        data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        try:
            self.head_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.head_file, data)
        except OSError:
            pass

    def _head_holds(self, rows: list[list[Any]]) -> bool:
        """The head on disk has these rows, each changed well before its scan, so it is trusted as it is."""
        try:
            raw = json.loads(self.head_file.read_bytes())
            if raw.get("format") != FORMAT or raw.get("version") != VERSION or raw.get("rows") != rows:
                return False
            if {k: raw.get(k) for k in self._identity} != self._identity:
                return False
            scanned = raw["scanned_ns"]
            return isinstance(scanned, int) and all(row[2] < scanned - RACY_NS for row in rows)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
            return False

    def _load_cache(self) -> tuple[dict[str, FileSummary], int]:
        """The summaries last saved, and when that scan started; nothing when the cache cannot be trusted."""
        try:
            raw = json.loads(self.cache_file.read_bytes())
            if raw.get("format") != FORMAT or raw.get("version") != VERSION:
                return {}, 0
            if {k: raw.get(k) for k in self._identity} != self._identity:
                return {}, 0
            scanned = raw["scanned_ns"]
            if not isinstance(scanned, int):
                return {}, 0
            return {name: decode_summary(name, row) for name, row in raw["files"].items()}, scanned
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return {}, 0

    def _save_cache(self, summaries: dict[str, FileSummary], scanned_ns: int) -> None:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            **self._identity,
            "scanned_ns": scanned_ns,
            "files": {name: encode_summary(s) for name, s in summaries.items()},
        }
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.cache_file, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written costs time next start, nothing else

    # The folder

    def _left_out(self, leave_out: Path | None) -> str | None:
        if leave_out is None or self._resolved(leave_out.parent) != self._resolved(self.folder):
            return None
        return leave_out.name

    def _listing(self) -> list[FileStat]:
        found = []
        try:
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    if not entry.name.endswith(".toml"):
                        continue
                    try:
                        if not entry.is_file():  # a FIFO or a device would block the read
                            continue
                        st = entry.stat()
                    except OSError:
                        continue
                    found.append(FileStat(entry.name, st.st_size, st.st_mtime_ns))
        except OSError:
            return []
        found.sort(key=lambda s: (s.mtime_ns, s.name), reverse=True)
        return found

    def _summarise(self, stat: FileStat) -> FileSummary:
        path = self.folder / stat.name
        try:
            if self._reader is not None:
                a = self._reader(path)
            else:
                # Imported here, as scoring is: Home's first frame shows the head rows without them.
                from surveys.folders.summary_reader import read_facts

                data = response_bytes(path)
                facts = read_facts(data)
                if facts is not None:
                    return self._summary_of(stat, path, facts)
                a = from_toml(data, str(path))  # a layout only the full reading knows, or a bad file
        except ResponseFileError as exc:
            return FileSummary(stat.name, stat.size, stat.mtime_ns, error=str(exc))
        return summary_row(stat, a, self._progress(a, path))

    def _summary_of(self, stat: FileStat, path: Path, facts: Facts) -> FileSummary:
        from surveys.folders.summary_reader import Progress
        from surveys.instruments.opening import INSTRUMENT_FILE_KEY

        key = (facts.instrument_id, str(facts.extra.get(INSTRUMENT_FILE_KEY, "")))
        if key not in self._counters:
            # Only what finding the instrument reads of a file: its instrument's id and version, and the file it names.
            bare = Assessment(
                facts.organisation,
                facts.respondent,
                "",
                facts.date,
                facts.instrument_id,
                facts.instrument_version,
                facts.created,
                facts.updated,
                extra=facts.extra,
            )
            instrument = self._instrument(key, bare, path)
            self._counters[key] = Progress(instrument) if instrument is not None else None
        counter = self._counters[key]
        return summary_row(stat, facts, counter.of(facts.answers) if counter is not None else None)

    def _instrument(self, key: tuple[str, str], a: Assessment, path: Path) -> Instrument | None:
        from surveys.instruments.opening import instrument_for

        if key not in self._instruments:
            try:
                self._instruments[key] = instrument_for(a, path, self.instrument)
            except StickError:
                self._instruments[key] = None
        return self._instruments[key]

    def _progress(self, a: Assessment, path: Path) -> Completeness | None:
        from surveys.instruments.opening import INSTRUMENT_FILE_KEY
        from surveys.results.scoring import completeness

        instrument = self._instrument((a.instrument_id, str(a.extra.get(INSTRUMENT_FILE_KEY, ""))), a, path)
        return completeness(instrument, a)[0] if instrument is not None else None

    def scan(
        self, cancelled: Callable[[], bool] = lambda: False, leave_out: Path | None = None
    ) -> Iterator[list[FileSummary]]:
        """Every response file's summary, newest change first, in batches as they are known.

        Unchanged files come from the cache; the rest are read. `cancelled` is
        asked between files: once it says yes, the scan stops at once and
        saves nothing more (a checkpoint may already have saved part).
        """
        started = self._clock()
        known, scanned_ns = self._load_cache()
        listing = self._listing()
        skip = self._left_out(leave_out)
        summaries: dict[str, FileSummary] = {}
        batch: list[FileSummary] = []
        limit = FIRST_BATCH
        last = checkpoint = time.monotonic()
        changed = set(known) - {s.name for s in listing}
        for stat in listing:
            if cancelled():
                return
            old = known.get(stat.name)
            if stat.name == skip:
                # Not read (its caller has it open), and not forgotten either: Home lists it.
                if old is not None:
                    summaries[stat.name] = old
                continue
            if old is not None and (old.size, old.mtime_ns) == stat[1:] and stat.mtime_ns < scanned_ns - RACY_NS:
                summary = old
            else:
                summary = self._summarise(stat)
                changed.add(stat.name)
            summaries[stat.name] = summary
            batch.append(summary)
            moment = time.monotonic()
            if len(batch) >= limit or (moment - last >= BATCH_SECONDS):
                yield batch
                batch, limit, last = [], BATCH_LIMIT, moment
            if changed and moment - checkpoint >= CHECKPOINT_SECONDS:
                self._save_cache({**known, **summaries}, min(started, scanned_ns) if scanned_ns else started)
                checkpoint = moment
        if cancelled():
            return
        if batch:
            yield batch
        if changed or set(summaries) != set(known):
            self._save_cache(summaries, started)
        if skip is None:  # a scan that left a file out has no head for Home
            self._save_head([summaries[s.name] for s in listing[:HEAD_ROWS]], started)

    def summaries(self, leave_out: Path | None = None) -> list[FileSummary]:
        """Every summary at once (for callers that do not stream)."""
        return [s for batch in self.scan(leave_out=leave_out) for s in batch]
