"""The desk's pages: the catalogue, filing from a form, the status page, the inbox and a step from the
request's page, each as the person who uses it."""

from __future__ import annotations

from typing import Any

from django.test import Client

from ostan.core.access import Role
from ostan.core.servicedesk import State
from ostan.core.text import to_persian_digits
from ostan.servicedesk.models import Holiday, ServiceRequest
from tests.actors import make_person
from tests.servicedesk.conftest import Desk


def _client(person: Any = None) -> Client:
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def test_the_catalogue_finds_services_by_normalised_words(desk: Desk) -> None:
    page = _client().get("/desk/", {"q": "ترميم"})  # Arabic ي in the query
    assert page.status_code == 200
    assert "ترمیم معابر" in page.content.decode()
    assert "قطعی آب" not in page.content.decode()


def test_a_citizen_files_from_the_form_and_gets_the_code(desk: Desk) -> None:
    client = _client(desk.citizen)
    form = {"service": "street-repair", "kind": "complaint", "unit": to_persian_digits(desk.world.city_a.code),
            "text": "چاله بزرگ در خیابان"}  # fmt: skip
    answer = client.post("/desk/file/", form)
    assert answer.status_code == 302
    found = ServiceRequest.objects.get()
    assert found.organisation == desk.municipality
    shown = client.get(answer["Location"]).content.decode()
    assert found.tracking_code is not None
    assert to_persian_digits(found.tracking_code[:3]) in shown


def test_a_form_refusal_lands_next_to_its_field(desk: Desk) -> None:
    form = {"service": "street-repair", "kind": "appreciation", "unit": desk.world.city_a.code, "text": "ممنون"}
    answer = _client(desk.citizen).post("/desk/file/", form)
    assert answer.status_code == 400
    assert not ServiceRequest.objects.exists()


def test_the_clerk_files_for_a_citizen_from_the_form(desk: Desk) -> None:
    form = {"service": "water-outage", "kind": "request", "unit": desk.world.city_a.code, "text": "شیر خراب",
            "channel": "desk", "citizen_name": "زهرا", "national_code": "0012345679", "mobile": ""}  # fmt: skip
    answer = _client(desk.clerk).post("/desk/file/", form)
    assert answer.status_code == 302
    assert ServiceRequest.objects.get().filed_by == desk.clerk


def test_the_status_page_reads_any_digits_and_hides_the_text(desk: Desk) -> None:
    found = desk.file()
    assert found.tracking_code is not None
    page = _client().get("/desk/track/", {"code": to_persian_digits(found.tracking_code)})
    assert page.status_code == 200
    body = page.content.decode()
    assert "به دستگاه مسئول فرستاده شد" in body
    assert "آب محله از دیروز قطع است" not in body
    assert _client().get("/desk/track/", {"code": "12345"}).status_code == 404


def test_the_officer_answers_from_the_request_page(desk: Desk) -> None:
    found = desk.file()
    officer = _client(desk.water_officer)
    inbox = officer.get("/desk/inbox/").content.decode()
    assert f"/desk/requests/{found.pk}/" in inbox
    assert officer.post(f"/desk/requests/{found.pk}/accept/").status_code == 302
    assert officer.post(f"/desk/requests/{found.pk}/answer/", {"answer-text": "درست شد"}).status_code == 302
    found.refresh_from_db()
    assert found.state == State.ANSWERED
    mine = _client(desk.citizen).get(f"/desk/requests/{found.pk}/").content.decode()
    assert "درست شد" in mine
    assert "اعتراض به پاسخ" in mine


def test_out_of_reach_requests_are_not_found(desk: Desk) -> None:
    found = desk.file()
    assert _client(desk.power_officer).get(f"/desk/requests/{found.pk}/").status_code == 404
    assert _client(desk.other_citizen).get(f"/desk/requests/{found.pk}/").status_code == 404
    assert _client(desk.power_officer).post(f"/desk/requests/{found.pk}/accept/").status_code == 404
    found.refresh_from_db()
    assert found.state == State.ASSIGNED


def test_a_refused_step_says_why_on_the_page(desk: Desk) -> None:
    found = desk.file()
    answer = _client(desk.water_officer).post(f"/desk/requests/{found.pk}/answer/", {"answer-text": "زود"})
    assert answer.status_code == 400
    assert "نمی‌پذیرد" in answer.content.decode()


def test_the_administrator_keeps_the_holidays_from_the_page(desk: Desk) -> None:
    admin = _client(make_person("admin", Role.SYSTEM_ADMINISTRATOR, None))
    assert admin.post("/desk/holidays/", {"year": "1405"}).status_code == 302
    assert Holiday.objects.filter(name="آغاز نوروز").exists()
    answer = admin.post("/desk/holidays/", {"text": "۱۴۰۵/۰۹/۲۰,تعطیلی آلودگی هوا,اعلامی"})
    assert answer.status_code == 302
    assert Holiday.objects.filter(name="تعطیلی آلودگی هوا", kind="declared").exists()
    assert _client(desk.clerk).get("/desk/holidays/").status_code == 403


def test_the_citizen_answers_the_survey_from_the_page(desk: Desk) -> None:
    found = desk.file()
    officer = _client(desk.water_officer)
    officer.post(f"/desk/requests/{found.pk}/accept/")
    officer.post(f"/desk/requests/{found.pk}/answer/", {"answer-text": "درست شد"})
    citizen = _client(desk.citizen)
    assert citizen.post(f"/desk/requests/{found.pk}/close/").status_code == 302
    assert "نظرسنجی رضایت" in citizen.get(f"/desk/requests/{found.pk}/").content.decode()
    assert citizen.post(f"/desk/requests/{found.pk}/survey/", {"survey-score": "5"}).status_code == 302
    found.refresh_from_db()
    assert found.satisfaction == 5
