"""What a voter reads before the day: their own line of the roll (a citizen signed in, never anyone else's),
and for everyone a constituency's stations and approved candidates with their codes.

A constituency is shown to the public once its round has reached voting (its candidates are then public,
as their photos are) or its results are published; before that only to the officials who see it unpublished.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from ostan.core.access import Actor
from ostan.core.errors import NotFound
from ostan.core.text import normalize_digits, search_key
from ostan.elections.models import Candidate, Constituency, ElectionRound, PartyList, VettingStatus
from ostan.elections.selectors import PHOTO_PUBLIC_STATUSES, can_see_unpublished, candidate_photo_url
from ostan.polling.models import RollVoter, Station
from ostan.territory.models import Unit
from ostan.territory.selectors import ancestors

NOT_FOUND = "حوزه پیدا نشد یا فهرست نامزدهای آن هنوز اعلام نشده است."


@dataclass(frozen=True)
class GuideCandidate:
    code: str
    name: str
    list_name: str
    photo_url: str | None
    initials: str
    search: str  # folded name and ASCII code, for the page's live filter


@dataclass(frozen=True)
class GuideStation:
    code: str
    address: str
    place: str  # the unit path, by name: «استان، شهرستان، …، شهر»
    is_near: bool  # its unit contains the voter's residence
    unit_path: str = ""
    latitude: Decimal | None = None  # WGS 84 degrees, when the station has been placed
    longitude: Decimal | None = None


@dataclass(frozen=True)
class Registration:
    voter: RollVoter
    election_round: ElectionRound
    constituency: Constituency | None
    stations: list[GuideStation]
    candidates: list[GuideCandidate]
    lists: list[PartyList]
    polls_open_at: dt.datetime | None
    polls_close_at: dt.datetime | None


def _initials(name: str) -> str:
    return "".join(part[:1] for part in name.split()[:2])


def is_public(constituency: Constituency) -> bool:
    return constituency.election_round.status in PHOTO_PUBLIC_STATUSES or constituency.is_published


def public_constituencies() -> QuerySet[Constituency]:
    """The constituencies of rounds now public, newest round first."""
    return (
        Constituency.objects.filter(election_round__status__in=PHOTO_PUBLIC_STATUSES, is_voting=True)
        .select_related("election_round", "unit")
        .order_by("-election_round__number", "name")
    )


def constituency_for_guide(actor: Actor, pk: int) -> Constituency:
    found = Constituency.objects.select_related("election_round", "unit").filter(pk=pk).first()
    if found is None or not (is_public(found) or can_see_unpublished(actor, found)):
        raise NotFound(NOT_FOUND)
    return found


def candidates(constituency: Constituency, query: str = "") -> list[GuideCandidate]:
    """The approved candidates by code; ``query`` keeps those whose name or code contains it."""
    rows = (
        Candidate.objects.filter(constituency=constituency, vetting_status=VettingStatus.APPROVED)
        .select_related("party_list", "constituency__election_round")
        .order_by("code")
    )
    found = []
    for c in rows:
        name = c.full_name
        code = normalize_digits(c.code)
        found.append(
            GuideCandidate(code, name, c.party_list.name if c.party_list else "", candidate_photo_url(c),
                           _initials(name), f"{search_key(name)} {code}")
        )  # fmt: skip
    key = search_key(query)
    if not key:
        return found
    return [c for c in found if key in c.search]


def _place(unit: Unit) -> str:
    return "، ".join(u.name for u in [*ancestors(unit), unit] if u.depth > 0)


def stations(constituency: Constituency, residence_path: str = "") -> list[GuideStation]:
    """The stations that take this constituency's ballots; those whose unit holds the residence first."""
    rows = Station.objects.filter(constituencies=constituency).select_related("unit").order_by("code")
    found = []
    for s in rows:
        near = bool(residence_path) and (residence_path + "/").startswith(s.unit.path + "/")
        found.append(GuideStation(s.code, s.address, _place(s.unit), near, s.unit.path, s.latitude, s.longitude))
    return sorted(found, key=lambda s: not s.is_near)


def registration(actor: Actor, national_code: str) -> Registration | None:
    """The signed-in citizen's line in the newest roll that holds them (None: no roll does)."""
    voter = (
        RollVoter.objects.filter(national_code=national_code)
        .select_related("election_round", "constituency__election_round", "constituency__unit")
        .order_by("-election_round__number")
        .first()
    )
    if voter is None:
        return None
    c = voter.constituency
    return Registration(
        voter=voter,
        election_round=voter.election_round,
        constituency=c,
        stations=stations(c, voter.residence_unit_path) if c is not None else [],
        candidates=candidates(c) if c is not None and (is_public(c) or can_see_unpublished(actor, c)) else [],
        lists=list(c.party_lists.order_by("code")) if c is not None and c.is_proportional else [],
        polls_open_at=voter.election_round.polls_open_at,
        polls_close_at=voter.election_round.polls_close_at,
    )
