"""A station device in Python: its key, its counter and the signed headers of each request.

For tests, benchmarks, drills and the demo; real devices sign in their own hardware (the browser
pages sign with WebCrypto, static/polling/device.js). Keys come from a seed, so a demo device's key
can be printed and typed into a page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import secrets
import threading

from ostan.core.polling import devices as core_devices
from ostan.core.polling.tokens import issue_token


def seed_key(seed: str) -> bytes:
    """A 32-byte private key derived from a text seed (demo devices only: never for real keys)."""
    return hashlib.sha256(("ostan-demo-device|" + seed).encode()).digest()


class SimulatedDevice:
    def __init__(self, *, device_id: str, station_code: str, private_key: bytes, counter_start: int = 0) -> None:
        self.device_id = device_id
        self.station_code = station_code
        self.keys = core_devices.device_keys(private_key)
        self._counter = itertools.count(counter_start + 1)
        self._lock = threading.Lock()

    @property
    def public_key_hex(self) -> str:
        return self.keys.public_key.hex()

    def next_counter(self) -> int:
        with self._lock:
            return next(self._counter)

    def sign(self, method: str, path: str, body: bytes, *, counter: int | None = None) -> dict[str, str]:
        """The X-Ostan-* headers for one request (a fresh counter unless one is given)."""
        request = core_devices.DeviceRequest(
            method=method, path=path, station_code=self.station_code, device_id=self.device_id,
            counter=self.next_counter() if counter is None else counter,
            timestamp=dt.datetime.now(dt.UTC), body=body,
        )  # fmt: skip
        return core_devices.request_headers(request, core_devices.sign_request(self.keys.private_key, request))

    def signed_json(self, method: str, path: str, payload: object) -> tuple[bytes, dict[str, str]]:
        body = json.dumps(payload).encode()
        return body, {"Content-Type": "application/json", **self.sign(method, path, body)}


def new_token() -> tuple[str, str]:
    """A fresh voting token and its hash, as an authentication device makes them."""
    return issue_token(secrets.token_bytes(20))


def new_ballot_id() -> str:
    return secrets.token_hex(16)
