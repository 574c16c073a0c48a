"""One-time codes: uniform digits from the given source, keyed digests, expiry and the attempt limit."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core import otp
from ostan.core.text import only_digits, to_persian_digits

KEY = b"test-key-not-secret"
SUBJECT = "0060000007"
T0 = dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.UTC)


def challenge_for(code: str) -> otp.Challenge:
    return otp.issue(code, key=KEY, subject=SUBJECT, now=T0)


@given(seed=st.integers(min_value=0, max_value=2**32))
def test_generated_codes_are_six_ascii_digits(seed: int) -> None:
    code = otp.generate_code(random.Random(seed).randrange)
    assert len(code) == otp.CODE_LENGTH
    assert code.isascii()
    assert code.isdigit()


def test_generation_uses_the_given_source() -> None:
    digits = iter([1, 2, 3, 0, 9, 8])
    assert otp.generate_code(lambda n: next(digits)) == "123098"


@given(code=st.text(alphabet="0123456789", min_size=6, max_size=6))
def test_digest_never_contains_the_code_and_depends_on_key_and_subject(code: str) -> None:
    stored = otp.digest(code, key=KEY, subject=SUBJECT)
    assert len(stored) == 64
    assert stored != otp.digest(code, key=b"another key", subject=SUBJECT)
    assert stored != otp.digest(code, key=KEY, subject="0499370899")


def test_right_code_is_accepted_once() -> None:
    challenge, error = otp.check(challenge_for("123456"), "123456", key=KEY, subject=SUBJECT, now=T0)
    assert error is None
    assert challenge.is_used
    assert challenge.attempts == 1
    _, error = otp.check(challenge, "123456", key=KEY, subject=SUBJECT, now=T0)
    assert isinstance(error, otp.OtpExhausted)


def test_code_typed_in_persian_digits_is_accepted() -> None:
    _, error = otp.check(challenge_for("120045"), to_persian_digits("120045"), key=KEY, subject=SUBJECT, now=T0)
    assert error is None


def test_wrong_code_counts_an_attempt() -> None:
    challenge, error = otp.check(challenge_for("123456"), "654321", key=KEY, subject=SUBJECT, now=T0)
    assert isinstance(error, otp.OtpWrong)
    assert error.code == "otp_wrong"
    assert challenge.attempts == 1
    assert not challenge.is_used


def test_code_dies_after_its_lifetime() -> None:
    late = T0 + otp.LIFETIME
    _challenge, error = otp.check(challenge_for("123456"), "123456", key=KEY, subject=SUBJECT, now=late)
    assert isinstance(error, otp.OtpExpired)
    assert error.code == "otp_expired"
    _, error = otp.check(
        challenge_for("123456"), "123456", key=KEY, subject=SUBJECT, now=late - dt.timedelta(seconds=1)
    )
    assert error is None


def test_sixth_try_is_refused_even_with_the_right_code() -> None:
    challenge = challenge_for("123456")
    for _ in range(otp.MAX_ATTEMPTS):
        challenge, error = otp.check(challenge, "000000", key=KEY, subject=SUBJECT, now=T0)
        assert isinstance(error, otp.OtpWrong)
    challenge, error = otp.check(challenge, "123456", key=KEY, subject=SUBJECT, now=T0)
    assert isinstance(error, otp.OtpExhausted)
    assert error.code == "too_many_attempts"
    assert error.status == 429


@given(typed=st.text(max_size=12))
def test_any_typed_text_is_refused_or_accepted_never_crashes(typed: str) -> None:
    challenge, error = otp.check(challenge_for("123456"), typed, key=KEY, subject=SUBJECT, now=T0)
    assert (error is None) == (only_digits(typed) == "123456")
    assert challenge.attempts == 1


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef"])
def test_malformed_codes_are_wrong(typed: str) -> None:
    _, error = otp.check(challenge_for("123456"), typed, key=KEY, subject=SUBJECT, now=T0)
    assert isinstance(error, otp.OtpWrong)
