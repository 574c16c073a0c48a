"""Changes to the registry of organisations: one at a time from a form, or a whole file at once.

A file is all or nothing: every line is checked first (its fields, its parent, its units, that they lie
in the actor's territory), every problem of every line reported; only then is anything written, in one
transaction with one audit entry. A line whose code exists already updates that organisation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import IntegrityError, transaction

from ostan.access.entries import COLUMNS, REQUIRED, OrganisationEntry, entry_from, problems_of
from ostan.access.errors import DuplicateOrganisation, InvalidOrganisation
from ostan.access.events import AccessEvent
from ostan.access.models import Organisation
from ostan.access.permissions import MANAGE_ORGANISATIONS
from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, OutOfScope, allows, ensure
from ostan.core.tables import FileRejected, LineError, read_table
from ostan.core.text import search_key
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

AUDITED = ("code", "name", "kind", "parent", "seat", "phone", "email", "address", "contact_person", "is_active")


def _units(codes: Iterable[str]) -> dict[str, Unit]:
    return {u.code: u for u in Unit.objects.filter(code__in=set(codes))}


def _resolve(
    actor: Actor, entry: OrganisationEntry, units: dict[str, Unit], parents: dict[str, Organisation | None]
) -> tuple[dict[str, str], Unit | None, list[Unit]]:
    """The entry's field errors with its references resolved: seat and served units known and in scope."""
    problems = problems_of(entry)
    seat = units.get(entry.seat_code)
    if entry.seat_code and seat is None:
        problems["seat"] = f"واحدی با کد «{entry.seat_code}» نیست."
    elif seat is not None and not allows(actor, MANAGE_ORGANISATIONS, target_of(seat)):
        problems["seat"] = f"«{seat.name}» خارج از حوزهٔ مسئولیت شماست."
    served: list[Unit] = []
    for code in entry.unit_codes:
        unit = units.get(code)
        if unit is None:
            problems["units"] = f"واحدی با کد «{code}» نیست."
        elif not allows(actor, MANAGE_ORGANISATIONS, target_of(unit)):
            problems["units"] = f"«{unit.name}» خارج از حوزهٔ مسئولیت شماست."
        else:
            served.append(unit)
    if entry.parent_code and entry.parent_code not in parents:
        problems["parent"] = f"سازمان بالادستی با کد «{entry.parent_code}» نیست."
    if not entry.unit_codes and seat is not None:  # an organisation serves at least the unit it sits in
        served = [seat]
    return problems, seat, served


def _save(organisation: Organisation, entry: OrganisationEntry, parent: Organisation | None, seat: Unit) -> None:
    organisation.code, organisation.name, organisation.kind = entry.code, entry.name, entry.kind
    organisation.search_key = search_key(entry.name)
    organisation.seat = seat
    organisation.phone, organisation.email = entry.phone, entry.email
    organisation.address, organisation.contact_person = entry.address, entry.contact_person
    organisation.place(parent)
    organisation.save()


def _refuse(problems: dict[str, str]) -> None:
    if problems:
        raise InvalidOrganisation("ورودی نامعتبر است؛ خطاهای هر بخش را ببینید.", details=problems)


@action()
def create_organisation(*, actor: Actor, entry: OrganisationEntry) -> Organisation:
    """Register one organisation seated in a unit of the actor's territory."""
    with transaction.atomic(durable=True):
        parents: dict[str, Organisation | None] = {"": None}
        if entry.parent_code:
            found = Organisation.objects.filter(code=entry.parent_code).first()
            if found is not None:
                parents[entry.parent_code] = found
        problems, seat, served = _resolve(actor, entry, _units([entry.seat_code, *entry.unit_codes]), parents)
        _refuse(problems)
        assert seat is not None
        if Organisation.objects.filter(code=entry.code).exists():
            raise DuplicateOrganisation(f"سازمانی با کد «{entry.code}» پیش‌تر ثبت شده است.", details={"field": "code"})
        organisation = Organisation()
        try:
            _save(organisation, entry, parents.get(entry.parent_code), seat)
        except IntegrityError:
            raise DuplicateOrganisation(f"سازمانی با کد «{entry.code}» پیش‌تر ثبت شده است.") from None
        organisation.units.set(served)
        record(
            actor=actor,
            event=AccessEvent.ORGANISATION_CREATED,
            obj=organisation,
            unit=seat,
            after={**snapshot(organisation, AUDITED), "units": sorted(u.code for u in served)},
        )
    return organisation


@action()
def change_organisation(*, actor: Actor, organisation_id: int, entry: OrganisationEntry) -> Organisation:
    """Edit an organisation seated in the actor's territory (its code stays; a new seat must be in scope too)."""
    with transaction.atomic(durable=True):
        organisation = (
            Organisation.objects.select_for_update().select_related("seat").filter(pk=organisation_id).first()
        )
        if organisation is None:
            raise InvalidOrganisation("چنین سازمانی یافت نشد.", code="not_found")
        ensure(actor, MANAGE_ORGANISATIONS, target_of(organisation.seat))
        if entry.code != organisation.code:
            raise InvalidOrganisation("کد سازمان عوض نمی‌شود.", details={"field": "code"})
        parents: dict[str, Organisation | None] = {"": None}
        if entry.parent_code:
            parent = Organisation.objects.filter(code=entry.parent_code).first()
            if parent is not None and not _is_below(parent, organisation):
                parents[entry.parent_code] = parent
        problems, seat, served = _resolve(actor, entry, _units([entry.seat_code, *entry.unit_codes]), parents)
        _refuse(problems)
        assert seat is not None
        before = {**snapshot(organisation, AUDITED), "units": sorted(organisation.units.values_list("code", flat=True))}
        old_path = organisation.path
        _save(organisation, entry, parents.get(entry.parent_code), seat)
        organisation.units.set(served)
        _move_branches(old_path, organisation)
        after = {**snapshot(organisation, AUDITED), "units": sorted(u.code for u in served)}
        record(
            actor=actor, event=AccessEvent.ORGANISATION_CHANGED, obj=organisation, unit=seat, before=before, after=after
        )
    return organisation


