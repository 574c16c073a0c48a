"""Searching requests on PostgreSQL: Persian folding, fuzzy matches and their order, the filters, the actor's
reach, the portable branch the SQLite demo takes, and the inbox page and API that use it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ostan.core.jalali import TEHRAN, format_date
from ostan.core.text import search_words, to_persian_digits
from ostan.dialects import portable
from ostan.servicedesk import actions, search
from ostan.servicedesk.entries import Filing
from ostan.servicedesk.errors import InvalidSearch
from ostan.servicedesk.models import SearchWord, ServiceRequest
from tests.actors import as_actor
from tests.servicedesk.conftest import Desk

TEXTS = {
    "pipe": "ترکیدگی لوله آب در خیابان مطهری، کوچه دوازدهم",
    "outage": "قطعی آب آشامیدنی از دیروز در محله‌ی فرهنگیان",
    "pressure": "فشار آب در طبقه‌های بالای ساختمان کم است",
    "pothole": "چاله‌ی بزرگ در خیابان مطهری نزدیک مدرسه",
    "light": "چراغ‌های پارک محله خاموش است",
}
AT = dt.datetime(2026, 10, 10, 9, 0, tzinfo=TEHRAN)


def _file(desk: Desk, text: str, *, service: str = "water-outage", kind: str = "complaint", **kw: object) -> int:
    unit = kw.pop("unit", desk.world.city_a)
    filing = Filing(service, kind, unit.code, text)  # type: ignore[attr-defined]
    return actions.file_request(actor=as_actor(desk.citizen), filing=filing, **kw).pk  # type: ignore[arg-type]


@pytest.fixture
def filed(desk: Desk) -> dict[str, int]:
    made = {name: _file(desk, text, at=AT + dt.timedelta(days=i)) for i, (name, text) in enumerate(TEXTS.items())
            if name not in ("pothole", "light")}  # fmt: skip
    made["pothole"] = _file(desk, TEXTS["pothole"], service="street-repair", at=AT + dt.timedelta(days=5))
    made["light"] = _file(desk, TEXTS["light"], service="street-repair", at=AT + dt.timedelta(days=30))
    return made


def _found(desk: Desk, query: str = "", person: object = None, **criteria: object) -> list[int]:
    actor = as_actor(person or desk.inspector)  # type: ignore[arg-type]
    return [r.pk for r in search.requests(actor, search.criteria_from(query=query, **criteria))]  # type: ignore[arg-type]


def test_the_filing_action_keeps_the_folded_words(desk: Desk) -> None:
    pk = _file(desk, "شكايت از قطعي آب در كوچه\u200cی ۱۲!")
    assert ServiceRequest.objects.get(pk=pk).search_text.startswith("شکایت از قطعی اب در کوچهی 12")
    assert {"شکایت", "کوچهی", "12"} <= set(SearchWord.objects.values_list("word", flat=True))


def test_spelling_variants_and_word_beginnings_find_the_request(desk: Desk, filed: dict[str, int]) -> None:
    assert _found(desk, "ترکيدگي لوله") == [filed["pipe"]]  # Arabic yeh in the query
    assert _found(desk, "محله ی فرهنگيان") == [filed["outage"]]  # ZWNJ typed as a space
    assert _found(desk, "فرهنگ") == [filed["outage"]]  # a word's beginning
    assert _found(desk, "ساختمان") == [filed["pressure"]]
    assert set(_found(desk, "مطهری")) == {filed["pipe"], filed["pothole"]}


def test_a_mistyped_letter_still_finds_the_request(desk: Desk, filed: dict[str, int]) -> None:
    assert connection.vendor == "postgresql"  # the suite's database: the trigram branch
    assert _found(desk, "ترکیدگی لوبه") == [filed["pipe"]]  # ل→ب in «لوله»
    assert _found(desk, "آشامیدتی") == [filed["outage"]]  # ن→ت
    assert _found(desk, "ساختمن") == [filed["pressure"]]  # a letter missing
    assert _found(desk, "زرافه کهکشان") == []  # nothing like it


def test_the_words_as_typed_come_before_near_ones(desk: Desk) -> None:
    hinge = _file(desk, "لولای در ورودی پارک شکسته است")
    pipe = _file(desk, "لوله آب پارک ترکیده است")
    assert _found(desk, "لوله پارک") == [pipe, hinge]  # «لولای» is near «لوله»: found, after it
    assert _found(desk, "لولای") == [hinge, pipe]


def test_a_tracking_code_in_any_digits_finds_that_request_only(desk: Desk, filed: dict[str, int]) -> None:
    code = ServiceRequest.objects.get(pk=filed["pressure"]).tracking_code
    assert code is not None
    assert _found(desk, to_persian_digits(code)) == [filed["pressure"]]


def test_the_filters_narrow_the_matches(desk: Desk, filed: dict[str, int]) -> None:
    assert set(_found(desk, service="street-repair")) == {filed["pothole"], filed["light"]}
    assert _found(desk, "مطهری", service="street-repair") == [filed["pothole"]]
    assert set(_found(desk, organisation="MUN-ARAK")) == {filed["pothole"], filed["light"]}
    assert _found(desk, unit=desk.world.city_b.code) == []
    with pytest.raises(InvalidSearch):
        search.criteria_from(unit="اراک")  # the county and its city bear the name
    assert len(_found(desk, unit=desk.world.county_a.code)) == len(filed)  # the county and what lies under it
    assert _found(desk, kind="idea") == []
    first = format_date(AT.date())
    assert set(_found(desk, registered_from=first, registered_to=format_date((AT + dt.timedelta(days=1)).date()))) == {
        filed["pipe"], filed["outage"]
    }  # fmt: skip
    assert _found(desk, registered_from=format_date((AT + dt.timedelta(days=30)).date())) == [filed["light"]]
    actions.accept_request(actor=as_actor(desk.water_officer), request_id=filed["pipe"])
    actions.answer_request(actor=as_actor(desk.water_officer), request_id=filed["pipe"], answer="تعمیر شد")
    assert filed["pipe"] not in _found(desk, "لوله")  # the open ones unless told
    assert _found(desk, "لوله", state="all") == [filed["pipe"]]
    assert _found(desk, "لوله", state="answered") == [filed["pipe"]]
    assert set(_found(desk, overdue=True)) == {filed["outage"], filed["pressure"], filed["pothole"], filed["light"]}


def test_bad_filters_say_which_field(desk: Desk) -> None:
    for field, value in (("registered_from", "۱۴۰۵/۱۳/۰۱"), ("unit", "ناکجاآباد"), ("kind", "x"), ("state", "x")):
        with pytest.raises(InvalidSearch) as refused:
            search.criteria_from(**{field: value})  # type: ignore[arg-type]
        assert refused.value.details == {"field": field}


def test_an_officer_finds_only_what_their_inbox_holds(desk: Desk, filed: dict[str, int]) -> None:
    assert set(_found(desk, "مطهری", desk.water_officer)) == {filed["pipe"]}
    assert set(_found(desk, "مطهری", desk.city_officer)) == {filed["pothole"]}
    assert _found(desk, "مطهری", desk.far_officer) == []
    assert _found(desk, "مطهری", desk.power_officer) == []
    code = ServiceRequest.objects.get(pk=filed["pipe"]).tracking_code
    assert _found(desk, str(code), desk.city_officer) == []


WORDS = sorted({w for text in TEXTS.values() for w in text.replace("،", " ").split() if len(w) > 2})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2), st.sampled_from(["", "all", "registered"]))
def test_both_branches_find_whole_words_alike(desk: Desk, filed: dict[str, int], words: list[str], state: str) -> None:
    """Words as the texts hold them: the portable branch (the SQLite demo's) finds exactly the requests holding
    them all, and PostgreSQL (tsvector and trigrams) finds those too (and perhaps near ones)."""
    query = " ".join(words)
    expected = {pk for name, pk in filed.items() if all(search_words(w) in search_words(TEXTS[name]) for w in words)}
    expected = set() if state == "registered" else expected  # filed requests are routed at once
    with portable():
        assert set(_found(desk, query, state=state)) == expected
    assert expected <= set(_found(desk, query, state=state))


def test_the_inbox_page_searches_with_filters_and_refuses_a_bad_date(desk: Desk, filed: dict[str, int]) -> None:
    client = Client()
    client.force_login(desk.inspector)
    page = client.get("/desk/inbox/", {"q": "ترکیدگی لوبه", "service": "water-outage", "state": "all"})
    assert page.status_code == 200
    body = page.content.decode()
    assert f"/desk/requests/{filed['pipe']}/" in body
    assert f"/desk/requests/{filed['pothole']}/" not in body
    refused = client.get("/desk/inbox/", {"registered_from": "۱۴۰۵/۱۳/۴۰"})
    assert refused.status_code == 400
    assert "چنین روزی در تقویم خورشیدی وجود ندارد" in refused.content.decode()


def test_the_inbox_api_takes_q_and_the_filters(desk: Desk, filed: dict[str, int]) -> None:
    client = Client()
    client.force_login(desk.water_officer)
    found = client.get("/api/desk/inbox", {"q": "ساختمن"}).json()
    assert [r["id"] for r in found] == [filed["pressure"]]
    unit = client.get("/api/desk/inbox", {"unit": desk.world.city_b.code}).json()
    assert unit == []
    refused = client.get("/api/desk/inbox", {"registered_to": "1405/02/40"})
    assert refused.status_code == 400
    assert refused.json()["code"] == "invalid_search"
