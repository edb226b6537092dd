"""Quitting without waiting out the terminal's input poll (Linux and macOS terminals).

Textual's input thread waits for keys in steps of 0.1 s and looks at its stop
flag between them; told to stop, it then waits once more, 0.1 s with nothing
to wait on, for keys typed just before. Every quit paid 0.1-0.2 s of waiting
after stick's own work was done (0.22 s for a one-label Textual app), against
the 0.2 s a quit may take. Here the thread waits on the terminal and on a
pipe of its own: quitting writes to the pipe, the thread wakes at once, reads
whatever keys are already there without waiting, and ends.

Only the input thread's loop is stick's; the terminal's modes, the parser and
how keys become events are Textual's.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import threading
from codecs import getincrementaldecoder
from typing import Any

# Textual internals, guarded by tests/test_quick_exit.py and .ci/run's newest-Textual step: the private
# XTermParser, and LinuxDriver's input thread (run_input_thread, fileno, exit_event, _debug, process_message).
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

KEYS, WAKE = "keys", "wake"
POLL = 0.1  # as Textual's: how often the parser's timed sequences (a lone esc) are looked at


class QuickExitDriver(LinuxDriver):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A pipe for each run of the input thread (a suspend closes the driver's
        # files and a resume starts a new thread); the lock keeps a wake from
        # being written to a descriptor the ending thread has just closed.
        self._wake: tuple[int, int] | None = None
        self._wake_lock = threading.Lock()

    def disable_input(self) -> None:
        # Wake the input thread first: it stops on the byte, not after its poll.
        with self._wake_lock:
            if self._wake is not None:
                with contextlib.suppress(OSError):
                    os.write(self._wake[1], b"!")
        super().disable_input()

    def run_input_thread(self) -> None:
        with self._wake_lock:
            wake_read, wake_write = os.pipe()
            self._wake = (wake_read, wake_write)
        selector = selectors.SelectSelector()
        try:
            self._read_keys_until_told(selector, wake_read)
        finally:
            selector.close()
            with self._wake_lock:
                self._wake = None
                os.close(wake_read)
                os.close(wake_write)

    def _read_keys_until_told(self, selector: selectors.BaseSelector, wake: int) -> None:
        selector.register(self.fileno, selectors.EVENT_READ, KEYS)
        selector.register(wake, selectors.EVENT_READ, WAKE)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode

        def read_keys(final: bool = False) -> bool:
            """Hand on the keys waiting now; False when the terminal has closed."""
            data = decode(os.read(self.fileno, 4096), final=final)
            if not data:
                return False
            for event in parser.feed(data):
                self.process_message(event)
            return True

        told = False
        while not told and not self.exit_event.is_set():
            for key, _mask in selector.select(POLL):
                if key.data == WAKE or not read_keys():
                    told = True
            for event in parser.tick():
                self.process_message(event)
        # Keys typed just before quitting are still read, without waiting for more.
        selector.unregister(wake)
        for _key, _mask in selector.select(0):
            read_keys(final=True)
        for event in parser.tick():
            self.process_message(event)
