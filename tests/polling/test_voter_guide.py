"""The voter's pages: a citizen's own election page shows their line of the roll and nobody else's; the
public constituency page lists stations and approved candidates, searchable by name or code, once the round
is public; the kiosk's list of a constituency's codes."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.elections import actions as elections
from ostan.elections.models import ConstituencyKind, RoundStatus
from ostan.polling import actions
from tests.actors import as_actor, make_person
from tests.elections.world import candidates_csv
from tests.polling.world import PollingWorld, national_code, roll_csv

TEHRAN = dt.timezone(dt.timedelta(hours=3, minutes=30))
OWN = national_code(5001)
OTHER = national_code(5002)


def _citizen(code: str) -> User:
    return make_person(code, Role.CITIZEN, None, national_code=code, mobile="0912" + code[-7:])


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _enrol(pw: PollingWorld) -> None:
    rows = [
        [OWN, "پروانه", "دلاوری", "1365/02/02", "زن", pw.world.city_a.path],
        [OTHER, "بهرام", "شکوهی", "1366/03/03", "مرد", pw.world.city_a.path],
    ]
    actions.import_roll(
        actor=as_actor(pw.hq), election_round=pw.election_round, unit=pw.world.country, file_name="r.csv",
        data=roll_csv(rows),
    )  # fmt: skip


def _open_round(pw: PollingWorld) -> None:
    elections.set_round_status(actor=as_actor(pw.hq), election_round=pw.election_round, status=RoundStatus.VOTING)


def test_a_citizen_on_the_roll_sees_their_constituency_stations_hours_and_candidates(pw: PollingWorld) -> None:
    _enrol(pw)
    _open_round(pw)
    opens = dt.datetime(2026, 5, 29, 8, 0, tzinfo=TEHRAN)
    closes = opens + dt.timedelta(hours=10)
    elections.set_polls_schedule(
        actor=as_actor(pw.hq), election_round=pw.election_round, opens_at=opens, closes_at=closes
    )
    page = _client(_citizen(OWN)).get("/polling/mine/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-roll="present"' in html
    assert "پروانه دلاوری" in html
    assert pw.city.name in html
    for station in pw.stations:
        assert f'data-station="{station.code}"' in html
        assert station.address.replace("1", "۱").replace("2", "۲").replace("3", "۳") in html
    assert "علی محمدی" in html
    assert "۱۰۱" in html
    assert "۰۸:۰۰" in html
    assert "۱۸:۰۰" in html
    assert "بهرام شکوهی" not in html  # only their own line
    assert OTHER not in html


def test_a_citizen_not_on_the_roll_is_told_so_and_sees_no_one_else(pw: PollingWorld) -> None:
    _enrol(pw)
    html = _client(_citizen(national_code(5003))).get("/polling/mine/").content.decode()
    assert 'data-roll="absent"' in html
    assert "پروانه دلاوری" not in html
    assert "بهرام شکوهی" not in html


def test_candidates_stay_hidden_from_the_citizen_until_the_round_is_public(pw: PollingWorld) -> None:
    _enrol(pw)
    html = _client(_citizen(OWN)).get("/polling/mine/").content.decode()
    assert 'data-roll="present"' in html
    assert "علی محمدی" not in html
    assert "هنوز اعلام نشده" in html


def test_only_citizens_have_an_own_election_page(pw: PollingWorld) -> None:
    assert _client(pw.official).get("/polling/mine/").status_code == 403
    anonymous = Client().get("/polling/mine/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")


def test_the_public_page_waits_for_the_round_then_lists_stations_and_candidates(pw: PollingWorld) -> None:
    url = f"/polling/guide/{pw.city.pk}/"
    assert Client().get(url).status_code == 404  # candidates not yet public
    assert _client(pw.official).get(url).status_code == 200  # the officials over it see it already
    assert pw.city.name not in Client().get("/polling/guide/").content.decode()
    _open_round(pw)
    assert pw.city.name in Client().get("/polling/guide/").content.decode()
    html = Client().get(url).content.decode()
    assert all(f'data-station="{s.code}"' in html for s in pw.stations)
    assert "علی محمدی" in html
    assert "نرگس قاسمی" in html
    assert pw.voters[0] not in html  # nobody's national code


def test_the_public_page_searches_by_name_or_code_in_either_digits(pw: PollingWorld) -> None:
    _open_round(pw)
    url = f"/polling/guide/{pw.city.pk}/"
    by_name = Client().get(url, {"q": "زهرا"}).content.decode()
    assert "زهرا حسینی" in by_name
    assert "علی محمدی" not in by_name
    by_arabic_letters = Client().get(url, {"q": "رضايي"}).content.decode()  # Arabic ي
    assert "مریم رضایی" in by_arabic_letters
    assert "زهرا حسینی" not in by_arabic_letters
    by_code = Client().get(url, {"q": "۱۰۳"}).content.decode()
    assert "رضا احمدی" in by_code
    assert "علی محمدی" not in by_code
    nothing = Client().get(url, {"q": "ناشناس"}).content.decode()
    assert "نامزدی با این نام یا کد پیدا نشد" in nothing


def test_the_kiosk_lists_a_constituencys_codes_in_order(pw: PollingWorld) -> None:
    response = Client().get(f"/api/polling/constituencies/{pw.city.pk}/candidates")
    assert response.status_code == 200
    rows = response.json()
    assert [r["code"] for r in rows] == [str(c) for c in range(101, 111)]
    assert rows[1]["name"] == "زهرا حسینی"
    assert rows[1]["kind"] == "candidate"
    assert Client().get("/api/polling/constituencies/999999/candidates").status_code == 404


def test_kiosk_mode_has_no_site_navigation_and_says_when_it_resets(pw: PollingWorld, settings: object) -> None:
    settings.OSTAN_KIOSK_RESET_SECONDS = 12  # type: ignore[attr-defined]
    settings.OSTAN_KIOSK_IDLE_SECONDS = 90  # type: ignore[attr-defined]
    normal = Client().get("/polling/kiosk/").content.decode()
    assert "site-header" in normal
    bare = Client().get("/polling/kiosk/", {"mode": "kiosk"}).content.decode()
    assert "site-header" not in bare
    assert "بخش‌های سامانه" not in bare
    assert 'data-reset-seconds="12"' in bare
    assert 'data-idle-seconds="90"' in bare
    assert "متن درشت" in bare
    assert "کنتراست بالا" in bare


def test_a_proportional_constituency_offers_its_lists_first(pw: PollingWorld) -> None:
    tehran = elections.create_constituency(
        actor=as_actor(pw.hq), election_round=pw.election_round, unit=pw.world.tehran,
        kind=ConstituencyKind.PROPORTIONAL,
    )  # fmt: skip
    elections.import_lists(
        actor=as_actor(pw.hq), constituency=tehran, file_name="l.csv", data="code,name\n11,امید\n12,پایداری\n".encode()
    )
    header = ("code", "first_name", "last_name", "education", "list_code")
    rows = [["1001", "علی", "نوری", "دکتری", "11"], ["5001", "زهرا", "نوری", "دکتری", ""]]
    elections.import_candidates(
        actor=as_actor(pw.hq), constituency=tehran, file_name="c.csv", data=candidates_csv(rows, header)
    )
    listed = Client().get(f"/api/polling/constituencies/{tehran.pk}/candidates").json()
    assert [(r["code"], r["kind"]) for r in listed] == [
        ("11", "list"), ("12", "list"), ("1001", "candidate"), ("5001", "candidate"),
    ]  # fmt: skip
    assert listed[2]["list_name"] == "امید"
    _open_round(pw)
    html = Client().get(f"/polling/guide/{tehran.pk}/").content.decode()
    assert "فهرست‌ها (روش تناسبی)" in html
    assert "پایداری" in html
