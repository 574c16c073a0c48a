"""Reads of staff accounts, always through the reader's territorial scope.

National readers (system administrators) see every account; an official sees the accounts with a
current post at their unit or under it. Citizens hold no post and so never appear here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import BooleanField, Case, Prefetch, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import Lower, Replace
from django.utils import timezone

from ostan.access.models import Organisation, Post, current_q
from ostan.accounts.authority import accounts_q
from ostan.accounts.errors import InvalidAccount
from ostan.accounts.models import User
from ostan.auditlog.selectors import entries_for_reading
from ostan.core.access import Actor
from ostan.core.errors import NotFound
from ostan.core.text import ZWNJ, normalize, search_key
from ostan.ordering import by_name
from ostan.territory.models import Unit
from ostan.territory.scope import path_q, subtree_q
from ostan.territory.selectors import CODE_PATTERN, search_units, visible_q, without_controls

if TYPE_CHECKING:
    from ostan.auditlog.models import Entry

STATUS_ACTIVE = "active"
STATUS_INACTIVE = "inactive"
STATUS_LOCKED = "locked"
STATUS_CHOICES = (
    (STATUS_ACTIVE, "فعال"),
    (STATUS_INACTIVE, "غیرفعال"),
    (STATUS_LOCKED, "ورود بسته (پس از تلاش‌های ناموفق)"),
)
QUERY_MAX_LENGTH = 100
RECENT_ENTRIES = 20
UNIT_SUGGESTIONS = 15
# What search_key folds, done in SQL so that names stored before folding existed still match.
_FOLDS = ((ZWNJ, ""), (" ", ""), ("\u0622", "\u0627"), ("\u064a", "\u06cc"), ("\u0643", "\u06a9"))


def _folded(field: str) -> Combinable:
    expression: Combinable = Lower(field)
    for old, new in _FOLDS:
        expression = Replace(expression, Value(old), Value(new))
    return expression


def _locked_case(at: dt.datetime) -> Case:
    return Case(When(login_locked_until__gt=at, then=Value(True)), default=Value(False), output_field=BooleanField())


@dataclass(frozen=True)
class StaffFilter:
    query: str = ""
    role: str = ""
    unit: Unit | None = None
    status: str = ""
    organisation: Organisation | None = None


def _current_posts(at: dt.datetime) -> Prefetch:  # type: ignore[type-arg]
    posts = Post.objects.filter(current_q(at)).select_related("unit", "organisation").order_by("starts_at", "pk")
    return Prefetch("posts", queryset=posts, to_attr="current_posts")


def staff_accounts(actor: Actor, at: dt.datetime, wanted: StaffFilter | None = None) -> QuerySet[User]:
    """Staff accounts in ``actor``'s scope, each with ``is_locked`` (at ``at``, the lockouts' clock) and
    ``current_posts`` (held now, earliest first), ordered by name."""
    wanted = wanted or StaffFilter()
    now = timezone.now()
    accounts = User.objects.filter(accounts_q(actor, now), is_staff=True).prefetch_related(_current_posts(now))
    accounts = accounts.annotate(is_locked=_locked_case(at))
    key = search_key(without_controls(wanted.query[:QUERY_MAX_LENGTH]))
    if key:
        accounts = accounts.alias(
            name_key=_folded("first_name"), last_key=_folded("last_name"), user_key=_folded("username")
        ).filter(
            Q(name_key__contains=key)
            | Q(last_key__contains=key)
            | Q(user_key__contains=key)
            | (Q(mobile__contains=key) if key.isdigit() else Q(pk__in=[]))
        )
    if wanted.role or wanted.unit is not None or wanted.organisation is not None:
        posts = Post.objects.filter(current_q(now))
        if wanted.role:
            posts = posts.filter(role=wanted.role)
        if wanted.unit is not None:
            posts = posts.filter(path_q(wanted.unit.path, "unit__path"))
        if wanted.organisation is not None:
            posts = posts.filter(path_q(wanted.organisation.path, "organisation__path"))
        accounts = accounts.filter(pk__in=posts.values("person_id"))
    if wanted.status == STATUS_ACTIVE:
        accounts = accounts.filter(is_active=True)
    elif wanted.status == STATUS_INACTIVE:
        accounts = accounts.filter(is_active=False)
    elif wanted.status == STATUS_LOCKED:
        accounts = accounts.filter(login_locked_until__gt=at)
    return accounts.order_by(by_name("first_name"), by_name("last_name"), "username")


def staff_account(actor: Actor, account_id: int, at: dt.datetime) -> User:
    """One account in ``actor``'s scope; accounts elsewhere are reported as missing, not as forbidden."""
    account = staff_accounts(actor, at).filter(pk=account_id).first()
    if account is None:
        raise NotFound("چنین حسابی در حوزهٔ مسئولیت شما یافت نشد.")
    return account


def account_posts(account: User) -> list[Post]:
    """Every post the account has held, the current ones first, for its page."""
    return list(Post.objects.filter(person=account).select_related("unit", "organisation").order_by("-starts_at"))


def recent_entries(actor: Actor, account: User) -> list[Entry]:
    """The latest audit entries about ``account`` that ``actor`` may read."""
    entries = entries_for_reading(actor).filter(object_type=User._meta.label_lower, object_id=str(account.pk))
    return list(entries[:RECENT_ENTRIES])


def resolve_unit(actor: Actor, text: str) -> Unit:
    """The unit a form or API names by code or by exact name. Names are looked up inside the actor's
    scope; a name several units share (there are many «مرکزی» districts) asks for the code instead."""
    typed = normalize(without_controls(text or ""))
    if not typed:
        raise InvalidAccount("واحد محل خدمت را وارد کنید.", details={"field": "unit"})
    units = Unit.objects.filter(visible_q(actor))
    if CODE_PATTERN.fullmatch(typed) and (unit := units.filter(code=typed).first()) is not None:
        return unit
    named = list(units.filter(subtree_q(actor), search_key=search_key(typed)).order_by("depth", "code")[:3])
    if len(named) == 1:
        return named[0]
    if named:
        codes = "، ".join(f"{u.get_kind_display()} {u.name}: {u.code}" for u in named)
        raise InvalidAccount(f"چند واحد با این نام هست؛ کد واحد را وارد کنید ({codes}).", details={"field": "unit"})
    raise InvalidAccount("واحدی با این نام یا کد در حوزهٔ مسئولیت شما یافت نشد.", details={"field": "unit"})


def resolve_organisation(text: str) -> Organisation:
    """The organisation a form or API names by its code."""
    code = normalize(without_controls(text or ""))
    organisation = Organisation.objects.filter(code=code).first() if code else None
    if organisation is None:
        raise InvalidAccount("سازمانی با این کد یافت نشد.", details={"field": "organisation"})
    return organisation


def unit_suggestions(actor: Actor, query: str) -> list[Unit]:
    """Units in the actor's scope whose name starts with or contains ``query``, for the unit field."""
    if actor.is_national:
        return search_units(query, within=None, limit=UNIT_SUGGESTIONS, actor=actor)
    if actor.unit_id is None:
        return []
    within = Unit.objects.get(pk=actor.unit_id)
    return search_units(query, within=within, limit=UNIT_SUGGESTIONS, actor=actor)
