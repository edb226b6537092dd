"""The suite itself refuses the network, so any code that reaches out fails its test."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkUsed


def test_connecting_anywhere_fails() -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkUsed):
            s.connect(("127.0.0.1", 9))
        with pytest.raises(NetworkUsed):
            s.connect_ex(("::1", 9))
    finally:
        s.close()


def test_a_stick_started_by_the_tests_cannot_reach_the_network() -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT, child_pythonpath

    code = "import socket; socket.create_connection(('192.0.2.1', 80), timeout=0.1)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": child_pythonpath(), "PATH": ""},
        timeout=30,
    )
    assert done.returncode != 0 and "network use refused" in done.stderr
