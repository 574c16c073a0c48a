"""The desk's working calendar, routing table and tracking key as the core wants them, read from the tables."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from django.conf import settings

from ostan.access.models import Organisation
from ostan.core.jalali import TEHRAN
from ostan.core.servicedesk import Deadline, RoutingTable, WorkingCalendar, due_at
from ostan.core.servicedesk import Pause as PauseValue
from ostan.core.servicedesk.deadlines import status
from ostan.core.servicedesk.routing import ancestors
from ostan.core.servicedesk.tracking import MIN_KEY_BYTES
from ostan.servicedesk.models import Holiday, Service, ServiceRequest

TZ = TEHRAN


def calendar() -> WorkingCalendar:
    """Friday off and every holiday in the table (Thursday is a working day for the governorate's desks)."""
    return WorkingCalendar.iranian(frozenset(Holiday.objects.values_list("date", flat=True).distinct()))


def tracking_key() -> bytes:
    """The tracking codes' key: OSTAN_TRACKING_KEY (hex), else one derived from the secret key."""
    configured = getattr(settings, "OSTAN_TRACKING_KEY", "")
    if configured:
        key = bytes.fromhex(configured)
        if len(key) >= MIN_KEY_BYTES:
            return key
    return hashlib.sha256(b"ostan/servicedesk/tracking/" + settings.SECRET_KEY.encode()).digest()


def deadline_of(found: ServiceRequest, pauses: Iterable[PauseValue] | None = None) -> Deadline:
    if pauses is None:
        rows = found.pauses.filter(started_at__gte=found.deadline_started_at).order_by("started_at", "pk")
        pauses = [PauseValue(p.started_at, p.ended_at) for p in rows]
    return Deadline(found.deadline_started_at, found.working_days, tuple(pauses))


def due_moment(found: ServiceRequest, at: dt.datetime, working: WorkingCalendar | None = None) -> dt.datetime:
    return due_at(deadline_of(found), working or calendar(), tz=TZ, at=at)


def remaining(found: ServiceRequest, at: dt.datetime, working: WorkingCalendar | None = None) -> int:
    return status(deadline_of(found), working or calendar(), at=at, tz=TZ).remaining_working_days


def routing_table(service: Service, unit_path: str) -> RoutingTable:
    """The service's entries for the unit and the units above it: who serves each of them."""
    places = ancestors(unit_path)
    if service.organisation_id is not None:
        organisations = Organisation.objects.filter(pk=service.organisation_id, is_active=True)
    elif service.organisation_kind:
        organisations = Organisation.objects.filter(kind=service.organisation_kind, is_active=True)
    else:
        return RoutingTable()
    served = organisations.filter(units__path__in=places).values_list("pk", "units__path").distinct()
    return RoutingTable.from_entries((service.code, path, str(pk)) for pk, path in served if path in places)
