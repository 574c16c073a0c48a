"""Persian alphabetical order: پ چ ژ گ in their places, Arabic letter forms meeting Persian ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ostan.core.collation import ALPHABET, persian_sort_key


def test_county_names_in_dictionary_order() -> None:
    names = ["گرگان", "پارس‌آباد", "چالوس", "ژیان", "کرمان", "بابل", "زنجان", "جیرفت", "تهران", "آمل", "اراک", "یزد"]
    expected = ["اراک", "آمل", "بابل", "پارس‌آباد", "تهران", "جیرفت", "چالوس", "زنجان", "ژیان", "کرمان", "گرگان", "یزد"]
    assert sorted(names, key=persian_sort_key) == expected


def test_code_point_order_would_be_wrong() -> None:
    # The reason for the key: plain sorting puts پ and گ after ه (U+067E, U+06AF against U+0647).
    assert sorted(["پارس", "گرگان", "همدان"]) == ["همدان", "پارس", "گرگان"]
    assert sorted(["پارس", "گرگان", "همدان"], key=persian_sort_key) == ["پارس", "گرگان", "همدان"]


def test_alef_with_madda_is_alef() -> None:
    # آ is ا at the first level (dictionary order), and comes after it only when all else is equal.
    assert sorted(["آمل", "اراک"], key=persian_sort_key) == ["اراک", "آمل"]
    assert sorted(["آب", "اب"], key=persian_sort_key) == ["اب", "آب"]


def test_arabic_letter_forms_sort_as_persian() -> None:
    assert persian_sort_key("كرج")[0] == persian_sort_key("کرج")[0]
    assert persian_sort_key("علي")[0] == persian_sort_key("علی")[0]
    assert sorted(["کرمان", "كرج", "گرگان"], key=persian_sort_key) == ["كرج", "کرمان", "گرگان"]


def test_words_compare_word_by_word_and_zwnj_is_ignored() -> None:
    assert sorted(["آباد", "آب انبار"], key=persian_sort_key) == ["آب انبار", "آباد"]
    assert persian_sort_key("می\u200cشود")[0] == persian_sort_key("میشود")[0]


def test_digits_in_any_style_sort_by_value_before_letters() -> None:
    assert sorted(["محله ۲", "محله 1", "محله الف"], key=persian_sort_key) == ["محله 1", "محله ۲", "محله الف"]


@given(st.lists(st.sampled_from(ALPHABET), min_size=2, max_size=2, unique=True))
def test_single_letters_follow_the_alphabet(pair: list[str]) -> None:
    first, second = pair
    assert (persian_sort_key(first) < persian_sort_key(second)) == (ALPHABET.index(first) < ALPHABET.index(second))


@given(st.text(alphabet=ALPHABET + " ", min_size=1, max_size=8), st.text(alphabet=ALPHABET, min_size=1, max_size=4))
def test_a_prefix_sorts_first(stem: str, tail: str) -> None:
    assert persian_sort_key(stem.strip() or "ا") < persian_sort_key((stem.strip() or "ا") + tail)


@given(st.lists(st.text(alphabet=ALPHABET + " كي۱1", max_size=6), max_size=12))
def test_the_order_is_total_and_deterministic(names: list[str]) -> None:
    once = sorted(names, key=persian_sort_key)
    assert sorted(reversed(names), key=persian_sort_key) == once
