"""`stick [FILE] [--dir DIR] [--instrument PATH]`: open the app."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from tui.app.factory import make_app

    folder = args.dir or (args.file.parent if args.file is not None else _default_folder())
    app = make_app(folder, args.file, instrument=args.instrument)
    # What is loaded by now (Textual, the engine, the instrument) lives until
    # the process ends. Freezing it keeps the collector, once it is back on,
    # from walking all of it again at every full collection and at exit.
    gc.freeze()
    try:
        app.run()
    finally:
        # The app releases it on unmount; this covers a crash before that runs.
        app.release_lock()
    return app.return_code or 0


def _default_folder() -> Path:
    # Only a start without FILE or --dir needs it: `stick FILE` opens no storage module before its first frame.
    from surveys.folders.storage import default_folder

    return default_folder()
