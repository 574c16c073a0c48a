"""Staff accounts over HTTP, under /api/accounts/staff: the same scope, rules and audit entries as the pages.

Every endpoint needs a signed-in session (and, for writes, the CSRF token in ``X-CSRFToken``). Accounts
outside the caller's scope answer 404. Refusals carry a stable code: ``invalid_account``,
``invalid_mobile``, ``role_not_assignable``, ``out_of_scope``, ``own_account``, ``last_administrator``,
``already_active``, ``already_inactive``, ``not_locked``, ``no_change``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth

from ostan.accounts import actions, lockouts, roles, selectors
from ostan.accounts.errors import InvalidAccount
from ostan.accounts.models import User
from ostan.territory.models import Unit

router = Router(tags=["accounts"], auth=django_auth)
PER_PAGE = 50


class ErrorOut(Schema):
    code: str
    message: str
    details: object | None = None


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class StaffUnitOut(Schema):
    code: str
    name: str
    kind: str
    path: str


class StaffOut(Schema):
    id: int
    username: str
    full_name: str
    role: str
    role_label: str
    unit: StaffUnitOut | None
    mobile: str
    is_active: bool
    is_locked: bool
    must_change_password: bool
    date_joined: dt.datetime
    last_login: dt.datetime | None

    @staticmethod
    def of(user: User) -> StaffOut:
        unit = user.unit
        return StaffOut(
            id=user.pk, username=user.username, full_name=user.get_full_name(), role=user.role,
            role_label=user.get_role_display(),
            unit=StaffUnitOut(code=unit.code, name=unit.name, kind=unit.kind, path=unit.path) if unit else None,
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
    password: str = Field(max_length=256, description="temporary: the holder must replace it at first sign-in")


class RoleUnitIn(Schema):
    role: str = Field(max_length=40)
    unit: str = Field("", max_length=200)


class TemporaryPasswordIn(Schema):
    password: str = Field(max_length=256)


def _actor(request: HttpRequest) -> User:
    return selectors.ensure_may_open_staff_pages(request.user)


def _unit(actor: User, text: str) -> Unit | None:
    return selectors.resolve_unit(actor, text) if text.strip() else None


def _shown(actor: User, account_id: int) -> StaffOut:
    return StaffOut.of(selectors.staff_account(actor, account_id, lockouts.now()))


@router.get("", response={200: StaffPageOut, **ERRORS}, summary="Staff accounts in the caller's scope")
def list_staff(request: HttpRequest, filters: Query[StaffFilterIn]) -> StaffPageOut:
    actor = _actor(request)
    if filters.role and filters.role not in roles.STAFF_ROLES:
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
def create_staff(request: HttpRequest, payload: StaffIn) -> Status[StaffOut]:
    actor = _actor(request)
    created = actions.create_staff_account(
        actor=actor, username=payload.username, full_name=payload.full_name, mobile=payload.mobile,
        role=payload.role, unit=_unit(actor, payload.unit), password=payload.password,
    )  # fmt: skip
    return Status(201, _shown(actor, created.pk))


@router.get("/{account_id}", response={200: StaffOut, **ERRORS}, summary="One staff account")
def get_staff(request: HttpRequest, account_id: int) -> StaffOut:
    return _shown(_actor(request), account_id)


@router.post("/{account_id}/role", response={200: StaffOut, **ERRORS}, summary="Change role or unit")
def change_staff_role(request: HttpRequest, account_id: int, payload: RoleUnitIn) -> StaffOut:
    actor = _actor(request)
    unit = _unit(actor, payload.unit)
    actions.change_role_or_unit(actor=actor, account_id=account_id, role=payload.role, unit=unit)
    return _shown(actor, account_id)


@router.post("/{account_id}/deactivate", response={200: StaffOut, **ERRORS}, summary="Deactivate")
def deactivate_staff(request: HttpRequest, account_id: int) -> StaffOut:
    actor = _actor(request)
    actions.deactivate_account(actor=actor, account_id=account_id)
    return _shown(actor, account_id)


@router.post("/{account_id}/reactivate", response={200: StaffOut, **ERRORS}, summary="Reactivate")
def reactivate_staff(request: HttpRequest, account_id: int) -> StaffOut:
    actor = _actor(request)
    actions.reactivate_account(actor=actor, account_id=account_id)
    return _shown(actor, account_id)


@router.post("/{account_id}/temporary-password", response={200: StaffOut, **ERRORS}, summary="Set a temporary password")
def set_staff_password(request: HttpRequest, account_id: int, payload: TemporaryPasswordIn) -> StaffOut:
    actor = _actor(request)
    actions.set_temporary_password(actor=actor, account_id=account_id, password=payload.password)
    return _shown(actor, account_id)


@router.post("/{account_id}/unlock", response={200: StaffOut, **ERRORS}, summary="Reopen a locked sign-in")
def unlock_staff(request: HttpRequest, account_id: int) -> StaffOut:
    actor = _actor(request)
    actions.clear_lockout(actor=actor, account_id=account_id)
    return _shown(actor, account_id)
