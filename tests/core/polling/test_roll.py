"""Eligibility on election day and roll import rows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.polling.errors import RollRowError
from ostan.core.polling.roll import (
    Eligibility,
    EligibilityRule,
    Gender,
    Voter,
    eligibility,
    full_years,
    is_within,
    parse_roll_row,
)

ELECTION = dt.date(2026, 6, 19)  # 29 Khordad 1405
TOWN = "00/0001/000102/0001021101"
BIG_CITY = "23/2301/230101/2301010001"


def voter(born: dt.date, *, path: str = TOWN, since: dt.date | None = None) -> Voter:
    return Voter("0499370899", "مریم", "کریمی", born, Gender.FEMALE, path, since)


def check(
    v: Voter, *, path: str = TOWN, population: int = 40_000, settlement: str = "city", **rule: object
) -> Eligibility:
    return eligibility(
        v,
        election_date=ELECTION,
        constituency_unit_path=path,
        constituency_population=population,
        settlement=settlement,
        rule=EligibilityRule(**rule),  # type: ignore[arg-type]
    )


def test_eighteenth_birthday_on_election_day_is_eligible() -> None:
    assert check(voter(dt.date(2008, 6, 19))).is_eligible


def test_eighteenth_birthday_the_day_after_is_too_young() -> None:
    result = check(voter(dt.date(2008, 6, 20)))
    assert (result.is_eligible, result.reason_code) == (False, "too_young")


def test_eighteenth_birthday_the_day_before_is_eligible() -> None:
    assert check(voter(dt.date(2008, 6, 18))).is_eligible


def test_too_young_message_is_persian_with_persian_digits() -> None:
    assert "۱۷ سال تمام" in check(voter(dt.date(2008, 6, 20))).message


def test_29_february_birthday_comes_of_age_on_1_march_in_a_common_year() -> None:
    born = dt.date(2008, 2, 29)
    assert full_years(born, dt.date(2026, 2, 28)) == 17
    assert full_years(born, dt.date(2026, 3, 1)) == 18


def test_election_on_29_february() -> None:
    assert full_years(dt.date(2010, 2, 28), dt.date(2028, 2, 29)) == 18
    assert full_years(dt.date(2010, 3, 1), dt.date(2028, 2, 29)) == 17


def test_jalali_calendar_counts_the_nowruz_birthday_a_day_later() -> None:
    born = dt.date(2008, 3, 20)  # 1 Farvardin 1387
    on = dt.date(2026, 3, 20)  # 29 Esfand 1404: Gregorian 18, Jalali still 17
    assert (full_years(born, on, "gregorian"), full_years(born, on, "jalali")) == (18, 17)


def test_residence_one_year_minus_a_day_fails_in_a_small_city() -> None:
    result = check(voter(dt.date(1990, 1, 1), since=dt.date(2025, 6, 20)))
    assert result.reason_code == "residence_too_short"


def test_residence_exactly_one_year_passes_in_a_small_city() -> None:
    assert check(voter(dt.date(1990, 1, 1), since=dt.date(2025, 6, 19))).is_eligible


def test_residence_rule_applies_in_every_village() -> None:
    v = voter(dt.date(1990, 1, 1), since=dt.date(2026, 1, 1))
    assert check(v, settlement="village", population=5_000).reason_code == "residence_too_short"


def test_large_city_has_no_residence_condition() -> None:
    v = voter(dt.date(1990, 1, 1), path=BIG_CITY, since=dt.date(2026, 6, 1))
    assert check(v, path=BIG_CITY, population=100_000).is_eligible


def test_city_of_99999_still_needs_a_year() -> None:
    v = voter(dt.date(1990, 1, 1), path=BIG_CITY, since=dt.date(2026, 6, 1))
    assert check(v, path=BIG_CITY, population=99_999).reason_code == "residence_too_short"


def test_no_recorded_move_means_resident_since_birth() -> None:
    assert check(voter(dt.date(1990, 1, 1), since=None), settlement="village").is_eligible


def test_residence_elsewhere_is_outside_the_constituency() -> None:
    result = check(voter(dt.date(1990, 1, 1), path=BIG_CITY))
    assert result.reason_code == "outside_constituency"


def test_open_large_city_rule_admits_residents_of_elsewhere() -> None:
    v = voter(dt.date(1990, 1, 1), path=TOWN)
    assert check(v, path=BIG_CITY, population=2_000_000, is_large_city_open=True).is_eligible


def test_open_large_city_rule_never_opens_small_places() -> None:
    v = voter(dt.date(1990, 1, 1), path=BIG_CITY)
    assert check(v, path=TOWN, population=20_000, is_large_city_open=True).reason_code == "outside_constituency"


def test_path_prefix_needs_a_whole_segment() -> None:
    assert is_within("00/0001/0002", "00/0001")
    assert not is_within("00/00012", "00/0001")


@given(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2020, 12, 31)))
def test_age_rule_matches_the_eighteenth_birthday(born: dt.date) -> None:
    try:
        birthday = born.replace(year=born.year + 18)
    except ValueError:  # 29 February: the birthday is 1 March
        birthday = dt.date(born.year + 18, 3, 1)
    assert check(voter(born)).is_eligible == (birthday <= ELECTION)


ROW = {
    "national_code": "۰۴۹۹۳۷۰۸۹۹",
    "first_name": "علي",
    "last_name": "كاظمي",
    "birth_date": "۱۳۷۰/۰۱/۰۱",
    "gender": "مرد",
    "residence_unit_path": "٠٠/٠٠٠١",
    "residence_since": "",
}


def test_row_with_persian_and_arabic_digits_and_letters() -> None:
    v = parse_roll_row(ROW, 2)
    assert v == Voter("0499370899", "علی", "کاظمی", dt.date(1991, 3, 21), Gender.MALE, "00/0001", None)


def test_row_with_persian_headers_and_iso_dates() -> None:
    row = {
        "کد ملي": "0499370899",
        "نام": "زهرا",
        "نام خانوادگی": "نوری",
        "تاریخ تولد": "1991-03-21",
        "جنسیت": "female",
        "محل سکونت": "00/0001",
        "تاریخ سکونت": "1400/01/01",
    }
    v = parse_roll_row(row, 3)
    assert (v.birth_date, v.gender, v.residence_since) == (dt.date(1991, 3, 21), Gender.FEMALE, dt.date(2021, 3, 21))


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("national_code", "0499370898", "کد ملی"),
        ("first_name", "", "نام"),
        ("last_name", "رضا3", "نام خانوادگی"),
        ("birth_date", "1370/13/01", "تاریخ تولد"),
        ("birth_date", "2001-02-30", "تاریخ تولد"),
        ("gender", "x", "جنسیت"),
        ("residence_unit_path", "00//01", "محل سکونت"),
        ("residence_since", "1360/01/01", "تاریخ سکونت"),
    ],
)
def test_bad_rows_name_the_line_and_the_field(field: str, value: str, words: str) -> None:
    with pytest.raises(RollRowError) as caught:
        parse_roll_row({**ROW, field: value}, 7)
    assert caught.value.details == {"line": 7, "field": field}
    assert caught.value.message.startswith(f"سطر ۷، «{words}»")
