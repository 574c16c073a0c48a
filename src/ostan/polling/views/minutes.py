"""Closing a station, its officials' confirmations and the printable minutes (HTML and PDF)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import DomainError, PermissionRefused
from ostan.pages.forms import ConfirmForm
from ostan.polling import actions, documents, selectors
from ostan.polling.permissions import READ_STATIONS, RUN_STATION
from ostan.polling.token_cards import token_card
from ostan.polling.views.pages import found, nav, pdf_response, status_of, submitted
from ostan.polling.views.stations import station_page


@guarded(RUN_STATION, target="station")
def close(request: HttpRequest, pk: int) -> HttpResponse:
    """Closing is irreversible: a confirm page first (no JavaScript needed), the close on its ticked submit."""
    s = found(selectors.station_for_user, acting(request), pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.close_station(actor=acting(request), station=s)
        except PermissionRefused:
            raise
        except DomainError as exc:
            return station_page(request, s, status=409, error=exc)
        messages.success(request, f"شعبهٔ {s.code} بسته شد و صورتجلسه تهیه شد؛ اکنون آن را با کلید دستگاه امضا کنید.")
        return redirect(reverse("polling:station", args=[pk]) + "#minutes")
    context = {
        **nav(request, "stations"), "form": form, "step": "close", "back": reverse("polling:station", args=[pk]),
        "title": f"بستن شعبهٔ {s.code}", "button": "بستن شعبه و تهیهٔ صورتجلسه",
        "what": "با بستن شعبه، پذیرش رأی‌دهنده و رأی در آن پایان می‌یابد و صورتجلسهٔ هر حوزه از ثبت‌های شعبه تهیه می‌شود.",
        "warning": "شعبهٔ بسته دوباره باز نمی‌شود.",
    }  # fmt: skip
    return render(request, "pages/confirm.html", context, status=status_of(form))


class SpoiltTokenForm(ConfirmForm):
    token = forms.CharField(label="رمز خراب‌شده (کد کوتاه نُه‌رقمی یا رمز بلند کارت رأی‌دهنده)", max_length=80,
                            widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off"}))  # fmt: skip
    field_order = ["token", "confirm"]


class LostTokenForm(ConfirmForm):
    national_code = forms.CharField(label="کد ملی رأی‌دهنده‌ای که رمزش گم شده", max_length=20,
                                    widget=forms.TextInput(attrs={"dir": "ltr", "inputmode": "numeric",
                                                                  "autocomplete": "off"}))  # fmt: skip
    field_order = ["national_code", "confirm"]


@guarded(RUN_STATION, target="station")
def token_replace(request: HttpRequest, pk: int) -> HttpResponse:
    """Void a spoilt token and issue another: the member types the spoilt token (its short code or the
    long one), ticks, and hands over the new short code shown once on this page."""
    s = found(selectors.station_for_user, acting(request), pk)
    form = SpoiltTokenForm(request.POST if request.method == "POST" else None)
    call = lambda: actions.replace_token(actor=acting(request), station=s, spoilt_token=form.cleaned_data["token"])  # noqa: E731
    issued = submitted(form, call)
    context = {**nav(request, "stations"), "station": s, "form": form, "kind": "spoilt",
               "card": token_card(issued.code) if issued else None}  # fmt: skip
    return render(request, "polling/token_replace.html", context, status=status_of(form))


@guarded(RUN_STATION, target="station")
def token_lost(request: HttpRequest, pk: int) -> HttpResponse:
    """Void a voter's lost token: the member types the voter's national code, ticks, and hands over the
    new short code; the old token is found through its check-in while it is unspent."""
    s = found(selectors.station_for_user, acting(request), pk)
    form = LostTokenForm(request.POST if request.method == "POST" else None)
    call = lambda: actions.void_lost_token(  # noqa: E731
        actor=acting(request), station=s, national_code=form.cleaned_data["national_code"]
    )
    issued = submitted(form, call)
    context = {**nav(request, "stations"), "station": s, "form": form, "kind": "lost",
               "card": token_card(issued.code) if issued else None}  # fmt: skip
    return render(request, "polling/token_replace.html", context, status=status_of(form))


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
