"""Key projects' pages: the public list and project page (status with its reasons, milestones, indicators,
reports, critiques with their answers), creating a project, reporting progress with evidence, adopting an
experience, the evidence files behind the policy, and the roll-up with deprived areas first."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import Actor, Capability, acting, allows
from ostan.core.errors import DomainError
from ostan.pages.forms import found, status_of, submitted
from ostan.programs import actions, selectors
from ostan.programs import evidence as files
from ostan.programs.entries import ProgressEntry, ProjectEntry
from ostan.programs.forms import AdoptForm, CritiqueForm, ExperienceForm, ProgressForm, ProjectForm
from ostan.programs.models import Challenge, KeyProject
from ostan.programs.permissions import (
    FILE_CRITIQUE,
    MANAGE_PROJECTS,
    PUBLISH_EXPERIENCE,
    READ_EVIDENCE,
    READ_PROJECTS,
    READ_ROLLUP,
)
from ostan.programs.targets import target_of_project
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import path_q

PLACE_KINDS = (UnitKind.PROVINCE, UnitKind.COUNTY, UnitKind.DISTRICT, UnitKind.CITY, UnitKind.RURAL_DISTRICT)
PLACES_MAX = 800


def unit_choices(actor: Actor) -> list[tuple[str, str]]:
    """The actor's unit and the units under it a project or a figure may be recorded for."""
    home = selectors.home_unit(actor)
    if home is None:
        return []
    rows = Unit.objects.filter(path_q(home.path), kind__in=PLACE_KINDS).order_by("path")[:PLACES_MAX]
    return [(u.code, f"{u.get_kind_display()} {u.name}") for u in rows]


