"""The start of stick.pyz (copied into the zip as `__main__.py` by build_pyz.py).

zipimport loads only the one bytecode version the zip was built with; on any
other Python every module would be compiled from source on every start (about
four times the installed app's start). So on another Python the zip's contents
are unpacked once into the user's cache folder, and from then on it starts from
there as an installed app does: Python compiles each module the first time it
is imported and keeps the bytecode beside it (compiling everything at unpacking
would double the first start for modules most starts never load).

The unpacked copy is a shortcut, never a requirement: it is made in a folder of
its own and renamed into place only when complete, so two starts at once or a
start killed half-way never leave a broken copy; a cache folder that is
read-only, missing or full means stick runs from the zip, only slower.

Written so that it parses on old Pythons, to say which one is needed.
"""

from __future__ import annotations

import contextlib
import os
import sys

BUILD = "unbuilt"  # replaced by the build: a hash of the zip's contents
BYTECODE = "none"  # replaced by the build: the cache tag of the zip's .pyc files (e.g. cpython-311)
COMPLETE = "complete"  # written last inside an unpacked copy
DAY = 24 * 3600
KEEP_UNUSED_DAYS = 30  # an unpacked copy of another build, unused this long, is removed
STALE_PARTIAL = 3600  # a half-made copy this old is a start that was killed


def cache_root() -> str:
    """Where unpacked copies live: STICK_CACHE_DIR, else the platform's cache folder for stick."""
    chosen = os.environ.get("STICK_CACHE_DIR")
    if chosen:
        return os.path.join(os.path.expanduser(chosen), "pyz")
    import platformdirs

    return os.path.join(platformdirs.user_cache_dir("stick", appauthor=False), "pyz")


def unpacked(archive: str, build: str, tag: str, root: str) -> str | None:
    """The folder holding this build compiled for this Python, made if need be; None if it cannot be had."""
    target = os.path.join(root, f"{build}-{tag}")
    marker = os.path.join(target, COMPLETE)
    try:
        used = os.stat(marker).st_mtime
    except OSError:
        return _unpack(archive, target, root, build, tag)
    import time

    now = time.time()
    if now - used > DAY:  # "last used", kept to the day so a start costs one stat
        with contextlib.suppress(OSError):
            os.utime(marker, (now, now))
    return target


def _unpack(archive: str, target: str, root: str, build: str, tag: str) -> str | None:
    import shutil
    import tempfile
    import zipfile

    partial = None
    if sys.stderr is not None and sys.stderr.isatty():
        # A few seconds with nothing on the screen would look like a hang.
        version = f"{sys.version_info[0]}.{sys.version_info[1]}"
        print(f"stick: getting ready for Python {version} (the first start only)...", file=sys.stderr, flush=True)
    try:
        os.makedirs(root, exist_ok=True)
        _tidy(root, build, tag)
        partial = tempfile.mkdtemp(prefix=f".{build}-{tag}-", dir=root)
        with zipfile.ZipFile(archive) as zipped:
            for member in zipped.infolist():
                name = member.filename
                # The zip's own bytecode is another Python's; its start is this file.
                if name == "__main__.py" or name.endswith(".pyc"):
                    continue
                zipped.extract(member, partial)
        with open(os.path.join(partial, COMPLETE), "w", encoding="utf-8") as handle:
            handle.write(f"{build} {tag}\n")
        try:
            os.rename(partial, target)
        except OSError:
            # Another start finished first: use its copy, drop ours.
            if not os.path.isfile(os.path.join(target, COMPLETE)):
                return None
        return target
    except (OSError, zipfile.BadZipFile):
        return None
    finally:
        if partial is not None and os.path.isdir(partial):
            shutil.rmtree(partial, ignore_errors=True)


def _tidy(root: str, build: str, tag: str) -> None:
    """Remove half-made copies of killed starts, and other builds' copies long unused."""
    import shutil
    import time

    now = time.time()
    for name in os.listdir(root):
        path = os.path.join(root, name)
        try:
            if name.startswith("."):
                old = now - os.stat(path).st_mtime > STALE_PARTIAL
            elif name != f"{build}-{tag}":
                old = now - os.stat(os.path.join(path, COMPLETE)).st_mtime > KEEP_UNUSED_DAYS * DAY
            else:
                old = False
        except OSError:
            continue
        if old:
            shutil.rmtree(path, ignore_errors=True)


def main() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - the file is run by whatever python is there
        sys.exit("stick needs Python 3.11 or newer; this is " + sys.version.split()[0])
    archive = os.path.dirname(os.path.abspath(__file__))
    tag = sys.implementation.cache_tag
    if tag is not None and tag != BYTECODE and sys.path and os.path.abspath(sys.path[0]) == archive:
        try:
            root = cache_root()
        except Exception:  # no cache folder to be had (no home, a broken platformdirs): run from the zip
            root = None
        folder = unpacked(archive, BUILD, tag, root) if root else None
        if folder is not None:
            sys.path[0] = folder
    from tui.cli import main as stick

    stick()


if __name__ == "__main__":
    main()
