"""Likely duplicates: spelling variants meet, rewordings score high, other complaints on the same street low."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.servicedesk import likely_duplicates, similarity
from ostan.core.servicedesk.similarity import DEFAULT_THRESHOLD, Match, fingerprint
from ostan.core.text import search_key

COMPLAINT = "آب خیابان شهید بهشتی کوچه ۱۲ از سه روز پیش قطع است"
SAME_COMPLAINT = {
    "arabic-letters-and-digits": "آب خيابان شهيد بهشتي كوچه ١٢ از سه روز پيش قطع است",
    "reworded": "قطعی آب در خیابان شهید بهشتی، کوچهٔ ۱۲، از سه روز پیش",
    "reordered": "آب کوچه 12 خیابان شهید بهشتي سه روز است که قطع شده",
    "other-verb": "آب خیابان شهید بهشتی کوچه ۱۲ از سه روز پیش قطع می‌باشد",
}
OTHER_COMPLAINTS = {
    "street-lights": "چراغ‌های خیابان شهید بهشتی شب‌ها خاموش است",
    "potholes": "آسفالت خیابان شهید بهشتی خراب شده و چاله دارد",
    "permit": "درخواست مجوز کسب برای مغازه در بلوار امام خمینی",
}


def test_spelling_variants_are_the_same_text() -> None:
    assert similarity("می‌شود", "ميشود") == 1.0
    assert similarity("کد ۱۲۳", "كد 123") == 1.0
    assert similarity("سلام!", "سلام") == 1.0


@pytest.mark.parametrize("name", SAME_COMPLAINT)
def test_rewordings_of_one_complaint_pass_the_default_threshold(name: str) -> None:
    assert similarity(COMPLAINT, SAME_COMPLAINT[name]) >= DEFAULT_THRESHOLD + 0.15


@pytest.mark.parametrize("name", OTHER_COMPLAINTS)
def test_other_complaints_stay_below_it(name: str) -> None:
    assert similarity(COMPLAINT, OTHER_COMPLAINTS[name]) < DEFAULT_THRESHOLD - 0.1


def test_likely_duplicates_ranks_and_limits() -> None:
    candidates = {**SAME_COMPLAINT, **OTHER_COMPLAINTS}
    found = likely_duplicates(COMPLAINT, candidates)
    assert {m.request_id for m in found} == set(SAME_COMPLAINT)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert found[0].request_id == "arabic-letters-and-digits"
    assert len(likely_duplicates(COMPLAINT, candidates, limit=2)) == 2
    assert likely_duplicates(COMPLAINT, candidates, threshold=1.01) == ()


def test_candidates_may_be_pairs_or_fingerprints() -> None:
    pairs: list[tuple[str, str | frozenset[str]]] = [
        ("a", fingerprint(SAME_COMPLAINT["reworded"])),
        ("b", OTHER_COMPLAINTS["permit"]),
    ]
    assert [m.request_id for m in likely_duplicates(COMPLAINT, pairs)] == ["a"]


def test_empty_texts_match_nothing() -> None:
    assert similarity("", "") == 0.0
    assert similarity("؟!", COMPLAINT) == 0.0
    assert likely_duplicates("", {"a": ""}, threshold=0.0) == ()


def test_ties_are_broken_by_id() -> None:
    found = likely_duplicates(COMPLAINT, {"b": COMPLAINT, "a": COMPLAINT})
    assert found == (Match("a", 1.0), Match("b", 1.0))


def test_a_word_folds_as_search_key_folds() -> None:
    for word in ("آموزش‌وپرورش", "كيك", "ٱلله", "مُحَمَّد", "ABC"):
        assert fingerprint(word) == fingerprint(search_key(word))


texts = st.text(st.sampled_from("ابپتسشکگیيكهو ۱۲3\u200c،."), max_size=40)


@given(texts, texts)
def test_the_score_is_symmetric_and_bounded(a: str, b: str) -> None:
    score = similarity(a, b)
    assert score == similarity(b, a)
    assert 0.0 <= score <= 1.0
    if fingerprint(a):
        assert similarity(a, a) == 1.0
