"""Accounts over HTTP: who am I, staff sign-in and replacing one's password, the citizen's SMS sign-in,
and (under /staff, in ``staff_api``) managing staff accounts.

The sign-in endpoints take no authentication and so no CSRF token: there is no session yet for a
forged request to ride on, and API clients (mobile apps, scripts) have no CSRF cookie. They are
guarded instead by the same lockouts as the pages. Everything that acts on a session (``/me`` and
every other router's writes) uses ``django_auth``, which checks CSRF.
"""

from __future__ import annotations

from django.contrib.auth import update_session_auth_hash
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.security import django_auth

from ostan.access.actors import actor_for
from ostan.access.guards import api_guarded
from ostan.accounts import actions, citizens, logins
from ostan.accounts.models import User
from ostan.accounts.permissions import SIGN_IN, USE_OWN_ACCOUNT
from ostan.accounts.staff_api import router as staff_router
from ostan.core.access import Actor, acting
from ostan.pages.schemas import ErrorOut

router = Router(tags=["accounts"])
router.add_router("/staff", staff_router)


class MyUnitOut(Schema):
    code: str
    name: str
    kind: str
    path: str


class MeOut(Schema):
    username: str
    full_name: str
    role: str = Field(description="the role of the post the person acts in (citizen for citizens)")
    role_label: str
    unit: MyUnitOut | None
    post_id: int | None = Field(None, description="the post acted in; choose another at /accounts/post/")
    organisation_code: str | None = None
    must_change_password: bool = False


class LoginIn(Schema):
    username: str
    password: str


class OtpRequestIn(Schema):
    national_code: str
    mobile: str


class OtpRequestOut(Schema):
    national_code: str
    masked_mobile: str
    expires_in_seconds: int


class OtpVerifyIn(Schema):
    national_code: str
    code: str


class PasswordChangeIn(Schema):
    current_password: str = Field(max_length=256)
    new_password: str = Field(max_length=256)


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut}


def _me(user: User, actor: Actor | None = None) -> MeOut:
    from ostan.territory.models import Unit

    actor = actor or actor_for(user)
    post = actor.post
    unit = Unit.objects.filter(pk=post.unit_id).first() if post and post.unit_id else None
    organisation_code = None
    if post is not None and post.organisation_path is not None:
        organisation_code = post.organisation_path.rsplit("/", 1)[-1]
    return MeOut(
        username=user.get_username(),
        full_name=user.get_full_name(),
        role=post.role.value if post else "",
        role_label=post.role.label if post else "",
        unit=MyUnitOut(code=unit.code, name=unit.name, kind=unit.kind, path=unit.path) if unit else None,
        post_id=post.id if post else None,
        organisation_code=organisation_code,
        must_change_password=user.must_change_password,
    )


@router.get("/me", response={200: MeOut, 401: ErrorOut}, auth=django_auth)
@api_guarded(USE_OWN_ACCOUNT)
def me(request: HttpRequest) -> MeOut:
    return _me(request.user, acting(request))  # type: ignore[arg-type]


@router.post("/login", response={200: MeOut, **ERRORS})
@api_guarded(SIGN_IN)
def login(request: HttpRequest, payload: LoginIn) -> MeOut:
    return _me(logins.sign_in_staff(request=request, username=payload.username, password=payload.password))


@router.post("/otp/request", response={200: OtpRequestOut, **ERRORS})
@api_guarded(SIGN_IN)
def otp_request(request: HttpRequest, payload: OtpRequestIn) -> OtpRequestOut:
    sent = citizens.request_code(
        national_code_raw=payload.national_code, mobile_raw=payload.mobile, address=logins.client_address(request)
    )
    return OtpRequestOut(**sent.__dict__)


@router.post("/otp/verify", response={200: MeOut, **ERRORS})
@api_guarded(SIGN_IN)
def otp_verify(request: HttpRequest, payload: OtpVerifyIn) -> MeOut:
    user = citizens.verify_code(
        national_code_raw=payload.national_code, typed=payload.code, address=logins.client_address(request)
    )
    logins.log_in(request, user)
    return _me(user)


@router.post("/password", response={200: MeOut, **ERRORS}, auth=django_auth, summary="Replace one's own password")
@api_guarded(USE_OWN_ACCOUNT)
def change_own_password(request: HttpRequest, payload: PasswordChangeIn) -> MeOut:
    """The one write open while a temporary password is in use; the session stays signed in."""
    account = actions.change_own_password(
        actor=acting(request),
        current_password=payload.current_password,
        new_password=payload.new_password,
    )
    update_session_auth_hash(request, account)
    return _me(account)
