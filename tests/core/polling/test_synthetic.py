"""The synthetic roll: valid, Persian, census-shaped and reproducible."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from ostan.core import national_code
from ostan.core.polling.errors import SyntheticRollError
from ostan.core.polling.names import FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES
from ostan.core.polling.roll import Gender, Voter, full_years
from ostan.core.polling.synthetic import AGE_BANDS, MALE_SHARE, apportion, birth_date_for_age, synthetic_roll
from ostan.core.text import normalize

ELECTION = dt.date(2026, 6, 19)
UNITS = [("00/0001/000102/0001021101", 520_944), ("00/0001/000103/0001031102", 12_050), ("00/0002/1", 0)]
SIZE = 6000


@pytest.fixture(scope="module")
def roll() -> list[Voter]:
    return list(synthetic_roll(units=UNITS, rnd=random.Random(1405), election_date=ELECTION, size=SIZE))


def test_every_national_code_is_valid_and_unique(roll: list[Voter]) -> None:
    codes = [v.national_code for v in roll]
    assert all(national_code.is_valid(code) for code in codes)
    assert len(set(codes)) == SIZE


def test_names_use_persian_letters_only(roll: list[Voter]) -> None:
    text = "".join(v.first_name + v.last_name for v in roll)
    assert "ي" not in text
    assert "ك" not in text


def test_name_lists_are_already_normalised_and_about_a_hundred_each() -> None:
    for names in (MALE_FIRST_NAMES, FEMALE_FIRST_NAMES, LAST_NAMES):
        assert len(set(names)) == 100
        assert all(normalize(name) == name for name in names)


def test_first_names_match_the_sex(roll: list[Voter]) -> None:
    assert all((v.first_name in MALE_FIRST_NAMES) == (v.gender is Gender.MALE) for v in roll)


def test_units_get_voters_in_proportion_to_population(roll: list[Voter]) -> None:
    per_unit = Counter(v.residence_unit_path for v in roll)
    assert per_unit == {UNITS[0][0]: 5864, UNITS[1][0]: 136}  # 6000 × 520944/532994 = 5864.36


def test_sex_ratio_is_the_census_one_within_tolerance(roll: list[Voter]) -> None:
    men = sum(v.gender is Gender.MALE for v in roll) / SIZE
    assert abs(men - MALE_SHARE) < 0.02  # 3σ for n = 6000 is 0.019


def test_ages_are_adult_and_follow_the_band_table(roll: list[Voter]) -> None:
    ages = [full_years(v.birth_date, ELECTION) for v in roll]
    assert min(ages) >= 18
    assert max(ages) <= 90
    total = sum(weight for _, _, weight in AGE_BANDS)
    for low, high, weight in AGE_BANDS:
        share = sum(low <= age <= high for age in ages) / SIZE
        assert abs(share - weight / total) < 0.02, (low, high)


def test_some_voters_moved_in_recently(roll: list[Voter]) -> None:
    recent = sum(v.residence_since is not None and v.residence_since > dt.date(2025, 6, 19) for v in roll)
    assert 0.01 < recent / SIZE < 0.04


def test_residence_never_starts_before_birth(roll: list[Voter]) -> None:
    assert all(v.residence_since is None or v.residence_since >= v.birth_date for v in roll)


def test_same_seed_same_roll(roll: list[Voter]) -> None:
    again = list(synthetic_roll(units=UNITS, rnd=random.Random(1405), election_date=ELECTION, size=SIZE))
    assert again == roll


def test_other_seed_other_roll(roll: list[Voter]) -> None:
    other = list(synthetic_roll(units=UNITS, rnd=random.Random(1404), election_date=ELECTION, size=SIZE))
    assert other != roll


@pytest.mark.parametrize("age", [18, 19, 45, 90])
def test_birth_date_gives_exactly_the_age(age: int) -> None:
    rnd = random.Random(age)
    for _ in range(200):
        assert full_years(birth_date_for_age(age, dt.date(2028, 2, 29), rnd), dt.date(2028, 2, 29)) == age


def test_apportion_adds_up_exactly() -> None:
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    assert sum(apportion(997, [5, 17, 0, 3])) == 997


def test_refuses_a_territory_without_people() -> None:
    with pytest.raises(SyntheticRollError):
        synthetic_roll(units=[("00", 0)], rnd=random.Random(1), election_date=ELECTION, size=5)
