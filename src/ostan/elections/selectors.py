"""Reads of elections data, scoped: officials see their territory; everyone sees published results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from ostan.accounts.scope import can_read, is_national, scope_q
from ostan.core.errors import NotFound
from ostan.elections.models import (
    Ballot,
    BallotBatch,
    Candidate,
    Constituency,
    CountRecord,
    ElectionRound,
    PartyList,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from ostan.accounts.models import User

NOT_FOUND = "حوزه انتخابیه پیدا نشد یا نتایج آن هنوز اعلام نشده است."


def visible_constituencies(user: User | AnonymousUser) -> QuerySet[Constituency]:
    """Constituencies with published results, plus every constituency in the user's scope."""
    published = Q(results_published_at__isnull=False)
    return (
        Constituency.objects.filter(published | scope_q(user, "unit__path"))
        .select_related("unit", "election_round")
        .order_by("-election_round__number", "name", "id")
    )


def rounds(user: User | AnonymousUser) -> list[tuple[ElectionRound, list[Constituency]]]:
    """Each round with the constituencies the user may see; rounds with none are shown to officials only."""
    grouped: dict[int, list[Constituency]] = {}
    for constituency in visible_constituencies(user):
        grouped.setdefault(constituency.election_round_id, []).append(constituency)
    shown = ElectionRound.objects.order_by("-number")
    is_official = user.is_authenticated and (getattr(user, "unit", None) is not None or is_national(user))
    if not is_official:
        shown = shown.filter(pk__in=grouped)
    return [(r, grouped.get(r.pk, [])) for r in shown]


def constituency_for_user(user: User | AnonymousUser, pk: int) -> Constituency:
    """A constituency the user may see: published, or within their scope. Anything else is not found."""
    constituency = visible_constituencies(user).filter(pk=pk).first()
    if constituency is None:
        raise NotFound(NOT_FOUND)
    return constituency


def can_see_unpublished(user: User | AnonymousUser, constituency: Constituency) -> bool:
    return can_read(user, constituency.unit)


def latest_count(constituency: Constituency) -> CountRecord | None:
    return constituency.count_records.order_by("-counted_at", "-id").first()


def count_for_user(user: User | AnonymousUser, pk: int) -> tuple[Constituency, CountRecord]:
    """The count shown to ``user``: the latest one, public only once the results are published."""
    constituency = constituency_for_user(user, pk)
    record = latest_count(constituency)
    if record is None or not (constituency.is_published or can_see_unpublished(user, constituency)):
        raise NotFound(NOT_FOUND)
    return constituency, record


def candidates(constituency: Constituency) -> QuerySet[Candidate]:
    return constituency.candidates.select_related("party_list").order_by("code")


def party_lists_with_sizes(constituency: Constituency) -> QuerySet[PartyList]:
    return constituency.party_lists.annotate(candidate_count=Count("candidates")).order_by("code")


def batches(constituency: Constituency) -> QuerySet[BallotBatch]:
    return constituency.ballot_batches.select_related("imported_by").order_by("id")


def ballot_count(constituency: Constituency) -> int:
    return sum(constituency.ballot_batches.values_list("ballot_count", flat=True))


def has_ballots(constituency: Constituency) -> bool:
    return Ballot.objects.filter(batch__constituency=constituency).exists()
