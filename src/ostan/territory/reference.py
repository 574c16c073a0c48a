"""Reading the published divisions (SCI, Mordad 1399) and the 1395 census figures into plain records.

No database here: :func:`read_divisions` checks every row and either returns the whole tree or raises
:class:`MalformedRow` naming the file and line, so that a bad file never loads half a country.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ostan.core.text import normalize, search_key
from ostan.territory.errors import MalformedRow

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTRY_CODE = "IR"
COUNTRY_NAME = "ایران"
DIVISIONS_SOURCE = "مرکز آمار ایران، تقسیمات کشوری مرداد ۱۳۹۹ (github:ahmadazizi/iran-cities v3.0)"
CENSUS_YEAR = 1395
COUNTRY_POPULATION_SOURCE = "مجموع جمعیت استان‌ها، سرشماری ۱۳۹۵ مرکز آمار ایران"
# Village rows of this kind are "آبادی" blocks in SCI's list; they are villages for us, the note is kept.
ABADI_BLOCK_KIND = "abadi_block (type 1)"
VILLAGE_KINDS = frozenset({"village", ABADI_BLOCK_KIND})
_ZONE_NUMBER = re.compile(r"[\s\d\-]+$")


@dataclass(frozen=True)
class UnitRecord:
    code: str
    kind: str
    name: str
    parent_code: str | None
    source: str = DIVISIONS_SOURCE
    name_en: str = ""
    population: int | None = None
    population_year: int | None = None
    population_source: str = ""
    latitude: float | None = None
    longitude: float | None = None

    @property
    def search_key(self) -> str:
        return search_key(self.name)


@dataclass(frozen=True)
class Level:
    """One file of the 1399 divisions: the kind it holds, its code length and its parents' file."""

    file: str
    kind: str
    code_length: int
    parent_level: str | None
    columns: tuple[str, ...]


LEVELS = (
    Level("divisions_1399/provinces_1399.csv", "province", 2, None, ("code", "name_fa", "source")),
    Level(
        "divisions_1399/counties_1399.csv",
        "county",
        4,
        "province",
        ("code", "name_fa", "parent_code", "in_1395_census_frame", "population_1395_same_code", "source"),
    ),
    Level("divisions_1399/districts_1399.csv", "district", 6, "county", ("code", "name_fa", "parent_code", "source")),
    Level(
        "divisions_1399/rural_districts_1399.csv",
        "rural_district",
        10,
        "district",
        ("code", "name_fa", "parent_code", "source"),
    ),
    Level(
        "divisions_1399/cities_1399.csv",
        "city",
        10,
        "district",
        ("code", "name_fa", "kind", "parent_code", "county_code", "population_1395", "source"),
    ),
    Level(
        "divisions_1399/villages_1399.csv", "village", 16, "rural_district", ("code", "name_fa", "kind", "parent_code")
    ),
)


