"""Staff accounts over HTTP, under /api/accounts/staff: the same scope, rules and audit entries as the pages.

Every endpoint needs a signed-in session (and, for writes, the CSRF token in ``X-CSRFToken``). Accounts
outside the caller's scope answer 404. Refusals carry a stable code: ``invalid_account``,
``invalid_mobile``, ``role_not_assignable``, ``out_of_scope``, ``own_account``, ``last_administrator``,
``already_active``, ``already_inactive``, ``not_locked``, ``no_change``, ``several_posts``, ``post_ended``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth

from ostan.access.guards import api_guarded
from ostan.access.models import Organisation, Post
from ostan.accounts import actions, lockouts, selectors
from ostan.accounts.errors import InvalidAccount
from ostan.accounts.models import User
from ostan.accounts.permissions import MANAGE_ACCOUNTS
from ostan.core import jalali
from ostan.core.access import Actor, acting
from ostan.core.access.roles import STAFF_ROLES
from ostan.pages.schemas import ErrorOut
from ostan.territory.models import Unit

router = Router(tags=["accounts"], auth=django_auth)
PER_PAGE = 50


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class StaffUnitOut(Schema):
    code: str
    name: str
    kind: str
    path: str


class PostOut(Schema):
    id: int
    role: str
    role_label: str
    unit: StaffUnitOut | None
    organisation_code: str | None
    organisation_name: str | None
    starts_at: dt.datetime
    ends_at: dt.datetime | None

    @staticmethod
    def of(post: Post) -> PostOut:
        unit, organisation = post.unit, post.organisation
        return PostOut(
            id=post.pk, role=post.role, role_label=post.get_role_display(),
            unit=StaffUnitOut(code=unit.code, name=unit.name, kind=unit.kind, path=unit.path) if unit else None,
            organisation_code=organisation.code if organisation else None,
            organisation_name=organisation.name if organisation else None,
            starts_at=post.starts_at, ends_at=post.ends_at,
        )  # fmt: skip


class StaffOut(Schema):
    id: int
    username: str
    full_name: str
    role: str = Field(description="the role of the earliest current post (empty when none)")
    role_label: str
    unit: StaffUnitOut | None = Field(description="the unit of the earliest current post")
    posts: list[PostOut] = Field(description="every current post, earliest first")
    mobile: str
    is_active: bool
    is_locked: bool
    must_change_password: bool
    date_joined: dt.datetime
    last_login: dt.datetime | None

    @staticmethod
    def of(user: User) -> StaffOut:
        posts = [PostOut.of(p) for p in getattr(user, "current_posts", [])]
        first = posts[0] if posts else None
        return StaffOut(
            id=user.pk, username=user.username, full_name=user.get_full_name(), role=first.role if first else "",
            role_label=first.role_label if first else "", unit=first.unit if first else None, posts=posts,
            mobile=user.mobile, is_active=user.is_active, is_locked=bool(getattr(user, "is_locked", False)),
            must_change_password=user.must_change_password, date_joined=user.date_joined, last_login=user.last_login,
        )  # fmt: skip


class StaffPageOut(Schema):
    count: int
    page: int
    page_count: int
    items: list[StaffOut]


class StaffFilterIn(Schema):
    q: str = Field("", max_length=100, description="name, username or mobile; Persian or Arabic letters alike")
    role: str = Field("", max_length=40)
    unit: str = Field("", max_length=200, description="a unit's code (or exact name): it and the units under it")
    status: Literal["", "active", "inactive", "locked"] = ""
    page: int = Field(1, ge=1, le=1_000_000)


class StaffIn(Schema):
    username: str = Field(max_length=150)
    full_name: str = Field(max_length=150)
    mobile: str = Field("", max_length=20)
    role: str = Field(max_length=40)
    unit: str = Field("", max_length=200, description="the unit's code, or its exact name; empty for none")
    organisation: str = Field("", max_length=40, description="the organisation's code; empty for none")
    password: str = Field(max_length=256, description="temporary: the holder must replace it at first sign-in")


class RoleUnitIn(Schema):
    role: str = Field(max_length=40)
    unit: str = Field("", max_length=200)
    organisation: str = Field("", max_length=40)


class PostIn(RoleUnitIn):
    starts_on: str = Field("", max_length=20, description="Jalali date (۱۴۰۵/۰۹/۱۱); empty for now")
    ends_on: str = Field("", max_length=20, description="Jalali date; empty for open-ended")


class TemporaryPasswordIn(Schema):
    password: str = Field(max_length=256)


def _unit(actor: Actor, text: str) -> Unit | None:
    return selectors.resolve_unit(actor, text) if text.strip() else None


def _organisation(text: str) -> Organisation | None:
    return selectors.resolve_organisation(text) if text.strip() else None


def _moment(text: str, field: str) -> dt.datetime | None:
    if not text.strip():
        return None
    try:
        return jalali.start_of_day(jalali.parse_date(text))
    except jalali.InvalidJalaliDate as exc:
        raise jalali.InvalidJalaliDate(exc.message, details={"field": field}) from None


def _shown(actor: Actor, account_id: int) -> StaffOut:
    return StaffOut.of(selectors.staff_account(actor, account_id, lockouts.now()))


@router.get("", response={200: StaffPageOut, **ERRORS}, summary="Staff accounts in the caller's scope")
@api_guarded(MANAGE_ACCOUNTS)
def list_staff(request: HttpRequest, filters: Query[StaffFilterIn]) -> StaffPageOut:
    actor = acting(request)
    if filters.role and filters.role not in STAFF_ROLES:
        raise InvalidAccount("چنین نقشی برای کارکنان نیست.", details={"field": "role"})
    wanted = selectors.StaffFilter(
        query=filters.q, role=filters.role, unit=_unit(actor, filters.unit), status=filters.status
    )
    page = Paginator(selectors.staff_accounts(actor, lockouts.now(), wanted), PER_PAGE).get_page(filters.page)
    return StaffPageOut(
        count=page.paginator.count,
        page=page.number,
        page_count=page.paginator.num_pages,
        items=[StaffOut.of(u) for u in page.object_list],
    )


@router.post("", response={201: StaffOut, **ERRORS}, summary="Create a staff account with a temporary password")
@api_guarded(MANAGE_ACCOUNTS)
def create_staff(request: HttpRequest, payload: StaffIn) -> Status[StaffOut]:
    actor = acting(request)
    created = actions.create_staff_account(
        actor=actor, username=payload.username, full_name=payload.full_name, mobile=payload.mobile,
        role=payload.role, unit=_unit(actor, payload.unit), organisation=_organisation(payload.organisation),
        password=payload.password,
    )  # fmt: skip
    return Status(201, _shown(actor, created.pk))


@router.get("/{account_id}", response={200: StaffOut, **ERRORS}, summary="One staff account")
@api_guarded(MANAGE_ACCOUNTS, target="account")
def get_staff(request: HttpRequest, account_id: int) -> StaffOut:
    return _shown(acting(request), account_id)


@router.post("/{account_id}/role", response={200: StaffOut, **ERRORS}, summary="Change role or unit")
@api_guarded(MANAGE_ACCOUNTS, target="account")
def change_staff_role(request: HttpRequest, account_id: int, payload: RoleUnitIn) -> StaffOut:
    actor = acting(request)
    unit = _unit(actor, payload.unit)
    organisation = _organisation(payload.organisation)
    actions.change_role_or_unit(
        actor=actor, account_id=account_id, role=payload.role, unit=unit, organisation=organisation
    )
    return _shown(actor, account_id)


@router.post("/{account_id}/posts", response={200: StaffOut, **ERRORS}, summary="Add a post")
@api_guarded(MANAGE_ACCOUNTS, target="account")
def add_staff_post(request: HttpRequest, account_id: int, payload: PostIn) -> StaffOut:
    actor = acting(request)
    actions.add_post(
        actor=actor, account_id=account_id, role=payload.role, unit=_unit(actor, payload.unit),
        organisation=_organisation(payload.organisation), starts_at=_moment(payload.starts_on, "starts_on"),
        ends_at=_moment(payload.ends_on, "ends_on"),
    )  # fmt: skip
    return _shown(actor, account_id)


@router.post("/posts/{post_id}/end", response={200: StaffOut, **ERRORS}, summary="End a post now")
@api_guarded(MANAGE_ACCOUNTS, target="post")
def end_staff_post(request: HttpRequest, post_id: int) -> StaffOut:
    actor = acting(request)
    post = actions.end_post(actor=actor, post_id=post_id)
    return _shown(actor, post.person_id)


@router.post("/{account_id}/deactivate", response={200: StaffOut, **ERRORS}, summary="Deactivate")
@api_guarded(MANAGE_ACCOUNTS, target="account")
def deactivate_staff(request: HttpRequest, account_id: int) -> StaffOut:
    actor = acting(request)
    actions.deactivate_account(actor=actor, account_id=account_id)
    return _shown(actor, account_id)


@router.post("/{account_id}/reactivate", response={200: StaffOut, **ERRORS}, summary="Reactivate")
@api_guarded(MANAGE_ACCOUNTS, target="account")
def reactivate_staff(request: HttpRequest, account_id: int) -> StaffOut:
    actor = acting(request)
    actions.reactivate_account(actor=actor, account_id=account_id)
    return _shown(actor, account_id)


@router.post("/{account_id}/temporary-password", response={200: StaffOut, **ERRORS}, summary="Set a temporary password")
@api_guarded(MANAGE_ACCOUNTS, target="account")
def set_staff_password(request: HttpRequest, account_id: int, payload: TemporaryPasswordIn) -> StaffOut:
    actor = acting(request)
    actions.set_temporary_password(actor=actor, account_id=account_id, password=payload.password)
    return _shown(actor, account_id)


@router.post("/{account_id}/unlock", response={200: StaffOut, **ERRORS}, summary="Reopen a locked sign-in")
@api_guarded(MANAGE_ACCOUNTS, target="account")
def unlock_staff(request: HttpRequest, account_id: int) -> StaffOut:
    actor = acting(request)
    actions.clear_lockout(actor=actor, account_id=account_id)
    return _shown(actor, account_id)
