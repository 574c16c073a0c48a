"""Voiding a spoilt token and issuing another, under a member of the station's record.

A voter whose token is spoilt (a torn card, a misprint, a device that failed mid-ballot) brings it to
the station's head: the token is voided (spent without a ballot, so it can never be used) and a fresh
one is issued for the same constituency. The voter's check-in is not touched, and nothing joins the
voter, the voided token or the new one: the audit entry records only that a token was replaced at the
station, by whom, and when. Ballots stay at most one per check-in (the minutes still check it at close).
"""

from __future__ import annotations

import re

from django.db import transaction

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.errors import DomainError
from ostan.core.polling.tokens import token_hash
from ostan.core.text import normalize_digits
from ostan.polling.errors import StationClosed
from ostan.polling.events import PollingEvent
from ostan.polling.models import Station, StationStatus, VotingToken
from ostan.polling.permissions import RUN_STATION
from ostan.territory.scope import target_of

TOKEN_HASH = re.compile(r"[0-9a-f]{64}")


@action()
def replace_token(*, actor: Actor, station: Station, spoilt_token: str, new_token_hash: str) -> VotingToken:
    """Void ``spoilt_token`` (unspent, issued at ``station``) and register ``new_token_hash`` in its place."""
    ensure(actor, RUN_STATION, target_of(station.unit))
    if actor.person_id is None or not station.officials.filter(pk=actor.person_id).exists():
        raise DomainError("رمز رأی را فقط اعضای همین شعبه باطل می‌کنند.", code="not_station_official")
    if not TOKEN_HASH.fullmatch(new_token_hash):
        raise DomainError("چکیدهٔ رمز تازه نادرست است.", code="invalid_check_in")
    old_hash = token_hash(normalize_digits(spoilt_token).replace("-", "").replace(" ", ""))
    with transaction.atomic(durable=True):
        locked = Station.objects.select_for_update().get(pk=station.pk)
        if locked.status != StationStatus.OPEN:
            raise StationClosed("این شعبه بسته شده است؛ رمز رأی باطل یا صادر نمی‌شود.")
        spoilt = VotingToken.objects.select_for_update().filter(token_hash=old_hash, station=locked).first()
        if spoilt is None:
            raise DomainError("چنین رمزی در این شعبه صادر نشده است.", code="token_not_found")
        if spoilt.is_redeemed:
            raise DomainError("با این رمز پیش‌تر رأی داده شده یا رمز باطل شده است.", code="token_already_used")
        if VotingToken.objects.filter(token_hash=new_token_hash).exists():
            raise DomainError("این رمز تازه پیش‌تر ثبت شده است.", code="token_reused")
        spoilt.is_redeemed = True  # spent without a ballot: it can never be used
        spoilt.save(update_fields=["is_redeemed"])
        fresh = VotingToken.objects.create(
            token_hash=new_token_hash, station=locked, constituency_id=spoilt.constituency_id, is_redeemed=False
        )
        record(actor=actor, event=PollingEvent.TOKEN_REPLACED, obj=locked, unit=station.unit,
               after={"constituency": spoilt.constituency_id})  # fmt: skip
    return fresh