def read_rows(data_dir: Path, file: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; the header must hold ``columns`` and every row as many fields as the header."""
    with (data_dir / file).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise MalformedRow(file, 1, "پرونده خالی است.")
        missing = [c for c in columns if c not in header]
        if missing:
            raise MalformedRow(file, 1, f"ستون‌های {', '.join(missing)} در سرآغاز نیست.")
        for fields in reader:
            if not fields:
                continue
            if len(fields) != len(header):
                raise MalformedRow(file, reader.line_num, f"{len(fields)} ستون دارد؛ سرآغاز {len(header)} ستون دارد.")
            yield reader.line_num, dict(zip(header, fields, strict=True))


def parse_population(file: str, line: int, value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        raise MalformedRow(file, line, f"جمعیت «{value}» عدد صحیح نامنفی نیست.")
    return int(value)


def parse_coordinate(file: str, line: int, value: str) -> float | None:
    if not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        raise MalformedRow(file, line, f"مختصات «{value}» عدد نیست.") from None


def _check_code(level: Level, line: int, code: str, parent_code: str | None, known: dict[str, str]) -> None:
    if len(code) != level.code_length or not code.isascii() or not code.isdigit():
        raise MalformedRow(level.file, line, f"کد «{code}» باید {level.code_length} رقم باشد.")
    if code in known:
        raise MalformedRow(level.file, line, f"کد «{code}» تکراری است.")
    if parent_code is None:
        return
    if known.get(parent_code) != level.parent_level:
        raise MalformedRow(level.file, line, f"واحد بالادست «{parent_code}» برای کد «{code}» یافت نشد.")
    if not code.startswith(parent_code):
        raise MalformedRow(level.file, line, f"کد «{code}» با کد بالادست «{parent_code}» آغاز نمی‌شود.")


def read_level(data_dir: Path, level: Level, known: dict[str, str]) -> list[UnitRecord]:
    """The records of one file; ``known`` (code → kind) is extended with them."""
    records = []
    for line, row in read_rows(data_dir, level.file, level.columns):
        code = row["code"].strip()
        parent_code = row["parent_code"].strip() if level.parent_level else None
        _check_code(level, line, code, parent_code, known)
        kind, source = level.kind, row.get("source", "").strip() or DIVISIONS_SOURCE
        if "kind" in row:
            kind, source = _row_kind(level, line, row["kind"].strip(), source)
        name = normalize(row["name_fa"])
        if not name:
            raise MalformedRow(level.file, line, "نام خالی است.")
        known[code] = kind
        records.append(UnitRecord(code=code, kind=kind, name=name, parent_code=parent_code, source=source))
    return records


def _row_kind(level: Level, line: int, kind: str, source: str) -> tuple[str, str]:
    if level.kind == "village" and kind in VILLAGE_KINDS:
        note = f"؛ نوع در فهرست مرکز آمار: {kind}" if kind != "village" else ""
        return "village", source + note
    if level.kind == "city" and kind in {"city", "city_zone"}:
        return kind, source
    raise MalformedRow(level.file, line, f"نوع «{kind}» شناخته نیست.")


def attach_zones(records: list[UnitRecord]) -> list[UnitRecord]:
    """Put each city zone under its city when one city of the zone's district has the zone's name less
    its number (e.g. «اراک 1» → «اراک», «تبریز1-» → «تبریز»); otherwise the zone stays under its district."""
    cities: dict[tuple[str | None, str], list[str]] = {}
    for r in records:
        if r.kind == "city":
            cities.setdefault((r.parent_code, r.search_key), []).append(r.code)
    attached = []
    for r in records:
        if r.kind == "city_zone":
            matches = cities.get((r.parent_code, search_key(_ZONE_NUMBER.sub("", r.name))), [])
            if len(matches) == 1:
                r = replace(r, parent_code=matches[0])
        attached.append(r)
    return attached


@dataclass(frozen=True)
class CensusFigure:
    name_en: str = ""
    population: int | None = None
    population_source: str = ""
    latitude: float | None = None
    longitude: float | None = None


CENSUS_FILES = {
    "province": ("provinces.csv", ("code", "name_en", "population", "census_year", "source")),
    "county": ("counties.csv", ("code", "name_en", "population", "census_year", "source", "code_in_1399_divisions")),
    "city": (
        "cities.csv",
        ("code", "name_en", "population", "census_year", "population_method", "source", "lat", "lon"),
    ),
}


def read_census(data_dir: Path, kind: str) -> dict[str, CensusFigure]:
    """English names, 1395 census population and coordinates by code, from the 1395 lists."""
    file, columns = CENSUS_FILES[kind]
    figures = {}
    for line, row in read_rows(data_dir, file, columns):
        population = parse_population(file, line, row["population"])
        if population is not None and row["census_year"].strip() != str(CENSUS_YEAR):
            raise MalformedRow(file, line, f"سال سرشماری «{row['census_year']}» باید {CENSUS_YEAR} باشد.")
        method = row.get("population_method", "").strip()
        source = (f"{method}; " if method else "") + row["source"].strip()
        figures[row["code"].strip()] = CensusFigure(
            name_en=row["name_en"].strip(),
            population=population,
            population_source=source[:300] if population is not None else "",
            latitude=parse_coordinate(file, line, row.get("lat", "")),
            longitude=parse_coordinate(file, line, row.get("lon", "")),
        )
    return figures


def with_census(record: UnitRecord, figure: CensusFigure | None) -> UnitRecord:
    if figure is None:
        return record
    return replace(
        record,
        name_en=figure.name_en,
        population=figure.population,
        population_year=CENSUS_YEAR if figure.population is not None else None,
        population_source=figure.population_source,
        latitude=figure.latitude,
        longitude=figure.longitude,
    )


def country_record(provinces: list[UnitRecord]) -> UnitRecord:
    """The root. Its population is the sum of the provinces', only when every province's is known."""
    populations = [p.population for p in provinces]
    total = None if not populations or None in populations else sum(p for p in populations if p is not None)
    return UnitRecord(
        code=COUNTRY_CODE,
        kind="country",
        name=COUNTRY_NAME,
        parent_code=None,
        name_en="Iran",
        population=total,
        population_year=CENSUS_YEAR if total is not None else None,
        population_source=COUNTRY_POPULATION_SOURCE if total is not None else "",
    )


def read_divisions(data_dir: Path = DATA_DIR) -> list[UnitRecord]:
    """The whole tree, parents before children, or :class:`MalformedRow` for the first bad row."""
    known: dict[str, str] = {}
    records: list[UnitRecord] = []
    for level in LEVELS:
        records += read_level(data_dir, level, known)
    census = {kind: read_census(data_dir, kind) for kind in CENSUS_FILES}
    records = [with_census(r, census.get(r.kind, {}).get(r.code)) for r in records]
    records = attach_zones(records)
    provinces = [r for r in records if r.kind == "province"]
    top = [replace(r, parent_code=COUNTRY_CODE) if r.kind == "province" else r for r in records]
    return [country_record(provinces), *top]
