"""A county official of county B cannot create a constituency, candidate or list in county A, by page or
API: refused, nothing written, the audit log untouched. In their own county the API works."""

from __future__ import annotations

from django.test import Client

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.elections import actions
from ostan.elections.models import Candidate, Constituency, ConstituencyKind, ElectionRound, PartyList
from tests.actors import as_actor
from tests.elections.world import World

CANDIDATE = {"code": "301", "first_name": "نیما", "last_name": "یوشیج", "education": "4", "vetting_status": "approved"}


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _written() -> tuple[int, int, int, int]:
    return Entry.objects.count(), Constituency.objects.count(), Candidate.objects.count(), PartyList.objects.count()


def test_pages_refuse_setting_up_in_another_county(
    city: Constituency, election_round: ElectionRound, official_b: User, world: World, national: User
) -> None:
    tehran = actions.create_constituency(actor=as_actor(national), election_round=election_round, unit=world.tehran,
                                         kind=ConstituencyKind.PROPORTIONAL)  # fmt: skip
    client = _client(official_b)
    before = _written()
    new_url = f"/elections/rounds/{election_round.pk}/constituencies/new/"
    assert client.get(new_url, {"unit": world.village_a.code}).status_code == 403
    assert client.post(new_url, {"unit": world.village_a.code, "kind": "village_council"}).status_code == 403
    population = {"unit": world.village_a.code, "population": "900", "year": "1400", "reason": "x"}
    assert client.post(f"/elections/rounds/{election_round.pk}/population/", population).status_code == 403
    assert client.get(f"/elections/c/{city.pk}/candidates/new/").status_code == 404
    assert client.post(f"/elections/c/{city.pk}/candidates/new/", CANDIDATE).status_code == 404
    assert client.post(f"/elections/c/{tehran.pk}/lists/new/", {"code": "5", "name": "x"}).status_code == 404
    assert client.post(f"/elections/c/{city.pk}/voting/", {"is_voting": "no", "reason": "x"}).status_code == 404
    assert _written() == before


def test_api_refuses_setting_up_in_another_county(city: Constituency, official_b: User, world: World) -> None:
    client = _client(official_b)
    before = _written()
    created = client.post("/api/elections/constituencies", {"round_number": 7, "unit_code": world.village_a.code,
                          "kind": "village_council"}, content_type="application/json")  # fmt: skip
    assert created.status_code == 403
    assert created.json()["code"] == "out_of_scope"
    added = client.post(f"/api/elections/constituencies/{city.pk}/candidates", CANDIDATE | {"education": 4},
                        content_type="application/json")  # fmt: skip
    assert added.status_code == 404
    listed = client.post(f"/api/elections/constituencies/{city.pk}/lists", {"code": "5", "name": "x"},
                         content_type="application/json")  # fmt: skip
    assert listed.status_code == 404
    assert _written() == before


def test_api_sets_up_in_scope_with_field_errors(election_round: ElectionRound, official_a: User, world: World) -> None:
    client = _client(official_a)
    created = client.post("/api/elections/constituencies", {"round_number": 7, "unit_code": world.village_a.code,
                          "kind": "village_council"}, content_type="application/json")  # fmt: skip
    assert created.status_code == 400
    assert created.json()["code"] == "population_unknown"
    overridden = {"round_number": 7, "unit_code": world.village_a.code, "kind": "village_council", "seats": 3,
                  "alternates": 2, "override_reason": "جمعیت در سرشماری نیست"}  # fmt: skip
    created = client.post("/api/elections/constituencies", overridden, content_type="application/json")
    assert created.status_code == 200
    assert created.json()["seats"] == 3
    pk = created.json()["id"]
    bad = client.post(f"/api/elections/constituencies/{pk}/candidates", CANDIDATE | {"education": 4,
                      "national_code": "123"}, content_type="application/json")  # fmt: skip
    assert bad.status_code == 400
    assert bad.json()["details"] == {"national_code": "کد ملی باید ده رقم باشد."}
    good = client.post(f"/api/elections/constituencies/{pk}/candidates", CANDIDATE | {"education": 4},
                       content_type="application/json")  # fmt: skip
    assert good.json()["code"] == "301"
    assert good.json()["photo_url"] is None