def _is_below(candidate: Organisation, organisation: Organisation) -> bool:
    """Whether ``candidate`` is ``organisation`` or one of its branches (it cannot become their parent)."""
    return candidate.path == organisation.path or candidate.path.startswith(organisation.path + "/")


def _move_branches(old_path: str, organisation: Organisation) -> None:
    """Re-derive the paths under a moved organisation, parents before branches."""
    if old_path == organisation.path:
        return
    moved = {organisation.pk: organisation}
    for branch in Organisation.objects.filter(path__startswith=old_path + "/").order_by("depth"):
        branch.place(moved[branch.parent_id or 0])
        branch.save(update_fields=["path", "depth"])
        moved[branch.pk] = branch


@action()
def import_organisations(*, actor: Actor, file_name: str, data: bytes) -> int:
    """Create or update every organisation of a CSV/XLSX file, or none; the number of lines written."""
    if not actor.is_system and MANAGE_ORGANISATIONS.reach_for(actor.role) is None:
        raise OutOfScope(MANAGE_ORGANISATIONS.refusal)
    rows = read_table(file_name, data, COLUMNS, REQUIRED)
    entries = [(row.line, entry_from(dict(row.cells))) for row in rows]
    with transaction.atomic(durable=True):
        order, errors = _checked(actor, entries)
        if errors:
            raise FileRejected(f"{len(errors)} سطر پرونده خطا دارد؛ هیچ سازمانی ثبت نشد.", errors)
        created, updated = _write(order)
        record(
            actor=actor,
            event=AccessEvent.ORGANISATIONS_IMPORTED,
            object_type="access.organisation",
            object_label=file_name[:300],
            unit_path=actor.unit_path or "",
            after={"file": file_name, "created": created, "updated": updated},
        )
    return len(order)


_Line = tuple[int, OrganisationEntry, Unit, list[Unit]]


def _checked(actor: Actor, entries: Sequence[tuple[int, OrganisationEntry]]) -> tuple[list[_Line], list[LineError]]:
    """The lines in an order that writes every parent before its branches, and every line's problems."""
    codes = [e.code for _, e in entries]
    existing = {
        o.code: o
        for o in Organisation.objects.select_related("seat").filter(
            code__in={e.parent_code for _, e in entries} | set(codes)
        )
    }
    parents: dict[str, Organisation | None] = {"": None, **existing, **dict.fromkeys(codes)}
    units = _units(c for _, e in entries for c in (e.seat_code, *e.unit_codes))
    errors, lines = [], []
    seen: set[str] = set()
    for line, entry in entries:
        problems, seat, served = _resolve(actor, entry, units, parents)
        if entry.code in seen:
            problems["code"] = f"کد «{entry.code}» در پرونده تکرار شده است."
        seen.add(entry.code)
        old = existing.get(entry.code)
        if old is not None and not allows(actor, MANAGE_ORGANISATIONS, target_of(old.seat)):
            problems["code"] = f"سازمان «{old.name}» در حوزهٔ مسئولیت شما نیست."
        parent = existing.get(entry.parent_code)
        if old is not None and parent is not None and _is_below(parent, old):
            problems["parent"] = "سازمان نمی‌تواند زیرمجموعهٔ شاخه‌های خودش باشد."
        if problems:
            errors.append(LineError(line, "؛ ".join(problems.values())))
        else:
            assert seat is not None
            lines.append((line, entry, seat, served))
    ordered, cyclic = _parents_first(lines)
    errors.extend(LineError(line, "زنجیرهٔ سازمان‌های بالادست به خودش برمی‌گردد.") for line in cyclic)
    return ordered, sorted(errors, key=lambda e: e.line)


def _parents_first(lines: list[_Line]) -> tuple[list[_Line], list[int]]:
    in_file = {entry.code for _, entry, _, _ in lines}
    placed: set[str] = set()
    ordered: list[_Line] = []
    waiting = list(lines)
    while waiting:
        ready = [x for x in waiting if x[1].parent_code not in in_file or x[1].parent_code in placed]
        if not ready:
            return ordered, [x[0] for x in waiting]
        ordered.extend(ready)
        placed.update(x[1].code for x in ready)
        waiting = [x for x in waiting if x not in ready]
    return ordered, []


def _write(lines: list[_Line]) -> tuple[int, int]:
    created = updated = 0
    by_code = {o.code: o for o in Organisation.objects.select_for_update().filter(code__in=[x[1].code for x in lines])}
    for _, entry, seat, served in lines:
        organisation = by_code.get(entry.code) or Organisation()
        is_new = organisation.pk is None
        parent = by_code.get(entry.parent_code) or Organisation.objects.filter(code=entry.parent_code).first()
        old_path = organisation.path
        _save(organisation, entry, parent if entry.parent_code else None, seat)
        organisation.units.set(served)
        if not is_new:
            _move_branches(old_path, organisation)
        by_code[entry.code] = organisation
        created, updated = (created + 1, updated) if is_new else (created, updated + 1)
    return created, updated
