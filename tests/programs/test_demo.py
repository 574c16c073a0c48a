"""The programmes' demo: projects in every status, figures with a released year, an adopted experience and
an answered critique, made through the actions; running it again changes nothing."""

from __future__ import annotations

from django.utils import timezone

from ostan.auditlog.models import Entry
from ostan.core.access import Role
from ostan.core.programs import Status
from ostan.programs import selectors
from ostan.programs.demo import create_demo_programs
from ostan.programs.models import AchievementsRelease, Critique, Experience, KeyProject
from tests.actors import make_person
from tests.programs.conftest import NATIONAL_CODE, Programs


def test_the_demo_shows_every_status_and_is_idempotent(programs: Programs) -> None:
    w = programs.world
    make_person("demo_admin", Role.SYSTEM_ADMINISTRATOR, None)
    make_person("demo_governor", Role.GOVERNOR, w.county_a, organisation=programs.county_office)
    make_person("demo_governorate", Role.GOVERNOR_OFFICE_STAFF, w.province, organisation=programs.governorate)
    places = {"province_code": w.province.code, "county_code": w.county_a.code, "other_county_code": w.county_b.code}
    lines = create_demo_programs(**places, county_office=programs.county_office, citizen_username=NATIONAL_CODE)
    statuses = {a.assessment.status for a in selectors.projects(at=timezone.now())}
    assert statuses == set(Status)
    assert Experience.objects.get().adoptions.count() == 1
    assert AchievementsRelease.objects.count() == 1
    answered = [c for c in selectors.critiques() if c.answer.answer]
    assert len(answered) == 1
    assert Critique.objects.count() == 3
    assert any("/programs/" in line for line in lines)
    entries, projects = Entry.objects.count(), KeyProject.objects.count()
    create_demo_programs(**places, county_office=programs.county_office, citizen_username=NATIONAL_CODE)
    assert (Entry.objects.count(), KeyProject.objects.count()) == (entries, projects)
