"""Staff-accounts pages: the accounts in one's scope, a new account, one account and its changes.

Each view reads a form and makes one call; refusals come back on the form in Persian. Accounts outside
the reader's scope answer 404, as if they did not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from ostan.access.guards import guarded
from ostan.access.models import Organisation, Post
from ostan.accounts import actions, lockouts, selectors
from ostan.accounts.authority import may_manage
from ostan.accounts.history import history
from ostan.accounts.models import User
from ostan.accounts.permissions import MANAGE_ACCOUNTS
from ostan.accounts.staff_forms import PostForm, RoleUnitForm, StaffCreateForm, StaffFilterForm, TemporaryPasswordForm
from ostan.core import jalali
from ostan.core.access import Actor, acting
from ostan.core.access.roles import assignable_roles
from ostan.core.errors import DomainError, NotFound
from ostan.territory.models import Unit

PER_PAGE = 30


def _allowed_roles(actor: Actor) -> list[str]:
    return [str(r) for r in assignable_roles(actor.role)] if actor.role is not None else []


def _account(actor: Actor, pk: int) -> User:
    try:
        return selectors.staff_account(actor, pk, lockouts.now())
    except NotFound as exc:
        raise Http404(exc.message) from None


def _run[T](form: forms.Form, call: Callable[[], T]) -> T | None:
    """The call's result, or None with the refusal shown on the form (on the field it names)."""
    try:
        return call()
    except NotFound as exc:
        raise Http404(exc.message) from None
    except DomainError as exc:
        field = exc.details.get("field") if isinstance(exc.details, dict) else None
        form.add_error(field if field in form.fields else None, exc.message)
        return None


def _unit_or_none(actor: Actor, form: forms.Form) -> Unit | None:
    """The unit the form names (none for a blank field); raises the resolver's refusal."""
    text = form.cleaned_data.get("unit", "")
    return selectors.resolve_unit(actor, text) if text.strip() else None


def _organisation_or_none(form: forms.Form) -> Organisation | None:
    text = form.cleaned_data.get("organisation", "")
    return selectors.resolve_organisation(text) if text.strip() else None


def _moment(form: forms.Form, field: str) -> Any:
    text = form.cleaned_data.get(field, "")
    if not text.strip():
        return None
    try:
        return jalali.start_of_day(jalali.parse_date(text))
    except DomainError as exc:
        raise DomainError(exc.message, code=exc.code, details={"field": field}) from None


