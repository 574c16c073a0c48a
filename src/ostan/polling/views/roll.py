"""The voters' roll for election officials: its size per constituency, an all-or-nothing upload with a
line-by-line report, and (with DEBUG on only) a synthetic roll for demos and drills."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import Actor, acting
from ostan.core.errors import NotFound
from ostan.core.polling.roll import FIELD_LABELS
from ostan.core.text import format_number
from ostan.elections.models import ElectionRound
from ostan.polling import actions, station_setup
from ostan.polling.errors import RollImportRefused
from ostan.polling.forms import RollUploadForm, SyntheticRollForm
from ostan.polling.permissions import SET_UP_STATIONS
from ostan.polling.roll_files import RollReport
from ostan.polling.views.pages import nav, status_of, submitted
from ostan.territory.models import Unit


def _official(request: HttpRequest) -> tuple[Actor, ElectionRound]:
    user = acting(request)
    election_round = station_setup.election_round(request.GET.get("round"))
    if election_round is None:
        raise Http404("هنوز دوره‌ای تعریف نشده است.")
    return user, election_round


def _units(user: Actor, election_round: ElectionRound) -> list[tuple[int, str]]:
    return [(u.pk, station_setup.unit_label(u)) for u in station_setup.roll_units(user, election_round)]


def _unit(pk: int) -> Unit:
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None:
        raise NotFound("واحد پیدا نشد.")
    return unit


def _said(report: RollReport, verb: str) -> str:
    text = f"{format_number(report.imported)} رأی‌دهنده {verb}."
    if report.without_constituency:
        text += f" {format_number(report.without_constituency)} نفر در هیچ حوزهٔ این دوره نیستند و رأی نمی‌دهند."
    return text


def _page(request: HttpRequest, user: Actor, election_round: ElectionRound, **shown: Any) -> HttpResponse:
    units = _units(user, election_round)
    upload = shown.get("upload") or RollUploadForm(units=units)
    synthetic = (shown.get("synthetic") or SyntheticRollForm(units=units)) if settings.DEBUG else None
    context = {
        **nav(request, "roll"), "election_round": election_round, "rounds": ElectionRound.objects.order_by("-number"),
        "sizes": station_setup.roll_sizes(user, election_round), "refusal": shown.get("refusal"),
        "without_constituency": station_setup.roll_without_constituency(user, election_round),
        "upload": upload, "synthetic": synthetic, "field_labels": FIELD_LABELS,
    }  # fmt: skip
    status = 400 if shown.get("refusal") else status_of(upload, *([synthetic] if synthetic else []))
    return render(request, "polling/roll.html", context, status=status)


@guarded(SET_UP_STATIONS)
def roll(request: HttpRequest) -> HttpResponse:
    user, election_round = _official(request)
    if request.method != "POST":
        return _page(request, user, election_round)
    form = RollUploadForm(request.POST, request.FILES, units=_units(user, election_round))
    refusal: RollImportRefused | None = None

    def call() -> RollReport:
        nonlocal refusal
        upload = form.cleaned_data["file"]
        try:
            return actions.import_roll(actor=user, election_round=election_round, unit=_unit(form.cleaned_data["unit"]),
                                       file_name=upload.name, data=upload.read())  # fmt: skip
        except RollImportRefused as exc:
            refusal = exc
            raise

    if report := submitted(form, call):
        messages.success(request, _said(report, "از پرونده وارد فهرست شدند"))
        return redirect(reverse("polling:roll") + f"?round={election_round.pk}")
    return _page(request, user, election_round, upload=form, refusal=refusal)


@guarded(SET_UP_STATIONS)
@require_POST
def roll_synthetic(request: HttpRequest) -> HttpResponse:
    if not settings.DEBUG:
        raise Http404("فهرست ساختگی فقط در حالت آزمایشی ساخته می‌شود.")
    user, election_round = _official(request)
    form = SyntheticRollForm(request.POST, units=_units(user, election_round))

    def call() -> RollReport:
        data = form.cleaned_data
        return actions.generate_roll(actor=user, election_round=election_round, unit=_unit(data["unit"]),
                                     size=data["size"], seed=data["seed"])  # fmt: skip

    if report := submitted(form, call):
        messages.success(request, _said(report, "ساختگی به فهرست افزوده شدند"))
        return redirect(reverse("polling:roll") + f"?round={election_round.pk}")
    return _page(request, user, election_round, synthetic=form)
