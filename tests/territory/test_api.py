"""The territory API: shapes of answers, validation of every parameter, scope on writes."""

from __future__ import annotations

import pytest
from django.test import Client

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.territory.models import Unit
from tests.territory.conftest import CITY_A, CITY_B

pytestmark = pytest.mark.django_db
API = "/api/territory"


@pytest.mark.usefixtures("tree")
def test_unit_with_chain_and_children_summary(client: Client) -> None:
    body = client.get(f"{API}/units/0502").json()
    assert body["name"] == "کرمانشاه"
    assert (body["kind"], body["kind_label"], body["path"], body["depth"]) == ("county", "شهرستان", "IR/05/0502", 2)
    assert [a["code"] for a in body["ancestors"]] == ["IR", "05"]
    assert body["parent"]["code"] == "05"
    assert body["children_by_kind"] == {"district": 2}
    assert body["population"] == 1083833
    assert client.get(f"{API}/units/0502030001049014").json()["population"] is None


@pytest.mark.usefixtures("tree")
def test_children_are_listed_with_counts(client: Client) -> None:
    body = client.get(f"{API}/units/IR/children").json()
    assert [(c["code"], c["child_count"]) for c in body] == [("05", 2), ("00", 2)]


@pytest.mark.usefixtures("tree")
def test_search_finds_arabic_spelling_and_honours_kind_and_limit(client: Client) -> None:
    body = client.get(f"{API}/search", {"q": "كرمانشاه"}).json()
    assert body[0]["code"] == "05"
    assert [u["code"] for u in client.get(f"{API}/search", {"q": "كرمانشاه", "kind": "county"}).json()] == ["0502"]
    limited: dict[str, str | int] = {"q": "کرمانشاه", "limit": 2}
    assert len(client.get(f"{API}/search", limited).json()) == 2


@pytest.mark.usefixtures("tree")
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "x" * 101},
        {"q": "a", "limit": 0},
        {"q": "a", "limit": 101},
        {"q": "a", "limit": "ده"},
        {"q": "a", "kind": "planet"},
    ],
)
def test_bad_search_parameters_are_422(client: Client, params: dict[str, str | int]) -> None:
    response = client.get(f"{API}/search", params)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


@pytest.mark.usefixtures("tree")
@pytest.mark.parametrize("code", ["9999", "IR-00", "%D8%9F"])
def test_unknown_units_are_404_with_a_persian_message(client: Client, code: str) -> None:
    response = client.get(f"{API}/units/{code}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.usefixtures("tree")
def test_text_no_column_can_hold_is_refused_at_the_door(client: Client) -> None:
    for response in (client.get(f"{API}/units/%00"), client.get(f"{API}/search", {"q": "\x00"})):
        assert (response.status_code, response.json()["code"]) == (400, "invalid_characters")
        assert "NUL" in response.json()["message"]


@pytest.mark.usefixtures("tree")
def test_writes_need_a_session(client: Client) -> None:
    response = client.post(f"{API}/units/{CITY_A}/neighbourhoods", {"name": "محله"}, content_type="application/json")
    assert response.status_code == 401
    assert not Unit.objects.filter(kind="neighbourhood").exists()


def test_neighbourhood_in_scope_is_201_and_audited(client: Client, official_a: User) -> None:
    client.force_login(official_a)
    response = client.post(
        f"{API}/units/{CITY_A}/neighbourhoods", {"name": "محله كوثر"}, content_type="application/json"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["name"], body["kind"], body["is_user_created"]) == ("محله کوثر", "neighbourhood", True)
    assert body["parent"]["code"] == CITY_A
    assert Entry.objects.filter(event="territory.neighbourhood_created").count() == 1
    again = client.post(f"{API}/units/{CITY_A}/neighbourhoods", {"name": "محله کوثر"}, content_type="application/json")
    assert (again.status_code, again.json()["code"]) == (409, "duplicate_neighbourhood")
    assert client.get(f"{API}/units/{body['code']}").status_code == 200
    client.logout()
    assert client.get(f"{API}/units/{body['code']}").status_code == 404


def test_writes_outside_scope_are_403_and_leave_nothing(client: Client, official_a: User) -> None:
    client.force_login(official_a)
    hood = client.post(f"{API}/units/{CITY_B}/neighbourhoods", {"name": "محله"}, content_type="application/json")
    assert (hood.status_code, hood.json()["code"]) == (403, "out_of_scope")
    pop = client.post(
        f"{API}/units/{CITY_B}/population",
        {"population": 1200, "year": 1400, "reason": "برآورد"},
        content_type="application/json",
    )
    assert pop.status_code == 403
    assert not Unit.objects.filter(kind="neighbourhood").exists()
    assert Unit.objects.get(code=CITY_B).population is None
    assert not Entry.objects.exclude(event="territory.tree_loaded").exists()


def test_population_in_scope_and_its_validation(client: Client, official_a: User) -> None:
    client.force_login(official_a)
    url = f"{API}/units/{CITY_A}/population"
    ok = client.post(url, {"population": 90559, "year": 1400, "reason": "ثبت احوال"}, content_type="application/json")
    assert ok.status_code == 200
    assert (ok.json()["population"], ok.json()["population_year"]) == (90559, 1400)
    for payload in (
        {"population": -1, "year": 1400, "reason": "x"},
        {"population": 10**40, "year": 1400, "reason": "x"},
        {"population": 5, "year": 1400, "reason": ""},
        {"population": "پنج", "year": 1400, "reason": "x"},
        {"population": 5, "year": 1400},
    ):
        response = client.post(url, payload, content_type="application/json")
        assert response.status_code in {400, 422}, payload
        assert "message" in response.json()
    assert Entry.objects.filter(event="territory.population_set").count() == 1
