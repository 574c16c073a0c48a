"""Election-day pages: the two device pages, the paper record, and closing a station."""

from __future__ import annotations

import base64

import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.core.errors import DomainError
from ostan.core.polling.ballots import format_receipt, paper_record_text
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.polling import actions, selectors
from ostan.polling.actions.minutes import minutes_bytes
from ostan.polling.constituencies import info as constituency_info


def checkin(request: HttpRequest) -> HttpResponse:
    return render(request, "polling/checkin.html")


def kiosk(request: HttpRequest) -> HttpResponse:
    return render(request, "polling/kiosk.html")


def paper(request: HttpRequest, ballot_id: str) -> HttpResponse:
    ballot = selectors.ballot_by_id(ballot_id)
    names = {c.code: c.name for c in constituency_info(ballot.constituency_id).core.candidates}
    names |= {pl.code: pl.name for pl in constituency_info(ballot.constituency_id).core.lists}
    record = paper_record_text(selectors.ballot_record(ballot), names)
    qr = segno.make(record.qr_payload, error="m").svg_inline(scale=4)
    context = {"lines": record.lines, "qr": qr, "receipt": format_receipt(ballot.receipt_code), "ballot": ballot}
    return render(request, "polling/paper.html", context)


@login_required
def station(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.station_for_user(request.user, pk)
    minutes = [
        {"m": m, "bytes": base64.b64encode(minutes_bytes(m)).decode(), "context": MINUTES_CONTEXT}
        for m in selectors.station_minutes(s)
    ]
    return render(
        request, "polling/station.html", {"station": s, "minutes": minutes, "error": request.GET.get("error")}
    )


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.station_for_user(request.user, pk)
    try:
        actions.close_station(actor=request.user, station=s)  # type: ignore[arg-type]
    except DomainError as exc:
        minutes = [{"m": m} for m in selectors.station_minutes(s)]
        return render(request, "polling/station.html", {"station": s, "minutes": minutes, "error": exc}, status=409)
    return redirect("polling:station", pk=pk)


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    m = selectors.minutes_for_user(request.user, pk)
    actions.confirm_minutes(actor=request.user, minutes=m)  # type: ignore[arg-type]
    return redirect("polling:station", pk=m.station_id)


@login_required
def minutes_print(request: HttpRequest, pk: int) -> HttpResponse:
    m = selectors.minutes_for_user(request.user, pk)
    return render(request, "polling/minutes.html", {"m": m, "doc": m.document, "confirmations": m.confirmations.all()})
