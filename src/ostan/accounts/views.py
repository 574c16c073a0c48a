"""Sign-in pages: staff with a password (and replacing it), citizens with a code by SMS. Each view is a form
and one call."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from ostan.access.actors import choose_post, current_posts
from ostan.access.guards import guarded
from ostan.accounts import actions, citizens, logins
from ostan.accounts.forms import CitizenCodeForm, CitizenStartForm, StaffLoginForm
from ostan.accounts.models import User
from ostan.accounts.permissions import SIGN_IN, USE_OWN_ACCOUNT
from ostan.accounts.staff_forms import PasswordChangeForm
from ostan.core.access import acting
from ostan.core.errors import DomainError

SESSION_NATIONAL_CODE = "citizen_sign_in_national_code"


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _refused(
    request: HttpRequest, template: str, form: forms.Form, exc: DomainError, **context: object
) -> HttpResponse:
    """The form again with the refusal on top; a lockout answers 429 so clients and proxies can tell."""
    form.add_error(None, exc.message)
    status = 429 if exc.status == 429 else 200
    return render(request, template, {"form": form, "next": _next_url(request), **context}, status=status)


@guarded(SIGN_IN)
@sensitive_post_parameters("password")
def login_page(request: HttpRequest) -> HttpResponse:
    form = StaffLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = logins.sign_in_staff(request=request, **form.cleaned_data)
        except DomainError as exc:
            return _refused(request, "accounts/login.html", form, exc)
        if user.must_change_password:
            target = resolve_url("accounts:password_change")
            return redirect(f"{target}?{urlencode({'next': _next_url(request)})}")
        if len(current_posts(user)) > 1:
            return redirect(f"{resolve_url('accounts:post')}?{urlencode({'next': _next_url(request)})}")
        return HttpResponseRedirect(_next_url(request))
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request)})


@guarded(USE_OWN_ACCOUNT)
def post_page(request: HttpRequest) -> HttpResponse:
    """The posts a person holds now, and the one they act in: picking another changes the header, every
    page's scope and what each later entry of the audit log records."""
    actor = acting(request)
    posts = current_posts(User.objects.get(pk=actor.own_id))
    if request.method == "POST":
        try:
            chosen = logins.record_post_chosen(actor=actor, post_id=int(request.POST.get("post", "0") or 0))
        except (DomainError, ValueError) as exc:
            messages.error(request, getattr(exc, "message", "سمت انتخاب‌شده درست نیست."))
        else:
            assert chosen.post is not None
            assert chosen.post.id is not None
            choose_post(request, chosen.post.id)
            messages.success(request, f"اکنون در سمت «{chosen.post.label}» کار می‌کنید.")
            return HttpResponseRedirect(_next_url(request))
    context = {"posts": posts, "current": actor.post.id if actor.post else None, "next": _next_url(request)}
    return render(request, "accounts/post.html", context)


@login_required
@guarded(USE_OWN_ACCOUNT)
@sensitive_post_parameters()
def password_change(request: HttpRequest) -> HttpResponse:
    """Replace one's password; the only page open while a temporary password is in use."""
    user: User = request.user  # type: ignore[assignment]
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account = actions.change_own_password(
                actor=acting(request), current_password=data["current_password"], new_password=data["new_password"]
            )
        except DomainError as exc:
            field = exc.details.get("field") if isinstance(exc.details, dict) else None
            form.add_error(field if field in form.fields else None, exc.message)
        else:
            update_session_auth_hash(request, account)  # the session outlives the password it began with
            messages.success(request, "گذرواژهٔ شما عوض شد.")
            return HttpResponseRedirect(_next_url(request))
    context = {"form": form, "next": _next_url(request), "is_required": user.must_change_password}
    return render(request, "accounts/password_change.html", context, status=400 if form.errors else 200)


@guarded(SIGN_IN)
@require_POST
def logout_page(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


@guarded(SIGN_IN)
def citizen_start(request: HttpRequest) -> HttpResponse:
    form = CitizenStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = citizens.request_code(
                national_code_raw=form.cleaned_data["national_code"],
                mobile_raw=form.cleaned_data["mobile"],
                address=logins.client_address(request),
            )
        except DomainError as exc:
            return _refused(request, "accounts/citizen_start.html", form, exc)
        request.session[SESSION_NATIONAL_CODE] = sent.national_code
        messages.info(request, f"کد ورود به شماره {sent.masked_mobile} پیامک شد.")
        return redirect(f"{resolve_url('accounts:citizen_verify')}?{urlencode({'next': _next_url(request)})}")
    return render(request, "accounts/citizen_start.html", {"form": form, "next": _next_url(request)})


@guarded(SIGN_IN)
def citizen_verify(request: HttpRequest) -> HttpResponse:
    code = request.session.get(SESSION_NATIONAL_CODE)
    if not code:
        return redirect("accounts:citizen")
    form = CitizenCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = logins.client_address(request)
        try:
            user = citizens.verify_code(national_code_raw=code, typed=form.cleaned_data["code"], address=address)
        except DomainError as exc:
            return _refused(request, "accounts/citizen_verify.html", form, exc, national_code=code)
        logins.log_in(request, user)
        request.session.pop(SESSION_NATIONAL_CODE, None)
        return HttpResponseRedirect(_next_url(request))
    context = {"form": form, "national_code": code, "next": _next_url(request)}
    return render(request, "accounts/citizen_verify.html", context)
