"""What a check-in request and its answer look like on the wire, without Django: shared by the device
gateway (:mod:`ostan.polling.edge.gateway`) and uvicorn's protocol (:mod:`ostan.polling.edge.protocol`),
which uvicorn imports before the application, so before Django is set up."""

from __future__ import annotations

from collections.abc import Iterable

from ostan.core.polling import devices as core_devices

CHECK_IN_PATH = "/api/polling/check-ins"
MAX_BODY = 64 * 1024  # a check-in body is a few hundred bytes
SIGNED = {name.lower().encode("ascii"): name for name in (
    core_devices.HEADER_STATION, core_devices.HEADER_DEVICE, core_devices.HEADER_COUNTER,
    core_devices.HEADER_TIMESTAMP, core_devices.HEADER_SIGNATURE,
)}  # fmt: skip
# What Django's SecurityMiddleware adds to every answer with the project's settings.
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
CONTENT_TYPE = (b"content-type", b"application/json; charset=utf-8")


def response_headers(body: bytes) -> list[tuple[bytes, bytes]]:
    """The answer's headers, in the order the API's answers carry them."""
    return [CONTENT_TYPE, (b"content-length", str(len(body)).encode("ascii")), *SECURITY_HEADERS]


def signed_headers(headers: Iterable[tuple[bytes, bytes]]) -> dict[str, str]:
    """The X-Ostan-* headers of a request, by their canonical names, from (lower-case name, value) pairs."""
    return {SIGNED[name]: value.decode("latin-1") for name, value in headers if name in SIGNED}
