"""The demo's participation: stakeholders, a meeting with an overdue, a done and an open decision, and a
circular two offices acknowledged while one waits with its reminder sent; running it again changes nothing."""

from __future__ import annotations

from typing import Any

from ostan.auditlog.models import Entry as AuditEntry
from ostan.core.access import Role
from ostan.participation import record
from ostan.participation.demo import CIRCULAR_TITLE, REPORT_TITLE, create_demo_participation
from ostan.participation.models import Circular, Decision, Reminder, Stakeholder
from tests.actors import make_person
from tests.participation.conftest import Offices


def test_the_demo_shows_every_step_once(offices: Offices, django_capture_on_commit_callbacks: Any) -> None:
    o = offices
    make_person("demo_governor", Role.GOVERNOR, o.world.county_a, organisation=o.county_a)
    make_person("demo_governorate", Role.GOVERNOR_OFFICE_STAFF, o.world.province, organisation=o.governorate)
    make_person("demo_district", Role.GOVERNOR, o.district_a1, organisation=o.district_1)
    with django_capture_on_commit_callbacks(execute=True):
        lines = create_demo_participation(province_code="00", county_code="0001")
    assert Stakeholder.objects.count() == 6
    assert Decision.objects.count() == 3
    assert Decision.objects.filter(done_on__isnull=False).count() == 1
    circular = Circular.objects.get(title=CIRCULAR_TITLE)
    assert circular.recipients.filter(acknowledged_at__isnull=False).count() == 2
    waiting = circular.recipients.get(acknowledged_at__isnull=True)
    assert waiting.office == o.district_2
    assert Reminder.objects.get().sent_at is not None
    assert Circular.objects.filter(title=REPORT_TITLE, kind="report").exists()
    assert record.problems(circular) == []
    assert any(o.district_2.name in line for line in lines)
    entries = AuditEntry.objects.count()
    assert create_demo_participation(province_code="00", county_code="0001") == lines
    assert AuditEntry.objects.count() == entries
