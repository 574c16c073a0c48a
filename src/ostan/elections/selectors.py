"""Reads of elections data, scoped: officials see their territory; everyone sees published results."""

from __future__ import annotations

import hashlib

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from ostan.access.scope import reach_q
from ostan.core.access import Actor, allows
from ostan.core.counting.errors import PopulationUnknown
from ostan.core.counting.seats import CouncilSize, council_size
from ostan.core.errors import NotFound
from ostan.core.text import normalize, normalize_digits
from ostan.elections.models import (
    Ballot,
    BallotBatch,
    Candidate,
    Constituency,
    CountRecord,
    ElectionRound,
    PartyList,
    RoundStatus,
    VettingStatus,
)
from ostan.elections.permissions import MANAGE_CONSTITUENCY, READ_UNPUBLISHED
from ostan.elections.settlements import KIND_UNITS, settlement_of
from ostan.ordering import by_name
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import target_of
from ostan.territory.selectors import search_units

NOT_FOUND = "حوزه انتخابیه پیدا نشد یا نتایج آن هنوز اعلام نشده است."


def visible_constituencies(actor: Actor) -> QuerySet[Constituency]:
    """Constituencies with published results, plus every constituency whose unpublished state the actor
    may read (those of their unit and below; all of them for national actors)."""
    published = Q(results_published_at__isnull=False)
    return (
        Constituency.objects.filter(published | reach_q(actor, READ_UNPUBLISHED, unit_path="unit__path"))
        .select_related("unit", "election_round")
        .order_by("-election_round__number", by_name(), "id")
    )


def rounds(actor: Actor) -> list[tuple[ElectionRound, list[Constituency]]]:
    """Each round with the constituencies the actor may see; rounds with none are shown to officials only."""
    grouped: dict[int, list[Constituency]] = {}
    for constituency in visible_constituencies(actor):
        grouped.setdefault(constituency.election_round_id, []).append(constituency)
    shown = ElectionRound.objects.order_by("-number")
    if READ_UNPUBLISHED.reach_for(actor.role) is None and not actor.is_system:
        shown = shown.filter(pk__in=grouped)
    return [(r, grouped.get(r.pk, [])) for r in shown]


def constituency_for_user(actor: Actor, pk: int) -> Constituency:
    """A constituency the actor may see: published, or within their scope. Anything else is not found."""
    constituency = visible_constituencies(actor).filter(pk=pk).first()
    if constituency is None:
        raise NotFound(NOT_FOUND)
    return constituency


def can_see_unpublished(actor: Actor, constituency: Constituency) -> bool:
    return allows(actor, READ_UNPUBLISHED, target_of(constituency.unit))


def can_manage(actor: Actor, unit: Unit) -> bool:
    return allows(actor, MANAGE_CONSTITUENCY, target_of(unit))


def is_election_official(actor: Actor) -> bool:
    """Whether pages should offer the set-up forms at all (each action still checks the unit)."""
    return actor.is_system or MANAGE_CONSTITUENCY.reach_for(actor.role) is not None


def latest_count(constituency: Constituency) -> CountRecord | None:
    return constituency.count_records.order_by("-counted_at", "-id").first()


def count_for_user(actor: Actor, pk: int) -> tuple[Constituency, CountRecord]:
    """The count shown to ``actor``: the latest one, public only once the results are published."""
    constituency = constituency_for_user(actor, pk)
    record = latest_count(constituency)
    if record is None or not (constituency.is_published or can_see_unpublished(actor, constituency)):
        raise NotFound(NOT_FOUND)
    return constituency, record


def candidates(constituency: Constituency) -> QuerySet[Candidate]:
    return constituency.candidates.select_related("party_list").order_by("code")


CANDIDATE_QUERY_MAX_LENGTH = 100


def find_candidates(constituency: Constituency, query: str = "", *, alphabetical: bool = False) -> QuerySet[Candidate]:
    """The constituency's candidates whose code starts with, or whose first or last name contains, the
    typed ``query`` (Arabic letters and any digits accepted); by code, or by last then first name in
    Persian alphabetical order."""
    found = candidates(constituency)
    text = normalize_digits(normalize(query[:CANDIDATE_QUERY_MAX_LENGTH])).strip()
    if text:
        found = found.filter(
            Q(code__startswith=text) | Q(first_name__icontains=text) | Q(last_name__icontains=text)
            | Q(party_list__name__icontains=text)
        )  # fmt: skip
    if alphabetical:
        found = found.order_by(by_name("last_name"), by_name("first_name"), "code")
    return found


