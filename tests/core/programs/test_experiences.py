"""Best practices: adoption counts, the adopters' results, and search through Persian spelling variants."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from ostan.core.programs import (
    Adoption,
    Experience,
    InvalidExperience,
    InvalidUnitPath,
    experience_search_key,
    search_experiences,
    uptake,
)

KHORRAMABAD, KUHDASHT, SHAHRUD = "IR/IR-15/IR-15-01", "IR/IR-15/IR-15-02", "IR/IR-20/IR-20-01"
WASTE = Experience("x-waste", "تفکیک پسماند از مبدأ", KHORRAMABAD, "با مشارکت مساجد", ("پسماند", "محله‌محور"))
JOBS = Experience("x-jobs", "اشتغال روستایی با صندوق خرد", KUHDASHT, tags=("اشتغال",))
MARKET = Experience("x-market", "بازارچهٔ محلی", SHAHRUD)
ON = dt.date(2025, 6, 1)


def test_adoptions_and_the_adopters_mean_result() -> None:
    adoptions = (
        Adoption("x-waste", "kp-1", KUHDASHT, ON),
        Adoption("x-waste", "kp-2", SHAHRUD, ON),
        Adoption("x-waste", "kp-3", SHAHRUD, ON),
        Adoption("x-waste", "kp-0", KHORRAMABAD, ON),  # the originating county: not an adoption
        Adoption("x-waste", "kp-4", KHORRAMABAD + "/D2", ON),  # a district under it: an adoption
        Adoption("x-jobs", "kp-5", KHORRAMABAD, ON),
    )
    results = {"kp-1": Fraction(9, 10), "kp-2": Fraction(1, 2), "kp-4": Fraction(6, 5), "kp-0": Fraction(0)}
    rows = uptake((WASTE, JOBS, MARKET), adoptions, results)
    assert [(u.experience_id, u.adoptions, u.adopting_units, u.measured, u.mean_attainment) for u in rows] == [
        ("x-waste", 4, 3, 3, (Fraction(9, 10) + Fraction(1, 2) + Fraction(6, 5)) / 3),  # kp-3 not measured
        ("x-jobs", 1, 1, 0, None),
        ("x-market", 0, 0, 0, None),
    ]


@pytest.mark.parametrize(
    "adoptions",
    [
        [Adoption("x-none", "kp-1", KUHDASHT, ON)],
        [Adoption("x-waste", "kp-1", KUHDASHT, ON), Adoption("x-waste", "kp-1", KUHDASHT, ON)],
    ],
)
def test_unknown_experiences_and_repeated_adoptions_are_refused(adoptions: list[Adoption]) -> None:
    with pytest.raises(InvalidExperience):
        uptake((WASTE,), adoptions, {})


def test_an_experience_needs_a_title_and_a_place() -> None:
    with pytest.raises(InvalidExperience):
        Experience("x", " \u200c ", KUHDASHT)
    with pytest.raises(InvalidUnitPath):
        Experience("x", "عنوان", "IR/")


def test_the_search_key_folds_persian_spelling() -> None:
    assert experience_search_key(WASTE) == "تفکیکپسماندازمبدا پسماند محلهمحور"
    # Arabic yeh and kaf, hamza on alef, a space for the ZWNJ: the same key.
    arabic = Experience("x", "تفكيك پسماند از مبدا", KUHDASHT, tags=("پسماند", "محله محور"))
    assert experience_search_key(arabic) == experience_search_key(WASTE)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("پسماند", ["x-waste"]),
        ("تفكيك", ["x-waste"]),  # Arabic kaf
        ("محله محور", ["x-waste"]),  # a space where the title has ZWNJ
        ("اشتغال", ["x-jobs"]),
        ("بازارچه", ["x-market"]),
        ("روستایي", ["x-jobs"]),  # Arabic yeh
        ("ب", ["x-market", "x-jobs", "x-waste"]),  # titles beginning with it first, then by title
        ("   ", []),
        ("قنات", []),
    ],
)
def test_search(query: str, found: list[str]) -> None:
    assert [e.id for e in search_experiences((WASTE, JOBS, MARKET), query)] == found
