"""Names sort in Persian alphabetical order in every list, on PostgreSQL (the ICU collation the territory
migration creates) and on SQLite (the same collation name, registered on each connection): پ after ب,
چ after ج, ژ after ز, ک then گ, and all of them before و ه ی, where code-point order puts them after."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.models.sql.subqueries import InsertQuery
from django.db.utils import ConnectionHandler

from ostan.access import selectors as access
from ostan.access.kinds import OrganisationKind
from ostan.access.models import Organisation
from ostan.elections import selectors as elections
from ostan.elections.models import Constituency
from ostan.ordering import PERSIAN_COLLATION, by_name
from ostan.territory import selectors as territory
from ostan.territory.models import Unit, UnitKind
from tests.actors import as_actor
from tests.elections.world import make_unit
from tests.polling.world import make_polling_world

PERSIAN_ORDER = ["بم", "پاوه", "جیرفت", "چالوس", "زابل", "ژیان", "کرج", "گرگان", "ورامین", "همدان", "یزد"]
SORT_LETTERS = (
    "SELECT column1 FROM (VALUES ('ی'), ('گ'), ('پ'), ('ک'), ('ب')) AS v ORDER BY column1 COLLATE \"ostan_fa\""
)
SHUFFLED = [PERSIAN_ORDER[i] for i in (7, 3, 10, 1, 5, 0, 8, 2, 6, 9, 4)]


def test_code_point_order_is_not_persian_order() -> None:
    assert sorted(PERSIAN_ORDER) != PERSIAN_ORDER  # what the test guards against


@pytest.mark.django_db
def test_sub_units_sort_in_persian_order() -> None:
    country = make_unit("IR", UnitKind.COUNTRY, "ایران")
    for i, name in enumerate(SHUFFLED):
        make_unit(f"{i + 10:02d}", UnitKind.PROVINCE, name, country)
    assert [u.name for u in territory.children(country)] == PERSIAN_ORDER
    assert [u.name for u in Unit.objects.filter(depth=1).order_by(by_name("name", descending=True))] == PERSIAN_ORDER[
        ::-1
    ]


@pytest.mark.django_db
def test_constituencies_and_an_organisations_branches_sort_in_persian_order() -> None:
    pw = make_polling_world(stations=0, voters=0)
    for i, name in enumerate(SHUFFLED):
        village = make_unit(f"V{i:02d}", UnitKind.VILLAGE, name, pw.world.county_a)
        Constituency.objects.create(
            election_round=pw.election_round, unit=village, name=name, kind=pw.city.kind, method=pw.city.method,
            seats=5, alternates=2,
        )  # fmt: skip
    listed = [c.name for c in elections.visible_constituencies(as_actor(pw.hq)) if c.name in PERSIAN_ORDER]
    assert listed == PERSIAN_ORDER
    parent = Organisation(code="ORG", name="استانداری", kind=OrganisationKind.GOVERNORATE, seat=pw.world.province)
    parent.place(None)
    parent.save()
    for i, name in enumerate(SHUFFLED):
        branch = Organisation(code=f"ORG{i}", name=name, kind=OrganisationKind.COUNTY_OFFICE, seat=pw.world.province)
        branch.place(parent)
        branch.save()
    assert [o.name for o in access.branches(parent)] == PERSIAN_ORDER


def _sqlite() -> Any:
    memory = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    handler = ConnectionHandler({"default": memory, "sqlite": dict(memory)})
    return handler["sqlite"]


def test_sqlite_sorts_with_the_same_collation(django_db_blocker: Any) -> None:
    """A fresh SQLite connection (the demo's database) registers the collation and orders the same way."""
    sqlite = _sqlite()
    with django_db_blocker.unblock():
        _sort_on(sqlite)


def _sort_on(sqlite: Any) -> None:
    try:
        with sqlite.schema_editor(atomic=False) as editor:
            editor.create_model(Unit)
        units = [
            Unit(code=f"{i:02d}", name=name, kind=UnitKind.PROVINCE, path=f"{i:02d}", depth=1, search_key=name)
            for i, name in enumerate(SHUFFLED)
        ]
        insert = InsertQuery(Unit)
        insert.insert_values([f for f in Unit._meta.concrete_fields if not f.primary_key], units)
        insert.get_compiler(connection=sqlite).execute_sql()
        query = Unit.objects.order_by(by_name(), "code").values_list("name", flat=True).query
        sql, params = query.get_compiler(connection=sqlite).as_sql()
        assert f'COLLATE "{PERSIAN_COLLATION}"' in sql
        with sqlite.cursor() as cursor:
            cursor.execute(sql, params)
            assert [row[0] for row in cursor.fetchall()] == PERSIAN_ORDER
    finally:
        sqlite.close()


@pytest.mark.django_db
def test_the_default_database_has_the_collation() -> None:
    assert PERSIAN_COLLATION == "ostan_fa"
    with connection.cursor() as cursor:
        cursor.execute(SORT_LETTERS)
        assert [row[0] for row in cursor.fetchall()] == ["ب", "پ", "ک", "گ", "ی"]
