"""Closing a station, its officials' confirmations and the printable minutes (HTML and PDF)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import DomainError, PermissionRefused
from ostan.polling import actions, documents, selectors
from ostan.polling.permissions import READ_STATIONS, RUN_STATION
from ostan.polling.views.pages import found, nav, pdf_response
from ostan.polling.views.stations import station_page


@guarded(RUN_STATION, target="station")
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    s = found(selectors.station_for_user, acting(request), pk)
    try:
        actions.close_station(actor=acting(request), station=s)
    except PermissionRefused:
        raise
    except DomainError as exc:
        return station_page(request, s, status=409, error=exc)
    return redirect("polling:station", pk=pk)


@guarded(RUN_STATION, target="minutes")
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    m = found(selectors.minutes_for_user, acting(request), pk)
    try:
        actions.confirm_minutes(actor=acting(request), minutes=m)
    except PermissionRefused:
        raise
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("polling:station", pk=m.station_id)


@guarded(READ_STATIONS, target="minutes")
def minutes_print(request: HttpRequest, pk: int) -> HttpResponse:
    m = found(selectors.minutes_for_user, acting(request), pk)
    sheet = documents.minutes_sheet(m)  # the figures and names the PDF prints
    context = nav(request, "stations") | {"m": m, "doc": m.document, "sheet": sheet}
    return render(request, "polling/minutes.html", context)


@guarded(READ_STATIONS, target="minutes")
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = documents.minutes_sheet(found(selectors.minutes_for_user, acting(request), pk))
    return pdf_response(documents.minutes_pdf(sheet), documents.minutes_filename(sheet))
