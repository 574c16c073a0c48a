"""Reads of election-day data. Officials see stations in their scope; ballots are read only as
anonymous records (never with anything about a voter)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.urls import reverse

from ostan.access.scope import reach_q
from ostan.core.access import Actor
from ostan.core.errors import NotFound
from ostan.core.polling.ballots import BallotRecord, publication_order
from ostan.core.text import normalize_digits
from ostan.elections.models import Candidate
from ostan.polling.constituencies import ConstituencyInfo
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.models import CastBallot, Station, StationMinutes
from ostan.polling.permissions import READ_STATIONS

NO_CODE = "کدی با این شماره در این حوزه نیست."


def stations(actor: Actor) -> QuerySet[Station]:
    rows = reach_q(actor, READ_STATIONS, unit_path="unit__path")
    return Station.objects.filter(rows).select_related("unit").order_by("code")


def station_for_user(actor: Actor, pk: int) -> Station:
    station = stations(actor).filter(pk=pk).first()
    if station is None:
        raise NotFound("شعبه پیدا نشد یا خارج از حوزه مسئولیت شماست.")
    return station


def minutes_for_user(actor: Actor, pk: int) -> StationMinutes:
    found = StationMinutes.objects.filter(pk=pk, station__in=stations(actor)).select_related("station").first()
    if found is None:
        raise NotFound("صورتجلسه پیدا نشد یا خارج از حوزه مسئولیت شماست.")
    return found


def minutes_for_device(station_pk: int, pk: int) -> StationMinutes:
    found = StationMinutes.objects.filter(pk=pk, station_id=station_pk).first()
    if found is None:
        raise NotFound("صورتجلسه‌ای با این شناسه برای شعبهٔ این دستگاه نیست.")
    return found


def station_minutes(station: Station) -> QuerySet[StationMinutes]:
    return station.minutes.select_related("constituency", "signed_by").prefetch_related("confirmations__official")


def constituency_brief(pk: int) -> ConstituencyInfo:
    try:
        return constituency_info(pk)
    except ObjectDoesNotExist as exc:
        raise NotFound("حوزه پیدا نشد.") from exc


def _initials(name: str) -> str:
    return "".join(part[:1] for part in name.split()[:2])


def _photo_url(constituency_pk: int, code: str) -> str | None:
    found = Candidate.objects.filter(constituency_id=constituency_pk, code=code).values_list("pk", "photo_path").first()
    return reverse("elections:photo", args=[found[0]]) if found and found[1] else None


def lookup_code(constituency_pk: int, raw_code: str) -> dict[str, Any]:
    """What the kiosk shows for a typed code: a candidate (with their list) or a list, else NotFound."""
    core = constituency_brief(constituency_pk).core
    code = normalize_digits(raw_code).strip()
    lists = {pl.code: pl.name for pl in core.lists}
    if code in lists and core.method.value == "proportional":
        name = lists[code]
        return {"code": code, "name": name, "kind": "list", "list_code": None, "list_name": None,
                "initials": _initials(name), "photo_url": None}  # fmt: skip
    for cand in core.candidates:
        if cand.code == code:
            return {"code": code, "name": cand.name, "kind": "candidate", "list_code": cand.list_code,
                    "list_name": lists.get(cand.list_code or ""), "initials": _initials(cand.name),
                    "photo_url": _photo_url(constituency_pk, code)}  # fmt: skip
    raise NotFound(NO_CODE)


def kiosk_candidates(constituency_pk: int) -> list[dict[str, Any]]:
    """Everything the kiosk lists for a constituency: its candidates by code and, when proportional, its lists."""
    core = constituency_brief(constituency_pk).core
    lists = {pl.code: pl.name for pl in core.lists}
    photos = dict(
        Candidate.objects.filter(constituency_id=constituency_pk).exclude(photo_path="").values_list("code", "pk")
    )
    rows: list[dict[str, Any]] = []
    if core.method.value == "proportional":
        rows += [{"code": code, "name": name, "kind": "list", "list_code": None, "list_name": None,
                  "initials": _initials(name), "photo_url": None} for code, name in lists.items()]  # fmt: skip
    for cand in core.candidates:
        pk = photos.get(cand.code)
        rows.append({"code": cand.code, "name": cand.name, "kind": "candidate", "list_code": cand.list_code,
                     "list_name": lists.get(cand.list_code or ""), "initials": _initials(cand.name),
                     "photo_url": reverse("elections:photo", args=[pk]) if pk else None})  # fmt: skip
    return sorted(rows, key=lambda r: (r["kind"] != "list", len(r["code"]), r["code"]))


def ballot_by_id(ballot_id: str) -> CastBallot:
    found = CastBallot.objects.filter(ballot_id=ballot_id).select_related("station").first()
    if found is None:
        raise NotFound("برگهٔ رأی پیدا نشد.")
    return found


def ballot_record(b: CastBallot) -> BallotRecord:
    return BallotRecord(b.ballot_id, b.station.code, str(b.constituency_id), tuple(b.code_list), b.receipt_code)


def published_ballots(station: Station) -> tuple[BallotRecord, ...]:
    """A station's ballots in publication order (by random id): nothing about when or by whom."""
    rows = CastBallot.objects.filter(station=station).values_list(
        "ballot_id", "constituency_id", "codes", "receipt_code"
    )
    return publication_order(
        BallotRecord(bid, station.code, str(cid), tuple(codes.split()), receipt) for bid, cid, codes, receipt in rows
    )
