"""Importing party lists and candidates from CSV or XLSX: all rows or none."""

from __future__ import annotations

import hashlib

from django.db import transaction

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.tables import FileRejected, read_table
from ostan.elections import rosters
from ostan.elections.errors import ElectionClosed
from ostan.elections.events import ElectionsEvent
from ostan.elections.models import Candidate, Constituency, PartyList
from ostan.elections.permissions import MANAGE_CONSTITUENCY
from ostan.territory.scope import target_of

REJECTED = "پرونده پذیرفته نشد و هیچ سطری از آن وارد نشد؛ خطاهای زیر را اصلاح و دوباره بارگذاری کنید."


def _locked_open(constituency: Constituency) -> Constituency:
    constituency = Constituency.objects.select_for_update().select_related("unit").get(pk=constituency.pk)
    if constituency.is_published:
        raise ElectionClosed("نتایج این حوزه اعلام شده است و فهرست نامزدها دیگر تغییر نمی‌کند.")
    return constituency


@action()
def import_lists(*, actor: Actor, constituency: Constituency, file_name: str, data: bytes) -> int:
    """Add the party lists of ``data``; returns how many were imported."""
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
    if not constituency.is_proportional:
        raise FileRejected("در حوزه‌های اکثریتی فهرست انتخاباتی تعریف نمی‌شود.", [])
    rows = read_table(file_name, data, rosters.LIST_COLUMNS, rosters.LIST_REQUIRED)
    with transaction.atomic(durable=True):
        constituency = _locked_open(constituency)
        valid, errors = rosters.validate_lists(
            rows,
            existing_codes=set(constituency.party_lists.values_list("code", flat=True)),
            candidate_codes=set(constituency.candidates.values_list("code", flat=True)),
        )
        if errors:
            raise FileRejected(REJECTED, errors)
        PartyList.objects.bulk_create(
            PartyList(constituency=constituency, code=r.code, name=r.name, party=r.party) for r in valid
        )
        record(
            actor=actor,
            event=ElectionsEvent.LISTS_IMPORTED,
            obj=constituency,
            unit=constituency.unit,
            after={"file_name": file_name, "sha256": hashlib.sha256(data).hexdigest(), "lists": len(valid)},
        )
    return len(valid)


@action()
def import_candidates(*, actor: Actor, constituency: Constituency, file_name: str, data: bytes) -> int:
    """Add the candidates of ``data``; returns how many were imported."""
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
    rows = read_table(file_name, data, rosters.CANDIDATE_COLUMNS, rosters.CANDIDATE_REQUIRED)
    with transaction.atomic(durable=True):
        constituency = _locked_open(constituency)
        lists = {p.code: p for p in constituency.party_lists.all()}
        valid, errors = rosters.validate_candidates(
            rows, existing_codes=set(constituency.candidates.values_list("code", flat=True)), list_codes=lists
        )
        if errors:
            raise FileRejected(REJECTED, errors)
        Candidate.objects.bulk_create(
            Candidate(
                constituency=constituency,
                code=r.code,
                national_code=r.national_code,
                first_name=r.first_name,
                last_name=r.last_name,
                gender=r.gender,
                is_veteran=r.is_veteran,
                education=r.education,
                vetting_status=r.vetting_status,
                party_list=lists[r.list_code] if r.list_code else None,
            )
            for r in valid
        )
        record(
            actor=actor,
            event=ElectionsEvent.CANDIDATES_IMPORTED,
            obj=constituency,
            unit=constituency.unit,
            after={"file_name": file_name, "sha256": hashlib.sha256(data).hexdigest(), "candidates": len(valid)},
        )
    return len(valid)
