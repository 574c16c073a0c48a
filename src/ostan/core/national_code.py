"""Iran's national code (کد ملی): ten digits, the last a check digit over the first nine.

check = Σ digit[i] × (10 − i) for i in 0..8, mod 11; the check digit is the remainder when it is below
2, else 11 − remainder. Codes of one repeated digit pass the arithmetic but are never issued.
"""

from __future__ import annotations

from collections.abc import Callable

from ostan.core.errors import DomainError
from ostan.core.text import only_digits

LENGTH = 10


class InvalidNationalCode(DomainError):
    code = "invalid_national_code"


def check_digit(first_nine: str) -> int:
    total = sum(int(d) * (LENGTH - i) for i, d in enumerate(first_nine))
    remainder = total % 11
    return remainder if remainder < 2 else 11 - remainder


def parse(raw: str) -> str:
    """Normalise ``raw`` (any digit style, spaces or dashes) and return the valid ten-digit code.

    Raises :class:`InvalidNationalCode` with a Persian message otherwise. Eight- and nine-digit input
    gets its leading zeros back, as older cards print it without them.
    """
    digits = only_digits(raw)
    if not digits:
        raise InvalidNationalCode("کد ملی باید فقط از رقم تشکیل شده باشد.")
    if 8 <= len(digits) < LENGTH:
        digits = digits.zfill(LENGTH)
    if len(digits) != LENGTH:
        raise InvalidNationalCode("کد ملی باید ده رقم باشد.")
    if len(set(digits)) == 1:
        raise InvalidNationalCode("این کد ملی معتبر نیست.")
    if check_digit(digits[:9]) != int(digits[9]):
        raise InvalidNationalCode("رقم کنترل کد ملی درست نیست؛ لطفاً کد را دوباره بررسی کنید.")
    return digits


def is_valid(raw: str) -> bool:
    try:
        parse(raw)
    except InvalidNationalCode:
        return False
    return True


def generate(randint: Callable[[int, int], int]) -> str:
    """A valid national code for test data. ``randint(a, b)`` is the caller's random source (inclusive)."""
    while True:
        first_nine = "".join(str(randint(0, 9)) for _ in range(9))
        code = first_nine + str(check_digit(first_nine))
        if len(set(code)) > 1:
            return code


def from_serial(serial: int) -> str:
    """A deterministic valid code for the n-th synthetic person (serial < 10⁹), handy for bulk test data."""
    first_nine = f"{serial % 1_000_000_000:09d}"
    code = first_nine + str(check_digit(first_nine))
    return code if len(set(code)) > 1 else from_serial(serial + 1)
