"""The one way to write the audit log. Every action calls :func:`record` exactly once, inside its own
transaction, so the change and its entry commit or roll back together."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import logging
import uuid
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from typing import Any, ParamSpec, Protocol, TypeVar

from django.conf import settings
from django.db import models, transaction

from ostan.auditlog.events import AuditEvent
from ostan.auditlog.models import Entry
from ostan.core.access import Actor


class Placed(Protocol):
    """What the log needs of a territorial unit: its materialised path (the log stands below territory)."""

    path: str


class AuditOutsideTransaction(RuntimeError):
    """An action tried to record a change outside a transaction: the entry could outlive a rollback."""


class AuditCountWrong(RuntimeError):
    """An action returned having written no audit entry, or more than one."""


P = ParamSpec("P")
R = TypeVar("R")
ACTION_ATTRIBUTE = "ostan_action"
logger = logging.getLogger(__name__)
# The entries written by the action running now (its own, not those of actions it calls).
_written: ContextVar[list[int] | None] = ContextVar("ostan_audit_written", default=None)


def counted(entries: int = 1) -> None:
    """Entries written by statements of their own (``ostan.auditlog.rows``) count for the running action."""
    box = _written.get()
    if box is not None:
        box[0] += entries


def action(*, may_change_nothing: bool = False) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare a state-changing action: keyword arguments only, and exactly one audit entry each time it
    returns. ``may_change_nothing``: none either, when it answers a refusal or a retry instead of changing
    anything (a check-in that finds the voter has voted; a device's retry of a stored ballot). With
    ``OSTAN_AUDIT_STRICT`` (tests, development) a wrong count raises; otherwise it is logged."""

    def declare(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            if args:
                raise TypeError(f"{fn.__qualname__} takes keyword arguments only")
            box = [0]
            token = _written.set(box)
            try:
                result = fn(*args, **kwargs)
            finally:
                _written.reset(token)
            if box[0] != 1 and not (may_change_nothing and box[0] == 0):
                message = f"{fn.__module__}.{fn.__qualname__} wrote {box[0]} audit entries"
                if getattr(settings, "OSTAN_AUDIT_STRICT", False):
                    raise AuditCountWrong(message)
                logger.error(message)
            return result

        setattr(run, ACTION_ATTRIBUTE, {"may_change_nothing": may_change_nothing})
        return run

    return declare


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, Iterable) and not isinstance(value, bytes):
        return [_json_safe(v) for v in value]
    return str(value)


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of ``obj`` as JSON-safe values, for an entry's ``before`` or ``after``."""
    result: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        result[name] = _json_safe(getattr(obj, attname))
    return result


def _actor_columns(actor: Actor) -> dict[str, Any]:
    if not isinstance(actor, Actor):
        raise TypeError(f"an audit entry's actor is an Actor, not {type(actor).__name__}")
    post = actor.post
    return {
        "actor_id": actor.person_id,
        "actor_label": actor.label[:150],
        "actor_role": (post.role.value if post is not None else actor.kind.value)[:40],
        "actor_unit_id": post.unit_id if post is not None else None,
        "actor_post_id": post.id if post is not None else None,
        "actor_organisation_id": post.organisation_id if post is not None else None,
        "actor_reason": actor.reason[:200],
    }


def record(
    *,
    actor: Actor,
    event: AuditEvent,
    obj: models.Model | None = None,
    unit: Placed | None = None,
    unit_path: str | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    object_type: str = "",
    object_id: str = "",
    object_label: str = "",
) -> Entry:
    """Append one entry for ``actor`` (a person in a post, or the system with its reason).

    The entry's territory is ``unit``'s, or ``unit_path`` where the caller holds only the path."""
    if not transaction.get_connection().in_atomic_block:
        raise AuditOutsideTransaction(f"audit entry for {event!r} must be written inside the action's transaction")
    if not isinstance(event, AuditEvent):
        raise TypeError(f"audit events are declared in an app's events.py, not given as {event!r}")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_label = object_label or str(obj)[:300]
    counted()
    return Entry.objects.create(
        **_actor_columns(actor),
        event=event.value,
        object_type=object_type,
        object_id=object_id,
        object_label=object_label[:300],
        unit_path=unit.path if unit is not None else (unit_path or ""),
        before=_json_safe(before) if before is not None else None,
        after=_json_safe(after) if after is not None else None,
    )
