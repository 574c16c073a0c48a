"""The online duplicate check's link to the centre, and the one test seam the polling app ships.

A check-in needs the central database: when a query fails with ``OperationalError`` (the link, the
database or the network is down) the check-in is refused with the core's ``link_down`` message and
nothing is written. :func:`simulated_outage` makes the next central checks fail the same way, so tests
and drills can show the refusal without pulling a cable; it is documented and never enabled by code.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import OperationalError

_outage = threading.Event()


@contextmanager
def simulated_outage() -> Iterator[None]:
    """Within this block every central check fails as if the link to the centre were down."""
    _outage.set()
    try:
        yield
    finally:
        _outage.clear()


def ensure_reachable() -> None:
    """Raise ``OperationalError`` during a simulated outage (real outages raise it from the driver)."""
    if _outage.is_set():
        raise OperationalError("simulated outage of the link to the centre")
