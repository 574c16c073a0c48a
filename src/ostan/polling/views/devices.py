"""The device pages (check-in and kiosk, which sign with their own keys) and the paper record."""

from __future__ import annotations

import segno
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.core.polling.ballots import format_receipt, paper_record_text
from ostan.polling import selectors
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.views.pages import found, nav


def checkin(request: HttpRequest) -> HttpResponse:
    return render(request, "polling/checkin.html", nav(request, "checkin") | {"kind": "auth"})


def kiosk(request: HttpRequest) -> HttpResponse:
    return render(request, "polling/kiosk.html", nav(request, "kiosk") | {"kind": "voting"})


def paper(request: HttpRequest, ballot_id: str) -> HttpResponse:
    ballot = found(selectors.ballot_by_id, ballot_id)
    names = {c.code: c.name for c in constituency_info(ballot.constituency_id).core.candidates}
    names |= {pl.code: pl.name for pl in constituency_info(ballot.constituency_id).core.lists}
    record = paper_record_text(selectors.ballot_record(ballot), names)
    qr = segno.make(record.qr_payload, error="m").svg_inline(scale=4)
    context = {"lines": record.lines, "qr": qr, "receipt": format_receipt(ballot.receipt_code), "ballot": ballot}
    return render(request, "polling/paper.html", context)
