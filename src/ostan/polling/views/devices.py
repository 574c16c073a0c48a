"""The device pages (check-in and kiosk, which sign with their own keys) and the paper record (HTML and PDF)."""

from __future__ import annotations

import segno
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.access.guards import guarded
from ostan.polling import documents, selectors
from ostan.polling.permissions import OPEN_DEVICE_PAGES
from ostan.polling.views.pages import found, nav, pdf_response


@guarded(OPEN_DEVICE_PAGES)
def checkin(request: HttpRequest) -> HttpResponse:
    return render(request, "polling/checkin.html", nav(request, "checkin") | {"kind": "auth"})


@guarded(OPEN_DEVICE_PAGES)
def kiosk(request: HttpRequest) -> HttpResponse:
    """The voting screen; ``?mode=kiosk`` shows it without the site's header, for a screen voters use alone."""
    is_kiosk_mode = request.GET.get("mode") == "kiosk"
    context = {
        "kind": "voting",
        "is_kiosk_mode": is_kiosk_mode,
        "base_template": "polling/kiosk_base.html" if is_kiosk_mode else "base.html",
        "reset_seconds": settings.OSTAN_KIOSK_RESET_SECONDS,
        "idle_seconds": settings.OSTAN_KIOSK_IDLE_SECONDS,
    }
    return render(request, "polling/kiosk.html", nav(request, "kiosk") | context)


@guarded(OPEN_DEVICE_PAGES, target="ballot")
def paper(request: HttpRequest, ballot_id: str) -> HttpResponse:
    sheet = documents.paper_sheet(found(selectors.ballot_by_id, ballot_id))
    qr = segno.make(sheet.qr_payload, error="m").svg_inline(scale=4)
    context = {"lines": sheet.lines, "qr": qr, "receipt": sheet.receipt, "ballot_id": ballot_id}
    return render(request, "polling/paper.html", context)


@guarded(OPEN_DEVICE_PAGES, target="ballot")
def paper_pdf(request: HttpRequest, ballot_id: str) -> HttpResponse:
    sheet = documents.paper_sheet(found(selectors.ballot_by_id, ballot_id))
    return pdf_response(documents.paper_pdf(sheet), documents.paper_filename(sheet))