@guarded(MANAGE_ACCOUNTS)
@require_GET
def staff_list(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    form = StaffFilterForm(request.GET)
    wanted = selectors.StaffFilter()
    if form.is_valid():
        data = form.cleaned_data
        unit = _run(form, lambda: _unit_or_none(actor, form)) if data["unit"].strip() else None
        wanted = selectors.StaffFilter(query=data["q"], role=data["role"], unit=unit, status=data["status"])
    accounts = selectors.staff_accounts(actor, lockouts.now(), wanted)
    if form.errors:
        accounts = accounts.none()
    page = Paginator(accounts, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "nav": "staff"}
    return render(request, "accounts/staff_list.html", context, status=400 if form.errors else 200)


@guarded(MANAGE_ACCOUNTS)
@sensitive_post_parameters("password")
def staff_new(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    form = StaffCreateForm(request.POST or None, allowed_roles=_allowed_roles(actor))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def create() -> User:
            return actions.create_staff_account(
                actor=actor, username=data["username"], full_name=data["full_name"], mobile=data["mobile"],
                role=data["role"], unit=_unit_or_none(actor, form), organisation=_organisation_or_none(form),
                password=data["password"],
            )  # fmt: skip

        if (created := _run(form, create)) is not None:
            messages.success(
                request,
                f"حساب «{created.username}» ساخته شد. گذرواژهٔ موقت را حضوری یا از راهی امن به دارندهٔ حساب "
                "بدهید؛ او در نخستین ورود باید آن را عوض کند.",
            )
            return redirect("accounts:staff_detail", pk=created.pk)
    status = 400 if form.errors else 200
    return render(request, "accounts/staff_new.html", {"form": form, "nav": "staff"}, status=status)


def _detail(request: HttpRequest, actor: Actor, account: User, status: int = 200, **forms_shown: Any) -> HttpResponse:
    current: list[Post] = getattr(account, "current_posts", [])
    first = current[0] if current else None
    initial = {
        "role": first.role if first else "",
        "unit": first.unit.code if first and first.unit else "",
        "organisation": first.organisation.code if first and first.organisation else "",
    }
    allowed = _allowed_roles(actor)
    context = {
        "account": account,
        "posts": selectors.account_posts(account),
        "current_posts": current,
        "may_manage": may_manage(actor, account),
        "role_form": forms_shown.get("role_form") or RoleUnitForm(initial=initial, allowed_roles=allowed),
        "post_form": forms_shown.get("post_form") or PostForm(allowed_roles=allowed),
        "password_form": forms_shown.get("password_form") or TemporaryPasswordForm(),
        "entries": history(selectors.recent_entries(actor, account)),
        "nav": "staff",
    }
    return render(request, "accounts/staff_detail.html", context, status=status)


@guarded(MANAGE_ACCOUNTS, target="account")
@require_GET
def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    return _detail(request, actor, _account(actor, pk))


@guarded(MANAGE_ACCOUNTS, target="account")
@require_POST
def staff_change(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    account = _account(actor, pk)
    form = RoleUnitForm(request.POST, allowed_roles=_allowed_roles(actor))
    if form.is_valid():
        call = lambda: actions.change_role_or_unit(  # noqa: E731
            actor=actor, account_id=account.pk, role=form.cleaned_data["role"], unit=_unit_or_none(actor, form),
            organisation=_organisation_or_none(form),
        )  # fmt: skip
        if (changed := _run(form, call)) is not None:
            messages.success(request, f"نقش و واحد «{changed.username}» تغییر کرد.")
            return redirect("accounts:staff_detail", pk=pk)
    return _detail(request, actor, account, status=400, role_form=form)


@guarded(MANAGE_ACCOUNTS, target="account")
@require_POST
@sensitive_post_parameters("password")
def staff_password(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    account = _account(actor, pk)
    form = TemporaryPasswordForm(request.POST)
    if form.is_valid():
        call = lambda: actions.set_temporary_password(  # noqa: E731
            actor=actor, account_id=account.pk, password=form.cleaned_data["password"]
        )
        if _run(form, call) is not None:
            messages.success(request, "گذرواژهٔ موقت ثبت شد؛ دارندهٔ حساب در ورود بعدی باید آن را عوض کند.")
            return redirect("accounts:staff_detail", pk=pk)
    return _detail(request, actor, account, status=400, password_form=form)


@guarded(MANAGE_ACCOUNTS, target="account")
@require_POST
def staff_post_add(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    account = _account(actor, pk)
    form = PostForm(request.POST, allowed_roles=_allowed_roles(actor))
    if form.is_valid():
        data = form.cleaned_data
        call = lambda: actions.add_post(  # noqa: E731
            actor=actor, account_id=account.pk, role=data["role"], unit=_unit_or_none(actor, form),
            organisation=_organisation_or_none(form), starts_at=_moment(form, "starts_on"),
            ends_at=_moment(form, "ends_on"),
        )  # fmt: skip
        if _run(form, call) is not None:
            messages.success(request, "سمت تازه ثبت شد.")
            return redirect("accounts:staff_detail", pk=pk)
    return _detail(request, actor, account, status=400, post_form=form)


@guarded(MANAGE_ACCOUNTS, target="post")
@require_POST
def staff_post_end(request: HttpRequest, post_pk: int) -> HttpResponse:
    actor = acting(request)
    post = Post.objects.filter(pk=post_pk).first()
    if post is None:
        raise Http404("چنین سمتی یافت نشد.")
    account = _account(actor, post.person_id)
    try:
        actions.end_post(actor=actor, post_id=post.pk)
    except NotFound as exc:
        raise Http404(exc.message) from None
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "سمت پایان یافت.")
    return redirect("accounts:staff_detail", pk=account.pk)


STATE_CHANGES: dict[str, tuple[Callable[..., User], str]] = {
    "deactivate": (actions.deactivate_account, "حساب غیرفعال شد."),
    "reactivate": (actions.reactivate_account, "حساب دوباره فعال شد."),
    "unlock": (actions.clear_lockout, "ورود این حساب دوباره باز شد."),
}


@guarded(MANAGE_ACCOUNTS, target="account")
@require_POST
def staff_state(request: HttpRequest, pk: int, change: str) -> HttpResponse:
    """One of the buttons: deactivate, reactivate, or reopen sign-in after a lockout."""
    actor = acting(request)
    account = _account(actor, pk)
    action, done = STATE_CHANGES[change]
    try:
        action(actor=actor, account_id=account.pk)
    except NotFound as exc:
        raise Http404(exc.message) from None
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("accounts:staff_detail", pk=pk)


@guarded(MANAGE_ACCOUNTS)
@require_GET
def staff_units(request: HttpRequest) -> HttpResponse:
    """Suggestions for a unit field: a datalist that htmx swaps in as the official types."""
    actor = acting(request)
    query = request.GET.get("unit", "")
    units = selectors.unit_suggestions(actor, query) if query.strip() else []
    return render(request, "accounts/_unit_options.html", {"units": units})
