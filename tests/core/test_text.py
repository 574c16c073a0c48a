"""Persian text normalisation: letters, digits, tatweel, diacritics, ZWNJ and search keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core import text

PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("كرمانشاه", "کرمانشاه"),  # Arabic kaf
        ("علي", "علی"),  # Arabic yeh
        ("موسى", "موسی"),  # alef maksura
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("أحمد إبراهيم", "احمد ابراهیم"),  # hamza seats
        ("ٱلله", "الله"),
        ("تهـــران", "تهران"),  # tatweel
        ("مُحَمَّد", "محمد"),  # diacritics
        ("۱۲۳۴۵", "12345"),  # Persian digits
        ("١٢٣٤٥", "12345"),  # Arabic-Indic digits
        ("  خیابان   آزادی  ", "خیابان آزادی"),
        ("می\u200c\u200cشود", "می\u200cشود"),  # doubled ZWNJ collapses
        ("می \u200cشود", "می\u200cشود"),  # space before ZWNJ
        ("\u200cآزادی\u200c", "آزادی"),
        ("a\u200bb", "ab"),  # zero-width space removed
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert text.normalize(raw) == expected


def test_normalize_keeps_zwnj_for_display() -> None:
    assert text.normalize("اسلام\u200cآباد") == "اسلام\u200cآباد"


@pytest.mark.parametrize(
    "variant",
    ["اسلام آباد غرب", "اسلام\u200cآباد غرب", "اسلامآباد غرب", "اسلام‌اباد  غرب", "اسلام\u00a0آباد غرب"],
)
def test_search_key_folds_spelling_variants(variant: str) -> None:
    assert text.search_key(variant) == text.search_key("اسلام‌آباد غرب")


def test_search_key_folds_arabic_letters() -> None:
    assert text.search_key("كرمانشاه") == text.search_key("کرمانشاه")
    assert text.search_key("ياسوج") == text.search_key("یاسوج")


@given(st.text())
def test_normalize_is_idempotent(s: str) -> None:
    once = text.normalize(s)
    assert text.normalize(once) == once


@given(st.text())
def test_search_key_is_idempotent_and_spaceless(s: str) -> None:
    key = text.search_key(s)
    assert text.search_key(key) == key
    assert " " not in key
    assert "\u200c" not in key


@given(st.text(alphabet=PERSIAN_LETTERS + "يكىة\u0640 \u200c", min_size=1))
def test_normalize_never_leaves_arabic_variants(s: str) -> None:
    out = text.normalize(s)
    assert not set(out) & {"\u064a", "\u0643", "\u0649", "\u0629", "\u0640"}


@given(st.integers(min_value=0, max_value=10**12))
def test_digit_round_trip(n: int) -> None:
    persian = text.to_persian_digits(n)
    assert all("\u06f0" <= ch <= "\u06f9" for ch in persian)
    assert text.normalize_digits(persian) == str(n)


@given(st.integers(min_value=0, max_value=10**12))
def test_format_number_groups_thousands(n: int) -> None:
    shown = text.format_number(n)
    assert int(text.normalize_digits(shown).replace("\u066c", "")) == n
    assert text.format_number(1234567) == "۱٬۲۳۴٬۵۶۷"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("۰۹۱۲-۳۴۵ ۶۷۸۹", "09123456789"), ("١٢٣", "123"), ("12a", None), ("", None)],
)
def test_only_digits(raw: str, expected: str | None) -> None:
    assert text.only_digits(raw) == expected


@pytest.mark.parametrize(
    "variant",
    [
        "شكايت از قطعي آب در خيابان آزادي",  # Arabic kaf and yeh
        "شکایت از قطعی اب در خیابان ازادی",  # آ typed as ا
        "شِکایَت از قطعی آب در خیابانِ آزادی!",  # diacritics, punctuation
        "شکایت، از «قطعی» آب؛ در خیابان   آزادی؟",  # Persian punctuation and spaces
        "شکایت از قطعی آب در خیـــابان آزادی",  # tatweel
    ],
)
def test_search_words_fold_variants_and_keep_words_apart(variant: str) -> None:
    assert text.search_words(variant) == "شکایت از قطعی اب در خیابان ازادی"


def test_search_words_join_zwnj_and_fold_digits() -> None:
    assert text.search_words("درخواست\u200cها پلاک ۱۲ و ١٣") == "درخواستها پلاک 12 و 13"
    assert text.search_words("Water OUTAGE") == "water outage"


@given(st.text(alphabet=PERSIAN_LETTERS + " \u200c\u064a\u0643\u06f1\u0661،.؟!-_ab", max_size=60))
def test_search_words_are_clean_and_idempotent(s: str) -> None:
    words = text.search_words(s)
    assert text.search_words(words) == words
    assert "\u200c" not in words
    assert "  " not in words
    assert words == words.strip()
    assert not set(words) & {"\u064a", "\u0643", "\u06f1", "\u0661", "،", "؟", "_"}
    # The same letters as the search key, only with the words kept apart.
    assert "".join(words.split()) == "".join(ch for ch in text.search_key(s) if ch.isalnum())