def party_lists_with_sizes(constituency: Constituency) -> QuerySet[PartyList]:
    return constituency.party_lists.annotate(candidate_count=Count("candidates")).order_by("code")


def batches(constituency: Constituency) -> QuerySet[BallotBatch]:
    return constituency.ballot_batches.select_related("imported_by").order_by("id")


def ballot_count(constituency: Constituency) -> int:
    return sum(constituency.ballot_batches.values_list("ballot_count", flat=True))


def has_ballots(constituency: Constituency) -> bool:
    return Ballot.objects.filter(batch__constituency=constituency).exists()


# Photos become public with the roster the voters see: from voting on (or once results are out).
PHOTO_PUBLIC_STATUSES = frozenset({RoundStatus.VOTING, RoundStatus.COUNTING, RoundStatus.PUBLISHED})
SETTLEMENT_KINDS = (UnitKind.CITY, UnitKind.VILLAGE)
SETTLEMENT_SEARCH_LIMIT = 15


def is_photo_public(candidate: Candidate) -> bool:
    constituency = candidate.constituency
    is_shown = constituency.election_round.status in PHOTO_PUBLIC_STATUSES or constituency.is_published
    return candidate.vetting_status == VettingStatus.APPROVED and is_shown


def candidate_photo_url(candidate: Candidate) -> str | None:
    """Where ``candidate``'s photo is served, or None without one. The URL changes with each new photo.

    It answers everyone once the photo is public (see :func:`is_photo_public`), officials in scope always.
    """
    if not candidate.photo_path:
        return None
    version = hashlib.sha256(candidate.photo_path.encode()).hexdigest()[:12]
    return f"{reverse('elections:photo', args=[candidate.pk])}?v={version}"


def photo_for_user(actor: Actor, pk: int) -> Candidate:
    """A candidate whose photo ``actor`` may see; anything else is not found (its existence stays private)."""
    candidate = (
        Candidate.objects.select_related("constituency__unit", "constituency__election_round")
        .exclude(photo_path="")
        .filter(pk=pk)
        .first()
    )
    if candidate is None or not (is_photo_public(candidate) or can_see_unpublished(actor, candidate.constituency)):
        raise NotFound("عکسی پیدا نشد.")
    return candidate


def candidate_in(constituency: Constituency, pk: int) -> Candidate:
    candidate = constituency.candidates.select_related("constituency__unit", "party_list").filter(pk=pk).first()
    if candidate is None:
        raise NotFound("نامزد پیدا نشد.")
    return candidate


def council_sizes(unit: Unit) -> list[tuple[str, str, CouncilSize | None]]:
    """For each kind of council ``unit`` may hold: its value, label and size by law (None: population unknown)."""
    sizes: list[tuple[str, str, CouncilSize | None]] = []
    for kind, unit_kinds in KIND_UNITS.items():
        if unit.kind not in unit_kinds:
            continue
        try:
            size: CouncilSize | None = council_size(settlement_of(unit, kind), unit.population)
        except PopulationUnknown:
            size = None
        sizes.append((kind.value, kind.label, size))
    return sizes


def settlements_to_set_up(actor: Actor, query: str) -> list[Unit]:
    """Cities and villages named like ``query`` inside ``actor``'s scope (all of them for national roles)."""
    if actor.is_national:
        within = None
    elif actor.unit_id is None:
        return []
    else:
        within = Unit.objects.get(pk=actor.unit_id)
    return search_units(query, kinds=SETTLEMENT_KINDS, within=within, limit=SETTLEMENT_SEARCH_LIMIT, actor=actor)


def round_by_pk(pk: int) -> ElectionRound:
    found = ElectionRound.objects.filter(pk=pk).first()
    if found is None:
        raise NotFound("دوره انتخابات پیدا نشد.")
    return found


def photo_urls(constituency: Constituency) -> dict[str, str]:
    """Candidate code → photo URL, for the candidates of ``constituency`` that have a photo."""
    with_photo = constituency.candidates.exclude(photo_path="").only("pk", "code", "photo_path")
    return {c.code: url for c in with_photo if (url := candidate_photo_url(c))}
