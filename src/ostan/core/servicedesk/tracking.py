"""Tracking codes (کد رهگیری): ten digits a citizen can read out on the phone, that reveal nothing.

A code is nine body digits and a Damm check digit. The body is the request's serial number passed
through a keyed permutation of ``[0, SERIAL_LIMIT)`` and shifted into ``[100000000, 999999999]``, so a
code never starts with 0 (spreadsheets and SMS gateways drop leading zeros). The permutation is a
balanced Feistel network on 30 bits with HMAC-SHA256 as its round function, restricted to the range by
cycle walking: applying it again while the result falls outside the range still gives a bijection of
the range. Hence: codes are unique per key, ``decode(encode(s, key=k), key=k) == s``, and neither a
code nor a run of consecutive codes says anything about the next one without the key.

The Damm check digit catches every single-digit substitution and every transposition of two adjacent
digits, so :func:`parse` refuses those typing mistakes before any lookup. Codes are read in any digit
style (Persian, Arabic-Indic, ASCII) with spaces or dashes anywhere, and shown as ``۱۲۳-۴۵۶-۷۸۹۰``:
the hyphen keeps the groups in reading order inside right-to-left text (Unicode bidi rule W4), where
spaces would let the groups swap places.
"""

from __future__ import annotations

import hashlib
import hmac

from ostan.core.check_digits import damm_digit, is_damm_valid
from ostan.core.servicedesk.errors import (
    InvalidTrackingKey,
    TrackingCodeCheckDigit,
    TrackingCodeLength,
    TrackingCodeOutOfRange,
)
from ostan.core.text import normalize_digits, to_persian_digits

CODE_LENGTH = 10
BODY_LENGTH = CODE_LENGTH - 1
BODY_OFFSET = 10 ** (BODY_LENGTH - 1)  # the smallest body without a leading zero
SERIAL_LIMIT = 10**BODY_LENGTH - BODY_OFFSET  # 900 million serials: centuries of the national سامد volume
ROUNDS = 10  # as many Feistel rounds as NIST's format-preserving FF1 (SP 800-38G) uses
MIN_KEY_BYTES = 16
DISPLAY_GROUPS = (3, 3, 4)
_SEPARATORS = str.maketrans("", "", " -\u2010\u2011\u2012\u2013\u2014\u2212_\u200c\u00a0")


def _check_key(key: bytes) -> None:
    if len(key) < MIN_KEY_BYTES:
        raise InvalidTrackingKey(f"کلید کد رهگیری باید دست‌کم {to_persian_digits(MIN_KEY_BYTES)} بایت باشد.")


class FeistelPermutation:
    """A keyed bijection of ``[0, domain)``: balanced Feistel on ``2k`` bits, cycle-walked into the range."""

    def __init__(self, key: bytes, domain: int) -> None:
        if domain < 2:
            raise ValueError("domain must hold at least two values")
        bits = max(2, (domain - 1).bit_length())
        self._half = (bits + 1) // 2
        self._mask = (1 << self._half) - 1
        self._domain = domain
        self._mac = hmac.new(key, b"ostan/tracking-code/" + str(domain).encode(), hashlib.sha256)

    def _round(self, number: int, value: int) -> int:
        mac = self._mac.copy()
        mac.update(bytes((number,)) + value.to_bytes(8, "big"))
        return int.from_bytes(mac.digest()[:8], "big") & self._mask

    def _forward(self, value: int) -> int:
        left, right = value >> self._half, value & self._mask
        for number in range(ROUNDS):
            left, right = right, left ^ self._round(number, right)
        return (left << self._half) | right

    def _backward(self, value: int) -> int:
        left, right = value >> self._half, value & self._mask
        for number in reversed(range(ROUNDS)):
            left, right = right ^ self._round(number, left), left
        return (left << self._half) | right

    def permute(self, value: int) -> int:
        if not 0 <= value < self._domain:
            raise ValueError("value outside the domain")
        value = self._forward(value)
        while value >= self._domain:
            value = self._forward(value)
        return value

    def invert(self, value: int) -> int:
        if not 0 <= value < self._domain:
            raise ValueError("value outside the domain")
        value = self._backward(value)
        while value >= self._domain:
            value = self._backward(value)
        return value


def encode(serial: int, *, key: bytes) -> str:
    """The ten ASCII digits of the tracking code of ``serial`` (``0 <= serial < SERIAL_LIMIT``)."""
    _check_key(key)
    if not 0 <= serial < SERIAL_LIMIT:
        raise TrackingCodeOutOfRange("شمارهٔ درخواست بیرون از بازهٔ کدهای رهگیری است.", details={"serial": serial})
    body = str(FeistelPermutation(key, SERIAL_LIMIT).permute(serial) + BODY_OFFSET)
    return body + damm_digit(body)


def parse(text: str) -> str:
    """The ten ASCII digits of a typed code, after checking its length and its check digit (no key needed)."""
    cleaned = normalize_digits(text).translate(_SEPARATORS).strip()
    if not (cleaned.isascii() and cleaned.isdigit()) or len(cleaned) != CODE_LENGTH:
        raise TrackingCodeLength(
            f"کد رهگیری {to_persian_digits(CODE_LENGTH)} رقم است؛ آن را دوباره و کامل وارد کنید.",
            details={"length": len(cleaned)},
        )
    if not is_damm_valid(cleaned):
        raise TrackingCodeCheckDigit("کد رهگیری درست نیست؛ رقم‌ها را دوباره بررسی کنید.")
    if cleaned[0] == "0":
        raise TrackingCodeOutOfRange("کد رهگیری با صفر آغاز نمی‌شود؛ رقم‌ها را دوباره بررسی کنید.")
    return cleaned


def decode(text: str, *, key: bytes) -> int:
    """The serial number a typed tracking code stands for."""
    _check_key(key)
    body = int(parse(text)[:BODY_LENGTH]) - BODY_OFFSET
    return FeistelPermutation(key, SERIAL_LIMIT).invert(body)


def display(code: str, *, persian_digits: bool = True) -> str:
    """A code grouped for reading, e.g. «۱۲۳-۴۵۶-۷۸۹۰»; accepts the code as typed."""
    digits = parse(code)
    groups: list[str] = []
    start = 0
    for size in DISPLAY_GROUPS:
        groups.append(digits[start : start + size])
        start += size
    text = "-".join(groups)
    return to_persian_digits(text) if persian_digits else text
