"""Every public name in an actions module is a keyword-only action taking an actor (or, for the devices'
signed requests, a device) and declared with ``@action``, which makes each call write exactly one audit
entry (checked on every call the whole suite makes: ``OSTAN_AUDIT_STRICT`` is on in tests)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest
from django.apps import apps
from django.db import transaction

from ostan.auditlog.actions import ACTION_ATTRIBUTE, AuditCountWrong, action, record
from ostan.auditlog.events import AuditEvent, all_events
from ostan.core.access import Actor

# The audit log's own module holds the one way to write it, not an action.
NOT_ACTIONS = {"ostan.auditlog.actions"}
# Past participles: regular ones, and the irregular ones events use.
PAST_TENSE = ("ed", "_set", "_cast", "_in", "_chosen", "_sent", "_drawn", "_held", "_written")


def action_modules() -> list[ModuleType]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("ostan."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.actions")
        except ModuleNotFoundError:
            continue
        found.append(module)
        for info in pkgutil.iter_modules(getattr(module, "__path__", [])):
            found.append(importlib.import_module(f"{module.__name__}.{info.name}"))
    return [m for m in found if m.__name__ not in NOT_ACTIONS]


def public_names(module: ModuleType) -> list[tuple[str, object]]:
    return [
        (name, value)
        for name, value in vars(module).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__
    ]


def test_every_public_name_of_an_actions_module_is_a_declared_keyword_only_action() -> None:
    wrong = []
    for module in action_modules():
        for name, value in public_names(module):
            where = f"{module.__name__}.{name}"
            if not inspect.isfunction(value):
                wrong.append(f"{where}: not a function (move it out of the actions module)")
                continue
            if not hasattr(value, ACTION_ATTRIBUTE):
                wrong.append(f"{where}: not declared with @action")
            parameters = inspect.signature(inspect.unwrap(value)).parameters.values()
            if any(p.kind is not p.KEYWORD_ONLY for p in parameters):
                wrong.append(f"{where}: takes positional arguments")
            if not {"actor", "device"} & {p.name for p in parameters}:
                wrong.append(f"{where}: takes no actor (or device)")
    assert wrong == []
    assert len([n for m in action_modules() for n, _ in public_names(m)]) >= 45


@pytest.mark.django_db
def test_an_action_writing_no_entry_or_two_is_caught() -> None:
    from ostan.accounts.events import AccountsEvent

    system = Actor.system("آزمون شمارش رویدادها")

    @action()
    def silent(*, actor: Actor) -> None:
        return None

    @action()
    def twice(*, actor: Actor) -> None:
        with transaction.atomic():
            record(actor=actor, event=AccountsEvent.SIGNED_IN)
            record(actor=actor, event=AccountsEvent.SIGNED_IN)

    @action(may_change_nothing=True)
    def retried(*, actor: Actor) -> None:
        return None

    with pytest.raises(AuditCountWrong, match="0 audit entries"):
        silent(actor=system)
    with pytest.raises(AuditCountWrong, match="2 audit entries"):
        twice(actor=system)
    retried(actor=system)
    with pytest.raises(TypeError, match="keyword arguments only"):
        silent(system)


def test_every_event_is_declared_once_in_the_past_tense() -> None:
    events = all_events()
    assert len(events) >= 40
    for code, event in events.items():
        app, _, name = code.partition(".")
        assert event.label, code
        assert app, code
        assert name, code
        assert name.endswith(PAST_TENSE), f"{code}: name it in the past tense"
        assert isinstance(event, AuditEvent)
