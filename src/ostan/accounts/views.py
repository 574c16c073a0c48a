"""Sign-in pages: staff with a password, citizens with a code by SMS. Each view is a form and one call."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST

from ostan.accounts import citizens, logins
from ostan.accounts.forms import CitizenCodeForm, CitizenStartForm, StaffLoginForm
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


def login_page(request: HttpRequest) -> HttpResponse:
    form = StaffLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            logins.sign_in_staff(request=request, **form.cleaned_data)
        except DomainError as exc:
            return _refused(request, "accounts/login.html", form, exc)
        return HttpResponseRedirect(_next_url(request))
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request)})


@require_POST
def logout_page(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


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
