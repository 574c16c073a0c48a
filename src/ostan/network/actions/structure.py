"""The network's structure: a development council per neighbourhood or village (six committees and a
dormant crisis committee), the county network and the provincial steering council; members; boundaries."""

from __future__ import annotations

import json

from django.db import IntegrityError, transaction
from django.utils import timezone

from ostan.access.kinds import OrganisationKind
from ostan.access.models import Organisation
from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.network.errors import InvalidRule
from ostan.core.network.shapes import polygon_rings
from ostan.network.committees import STANDING_COMMITTEES, CommitteeKind
from ostan.network.errors import BoundaryRejected, CouncilExists, CouncilNotFound, InvalidNetworkInput
from ostan.network.events import NetworkEvent
from ostan.network.inputs import cleaned
from ostan.network.models import Boundary, Committee, Council, CouncilLevel, Member, MemberPosition
from ostan.network.permissions import MANAGE_COUNCILS
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import target_of

LEVEL_OF_KIND = {
    UnitKind.NEIGHBOURHOOD: CouncilLevel.LOCAL,
    UnitKind.VILLAGE: CouncilLevel.LOCAL,
    UnitKind.COUNTY: CouncilLevel.COUNTY,
    UnitKind.PROVINCE: CouncilLevel.PROVINCE,
}
NAME_PATTERNS = {
    UnitKind.NEIGHBOURHOOD: "شورای پیشرفت محلهٔ {}",
    UnitKind.VILLAGE: "شورای پیشرفت روستای {}",
    UnitKind.COUNTY: "شبکهٔ مدیریت محله‌محور شهرستان {}",
    UnitKind.PROVINCE: "شورای راهبری شبکهٔ محله‌محور استان {}",
}
# Who heads and who is secretary of the upper councils (the network's action plan): the فرماندار heads
# the county network with the mayor as secretary; the governor chairs the provincial steering council.
HEAD_KINDS = {
    CouncilLevel.COUNTY: {OrganisationKind.COUNTY_OFFICE},
    CouncilLevel.PROVINCE: {OrganisationKind.GOVERNORATE},
}
SECRETARY_KINDS = {CouncilLevel.COUNTY: {OrganisationKind.MUNICIPALITY}}
BOUNDARY_MAX_BYTES = 2 * 1024 * 1024


@action()
def form_council(*, actor: Actor, unit: Unit, name: str = "") -> Council:
    """The council of ``unit``: local for a neighbourhood or village, the network for a county, the
    steering council for a province."""
    ensure(actor, MANAGE_COUNCILS, target_of(unit))
    level = LEVEL_OF_KIND.get(UnitKind(unit.kind))
    if level is None:
        raise InvalidNetworkInput("شورا برای محله، روستا، شهرستان یا استان تشکیل می‌شود.", details={"field": "unit"})
    name = cleaned(name, "name", required=False, limit=200) or NAME_PATTERNS[UnitKind(unit.kind)].format(unit.name)
    try:
        with transaction.atomic(durable=True):
            council = Council.objects.create(unit=unit, level=level, name=name)
            if level is CouncilLevel.LOCAL:
                Committee.objects.bulk_create(
                    [Committee(council=council, kind=k, activated_at=council.created_at) for k in STANDING_COMMITTEES]
                    + [Committee(council=council, kind=CommitteeKind.CRISIS, is_active=False)]
                )
            record(actor=actor, event=NetworkEvent.COUNCIL_FORMED, obj=council, unit=unit,
                   after={"level": level.value, "name": name})  # fmt: skip
    except IntegrityError as exc:
        raise CouncilExists(f"«{unit.name}» از پیش شورا دارد.", details={"field": "unit"}) from exc
    return council


@action()
def add_member(
    *, actor: Actor, council_id: int, full_name: str, position: str, organisation_code: str = "", committee: str = ""
) -> Member:
    council = Council.objects.select_related("unit").filter(pk=council_id).first()
    if council is None:
        raise CouncilNotFound("چنین شورایی یافت نشد.")
    ensure(actor, MANAGE_COUNCILS, target_of(council.unit))
    full_name = cleaned(full_name, "full_name", limit=150)
    if position not in MemberPosition.values:
        raise InvalidNetworkInput("جایگاه عضو را از فهرست برگزینید.", details={"field": "position"})
    if committee and (committee not in CommitteeKind.values or council.level != CouncilLevel.LOCAL):
        raise InvalidNetworkInput("کارگروه را از فهرست کارگروه‌های این شورا برگزینید.", details={"field": "committee"})
    organisation = None
    if organisation_code.strip():
        organisation = Organisation.objects.filter(code=organisation_code.strip(), is_active=True).first()
        if organisation is None:
            raise InvalidNetworkInput("نهادی با این کد یافت نشد.", details={"field": "organisation_code"})
    _check_seat(council, position, organisation)
    with transaction.atomic(durable=True):
        Council.objects.select_for_update().get(pk=council.pk)
        if position != MemberPosition.MEMBER and council.members.filter(position=position).exists():
            raise InvalidNetworkInput("این شورا از پیش کسی در این جایگاه دارد.", details={"field": "position"})
        member = Member.objects.create(
            council=council, full_name=full_name, position=position, organisation=organisation, committee=committee
        )
        record(actor=actor, event=NetworkEvent.MEMBER_ADDED, obj=member, unit=council.unit,
               after={"full_name": full_name, "position": position,
                      "organisation": organisation.code if organisation else None, "committee": committee})  # fmt: skip
    return member


def _check_seat(council: Council, position: str, organisation: Organisation | None) -> None:
    kinds = {MemberPosition.HEAD: HEAD_KINDS, MemberPosition.SECRETARY: SECRETARY_KINDS}.get(MemberPosition(position))
    wanted = kinds.get(CouncilLevel(council.level)) if kinds else None
    if wanted and (organisation is None or organisation.kind not in wanted):
        names = "، ".join(OrganisationKind(k).label for k in wanted)
        raise InvalidNetworkInput(f"این جایگاه در این شورا از آنِ {names} است.", details={"field": "organisation_code"})


@action()
def import_boundary(*, actor: Actor, unit: Unit, data: bytes) -> Boundary:
    """A neighbourhood's or village's outline from a GeoJSON file; a new file replaces the old outline."""
    ensure(actor, MANAGE_COUNCILS, target_of(unit))
    if unit.kind not in (UnitKind.NEIGHBOURHOOD, UnitKind.VILLAGE):
        raise BoundaryRejected("مرز برای محله یا روستا ثبت می‌شود.", details={"field": "boundary"})
    if len(data) > BOUNDARY_MAX_BYTES:
        raise BoundaryRejected("پروندهٔ مرز بیش از ۲ مگابایت است.", details={"field": "boundary"})
    try:
        rings = polygon_rings(json.loads(data.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BoundaryRejected("پروندهٔ مرز GeoJSON خوانا نیست.", details={"field": "boundary"}) from exc
    except InvalidRule as exc:
        raise BoundaryRejected(exc.message, details={"field": "boundary"}) from exc
    with transaction.atomic(durable=True):
        stored = [[list(p) for p in ring] for ring in rings]
        boundary, created = Boundary.objects.update_or_create(
            unit=unit, defaults={"rings": stored, "imported_at": timezone.now()}
        )
        record(
            actor=actor,
            event=NetworkEvent.BOUNDARY_IMPORTED,
            obj=unit,
            unit=unit,
            after={"rings": len(rings), "positions": sum(len(r) for r in rings), "replaced": not created},
        )
    return boundary