def _choices(form: forms.Form, name: str, choices: list[tuple[Any, str]]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def _may(actor: Actor, capability: Capability, item: KeyProject) -> bool:
    return allows(actor, capability, target_of_project(item))


@guarded(READ_PROJECTS)
def index(request: HttpRequest) -> HttpResponse:
    unit_code = request.GET.get("unit", "").strip()
    unit = Unit.objects.filter(code=unit_code).first() if unit_code else None
    challenge = request.GET.get("challenge", "")
    rows = selectors.projects(unit=unit, challenge=challenge if challenge in Challenge.values else "",
                              query=request.GET.get("q", ""))  # fmt: skip
    actor = acting(request)
    context = {
        "nav": "programs", "rows": rows, "unit": unit, "challenges": Challenge.choices, "challenge": challenge,
        "q": request.GET.get("q", ""), "may_create": MANAGE_PROJECTS.reach_for(actor.role) is not None,
        "may_rollup": READ_ROLLUP.reach_for(actor.role) is not None,
    }  # fmt: skip
    return render(request, "programs/index.html", context)


@guarded(MANAGE_PROJECTS)
def create(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    form = ProjectForm(request.POST or None, initial={"adopts": request.GET.get("adopts", "")})
    _choices(form, "unit", unit_choices(actor))
    home = selectors.home_unit(actor)
    offices = selectors.office_choices() if home is None else selectors.organisations_in(home)
    _choices(form, "organisations", [(o.code, o.name) for o in offices])
    _choices(form, "adopts", [("", "هیچ"), *((e.experience.pk, e.experience.title) for e in selectors.library())])

    def call() -> KeyProject:
        d = form.cleaned_data
        entry = ProjectEntry(
            unit_code=d["unit"], title=d["title"], challenge=d["challenge"], goals=d["goals"],
            starts_on=d["starts_on"], ends_on=d["ends_on"], milestones=d["milestones"], indicators=d["indicators"],
            budget=d["budget"], organisation_codes=tuple(d["organisations"]), adopts_experience_id=d["adopts"],
        )  # fmt: skip
        return actions.create_project(actor=actor, entry=entry)

    if request.method == "POST" and (made := submitted(form, call)):
        messages.success(request, "کار شاخص ثبت شد.")
        return redirect("programs:project", pk=made.pk)
    return render(request, "programs/create.html", {"nav": "programs", "form": form}, status=status_of(form))


def _progress_form(request: HttpRequest, item: KeyProject) -> ProgressForm:
    indicators = tuple((i.pk, i.name) for i in item.indicators.all())
    form = ProgressForm(request.POST or None, request.FILES or None, indicators=indicators)
    _choices(form, "done", [(m.pk, m.title) for m in item.milestones.all() if m.done_on is None])
    return form


@guarded(READ_PROJECTS, target="key_project")
def project(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    shown = found(selectors.project, pk)
    item = shown.project
    may_manage = _may(actor, MANAGE_PROJECTS, item)
    context = {
        "nav": "programs", "item": item, "assessment": shown.assessment, "updates": selectors.updates(item),
        "critiques": selectors.critiques(project=item), "may_manage": may_manage,
        "may_evidence": _may(actor, READ_EVIDENCE, item), "may_critique": allows(actor, FILE_CRITIQUE),
        "may_publish": _may(actor, PUBLISH_EXPERIENCE, item) and shown.assessment.status.value == "done",
        "critique_form": CritiqueForm(), "experience": getattr(item, "experience", None),
        "progress_form": _progress_form(request, item) if may_manage else None,
        "adopt_form": _adopt_form(request, item) if may_manage and item.adopted_id is None else None,
    }  # fmt: skip
    return render(request, "programs/project.html", context)


def _adopt_form(request: HttpRequest, item: KeyProject) -> AdoptForm:
    form = AdoptForm(request.POST or None)
    _choices(form, "experience", [(e.pk, e.title) for e in selectors.adoptable_experiences(item)])
    return form


@guarded(MANAGE_PROJECTS, target="key_project")
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.project, pk).project
    form = _progress_form(request, item)

    def call() -> object:
        d = form.cleaned_data
        upload = d.get("evidence")
        uploads = (files.Upload(upload.name, upload.read()),) if upload else ()
        entry = ProgressEntry(
            reported_on=d["reported_on"], text=d["text"], done_milestone_ids=tuple(d["done"]),
            readings=form.readings(), evidence=uploads,
        )  # fmt: skip
        return actions.report_progress(actor=actor, project_id=item.pk, entry=entry)

    if request.method == "POST" and submitted(form, call) is not None:
        messages.success(request, "گزارش پیشرفت ثبت شد.")
        return redirect("programs:project", pk=item.pk)
    context = {"nav": "programs", "item": item, "form": form}
    return render(request, "programs/progress.html", context, status=status_of(form))


@require_POST
@guarded(MANAGE_PROJECTS, target="key_project")
def adopt(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.project, pk).project
    form = _adopt_form(request, item)
    adopted = submitted(
        form,
        lambda: actions.adopt_experience(
            actor=actor, project_id=item.pk, experience_id=form.cleaned_data["experience"]
        ),
    )
    if adopted is not None:
        messages.success(request, "تجربهٔ موفق به این کار پیوند خورد.")
    else:
        for error in form.errors.values():
            messages.error(request, " ".join(str(e) for e in error))
    return redirect("programs:project", pk=item.pk)


@guarded(PUBLISH_EXPERIENCE, target="key_project")
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.project, pk).project
    form = ExperienceForm(request.POST or None)

    def call() -> object:
        from ostan.programs.entries import ExperienceEntry

        return actions.publish_experience(actor=actor, project_id=item.pk, entry=ExperienceEntry(**form.cleaned_data))

    if request.method == "POST" and (made := submitted(form, call)):
        messages.success(request, "تجربهٔ موفق در کتابخانه منتشر شد.")
        return redirect("programs:experience", pk=made.pk)  # type: ignore[attr-defined]
    context = {"nav": "programs", "item": item, "form": form}
    return render(request, "programs/publish.html", context, status=status_of(form))


@require_POST
@guarded(FILE_CRITIQUE, target="key_project")
def critique(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.project, pk).project
    form = CritiqueForm(request.POST)
    d = form.cleaned_data if form.is_valid() else {}
    made = submitted(
        form, lambda: actions.file_critique(actor=actor, kind=d["kind"], text=d["text"], project_id=item.pk)
    )
    if made is not None:
        messages.success(request, f"ثبت شد. کد رهگیری: {made.tracking_code}؛ پاسخ در همین صفحه منتشر می‌شود.")
        return redirect("programs:project", pk=item.pk)
    shown = found(selectors.project, pk)
    context = {"nav": "programs", "item": item, "assessment": shown.assessment, "updates": selectors.updates(item),
               "critiques": selectors.critiques(project=item), "may_critique": True, "critique_form": form}  # fmt: skip
    return render(request, "programs/project.html", context, status=400)


@guarded(READ_EVIDENCE, target="project_evidence")
def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    item = found(selectors.evidence, pk)
    try:
        data = files.read(item.stored_as)
    except OSError:
        raise Http404("پرونده در انبار یافت نشد.") from None
    response = HttpResponse(data, content_type=item.content_type)
    response["Content-Disposition"] = "attachment" if item.content_type == "application/pdf" else "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@guarded(READ_ROLLUP)
def rollup(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    home = selectors.home_unit(actor)
    if home is None:
        raise Http404("واحدی برای جمع‌بندی نیست.")
    code = request.GET.get("unit", "").strip()
    unit = Unit.objects.filter(code=code).filter(path_q(home.path)).first() if code else home
    if unit is None:
        raise Http404("این واحد در حوزهٔ شما نیست.")
    try:
        summary = selectors.rollup(unit)
    except DomainError as exc:  # pragma: no cover - stored projects always assess
        raise Http404(exc.message) from None
    return render(request, "programs/rollup.html", {"nav": "programs", "rollup": summary, "home": home})
