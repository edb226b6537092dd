"""Loaded by every `stick` the tests start (it is on their PYTHONPATH): no network, ever."""

import socket

_real_connect = socket.socket.connect


def _refuse(self, address):  # type: ignore[no-untyped-def]
    if self.family == getattr(socket, "AF_UNIX", None):
        return _real_connect(self, address)
    raise OSError(f"stick tests: network use refused: {address!r}")


socket.socket.connect = _refuse  # type: ignore[method-assign]
socket.socket.connect_ex = _refuse  # type: ignore[method-assign]
