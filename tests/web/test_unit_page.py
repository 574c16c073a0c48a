"""The one page per unit joins every installed area's summary, each as far as the viewer may see: the
council and published results for everyone, the service desk's volume and timeliness for the desk."""

from __future__ import annotations

from django.test import Client
from pytest_django.fixtures import Settings

from ostan.core.access import Role
from ostan.publication.demo import create_demo_publication
from ostan.territory.actions import set_population
from ostan.web.units import registry
from tests.actors import as_actor, make_person
from tests.servicedesk.conftest import Desk, desk  # noqa: F401 (the fixture)


def test_each_area_shows_its_part_to_those_who_may_see_it(desk: Desk, settings: Settings) -> None:  # noqa: F811
    settings.OSTAN_BULLETIN_KEY = "33" * 32
    w = desk.world
    admin = make_person("admin", Role.SYSTEM_ADMINISTRATOR, w.country)
    set_population(actor=as_actor(admin), unit=w.city_b, population=30_000, year=1395, reason="جمعیت آزمایشی")
    create_demo_publication(province="00")
    desk.file()
    assert {"elections", "publication", "servicedesk", "participation"} <= {area for area, _ in registry()}

    public = Client().get(f"/territory/u/{w.city_b.code}/").content.decode()
    assert "شورا و انتخابات" in public
    assert "اعضای اصلی شورا" in public
    assert "نتایج اعلام‌شده" in public
    assert "سهم پاسخ در مهلت" not in public  # the desk's figures are for the desk and the inspection office

    clerk = Client()
    clerk.force_login(desk.clerk)
    page = clerk.get(f"/territory/u/{w.county_a.code}/").content.decode()
    assert "۱ درخواست در این واحد" in page
    assert "سهم پاسخ در مهلت" in page
    elsewhere = clerk.get(f"/territory/u/{w.county_b.code}/").content.decode()
    assert "۰ درخواست در این واحد" in elsewhere or "درخواست در این واحد" not in elsewhere
