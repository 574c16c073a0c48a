"""Which government office a post speaks for, and which offices a circular or a report may go to."""

from __future__ import annotations

from django.db.models import QuerySet

from ostan.access.kinds import OrganisationKind
from ostan.access.models import ORGANISATION_PATH_SEPARATOR, Organisation
from ostan.core.access import Actor
from ostan.participation.errors import NoOffice
from ostan.participation.models import CircularKind

OFFICE_KINDS = (OrganisationKind.GOVERNORATE, OrganisationKind.COUNTY_OFFICE, OrganisationKind.DISTRICT_OFFICE)


def office_of(actor: Actor) -> Organisation:
    """The actor's governorate, county or district office; refused for any other post."""
    found = None
    if actor.organisation_id is not None:
        found = (
            Organisation.objects.select_related("seat").filter(pk=actor.organisation_id, kind__in=OFFICE_KINDS).first()
        )
    if found is None:
        raise NoOffice("این کار از سمتی در استانداری، فرمانداری یا بخشداری انجام می‌شود.")
    return found


def reachable(sender: Organisation, kind: str) -> QuerySet[Organisation]:
    """A circular goes down to the offices under the sender; a report goes up to the offices above it."""
    offices = Organisation.objects.filter(kind__in=OFFICE_KINDS, is_active=True).select_related("seat")
    if kind == CircularKind.REPORT:
        parts = sender.path.split(ORGANISATION_PATH_SEPARATOR)
        above = [ORGANISATION_PATH_SEPARATOR.join(parts[:i]) for i in range(1, len(parts))]
        return offices.filter(path__in=above).order_by("depth")
    return offices.filter(path__startswith=sender.path + ORGANISATION_PATH_SEPARATOR).order_by("path")
