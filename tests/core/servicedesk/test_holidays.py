"""The official holiday calendar (golden files for 1405 and 1406) and the administrator's holiday file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jdatetime
import pytest

from ostan.core.servicedesk import Holiday, HolidayFileError, HolidayKind, hijri, holidays_from_csv, official_holidays
from ostan.core.servicedesk.holidays import with_corrections

from .conftest import j

GOLDEN = Path(__file__).parent / "golden"


def as_rows(holidays: tuple[Holiday, ...]) -> list[str]:
    rows = []
    for h in holidays:
        jd = jdatetime.date.fromgregorian(date=h.date)
        rows.append(f"{jd.year:04d}/{jd.month:02d}/{jd.day:02d},{h.kind.value},{h.name}")
    return rows


@pytest.mark.parametrize("year", [1405, 1406])
def test_golden_calendar(year: int) -> None:
    expected = (GOLDEN / f"holidays_{year}.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert as_rows(official_holidays(year)) == expected


def test_1405_agrees_with_the_published_calendar_where_it_is_known() -> None:
    by_day = {h.date: h.name for h in official_holidays(1405) if h.kind is HolidayKind.LUNAR}
    # Eid al-Fitr on Nowruz, Eid al-Adha on 6 Khordad, Ghadir on 14 Khordad, Tasua/Ashura on 3–4 Tir.
    assert by_day[j(1405, 1, 1)] == "عید سعید فطر"
    assert by_day[j(1405, 1, 2)] == "تعطیل به مناسبت عید سعید فطر"
    assert by_day[j(1405, 3, 6)] == "عید سعید قربان"
    assert by_day[j(1405, 3, 14)] == "عید سعید غدیر خم"
    assert (by_day[j(1405, 4, 3)], by_day[j(1405, 4, 4)]) == ("تاسوعای حسینی", "عاشورای حسینی")
    # Eid al-Fitr comes twice in 1405; the second falls in Esfand.
    fitr = [d for d, name in by_day.items() if name == "عید سعید فطر"]
    assert [jdatetime.date.fromgregorian(date=d).month for d in sorted(fitr)] == [1, 12]
    # Months with holidays, as the published calendar counts them: Mordad 4, Esfand 4, none in Ordibehesht,
    # Mehr or Azar.
    months = [jdatetime.date.fromgregorian(date=d).month for d in {h.date for h in official_holidays(1405)}]
    assert (months.count(5), months.count(12)) == (4, 4)
    assert months.count(2) == months.count(7) == months.count(9) == 0


@pytest.mark.parametrize("year", [1405, 1406])
def test_every_holiday_lies_in_its_year_and_lunar_ones_are_provisional(year: int) -> None:
    first, last = j(year, 1, 1), j(year + 1, 1, 1) - dt.timedelta(days=1)
    for h in official_holidays(year):
        assert first <= h.date <= last
        assert h.is_provisional is (h.kind is HolidayKind.LUNAR)


def test_solar_holidays_are_the_fixed_days() -> None:
    solar = {
        (jdatetime.date.fromgregorian(date=h.date).month, jdatetime.date.fromgregorian(date=h.date).day)
        for h in official_holidays(1406)
        if h.kind is HolidayKind.SOLAR
    }
    assert solar == {(1, 1), (1, 2), (1, 3), (1, 4), (1, 12), (1, 13), (3, 14), (3, 15), (11, 22), (12, 29)}


def test_lunar_months_stay_29_or_30_days_long() -> None:
    month = hijri.HijriMonth(1440, 1)
    while month < hijri.HijriMonth(1455, 1):
        assert hijri.month_length(month) in (29, 30), month
        month = month.next()


def test_the_tabular_calendar_matches_known_dates() -> None:
    # The civil epoch (16 July 622 Julian) and 1 Muharram 1400, 21 November 1979 on every tabular calendar.
    assert hijri.tabular_month_start(hijri.HijriMonth(1, 1)) == dt.date(622, 7, 19)
    assert hijri.tabular_month_start(hijri.HijriMonth(1400, 1)) == dt.date(1979, 11, 21)
    # Years 2, 5, 7, 10, ... of the 30-year cycle are leap: 1441 is year 1 of a cycle.
    assert [y for y in range(1441, 1451) if hijri.is_leap_year(y)] == [1442, 1445, 1447, 1450]


def test_a_correction_replaces_the_provisional_date() -> None:
    # Suppose Ashura 1405 is announced for Fri 5 Tir instead of Thu 4 Tir.
    fix = Holiday(j(1405, 4, 5), "عاشورای حسيني", HolidayKind.LUNAR)  # Arabic ي, as typed
    corrected = with_corrections(official_holidays(1405), [fix])
    ashura = [h for h in corrected if "عاشورا" in h.name]
    assert ashura == [fix]
    assert len(corrected) == len(official_holidays(1405))


def test_a_correction_may_carry_an_honorific() -> None:
    fix = Holiday(j(1405, 5, 23), "شهادت امام رضا (ع)", HolidayKind.LUNAR)
    corrected = with_corrections(official_holidays(1405), [fix])
    assert [h.date for h in corrected if "امام رضا" in h.name] == [j(1405, 5, 23)]


def test_a_correction_leaves_the_other_occurrence_alone() -> None:
    fix = Holiday(j(1405, 12, 19), "عید سعید فطر", HolidayKind.LUNAR)
    corrected = with_corrections(official_holidays(1405), [fix])
    fitr = sorted(h.date for h in corrected if h.name == "عید سعید فطر")
    assert fitr == [j(1405, 1, 1), j(1405, 12, 19)]


def test_the_administrators_file() -> None:
    lines = [
        "\ufeffتاریخ,نام,نوع",
        "۱۴۰۵/۰۹/۱۰,تعطیلی به دلیل آلودگی هوا",
        "",
        "1405-4-5,عاشورای حسینی,قمری",
        '١٤٠٥/١٢/٢٠,"عید سعید فطر، روز دوم",lunar',
    ]
    holidays = holidays_from_csv(lines, filename="1405.csv")
    assert [(h.date, h.kind) for h in holidays] == [
        (j(1405, 4, 5), HolidayKind.LUNAR),
        (j(1405, 9, 10), HolidayKind.DECLARED),
        (j(1405, 12, 20), HolidayKind.LUNAR),
    ]
    assert not any(h.is_provisional for h in holidays)


def test_the_administrators_file_is_all_or_nothing_with_every_bad_line() -> None:
    lines = [
        "1405/09/10,آلودگی هوا",
        "1405/13/01,روز ناموجود",
        "1405/09/11,",
        "1405/09/12,تعطیلی,رسمی",
        "1405/09/13",
        "۱۴۰۵/۰۹/۱۰,آلودگی  هوا",
    ]
    with pytest.raises(HolidayFileError) as info:
        holidays_from_csv(lines, filename="bad.csv")
    error = info.value
    assert error.code == "holiday_file_invalid"
    assert [e["line"] for e in error.details["errors"]] == [2, 3, 4, 5, 6]  # type: ignore[index]
    messages = [e["message"] for e in error.details["errors"]]  # type: ignore[index]
    assert messages[0] == "چنین روزی در تقویم خورشیدی وجود ندارد."
    assert messages[4] == "تکرار سطر ۱ است."
    assert error.message.startswith("پروندهٔ تعطیلات «bad.csv»، سطر ۲: چنین روزی")
    assert "و ۴ سطر دیگر" in error.message
    assert error.message.endswith("هیچ تعطیلی بارگذاری نشد.")


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(HolidayFileError, match="هیچ تعطیلی ندارد"):
        holidays_from_csv(["تاریخ,نام", ""])
