"""A tiny territory tree (two counties of one province, Tehran city) and election officials placed in it.

Units are written directly (the territory loader's job, not under test here); accounts are plain users.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.core.text import search_key
from ostan.territory.models import PATH_SEPARATOR, Unit, UnitKind
from tests.actors import make_person

PASSWORD = "Pardis-Sahar-1405"


def make_unit(code: str, kind: str, name: str, parent: Unit | None = None, population: int | None = None) -> Unit:
    path = f"{parent.path}{PATH_SEPARATOR}{code}" if parent else code
    return Unit.objects.create(
        code=code, kind=kind, name=name, search_key=search_key(name), parent=parent, path=path,
        depth=(parent.depth + 1) if parent else 0, population=population,
        population_source="سرشماری ۱۳۹۵" if population else "",
    )  # fmt: skip


@dataclass(frozen=True)
class World:
    country: Unit
    province: Unit
    county_a: Unit
    county_b: Unit
    city_a: Unit  # 150,000 people: 7 members, 5 alternates
    city_b: Unit  # in county B, population unknown
    village_a: Unit
    tehran: Unit


def make_world() -> World:
    country = make_unit("IR", UnitKind.COUNTRY, "ایران")
    province = make_unit("00", UnitKind.PROVINCE, "مرکزی", country)
    county_a = make_unit("0001", UnitKind.COUNTY, "اراک", province)
    county_b = make_unit("0002", UnitKind.COUNTY, "آشتیان", province)
    district_a = make_unit("000102", UnitKind.DISTRICT, "مرکزی", county_a)
    district_b = make_unit("000201", UnitKind.DISTRICT, "مرکزی", county_b)
    city_a = make_unit("0001021101", UnitKind.CITY, "اراک", district_a, population=150_000)
    city_b = make_unit("0002011201", UnitKind.CITY, "آشتیان", district_b)
    rural = make_unit("00010201", UnitKind.RURAL_DISTRICT, "امانیه", district_a)
    village_a = make_unit("0001020100001", UnitKind.VILLAGE, "کرهرود", rural)
    tehran_province = make_unit("23", UnitKind.PROVINCE, "تهران", country)
    tehran_county = make_unit("2301", UnitKind.COUNTY, "تهران", tehran_province)
    tehran_district = make_unit("230101", UnitKind.DISTRICT, "مرکزی", tehran_county)
    tehran = make_unit("2301011001", UnitKind.CITY, "تهران", tehran_district, population=8_693_706)
    return World(country, province, county_a, county_b, city_a, city_b, village_a, tehran)


def make_official(username: str, role: str, unit: Unit | None) -> User:
    return make_person(username, role, unit, password=PASSWORD)


def candidates_csv(rows: list[list[str]], header: tuple[str, ...] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header or ("code", "national_code", "first_name", "last_name", "is_veteran", "education"))
    writer.writerows(rows)
    return out.getvalue().encode()


CITY_CANDIDATES = [
    ["101", "", "علی", "محمدی", "خیر", "کارشناسی"],
    ["102", "", "زهرا", "حسینی", "بله", "دکتری"],
    ["103", "", "رضا", "احمدی", "خیر", "دیپلم"],
    ["104", "", "مریم", "رضایی", "خیر", "کارشناسی ارشد"],
    ["105", "", "حسن", "کریمی", "خیر", "کاردانی"],
    ["106", "", "سارا", "جعفری", "خیر", "کارشناسی"],
    ["107", "", "مهدی", "صادقی", "خیر", "کارشناسی"],
    ["108", "", "لیلا", "رحیمی", "خیر", "دیپلم"],
    ["109", "", "امیر", "هاشمی", "خیر", "کارشناسی"],
    ["110", "", "نرگس", "قاسمی", "خیر", "دکتری"],
]

__all__ = ["PASSWORD", "Role", "World", "candidates_csv", "make_official", "make_unit", "make_world"]
