"""The catalogue of services: writing one service, and importing a whole CSV/XLSX file of them, all or nothing,
with every bad line reported in Persian (read by ``ostan.core.tables`` like the organisations' import)."""

from __future__ import annotations

from django.db import transaction

from ostan.access.models import Organisation
from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, ensure
from ostan.core.tables import FileRejected, LineError, read_table
from ostan.core.text import normalize, search_key, to_persian_digits
from ostan.servicedesk.entries import COLUMNS, REQUIRED, ServiceEntry, service_entry_from
from ostan.servicedesk.events import ServiceDeskEvent
from ostan.servicedesk.models import Service
from ostan.servicedesk.permissions import MANAGE_CATALOGUE

AUDITED = ("name", "working_days", "organisation_kind")


def write_service(entry: ServiceEntry, organisation: Organisation | None) -> tuple[Service, dict[str, object] | None]:
    """Create or change the service of ``entry.code`` (inside the caller's transaction); the state before."""
    service = Service.objects.select_for_update().filter(code=entry.code).first() or Service(code=entry.code)
    before = snapshot(service, AUDITED) if service.pk else None
    service.name = normalize(entry.name)
    service.search_key = search_key(f"{entry.name} {entry.description}")
    service.kinds = list(entry.kinds)
    service.organisation_kind, service.organisation = entry.organisation_kind, organisation
    service.description, service.required_documents = entry.description, entry.required_documents
    service.steps, service.cost, service.working_days = entry.steps, entry.cost, entry.working_days
    service.save()
    return service, before


@action()
def import_services(*, actor: Actor, file_name: str, data: bytes) -> int:
    """Create or update every service of a CSV/XLSX file, or none; the number of lines written."""
    ensure(actor, MANAGE_CATALOGUE)
    rows = read_table(file_name, data, COLUMNS, REQUIRED)
    lines = [(row.line, *service_entry_from(dict(row.cells))) for row in rows]
    codes = {entry.organisation_code for _, entry, _ in lines if entry.organisation_code}
    organisations = {o.code: o for o in Organisation.objects.filter(code__in=codes, is_active=True)}
    errors, seen = [], set()
    for line, entry, problems in lines:
        if entry.organisation_code and entry.organisation_code not in organisations:
            problems["organisation"] = f"دستگاهی با کد «{entry.organisation_code}» نیست."
        if entry.code in seen:
            problems["code"] = f"کد «{entry.code}» در پرونده تکرار شده است."
        seen.add(entry.code)
        if problems:
            errors.append(LineError(line, "؛ ".join(problems.values())))
    if errors:
        count = to_persian_digits(len(errors))
        raise FileRejected(f"{count} سطر پرونده خطا دارد؛ هیچ خدمتی ثبت نشد.", errors)
    with transaction.atomic(durable=True):
        created = 0
        for _, entry, _ in lines:
            _, before = write_service(entry, organisations.get(entry.organisation_code))
            created += before is None
        record(
            actor=actor, event=ServiceDeskEvent.SERVICES_IMPORTED, object_type="servicedesk.service",
            object_label=file_name[:300],
            after={"file": file_name, "created": created, "updated": len(lines) - created, "codes": sorted(seen)},
        )  # fmt: skip
    return len(lines)
