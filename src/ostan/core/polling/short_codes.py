"""Short codes: a voting token a voter can type in nine digits, or show to the kiosk's camera.

A short code is eight random digits and one Damm check digit. The Damm check (H. M. Damm, 2004; a
totally anti-symmetric quasigroup of order 10) catches every single-digit error and every swap of two
adjacent digits, so a typing mistake is told apart from an unknown code before anything is looked up.
The eight digits come from the caller's secure random source (the centre's CSPRNG): the core takes
them as an argument, like every other entropy.

A short code names a token only at its station: the token it stands for is
``short_token(station_code, code)``, a string that hashes like any other token
(:func:`ostan.core.polling.tokens.token_hash`). So the ballot path, which hashes whatever the voting
device presents, needs no new statement, and the same nine digits at another station are another token.
"""

from __future__ import annotations

from ostan.core.check_digits import damm_digit, is_damm_valid
from ostan.core.polling.errors import ShortCodeMistyped
from ostan.core.text import only_digits

RANDOM_DIGITS = 8
LENGTH = RANDOM_DIGITS + 1
SPACE = 10**RANDOM_DIGITS  # 10⁸ codes per station: with 1,000 unspent, a guess hits one in 100,000
QR_PREFIX = "OSTAN-T:"  # the QR payload's prefix (QR alphanumeric mode), so a kiosk reads only its own codes


def check_digit(digits: str) -> str:
    """The Damm check digit of an ASCII digit string."""
    return damm_digit(digits)


def is_valid(code: str) -> bool:
    """True when ``code`` (ASCII digits) ends with its own check digit."""
    return is_damm_valid(code)


def make_short_code(number: int) -> str:
    """The short code for ``number`` (0 ≤ number < 10⁸, drawn by the caller from a secure source)."""
    if not 0 <= number < SPACE:
        raise ValueError("number out of range")
    digits = f"{number:0{RANDOM_DIGITS}d}"
    return digits + check_digit(digits)


def looks_like_short_code(text: str) -> bool:
    """True when ``text`` is nine digits in any style (spaces and dashes allowed), whatever its check digit."""
    cleaned = only_digits(text)
    return cleaned is not None and len(cleaned) == LENGTH


def parse_short_code(text: str) -> str:
    """Nine digits typed in Persian, Arabic or ASCII digits (spaces, dashes, or the QR payload) → ASCII.

    Raises :class:`ShortCodeMistyped` when the check digit does not match (or the length is wrong).
    """
    raw = text.strip()
    if raw.upper().startswith(QR_PREFIX):
        raw = raw[len(QR_PREFIX) :]
    cleaned = only_digits(raw)
    if cleaned is None or len(cleaned) != LENGTH or not is_valid(cleaned):
        raise ShortCodeMistyped("کد کوتاه درست نوشته نشده است؛ نُه رقم کارت را دوباره با دقت وارد کنید.")
    return cleaned


def short_token(station_code: str, code: str) -> str:
    """The token a short code stands for at ``station_code``: what is hashed, stored and spent."""
    return f"{station_code}/{code}"


def presented_token(text: str, *, station_code: str, is_strict: bool = True) -> str:
    """What a voting device presents, as the token to hash: a short code (any digit style, or the QR
    payload) becomes its station's short token; anything else is a long token, upper-cased.

    A mistyped short code raises :class:`ShortCodeMistyped`; with ``is_strict=False`` (a journal's
    items, each refused on its own) it is returned as typed, a token that was never issued.
    """
    raw = text.strip()
    if raw.isascii() and raw.isalnum() and not raw.isdigit():
        # A long token as the devices send it (base32): the ballot path's case, decided in a fraction
        # of a microsecond; the general test below costs 8 µs a ballot, a quarter of a journal's.
        return raw.upper()
    if len(raw) == LENGTH and is_damm_valid(raw):
        return short_token(station_code, raw)  # nine ASCII digits, as the kiosk sends them
    if raw.upper().startswith(QR_PREFIX) or looks_like_short_code(raw):
        try:
            return short_token(station_code, parse_short_code(raw))
        except ShortCodeMistyped:
            if is_strict:
                raise
    return raw.upper()


def display(code: str) -> str:
    """``123456789`` → ``1234-5678-9``: grouped to read aloud and type (ASCII; the page localises)."""
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def qr_payload(code: str) -> str:
    return QR_PREFIX + code
