"""Loaded by every `stick` the tests start (it is on their PYTHONPATH): no network, ever.

And where a test takes HOME away, the user database's home is a folder of the test's
(STICK_TEST_USER_HOME), so the stick it starts never writes into the real user's documents.
"""

import os
import socket

_real_connect = socket.socket.connect


def _refuse(self, address):  # type: ignore[no-untyped-def]
    if self.family == getattr(socket, "AF_UNIX", None):
        return _real_connect(self, address)
    raise OSError(f"stick tests: network use refused: {address!r}")


socket.socket.connect = _refuse  # type: ignore[method-assign]
socket.socket.connect_ex = _refuse  # type: ignore[method-assign]

_user_home = os.environ.get("STICK_TEST_USER_HOME")
if _user_home:
    import pwd

    _real_getpwuid = pwd.getpwuid

    def _getpwuid(uid):  # type: ignore[no-untyped-def]
        entry = _real_getpwuid(uid)
        return pwd.struct_passwd((*entry[:5], _user_home, *entry[6:]))

    pwd.getpwuid = _getpwuid
