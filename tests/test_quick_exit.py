"""Quitting does not wait out the terminal's input poll (issue 15: ctrl+q took 0.22-0.26 s, Textual's own wait).

Not timed: every wait the input thread starts once it has been told to stop
is recorded, and none may be a wait for time to pass; the keys typed just
before the quit are still read.
"""

from __future__ import annotations

import asyncio
import os
import selectors
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.message import Message

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Unix terminal driver")


@pytest.fixture(autouse=True)
def signals_kept() -> Iterator[None]:
    """The driver takes over ctrl+z's signals and the resize one; the test process gets its own back."""
    import signal

    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGTSTP, signal.SIGCONT, signal.SIGWINCH)}
    yield
    for sig, handler in kept.items():
        signal.signal(sig, handler)


class Recording(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[Message] = []

    async def _post_message(self, message: Message) -> bool:
        self.got.append(message)
        return True


async def test_told_to_stop_the_input_thread_ends_at_once_and_reads_the_keys_already_typed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.app import quick_exit

    stopping = threading.Event()
    waits_after_stop: list[float | None] = []
    select = selectors.SelectSelector.select

    def recorded(self: selectors.SelectSelector, timeout: float | None = None) -> Any:
        # A wait begun once the thread was told, that ran out its time with nothing ready:
        # one that returns at once, the wake already there, waited for nothing.
        told = stopping.is_set()
        ready = select(self, timeout)
        if told and timeout and not ready:
            waits_after_stop.append(timeout)
        return ready

    monkeypatch.setattr(selectors.SelectSelector, "select", recorded)
    app = Recording()
    driver = quick_exit.QuickExitDriver(app, mouse=False)
    write = os.write

    def telling(fd: int, data: bytes) -> int:
        # The thread is told when the wake byte is written (or Textual's stop flag set), not a
        # moment before, which on a busy machine can be a whole poll earlier.
        written = write(fd, data)
        if driver._wake is not None and fd == driver._wake[1]:
            stopping.set()
        return written

    monkeypatch.setattr(os, "write", telling)

    class Told(threading.Event):
        def set(self) -> None:  # Textual's own way to tell its thread
            super().set()
            stopping.set()

    driver.exit_event = Told()
    keys, typed = os.pipe()
    driver.fileno = keys
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    driver._key_thread = thread
    try:
        thread.start()
        os.write(typed, b"1")
        await asyncio.sleep(0.05)
        os.write(typed, b"2")  # typed just before the quit
        driver.disable_input()
        thread.join(timeout=30)
        assert not thread.is_alive()
        assert all(not timeout for timeout in waits_after_stop), f"waited {waits_after_stop} s after the quit"
        for _ in range(20):
            await asyncio.sleep(0.01)
        pressed = [m.key for m in app.got if isinstance(m, events.Key)]
        assert pressed == ["1", "2"]
    finally:
        os.close(keys)
        os.close(typed)
        driver.close()


async def test_input_starts_again_after_a_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    """A suspend (SIGTSTP) stops input and a resume starts a new thread: it must read keys again."""
    from tui.app import quick_exit

    monkeypatch.setattr(quick_exit, "POLL", 0.01)
    app = Recording()
    driver = quick_exit.QuickExitDriver(app, mouse=False)
    keys, typed = os.pipe()
    driver.fileno = keys
    try:
        for key in (b"3", b"4"):
            thread = threading.Thread(target=driver.run_input_thread, daemon=True)
            driver._key_thread = thread
            thread.start()
            await asyncio.sleep(0.05)
            assert thread.is_alive()
            os.write(typed, key)
            await asyncio.sleep(0.05)
            driver.disable_input()
            thread.join(timeout=30)
            assert not thread.is_alive()
        for _ in range(20):
            await asyncio.sleep(0.01)
        assert [m.key for m in app.got if isinstance(m, events.Key)] == ["3", "4"]
    finally:
        os.close(keys)
        os.close(typed)
        driver.close()


def test_the_app_uses_it_on_a_unix_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual import constants

    from tui.app.app import StickApp
    from tui.app.quick_exit import QuickExitDriver

    monkeypatch.setattr(constants, "DRIVER", None)
    app: Any = StickApp.__new__(StickApp)
    assert StickApp.get_driver_class(app) is QuickExitDriver
