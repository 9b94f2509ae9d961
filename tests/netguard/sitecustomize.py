"""Loaded by every Python process the tests start (PYTHONPATH): network sockets cannot be created.

Unix-domain sockets stay allowed (asyncio's self-pipe uses a socketpair); anything that would reach
a network — AF_INET/AF_INET6 sockets, name lookups — fails at once with an OSError.
"""

from __future__ import annotations

import socket

_RealSocket = socket.socket


class NetworkDisabled(OSError):
    """Raised for any attempt to use the network during the tests."""


class _GuardedSocket(_RealSocket):
    def __init__(self, family: int = -1, type: int = -1, proto: int = -1, fileno: int | None = None) -> None:
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            raise NetworkDisabled("network access is disabled in the tests")
        super().__init__(family, type, proto, fileno)


def _blocked(*args: object, **kwargs: object) -> None:
    raise NetworkDisabled("network access is disabled in the tests")


socket.socket = _GuardedSocket  # type: ignore[misc]
socket.create_connection = _blocked  # type: ignore[assignment]
socket.getaddrinfo = _blocked  # type: ignore[assignment]
