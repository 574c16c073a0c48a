"""Short codes: the Damm check digit catches every single-digit error and adjacent transposition."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.polling.errors import ShortCodeMistyped
from ostan.core.polling.short_codes import (
    LENGTH,
    SPACE,
    check_digit,
    display,
    is_valid,
    make_short_code,
    parse_short_code,
    presented_token,
    qr_payload,
    short_token,
)
from ostan.core.polling.tokens import token_hash

numbers = st.integers(min_value=0, max_value=SPACE - 1)


def test_worked_examples() -> None:
    # Damm's own example: 572 → check digit 4.
    assert check_digit("572") == "4"
    assert make_short_code(0) == "000000000"
    assert make_short_code(12345678) == "123456786"  # docs/election-day.md
    assert is_valid("5724")
    assert not is_valid("5274")
    assert display("123456780") == "1234-5678-0"


@settings(max_examples=300)
@given(numbers)
def test_every_code_is_nine_digits_and_valid(number: int) -> None:
    code = make_short_code(number)
    assert len(code) == LENGTH
    assert code.isdigit()
    assert is_valid(code)
    assert parse_short_code(code) == code


@settings(max_examples=300)
@given(numbers, st.integers(0, LENGTH - 1), st.integers(1, 9))
def test_every_single_digit_error_is_caught(number: int, position: int, shift: int) -> None:
    code = make_short_code(number)
    wrong = code[:position] + str((int(code[position]) + shift) % 10) + code[position + 1 :]
    assert not is_valid(wrong)
    with pytest.raises(ShortCodeMistyped):
        parse_short_code(wrong)


@settings(max_examples=300)
@given(numbers, st.integers(0, LENGTH - 2))
def test_every_adjacent_transposition_is_caught(number: int, position: int) -> None:
    code = make_short_code(number)
    a, b = code[position], code[position + 1]
    swapped = code[:position] + b + a + code[position + 2 :]
    assert swapped == code or not is_valid(swapped)


@settings(max_examples=100)
@given(numbers)
def test_any_digit_style_and_the_qr_payload_give_the_same_token(number: int) -> None:
    code = make_short_code(number)
    persian = code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    arabic = code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    forms = [code, persian, arabic, display(code), " ".join(code), qr_payload(code), qr_payload(code).lower()]
    tokens = {presented_token(form, station_code="S-1") for form in forms}
    assert tokens == {short_token("S-1", code)}


def test_a_short_code_names_a_token_only_at_its_station() -> None:
    code = make_short_code(31415926)
    assert token_hash(presented_token(code, station_code="S-1")) != token_hash(
        presented_token(code, station_code="S-2")
    )


def test_a_long_token_is_presented_as_itself() -> None:
    assert presented_token(" aaaqeayeaudaocajbifqydiob4 ", station_code="S-1") == "AAAQEAYEAUDAOCAJBIFQYDIOB4"


def test_out_of_range_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="out of range"):
        make_short_code(SPACE)
    with pytest.raises(ShortCodeMistyped):
        parse_short_code("12345")


@settings(max_examples=200)
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcxyz0189", min_size=1, max_size=40))
def test_the_fast_paths_decide_as_the_general_rule(text: str) -> None:
    cleaned = text.strip()
    if len(cleaned) == LENGTH and cleaned.isdigit():
        expected = short_token("S-1", cleaned) if is_valid(cleaned) else cleaned
    else:
        expected = cleaned.upper()
    assert presented_token(text, station_code="S-1", is_strict=False) == expected
