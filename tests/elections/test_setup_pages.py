"""Officials' set-up pages: each renders in Persian, a valid POST writes exactly one audited change, and
bad input is answered next to its field with nothing written."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.elections.models import Constituency, ConstituencyKind, ElectionRound, RoundStatus
from ostan.territory.models import Unit
from tests.elections.world import World


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_rounds_page_shows_rounds_with_persian_digits(election_round: ElectionRound, national: User) -> None:
    response = _client(national).get("/elections/rounds/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<td class="num">۷</td>' in page
    assert "تعریف دوره تازه" in page


def test_create_round_with_jalali_date_writes_one_audit_entry(national: User) -> None:
    before = Entry.objects.count()
    response = _client(national).post(
        "/elections/rounds/", {"number": "۸", "name": "دوره هشتم", "election_date": "۱۴۰۹/۰۳/۰۸"}
    )
    assert response.status_code == 302
    created = ElectionRound.objects.get(number=8)
    assert created.election_date == dt.date(2030, 5, 29)
    assert Entry.objects.count() == before + 1
    assert Entry.objects.latest("id").event == "elections.round_created"


def test_create_round_refuses_impossible_date_and_writes_nothing(national: User) -> None:
    before = Entry.objects.count()
    response = _client(national).post("/elections/rounds/", {"number": "8", "name": "دوره هشتم",
                                                             "election_date": "1405/12/31"})  # fmt: skip
    assert response.status_code == 400
    assert "چنین روزی در تقویم خورشیدی وجود ندارد" in response.content.decode()
    assert not ElectionRound.objects.filter(number=8).exists()
    assert Entry.objects.count() == before


def test_duplicate_round_number_is_shown_on_the_form(election_round: ElectionRound, national: User) -> None:
    response = _client(national).post("/elections/rounds/", {"number": "7", "name": "تکراری"})
    assert response.status_code == 400
    assert "دوره 7 پیش‌تر تعریف شده است".replace("7", "۷") in response.content.decode()
    assert ElectionRound.objects.count() == 1


def test_round_status_change_is_audited(election_round: ElectionRound, national: User) -> None:
    before = Entry.objects.count()
    response = _client(national).post(f"/elections/rounds/{election_round.pk}/status/", {"status": "candidates"})
    assert response.status_code == 302
    election_round.refresh_from_db()
    assert election_round.status == RoundStatus.CANDIDATES
    assert Entry.objects.count() == before + 1


def test_county_official_cannot_configure_rounds(official_a: User) -> None:
    client = _client(official_a)
    assert client.get("/elections/rounds/").status_code == 403
    assert client.post("/elections/rounds/", {"number": "9", "name": "x"}).status_code == 403
    assert not ElectionRound.objects.exists()


def test_search_finds_cities_in_scope_and_shows_the_law_seats(
    election_round: ElectionRound, official_a: User, world: World
) -> None:
    client = _client(official_a)
    url = f"/elections/rounds/{election_round.pk}/constituencies/new/"
    found = client.get(url, {"q": "ارا"}).content.decode()
    assert f"?unit={world.city_a.code}" in found
    assert "۱۵۰٬۰۰۰" in found
    partial = client.get(f"/elections/rounds/{election_round.pk}/settlements/", {"q": "آشتیان"}).content.decode()
    assert f"?unit={world.city_b.code}" not in partial  # county B is outside this official's scope
    assert "در حوزه مسئولیت شما یافت نشد" in partial
    chosen = client.get(url, {"unit": world.city_a.code}).content.decode()
    assert '<td class="num">۷</td><td class="num">۵</td>' in chosen


def test_create_constituency_by_form_writes_one_audit_entry(
    election_round: ElectionRound, official_a: User, world: World
) -> None:
    before = Entry.objects.count()
    response = _client(official_a).post(
        f"/elections/rounds/{election_round.pk}/constituencies/new/",
        {"unit": world.city_a.code, "kind": ConstituencyKind.CITY_COUNCIL, "name": ""},
    )
    assert response.status_code == 302
    created = Constituency.objects.get()
    assert (created.seats, created.alternates, created.name) == (7, 5, "اراک")
    assert Entry.objects.count() == before + 1


def test_unknown_population_asks_for_it_then_the_seats_follow(
    election_round: ElectionRound, national: User, world: World
) -> None:
    client = _client(national)
    url = f"/elections/rounds/{election_round.pk}/constituencies/new/"
    page = client.get(url, {"unit": world.city_b.code}).content.decode()
    assert "جمعیت «آشتیان» ثبت نشده است" in page
    before = Entry.objects.count()
    refused = client.post(url, {"unit": world.city_b.code, "kind": ConstituencyKind.CITY_COUNCIL})
    assert refused.status_code == 400
    assert "جمعیت «آشتیان» ثبت نشده است و تعداد اعضای شورا به آن بستگی دارد" in refused.content.decode()
    population_url = f"/elections/rounds/{election_round.pk}/population/"
    bad = client.post(
        population_url, {"unit": world.city_b.code, "population": "۱۲x", "year": "۱۴۰۰", "reason": "نامه"}
    )
    assert bad.status_code == 400
    assert "یک عدد صحیح وارد کنید" in bad.content.decode()
    assert Entry.objects.count() == before
    done = client.post(population_url, {"unit": world.city_b.code, "population": "۱۲٬۳۴۵", "year": "۱۴۰۰",
                                        "reason": "نامه مرکز آمار"})  # fmt: skip
    assert done.status_code == 302
    assert Unit.objects.get(pk=world.city_b.pk).population == 12_345
    assert Entry.objects.count() == before + 1
    assert '<td class="num">۵</td><td class="num">۳</td>' in client.get(done["Location"]).content.decode()


def test_override_needs_a_reason_next_to_its_field(election_round: ElectionRound, national: User, world: World) -> None:
    client = _client(national)
    url = f"/elections/rounds/{election_round.pk}/constituencies/new/"
    base = {"unit": world.city_b.code, "kind": ConstituencyKind.CITY_COUNCIL, "seats": "۵", "alternates": "۳"}
    refused = client.post(url, base)
    assert refused.status_code == 400
    assert 'id="id_override_reason-error">دلیل تعیین دستی کرسی‌ها را بنویسید.' in refused.content.decode()
    assert not Constituency.objects.exists()
    assert client.post(url, base | {"override_reason": "مصوبه ستاد"}).status_code == 302
    assert Constituency.objects.get().seats_override_reason == "مصوبه ستاد"


def test_not_voting_needs_a_reason(city: Constituency, official_a: User) -> None:
    client = _client(official_a)
    url = f"/elections/c/{city.pk}/voting/"
    assert "برگزار نمی‌شود" in client.get(url).content.decode()
    before = Entry.objects.count()
    refused = client.post(url, {"is_voting": "no", "reason": ""})
    assert refused.status_code == 400
    assert "دلیل برگزار نشدن رأی‌گیری را بنویسید" in refused.content.decode()
    assert Entry.objects.count() == before
    assert client.post(url, {"is_voting": "no", "reason": "ناامنی"}).status_code == 302
    city.refresh_from_db()
    assert (city.is_voting, city.not_voting_reason) == (False, "ناامنی")
    assert Entry.objects.count() == before + 1


def test_not_voting_refused_once_ballots_exist(counted_city: Constituency, official_a: User) -> None:
    before = Entry.objects.count()
    response = _client(official_a).post(f"/elections/c/{counted_city.pk}/voting/", {"is_voting": "no", "reason": "x"})
    assert response.status_code == 400
    assert "برگه رأی وارد شده است" in response.content.decode()
    assert Entry.objects.count() == before
    counted_city.refresh_from_db()
    assert counted_city.is_voting
