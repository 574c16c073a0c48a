"""Mobile numbers: every common way of writing one becomes 09xxxxxxxxx; anything else is refused in Persian."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.phone import InvalidMobile, mask, normalize_mobile
from ostan.core.text import to_persian_digits

ARABIC_DIGITS = str.maketrans({str(i): chr(0x0660 + i) for i in range(10)})


@pytest.mark.parametrize(
    "raw",
    [
        "09123456789",
        "9123456789",
        "+989123456789",
        "00989123456789",
        "989123456789",
        "0912 345 6789",
        "+98 (912) 345-6789",
        "۰۹۱۲۳۴۵۶۷۸۹",
        "٠٩١٢٣٤٥٦٧٨٩",
    ],
)
def test_common_forms_normalise(raw: str) -> None:
    assert normalize_mobile(raw) == "09123456789"


@pytest.mark.parametrize(
    "raw", ["", "   ", "0912345678", "091234567890", "02112345678", "۰۹۱۲abc۶۷۸۹", "+1 912 345 6789"]
)
def test_bad_forms_are_refused_with_a_persian_message(raw: str) -> None:
    with pytest.raises(InvalidMobile) as caught:
        normalize_mobile(raw)
    assert caught.value.code == "invalid_mobile"
    assert "تلفن همراه" in caught.value.message


@given(rest=st.text(alphabet="0123456789", min_size=9, max_size=9), style=st.sampled_from(["ascii", "fa", "ar"]))
def test_any_09_number_round_trips_in_any_digit_style(rest: str, style: str) -> None:
    number = "09" + rest
    typed = {"ascii": number, "fa": to_persian_digits(number), "ar": number.translate(ARABIC_DIGITS)}[style]
    assert normalize_mobile(typed) == number
    assert normalize_mobile("+98" + number[1:]) == number


@given(raw=st.text(max_size=20))
def test_arbitrary_text_either_normalises_or_raises_invalid_mobile(raw: str) -> None:
    try:
        result = normalize_mobile(raw)
    except InvalidMobile:
        return
    assert len(result) == 11
    assert result.startswith("09")
    assert result.isdigit()


def test_mask_hides_the_middle() -> None:
    assert mask("09123456789") == "0912***6789"
