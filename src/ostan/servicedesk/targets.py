"""Where the requests the pages name lie: at their unit, for the organisation holding them, owned by the citizen."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator, row_named, whole_number
from ostan.core.access import Target
from ostan.servicedesk.errors import RequestNotFound
from ostan.servicedesk.models import ServiceRequest


def target_of_request(found: ServiceRequest) -> Target:
    return Target(
        unit_path=found.unit.path,
        unit_name=found.unit.name,
        organisation_path=found.organisation.path if found.organisation is not None else None,
        owner_id=found.citizen_id,
    )


@locator("service_request", conceal=True)
def service_request(pk: object = None, **_: Any) -> Target | None:
    found = row_named(
        ServiceRequest.objects.select_related("unit", "organisation"), pk, RequestNotFound("چنین درخواستی یافت نشد.")
    )
    if found is None:
        return None
    return target_of_request(found)


@locator("service_attachment", conceal=True)
def service_attachment(pk: object = None, file_id: object = None, **_: Any) -> Target | None:
    """A file is where its request is: the request's readers may open it (the view also hides internal ones)."""
    number, file_number = whole_number(pk), whole_number(file_id)
    if number is None or file_number is None:
        return None
    found = ServiceRequest.objects.select_related("unit", "organisation").filter(
        pk=number, attachments__pk=file_number
    ).first()  # fmt: skip
    if found is None:
        raise RequestNotFound("چنین پیوستی یافت نشد.")
    return target_of_request(found)
