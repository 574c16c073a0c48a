"""Audit events: each app declares its own in one enum in its ``events.py``, named in the past tense
(``app.object_verbed``) with a Persian label, and :func:`ostan.auditlog.actions.record` takes only these."""

from __future__ import annotations

import importlib
from enum import StrEnum
from functools import cache
from typing import Self

from django.apps import apps


class AuditEvent(StrEnum):
    """Base of every app's event enum: members are ``NAME = "app.object_verbed", "برچسب فارسی"``."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


@cache
def all_events() -> dict[str, AuditEvent]:
    """Every event of every installed app, by code (each app's ``events`` module is imported once)."""
    for config in apps.get_app_configs():
        if config.name.startswith("ostan."):
            try:
                importlib.import_module(f"{config.name}.events")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.events":
                    raise
    found: dict[str, AuditEvent] = {}
    for enum in AuditEvent.__subclasses__():
        for member in enum:
            found[member.value] = member
    return found


def event_label(event: str) -> str:
    found = all_events().get(event)
    return found.label if found is not None else event
