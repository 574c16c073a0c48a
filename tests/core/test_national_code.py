"""National code (کد ملی) check digit, parsing from any digit style, and the test-data generator."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core import national_code as nc
from ostan.core.text import to_persian_digits

# Worked by hand: 0 0 6 0 0 0 0 0 0 → 6×8 = 48, 48 mod 11 = 4 → check 11−4 = 7.
KNOWN_VALID = ["0060000007", "0499370899", "0790419904", "0084575948", "0067749828"]


@pytest.mark.parametrize("code", KNOWN_VALID)
def test_known_valid_codes(code: str) -> None:
    assert nc.parse(code) == code


def test_check_digit_worked_example() -> None:
    assert nc.check_digit("006000000") == 7
    assert nc.check_digit("000000001") == 9  # 1×2 = 2 → 11−2
    assert nc.check_digit("000000010") == 8  # 1×3 = 3 → 11−3
    assert nc.check_digit("000000005") == 1  # 5×2 = 10 → 11−10
    assert nc.check_digit("100000000") == 1  # 1×10 = 10 → 11−10


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("0499370898", "invalid_national_code"),  # wrong check digit
        ("1111111111", "invalid_national_code"),  # repeated digit
        ("12345", "invalid_national_code"),  # too short
        ("04993708991", "invalid_national_code"),  # too long
        ("04993a0899", "invalid_national_code"),  # a letter
    ],
)
def test_invalid_codes_have_persian_messages(raw: str, code: str) -> None:
    with pytest.raises(nc.InvalidNationalCode) as info:
        nc.parse(raw)
    assert info.value.code == code
    assert any("\u0600" <= ch <= "\u06ff" for ch in info.value.message)


def test_any_digit_style_and_separators() -> None:
    assert nc.parse(to_persian_digits("0499370899")) == "0499370899"
    assert nc.parse("٠٤٩٩٣٧٠٨٩٩") == "0499370899"
    assert nc.parse(" 049-937089-9 ") == "0499370899"


def test_leading_zeros_restored() -> None:
    assert nc.parse("60000007") == "0060000007"


@given(st.integers(min_value=0, max_value=2**32))
def test_generated_codes_are_valid(seed: int) -> None:
    code = nc.generate(random.Random(seed).randint)
    assert len(code) == 10
    assert nc.is_valid(code)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_serial_codes_are_valid(serial: int) -> None:
    assert nc.is_valid(nc.from_serial(serial))


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_always_caught(first_nine: str, shift: int) -> None:
    right = nc.check_digit(first_nine)
    wrong = first_nine + str((right + shift) % 10)
    assert not nc.is_valid(wrong)
