"""The loader on the fixture tree: counts, paths, parents, population known and unknown, idempotence,
and a malformed row that is reported with its file and line while nothing is loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ostan.auditlog.models import Entry
from ostan.territory import actions
from ostan.territory.errors import MalformedRow
from ostan.territory.loading import load_territory
from ostan.territory.models import Unit
from tests.actors import as_actor
from tests.territory.conftest import FIXTURE_TREE, make_official

pytestmark = pytest.mark.django_db


def kinds() -> dict[str, int]:
    return {k: Unit.objects.filter(kind=k).count() for k in Unit.objects.values_list("kind", flat=True).distinct()}


def test_counts_of_each_kind() -> None:
    report = load_territory(FIXTURE_TREE)
    expected = {
        "country": 1,
        "province": 2,
        "county": 4,
        "district": 7,
        "rural_district": 14,
        "city": 8,
        "city_zone": 13,
        "village": 42,
    }
    assert kinds() == expected
    assert dict(report.created) == expected
    assert report.unchanged == 0


def test_paths_depths_and_parents_follow_the_codes() -> None:
    load_territory(FIXTURE_TREE)
    city = Unit.objects.get(code="0001021101")
    assert city.path == "IR/00/0001/000102/0001021101"
    assert city.depth == 4
    assert city.parent is not None
    assert city.parent.code == "000102"
    village = Unit.objects.get(code="0001020001000268")
    assert village.path == "IR/00/0001/000102/0001020001/0001020001000268"
    assert village.is_within(Unit.objects.get(code="0001"))
    assert not village.is_within(Unit.objects.get(code="05"))
    country = Unit.objects.get(code="IR")
    assert (country.kind, country.name, country.path, country.depth, country.parent) == (
        "country",
        "ایران",
        "IR",
        0,
        None,
    )


def test_every_parent_is_the_last_but_one_code_of_the_path() -> None:
    load_territory(FIXTURE_TREE)
    for unit in Unit.objects.exclude(code="IR").select_related("parent"):
        assert unit.parent is not None
        assert unit.path == f"{unit.parent.path}/{unit.code}"


def test_city_zones_hang_under_their_city() -> None:
    load_territory(FIXTURE_TREE)
    zone = Unit.objects.get(code="0001021678")
    assert zone.name == "اراک 1"
    assert zone.parent is not None
    assert zone.parent.code == "0001021101"
    assert zone.path == "IR/00/0001/000102/0001021101/0001021678"
    assert Unit.objects.filter(kind="city_zone", parent__kind="city").count() == 13


def test_names_are_normalised_and_keyed() -> None:
    load_territory(FIXTURE_TREE)
    county = Unit.objects.get(code="0502")
    assert county.name == "کرمانشاه"  # the fixture spells it with Arabic ك
    assert county.search_key == "کرمانشاه"
    assert Unit.objects.get(code="0001").name == "اراک"


def test_population_known_from_the_census_and_unknown_elsewhere() -> None:
    load_territory(FIXTURE_TREE)
    markazi = Unit.objects.get(code="00")
    assert (markazi.population, markazi.population_year, markazi.name_en) == (1429475, 1395, "Markazi")
    assert "SCI 1395" in markazi.population_source
    assert Unit.objects.get(code="0001").population == 591756
    ashtian = Unit.objects.get(code="0002011103")
    assert (ashtian.population, ashtian.population_year) == (8763, 1395)
    assert ashtian.latitude == pytest.approx(34.5216784)
    arak = Unit.objects.get(code="0001021101")
    assert (arak.population, arak.population_year, arak.population_source) == (None, None, "")
    assert arak.name_en == "Arak"
    assert (
        Unit.objects.filter(kind__in=["district", "rural_district", "village"], population__isnull=False).count() == 0
    )
    assert Unit.objects.get(code="IR").population == 1429475 + 1952434


def test_abadi_blocks_are_villages_with_their_kind_noted() -> None:
    load_territory(FIXTURE_TREE)
    block = Unit.objects.get(code="0001020001000266")
    assert block.kind == "village"
    assert "abadi_block (type 1)" in block.source
    assert "abadi_block" not in Unit.objects.get(code="0001020001000268").source


def test_a_second_run_changes_nothing() -> None:
    load_territory(FIXTURE_TREE)
    before = list(Unit.objects.order_by("code").values())
    report = load_territory(FIXTURE_TREE)
    assert report.created_count == 0
    assert report.updated_count == 0
    assert report.unchanged == Unit.objects.count()
    assert list(Unit.objects.order_by("code").values()) == before
    entries = Entry.objects.filter(event="territory.tree_loaded").order_by("id")
    assert entries.count() == 2
    last = entries.last()
    assert last is not None
    assert last.after is not None
    assert last.after["created"] == {}


def test_a_reload_keeps_a_population_an_official_entered() -> None:
    load_territory(FIXTURE_TREE)
    official = make_official("arak-official", "0001")
    village = Unit.objects.get(code="0001020001000268")
    actions.set_population(
        actor=as_actor(official), unit=village, population=412, year=1403, reason="سرشماری محلی دهیاری"
    )
    report = load_territory(FIXTURE_TREE)
    village.refresh_from_db()
    assert (village.population, village.population_year) == (412, 1403)
    assert report.updated_count == 0


def test_a_changed_name_is_updated_in_place(tmp_path: Path) -> None:
    load_territory(FIXTURE_TREE)
    copy = tmp_path / "tree"
    shutil.copytree(FIXTURE_TREE, copy)
    districts = copy / "divisions_1399" / "districts_1399.csv"
    districts.write_text(districts.read_text(encoding="utf-8").replace(",ساروق,", ",ساروق نو,"), encoding="utf-8")
    report = load_territory(copy)
    assert dict(report.updated) == {"district": 1}
    assert Unit.objects.get(code="000103").name == "ساروق نو"


def broken_copy(tmp_path: Path, file: str, line: int, replacement: str) -> Path:
    copy = tmp_path / "tree"
    shutil.copytree(FIXTURE_TREE, copy)
    lines = (copy / file).read_text(encoding="utf-8").splitlines()
    lines[line - 1] = replacement
    (copy / file).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("file", "line", "replacement", "problem"),
    [
        ("divisions_1399/villages_1399.csv", 5, "00010200020000XX,تیمور آباد,village,0001020002", "رقم"),
        ("divisions_1399/villages_1399.csv", 7, "0001020009000065,داین,village,0001020009", "یافت نشد"),
        ("divisions_1399/districts_1399.csv", 3, "000103,ساروق,0001", "ستون"),
        ("counties.csv", 2, None, "عدد صحیح"),
    ],
)
def test_a_malformed_row_is_reported_and_nothing_is_loaded(
    tmp_path: Path, file: str, line: int, replacement: str | None, problem: str
) -> None:
    if replacement is None:  # a population that is not a number
        original = (FIXTURE_TREE / file).read_text(encoding="utf-8").splitlines()[line - 1]
        replacement = original.replace(",591756,", ",۵۹۱k,")
    copy = broken_copy(tmp_path, file, line, replacement)
    with pytest.raises(MalformedRow) as caught:
        load_territory(copy)
    assert (caught.value.file, caught.value.line) == (file, line)
    assert problem in caught.value.message
    assert Unit.objects.count() == 0
    assert Entry.objects.count() == 0


def test_the_command_loads_and_reports_a_bad_row_with_file_and_line(tmp_path: Path) -> None:
    copy = broken_copy(tmp_path, "divisions_1399/villages_1399.csv", 9, "0001030001000079,طور سینا,village")
    with pytest.raises(CommandError, match=r"villages_1399\.csv، سطر 9"):
        call_command("load_territory", "--data-dir", str(copy), "--no-progress")
    assert Unit.objects.count() == 0
    call_command("load_territory", "--data-dir", str(FIXTURE_TREE), "--no-progress")
    assert Unit.objects.filter(kind="village").count() == 42
