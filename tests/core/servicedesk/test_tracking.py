"""Tracking codes: round trip, a bijection, typing mistakes caught, and nothing learnt from a neighbour."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.servicedesk import (
    InvalidTrackingKey,
    TrackingCodeCheckDigit,
    TrackingCodeLength,
    TrackingCodeOutOfRange,
    tracking,
)
from ostan.core.servicedesk.tracking import SERIAL_LIMIT, FeistelPermutation, damm_digit, is_damm_valid

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
serials = st.integers(0, SERIAL_LIMIT - 1)


@given(serials)
def test_round_trip(serial: int) -> None:
    code = tracking.encode(serial, key=KEY)
    assert len(code) == 10
    assert code[0] != "0"
    assert is_damm_valid(code)
    assert tracking.decode(code, key=KEY) == serial


def test_the_extremes_of_the_range() -> None:
    for serial in (0, 1, SERIAL_LIMIT - 1):
        assert tracking.decode(tracking.encode(serial, key=KEY), key=KEY) == serial
    with pytest.raises(TrackingCodeOutOfRange):
        tracking.encode(SERIAL_LIMIT, key=KEY)
    with pytest.raises(TrackingCodeOutOfRange):
        tracking.encode(-1, key=KEY)


@pytest.mark.parametrize("domain", [2, 10, 1000, 1025, 4097])
def test_the_permutation_is_a_bijection_of_its_range(domain: int) -> None:
    permutation = FeistelPermutation(KEY, domain)
    images = [permutation.permute(v) for v in range(domain)]
    assert sorted(images) == list(range(domain))
    assert all(permutation.invert(image) == v for v, image in enumerate(images))


def test_codes_are_unique_over_a_run_of_serials() -> None:
    codes = {tracking.encode(serial, key=KEY) for serial in range(20_000)}
    assert len(codes) == 20_000


def test_consecutive_serials_give_unrelated_codes() -> None:
    codes = [tracking.encode(serial, key=KEY) for serial in range(1000, 2001)]
    differing = [sum(a != b for a, b in zip(x[:9], y[:9], strict=True)) for x, y in itertools.pairwise(codes)]
    # Unrelated nine-digit bodies differ in about 8.1 places on average (9 × 0.9).
    assert sum(differing) / len(differing) > 7.5
    assert len({int(y) - int(x) for x, y in itertools.pairwise(codes)}) > 990  # no common step
    first_digits = {code[0] for code in codes}
    assert first_digits == set("123456789")


def test_the_key_matters() -> None:
    same = sum(tracking.encode(s, key=KEY) == tracking.encode(s, key=OTHER_KEY) for s in range(2000))
    assert same <= 1
    code = tracking.encode(12345, key=KEY)
    assert tracking.decode(code, key=OTHER_KEY) != 12345


def test_short_keys_are_refused() -> None:
    with pytest.raises(InvalidTrackingKey):
        tracking.encode(1, key=b"short")


def test_every_single_substitution_and_adjacent_transposition_is_caught() -> None:
    for serial in range(0, 900_000_000, 9_000_001):
        code = tracking.encode(serial, key=KEY)
        for i in range(10):
            for digit in "0123456789":
                if digit != code[i]:
                    assert not is_damm_valid(code[:i] + digit + code[i + 1 :])
        for i in range(9):
            if code[i] != code[i + 1]:
                assert not is_damm_valid(code[:i] + code[i + 1] + code[i] + code[i + 2 :])


@settings(max_examples=200)
@given(st.text("0123456789", min_size=1, max_size=12))
def test_the_damm_digit_catches_errors_on_any_digits(digits: str) -> None:
    code = digits + damm_digit(digits)
    assert is_damm_valid(code)
    for i in range(len(code) - 1):
        swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
        assert swapped == code or not is_damm_valid(swapped)


@pytest.mark.parametrize("dressing", ["{}", " {} ", "{:3}-{:3}-{:4}", "{:3} {:3} {:4}", "persian", "arabic"])
def test_typed_in_any_style(dressing: str) -> None:
    code = tracking.encode(777, key=KEY)
    if dressing == "persian":
        typed = code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    elif dressing == "arabic":
        typed = code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    elif "3" in dressing:
        typed = dressing.replace("{:3}", "{}").replace("{:4}", "{}").format(code[:3], code[3:6], code[6:])
    else:
        typed = dressing.format(code)
    assert tracking.parse(typed) == code
    assert tracking.decode(typed, key=KEY) == 777


def test_display_form_keeps_the_groups_in_reading_order() -> None:
    code = tracking.encode(777, key=KEY)
    shown = tracking.display(code)
    assert shown.count("-") == 2
    assert tracking.parse(shown) == code
    assert tracking.display(code, persian_digits=False) == f"{code[:3]}-{code[3:6]}-{code[6:]}"


@pytest.mark.parametrize(
    ("typed", "error", "code"),
    [
        ("12345", TrackingCodeLength, "tracking_code_length"),
        ("12345678901", TrackingCodeLength, "tracking_code_length"),
        ("12345abcde", TrackingCodeLength, "tracking_code_length"),
        ("", TrackingCodeLength, "tracking_code_length"),
    ],
)
def test_malformed_input(typed: str, error: type[Exception], code: str) -> None:
    with pytest.raises(error) as info:
        tracking.parse(typed)
    assert info.value.code == code  # type: ignore[attr-defined]


def test_a_wrong_check_digit_and_a_leading_zero() -> None:
    code = tracking.encode(5, key=KEY)
    wrong = code[:9] + str((int(code[9]) + 1) % 10)
    with pytest.raises(TrackingCodeCheckDigit) as info:
        tracking.parse(wrong)
    assert "دوباره" in info.value.message
    body = "012345678"
    with pytest.raises(TrackingCodeOutOfRange):
        tracking.parse(body + damm_digit(body))
