"""What a printed document shows, read once from the database into plain values: the layouts in
:mod:`.minutes` and :mod:`.paper` draw these and read nothing else, so the HTML page and the PDF of a
document show the same figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from ostan.core.polling.ballots import format_receipt, paper_record_text
from ostan.core.polling.minutes import COUNT_FIELDS
from ostan.polling import selectors
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.models import CastBallot, StationMinutes, VoidedToken, VoidReason

COUNT_LABELS = {  # the rows of forms 29/31, in the forms' order
    "checked_in": "رأی‌دهندگان پذیرفته‌شده",
    "ballots_cast": "کل آرا",
    "valid": "صحیح",
    "partly_valid": "بخشی‌صحیح",
    "invalid": "باطل",
    "blank": "سفید",
}
UNKNOWN_NAME = "نام ثبت نشده"
NO_DAY = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # a paper record's date when its round has no election day


@dataclass(frozen=True)
class Votes:
    code: str
    name: str
    votes: int


@dataclass(frozen=True)
class Confirmation:
    official: str
    confirmed_at: dt.datetime


@dataclass(frozen=True)
class MinutesSheet:
    station_code: str
    station_address: str
    constituency: str
    form: int
    counts: tuple[tuple[str, int], ...]  # (Persian label, number) in the forms' order
    candidates: tuple[Votes, ...]
    lists: tuple[Votes, ...]
    reasons: tuple[tuple[str, int], ...]  # (reason code, ballots) as the counting core names them
    opened_at: dt.datetime
    closed_at: dt.datetime
    digest: str
    signature: str  # base64, "" while unsigned
    signed_by: str  # the signing device's id
    signed_at: dt.datetime | None
    confirmations: tuple[Confirmation, ...]
    voided: tuple[tuple[str, int], ...] = ()  # (why, in Persian; tokens) voided at the station for this constituency

    @property
    def is_signed(self) -> bool:
        return bool(self.signature)


@dataclass(frozen=True)
class PaperSheet:
    lines: tuple[str, ...]  # as printed behind glass, top to bottom
    qr_payload: str
    receipt: str  # «OVDW-OVWI-ESY2»
    printed_on: dt.datetime  # the round's election day at midnight: a ballot carries no time of its own


def _names(constituency_pk: int) -> dict[str, str]:
    core = constituency_info(constituency_pk).core
    return {c.code: c.name for c in core.candidates} | {pl.code: pl.name for pl in core.lists}


def _moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _voided(m: StationMinutes) -> tuple[tuple[str, int], ...]:
    """Tokens voided at the station for the minutes' constituency, by reason (spoilt, lost), in that order."""
    counts = dict(
        VoidedToken.objects.filter(station_id=m.station_id, constituency_id=m.constituency_id)
        .values_list("reason")
        .annotate(n=Count("pk"))
    )
    return tuple((reason.label, counts[reason.value]) for reason in VoidReason if counts.get(reason.value))


def minutes_sheet(m: StationMinutes) -> MinutesSheet:
    doc, names = m.document, _names(m.constituency_id)
    confirmations = m.confirmations.select_related("official").order_by("confirmed_at", "pk")
    return MinutesSheet(
        station_code=m.station.code, station_address=m.station.address,
        constituency=constituency_info(m.constituency_id).name, form=int(doc["form"]),
        counts=tuple((COUNT_LABELS[name], int(doc[name])) for name in COUNT_FIELDS),
        candidates=tuple(Votes(c, names.get(c, UNKNOWN_NAME), v) for c, v in doc["votes_per_candidate"].items()),
        lists=tuple(Votes(c, names.get(c, UNKNOWN_NAME), v) for c, v in doc["votes_per_list"].items()),
        reasons=tuple(doc.get("reasons", {}).items()),
        voided=_voided(m),
        opened_at=_moment(doc["opened_at"]), closed_at=_moment(doc["closed_at"]),
        digest=m.digest, signature=m.signature, signed_by=m.signed_by.device_id if m.signed_by else "",
        signed_at=m.signed_at,
        confirmations=tuple(
            Confirmation(c.official.get_full_name() or c.official.get_username(), c.confirmed_at)
            for c in confirmations
        ),
    )  # fmt: skip


def paper_sheet(ballot: CastBallot) -> PaperSheet:
    name = constituency_info(ballot.constituency_id).name
    record = paper_record_text(selectors.ballot_record(ballot), _names(ballot.constituency_id), constituency_name=name)
    election_day = ballot.station.election_round.election_date
    printed_on = timezone.make_aware(dt.datetime.combine(election_day, dt.time())) if election_day else NO_DAY
    return PaperSheet(record.lines, record.qr_payload, format_receipt(ballot.receipt_code), printed_on)
