"""Adding and editing one candidate or party list by hand, and candidates' photos."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, ensure
from ostan.elections import photos
from ostan.elections.entries import CandidateEntry, ListEntry, checked_candidate, checked_list
from ostan.elections.errors import ElectionClosed, InvalidEntry, RosterFrozen
from ostan.elections.events import ElectionsEvent
from ostan.elections.models import Candidate, Constituency, PartyList, RoundStatus
from ostan.elections.permissions import MANAGE_CONSTITUENCY
from ostan.territory.scope import target_of

CANDIDATE_FIELDS = ("code", "national_code", "first_name", "last_name", "gender", "is_veteran", "education",
                    "vetting_status", "party_list")  # fmt: skip
LIST_FIELDS = ("code", "name", "party")
# From voting on, the machines show the roster: it must not change under the voters' eyes.
FROZEN_STATUSES = frozenset({RoundStatus.VOTING, RoundStatus.COUNTING, RoundStatus.PUBLISHED})


def _locked_roster(constituency: Constituency) -> Constituency:
    """The constituency, locked, if its roster may still change."""
    constituency = (
        Constituency.objects.select_for_update(of=("self",))
        .select_related("unit", "election_round")
        .get(pk=constituency.pk)
    )
    if constituency.is_published:
        raise ElectionClosed("نتایج این حوزه اعلام شده است و فهرست نامزدها دیگر تغییر نمی‌کند.")
    if constituency.election_round.status in FROZEN_STATUSES:
        raise RosterFrozen("رأی‌گیری این دوره آغاز شده است و نامزدها و فهرست‌ها دیگر تغییر نمی‌کنند.")
    return constituency


def _apply(candidate: Candidate, entry: CandidateEntry, party_list: PartyList | None) -> None:
    for field in ("code", "national_code", "first_name", "last_name", "gender", "is_veteran", "education",
                  "vetting_status"):  # fmt: skip
        setattr(candidate, field, getattr(entry, field))
    candidate.party_list = party_list


@action()
def add_candidate(*, actor: Actor, constituency: Constituency, entry: CandidateEntry) -> Candidate:
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
    with transaction.atomic(durable=True):
        constituency = _locked_roster(constituency)
        cleaned, party_list, errors = checked_candidate(entry, constituency)
        if errors:
            raise InvalidEntry(errors)
        candidate = Candidate(constituency=constituency)
        _apply(candidate, cleaned, party_list)
        candidate.save()
        record(actor=actor, event=ElectionsEvent.CANDIDATE_ADDED, obj=candidate, unit=constituency.unit,
               after=snapshot(candidate, CANDIDATE_FIELDS))  # fmt: skip
    return candidate


@action()
def edit_candidate(*, actor: Actor, candidate: Candidate, entry: CandidateEntry) -> Candidate:
    ensure(actor, MANAGE_CONSTITUENCY, target_of(candidate.constituency.unit))
    with transaction.atomic(durable=True):
        constituency = _locked_roster(candidate.constituency)
        candidate = Candidate.objects.select_for_update().get(pk=candidate.pk, constituency=constituency)
        cleaned, party_list, errors = checked_candidate(entry, constituency, own_pk=candidate.pk)
        if errors:
            raise InvalidEntry(errors)
        before = snapshot(candidate, CANDIDATE_FIELDS)
        _apply(candidate, cleaned, party_list)
        candidate.save()
        record(actor=actor, event=ElectionsEvent.CANDIDATE_EDITED, obj=candidate, unit=constituency.unit,
               before=before, after=snapshot(candidate, CANDIDATE_FIELDS))  # fmt: skip
    return candidate


@action()
def add_party_list(*, actor: Actor, constituency: Constituency, entry: ListEntry) -> PartyList:
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
    with transaction.atomic(durable=True):
        constituency = _locked_roster(constituency)
        cleaned, errors = checked_list(entry, constituency)
        if errors:
            raise InvalidEntry(errors)
        party_list = PartyList.objects.create(
            constituency=constituency, code=cleaned.code, name=cleaned.name, party=cleaned.party
        )
        record(actor=actor, event=ElectionsEvent.LIST_ADDED, obj=party_list, unit=constituency.unit,
               after=snapshot(party_list, LIST_FIELDS))  # fmt: skip
    return party_list


@action()
def set_candidate_photo(*, actor: Actor, candidate: Candidate, data: bytes) -> Candidate:
    """Store ``data`` unchanged under a random name; the previous file is removed once the change commits."""
    ensure(actor, MANAGE_CONSTITUENCY, target_of(candidate.constituency.unit))
    kind, picture = photos.cleaned_photo(data)
    stored = default_storage.save(photos.new_photo_name(kind), ContentFile(picture))
    try:
        with transaction.atomic(durable=True):
            constituency = _locked_roster(candidate.constituency)
            candidate = Candidate.objects.select_for_update().get(pk=candidate.pk, constituency=constituency)
            before = snapshot(candidate, ("photo_path",))
            previous, candidate.photo_path = candidate.photo_path, stored
            candidate.save(update_fields=["photo_path"])
            record(actor=actor, event=ElectionsEvent.CANDIDATE_PHOTO_SET, obj=candidate, unit=constituency.unit,
                   before=before, after={"photo_path": stored, "bytes": len(data)})  # fmt: skip
            if previous:
                transaction.on_commit(lambda: default_storage.delete(previous))
    except BaseException:
        default_storage.delete(stored)  # the change was refused: leave no orphan file behind
        raise
    return candidate
