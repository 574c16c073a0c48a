"""Stations in scope and setting one up: create it, register and deactivate its devices, add officials."""

from __future__ import annotations

import base64
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.accounts.models import User
from ostan.core.access import Actor, acting
from ostan.core.errors import NotFound
from ostan.core.polling.devices import key_fingerprint
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.elections.models import Constituency, ElectionRound
from ostan.elections.selectors import can_manage, is_election_official
from ostan.ordering import by_name
from ostan.polling import actions, selectors, station_setup
from ostan.polling.forms import DeviceForm, OfficialForm, StationForm
from ostan.polling.minutes_records import minutes_bytes
from ostan.polling.models import Station
from ostan.polling.permissions import READ_STATIONS, RUN_STATION, SET_UP_STATIONS
from ostan.polling.views.pages import found, nav, status_of, submitted
from ostan.territory.models import Unit

STATIONS_PER_PAGE = 100


def _station_form(request: HttpRequest, user: Actor, election_round: ElectionRound) -> StationForm:
    return StationForm(
        request.POST if request.method == "POST" else None,
        units=[(u.pk, station_setup.unit_label(u)) for u in station_setup.constituency_units(user, election_round)],
        constituencies=[(c.pk, str(c)) for c in station_setup.constituencies(user, election_round)],
        officials=[(o.pk, station_setup.official_label(o)) for o in station_setup.station_officials(user)],
    )


def _create(user: Actor, election_round: ElectionRound, data: dict[str, Any]) -> Station:
    unit = Unit.objects.filter(pk=data["unit"]).first()
    chosen = list(Constituency.objects.filter(pk__in=data["constituencies"]).select_related("unit"))
    officials = list(User.objects.filter(pk__in=data["officials"]))
    if unit is None or len(chosen) != len(set(data["constituencies"])) or len(officials) != len(set(data["officials"])):
        raise NotFound("واحد، حوزه یا عضوی که برگزیده‌اید پیدا نشد.")
    return actions.create_station(
        actor=user, election_round=election_round, code=data["code"], address=data["address"], unit=unit,
        constituencies=chosen, officials=officials, latitude=data["latitude"], longitude=data["longitude"],
    )  # fmt: skip


@guarded(READ_STATIONS)
def stations(request: HttpRequest) -> HttpResponse:
    user = acting(request)
    election_round = station_setup.election_round(request.GET.get("round"))
    form = None
    if election_round is not None and is_election_official(user):
        form = _station_form(request, user, election_round)
        if created := submitted(form, lambda: _create(user, election_round, form.cleaned_data)):
            messages.success(request, f"شعبهٔ {created.code} تعریف شد.")
            return redirect("polling:station", pk=created.pk)
    elif request.method == "POST":
        raise PermissionDenied("تعریف شعبه در اختیار مسئولان انتخابات است.")
    found_stations = station_setup.stations(user, election_round) if election_round else Station.objects.none()
    page = Paginator(found_stations, STATIONS_PER_PAGE).get_page(request.GET.get("page"))
    counts = station_setup.check_in_counts([s.pk for s in page])
    context = {
        **nav(request, "stations"), "election_round": election_round,
        "rounds": ElectionRound.objects.order_by("-number"), "page": page, "form": form,
        "rows": [(s, counts.get(s.pk, 0)) for s in page],
    }  # fmt: skip
    return render(request, "polling/stations.html", context, status=status_of(form) if form else 200)


def station_page(request: HttpRequest, s: Station, *, status: int = 200, **shown: Any) -> HttpResponse:
    """The station page; ``shown`` carries a refused form (``device_form``, ``official_form``) or ``error``."""
    actor = acting(request)
    is_member = actor.person_id is not None and s.officials.filter(pk=actor.person_id).exists()
    minutes = [
        {"m": m, "bytes": base64.b64encode(minutes_bytes(m)).decode(), "context": MINUTES_CONTEXT,
         "confirmed_by": [c.official for c in m.confirmations.select_related("official").order_by("confirmed_at")],
         "may_confirm": is_member and m.is_signed and not m.confirmations.filter(official_id=actor.person_id).exists()}
        for m in selectors.station_minutes(s)
    ]  # fmt: skip
    devices = [(d, key_fingerprint(d.public_key_bytes)) for d in s.devices.order_by("device_id")]
    is_manager = can_manage(acting(request), s.unit)
    officials = [(o.pk, station_setup.official_label(o)) for o in station_setup.officials_for(s)]
    context = {
        **nav(request, "stations"), "station": s, "minutes": minutes, "devices": devices, "error": shown.get("error"),
        "members": s.officials.order_by("username"), "constituencies": s.constituencies.order_by(by_name()),
        "device_form": shown.get("device_form") or DeviceForm(),
        "official_form": (shown.get("official_form") or OfficialForm(officials=officials)) if is_manager else None,
    }  # fmt: skip
    return render(request, "polling/station.html", context, status=status)


@guarded(READ_STATIONS, target="station")
def station(request: HttpRequest, pk: int) -> HttpResponse:
    return station_page(request, found(selectors.station_for_user, acting(request), pk))


@guarded(RUN_STATION, target="station")
@require_POST
def device_new(request: HttpRequest, pk: int) -> HttpResponse:
    s = found(selectors.station_for_user, acting(request), pk)
    form = DeviceForm(request.POST)
    call = lambda: actions.register_device(actor=acting(request), station=s, **form.cleaned_data)  # noqa: E731
    if device := submitted(form, call):
        fingerprint = key_fingerprint(device.public_key_bytes)
        messages.success(request, f"{device.get_kind_display()} {device.device_id} ثبت شد؛ اثر کلید: {fingerprint}")
        return redirect(reverse("polling:station", args=[pk]) + "#devices")
    return station_page(request, s, status=status_of(form), device_form=form)


@guarded(RUN_STATION, target="device")
@require_POST
def device_deactivate(request: HttpRequest, pk: int, device_pk: int) -> HttpResponse:
    s = found(selectors.station_for_user, acting(request), pk)
    device = s.devices.filter(pk=device_pk, is_active=True).first()
    if device is None:
        return redirect(reverse("polling:station", args=[pk]) + "#devices")
    form = forms.Form(request.POST)
    if submitted(form, lambda: actions.deactivate_device(actor=acting(request), device=device)):
        messages.success(request, f"دستگاه {device.device_id} غیرفعال شد؛ درخواست‌های آن دیگر پذیرفته نمی‌شود.")
    else:
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()))
    return redirect(reverse("polling:station", args=[pk]) + "#devices")


def _add(user: Actor, s: Station, official_pk: int) -> Station:
    official = User.objects.filter(pk=official_pk).first()
    if official is None:
        raise NotFound("این عضو پیدا نشد.")
    return actions.add_official(actor=user, station=s, official=official)


@guarded(SET_UP_STATIONS, target="station")
@require_POST
def official_add(request: HttpRequest, pk: int) -> HttpResponse:
    s = found(selectors.station_for_user, acting(request), pk)
    officials = [(o.pk, station_setup.official_label(o)) for o in station_setup.officials_for(s)]
    form = OfficialForm(request.POST, officials=officials)
    if submitted(form, lambda: _add(acting(request), s, form.cleaned_data["official"])):
        messages.success(request, "عضو به شعبه افزوده شد.")
        return redirect(reverse("polling:station", args=[pk]) + "#officials")
    return station_page(request, s, status=status_of(form), official_form=form)
