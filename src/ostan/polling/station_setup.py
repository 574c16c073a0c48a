"""Reads for the set-up pages of election day: the round being set up, the stations in scope with their
device and check-in counts, and the choices (units, constituencies, officials) the forms offer. Every
choice is filtered by the actor's scope; the actions check scope and role again before they write."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ostan.access.models import holding
from ostan.access.scope import reach_q
from ostan.accounts.models import User
from ostan.core.access import Actor, Role
from ostan.elections.models import Constituency, ElectionRound
from ostan.ordering import by_name
from ostan.polling import selectors
from ostan.polling.models import CheckIn, RollVoter, Station
from ostan.polling.permissions import SET_UP_STATIONS
from ostan.territory.models import PATH_SEPARATOR, Unit
from ostan.territory.scope import subtree_q


def election_round(raw_pk: str | None) -> ElectionRound | None:
    """The round named by ``?round=``, else the latest one (None when no round exists)."""
    rounds = ElectionRound.objects.order_by("-number")
    if raw_pk and raw_pk.isdigit():
        return rounds.filter(pk=int(raw_pk)).first()
    return rounds.first()


def stations(actor: Actor, election_round: ElectionRound) -> QuerySet[Station]:
    """The round's stations in scope, each with ``device_count`` and ``active_device_count``."""
    return (
        selectors.stations(actor)
        .filter(election_round=election_round)
        .annotate(
            device_count=Count("devices"), active_device_count=Count("devices", filter=Q(devices__is_active=True))
        )
    )


def check_in_counts(station_pks: list[int]) -> dict[int, int]:
    rows = CheckIn.objects.filter(station_id__in=station_pks).values("station_id").annotate(n=Count("id"))
    return {row["station_id"]: row["n"] for row in rows}


def constituencies(actor: Actor, election_round: ElectionRound) -> QuerySet[Constituency]:
    return (
        Constituency.objects.filter(subtree_q(actor, "unit__path"), election_round=election_round, is_voting=True)
        .select_related("unit")
        .order_by(by_name(), "pk")
    )


def constituency_units(actor: Actor, election_round: ElectionRound) -> list[Unit]:
    """The units of the round's constituencies in scope, each once."""
    seen: dict[int, Unit] = {}
    for c in constituencies(actor, election_round):
        seen.setdefault(c.unit_id, c.unit)
    return sorted(seen.values(), key=lambda u: u.path)


def roll_units(actor: Actor, election_round: ElectionRound) -> list[Unit]:
    """Units a roll may be imported for: the user's own unit (the roots for national users) and the
    round's constituency units in scope."""
    own = Unit.objects.filter(pk=actor.unit_id).first() if actor.unit_id is not None else None
    tops = list(Unit.objects.filter(parent__isnull=True).order_by("path")) if actor.is_national else []
    units = [*tops, *([own] if own is not None else []), *constituency_units(actor, election_round)]
    return list({u.pk: u for u in units}.values())


def station_officials(actor: Actor) -> QuerySet[User]:
    """People holding a station official's post at a unit in the actor's scope."""
    posts = holding(Role.STATION_OFFICIAL, timezone.now()).filter(reach_q(actor, SET_UP_STATIONS))
    return User.objects.filter(pk__in=posts.values("person_id")).order_by("username")


def officials_for(station: Station) -> QuerySet[User]:
    """Station officials who may join ``station``: their unit is the station's unit or contains it,
    and they are not on it yet."""
    parts = station.unit.path.split(PATH_SEPARATOR)
    paths = [PATH_SEPARATOR.join(parts[: i + 1]) for i in range(len(parts))]
    posts = holding(Role.STATION_OFFICIAL, timezone.now()).filter(unit__path__in=paths)
    return User.objects.filter(pk__in=posts.values("person_id")).exclude(polling_stations=station).order_by("username")


def roll_sizes(actor: Actor, election_round: ElectionRound) -> list[tuple[Constituency, int]]:
    """Each constituency of the round in scope with the number of voters on its roll."""
    found = constituencies(actor, election_round)
    rows = (
        RollVoter.objects.filter(election_round=election_round, constituency__in=found)
        .values("constituency_id")
        .annotate(n=Count("id"))
    )
    sizes = {row["constituency_id"]: row["n"] for row in rows}
    return [(c, sizes.get(c.pk, 0)) for c in found]


def roll_without_constituency(actor: Actor, election_round: ElectionRound) -> int:
    """Voters on the round's roll who live in scope but in no constituency of the round."""
    return RollVoter.objects.filter(
        subtree_q(actor, "residence_unit_path"), election_round=election_round, constituency__isnull=True
    ).count()


def unit_label(unit: Unit) -> str:
    return f"{unit.get_kind_display()} {unit.name}"


def official_label(person: User) -> str:
    name = person.get_full_name() or person.get_username()
    post = holding(Role.STATION_OFFICIAL, timezone.now()).filter(person=person).select_related("unit").first()
    unit = post.unit if post is not None else None
    return f"{name} ({person.get_username()}، {unit.name})" if unit is not None else name
