"""Reads of what the board published: entries, stations, results, receipts. Public data needs no scope;
the officials' dashboard is scoped (ostan.publication.dashboard)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet

from ostan.core.errors import NotFound
from ostan.core.polling.ballots import BallotRecord
from ostan.core.polling.canonical import load_json
from ostan.core.polling.publication import station_ballots_from_json
from ostan.core.text import normalize_digits
from ostan.elections.models import Constituency
from ostan.ordering import by_name
from ostan.polling.models import CastBallot, Station, StationMinutes
from ostan.publication import board
from ostan.publication.documents import BALLOT_CHUNK
from ostan.publication.models import Board, BulletinEntry, ConstituencyResult, StationPublication

RECEIPT_LENGTH = 12


def board_head() -> Board:
    """The chain's head now (an empty board has seq -1 and 64 zeros)."""
    return Board.objects.filter(pk=board.BOARD_PK).first() or Board(pk=board.BOARD_PK)


def entries() -> QuerySet[BulletinEntry]:
    return BulletinEntry.objects.order_by("-seq").defer("payload")


def entries_after(after: int, limit: int) -> list[BulletinEntry]:
    return list(BulletinEntry.objects.filter(seq__gt=after).order_by("seq")[:limit])


def entry(seq: int) -> BulletinEntry:
    found = BulletinEntry.objects.filter(seq=seq).first() if 0 <= seq < 2**63 else None
    if found is None:
        raise NotFound("مدخلی با این شماره در تابلوی اعلانات نیست.")
    return found


def published_constituencies() -> QuerySet[ConstituencyResult]:
    return (
        ConstituencyResult.objects.filter(result_entry__isnull=False)
        .select_related("constituency__unit", "constituency__election_round", "result_entry")
        .order_by(by_name("constituency__name"), "constituency_id")
    )


def constituency_result(pk: int) -> ConstituencyResult:
    found = published_constituencies().filter(constituency_id=pk).first()
    if found is None:
        raise NotFound("نتیجهٔ این حوزه هنوز منتشر نشده است.")
    return found


def published_ballot_codes(pk: int) -> Iterator[str]:
    """Every ballot of a published constituency, as its codes text, in ballot-id order: the ballots file
    its result was counted from (the elections results page shows its SHA-256). NotFound until published."""
    found = constituency_result(pk)
    codes = CastBallot.objects.filter(constituency_id=found.constituency_id).order_by("ballot_id")
    return codes.values_list("codes", flat=True).iterator(chunk_size=BALLOT_CHUNK)


def constituency_stations(constituency: Constituency) -> QuerySet[StationPublication]:
    return (
        StationPublication.objects.filter(constituency=constituency)
        .select_related("station", "minutes_entry", "ballots_entry")
        .order_by("station__code")
    )


@dataclass(frozen=True)
class StationPage:
    station: Station
    publications: list[StationPublication]
    minutes: list[StationMinutes]


def station_page(pk: int) -> StationPage:
    station = Station.objects.filter(pk=pk).select_related("unit").first()
    publications = list(
        StationPublication.objects.filter(station_id=pk).select_related(
            "constituency", "minutes_entry", "ballots_entry"
        )
    )
    if station is None or not publications:
        raise NotFound("این شعبه هنوز صورتجلسه‌ای منتشر نکرده است.")
    minutes = list(StationMinutes.objects.filter(station=station).select_related("signed_by", "constituency"))
    return StationPage(station, publications, minutes)


@dataclass(frozen=True)
class Receipt:
    receipt_code: str
    station_code: str
    codes: tuple[str, ...]
    entry: BulletinEntry


def clean_receipt(raw: str) -> str:
    return "".join(ch for ch in normalize_digits(raw).upper() if ch.isalnum())


def receipt(raw: str) -> Receipt:
    """The published ballot with this receipt code, as on the board; NotFound unless it is published."""
    code = clean_receipt(raw)
    if len(code) != RECEIPT_LENGTH:
        raise NotFound("کد رسید باید ۱۲ نویسه باشد.")
    ballot = CastBallot.objects.filter(receipt_code=code).values_list("station_id", "constituency_id", "codes").first()
    if ballot is None:
        raise NotFound("برگه‌ای با این کد رسید منتشر نشده است.")
    station_id, constituency_id, _ = ballot
    published = (
        StationPublication.objects.filter(station_id=station_id, constituency_id=constituency_id)
        .select_related("ballots_entry", "station")
        .first()
    )
    # The codes shown are read from the board's entry itself: what was published, not what is stored.
    on_board = None if published is None else _find(published.ballots_entry, code)
    if published is None or on_board is None:
        raise NotFound("برگه‌ای با این کد رسید منتشر نشده است.")
    return Receipt(code, published.station.code, on_board.codes, published.ballots_entry)


def _find(entry: BulletinEntry, code: str) -> BallotRecord | None:
    document = station_ballots_from_json(load_json(entry.payload_bytes))
    return next((b for b in document.ballots if b.receipt_code == code), None)
