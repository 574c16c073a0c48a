"""The desk's demo data: a catalogue, this year's holidays and requests in every state the demo's people
reach through the pages, made by the actions; running it again changes nothing."""

from __future__ import annotations

from ostan.auditlog.models import Entry as AuditEntry
from ostan.core.access import Role
from ostan.servicedesk.demo import DEMO_OPEN311_KEY, create_demo_servicedesk
from ostan.servicedesk.models import Holiday, Open311Key, ReplyTemplate, Service, ServiceRequest
from ostan.servicedesk.open311 import key_hash
from tests.actors import make_person
from tests.servicedesk.conftest import NATIONAL_CODE, Desk


def test_the_demo_fills_every_state_once(desk: Desk) -> None:
    w = desk.world
    make_person("demo_desk", Role.SERVICE_DESK_CLERK, w.county_a)
    make_person("demo_agency", Role.AGENCY_OFFICER, w.county_a, organisation=desk.water)
    make_person("demo_agency_city", Role.AGENCY_OFFICER, w.city_a, organisation=desk.municipality)
    lines = create_demo_servicedesk(governorate_code="INSP", citizen_username=NATIONAL_CODE)
    assert Service.objects.count() >= 12
    assert Holiday.objects.filter(name="آغاز نوروز").exists()
    states = set(ServiceRequest.objects.values_list("state", flat=True))
    expected = {"registered", "assigned", "in_progress", "awaiting_citizen", "answered", "closed", "returned"}
    assert states >= expected | {"not_ours", "merged"}
    assert ServiceRequest.objects.count() >= 300  # a few hundred: the actions' few dozen and the bulk history
    for state in expected | {"not_ours", "merged"}:
        assert ServiceRequest.objects.filter(state=state).count() >= 10, state
    assert ServiceRequest.objects.filter(tracking_code__isnull=True).count() == 0
    assert ServiceRequest.objects.filter(escalated_to__code="INSP").exists()
    assert ReplyTemplate.objects.filter(organisation=desk.water).count() == 2
    assert ServiceRequest.objects.filter(satisfaction__isnull=False).exists()
    assert ServiceRequest.objects.filter(filed_by__username="demo_desk").exists()
    assert any("/desk/track/?code=" in line for line in lines)
    assert ServiceRequest.objects.filter(channel="open311").count() == 1
    assert Open311Key.objects.get().key_hash == key_hash(DEMO_OPEN311_KEY)
    assert any(DEMO_OPEN311_KEY in line for line in lines)
    entries = AuditEntry.objects.count()
    create_demo_servicedesk(governorate_code="INSP", citizen_username=NATIONAL_CODE)
    assert AuditEntry.objects.count() == entries
