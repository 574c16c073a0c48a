"""Every page and API operation declares the capability it serves, and is refused early when the actor's
role has no grant for it at all. The object-level check (is *this* constituency in the post's unit?) is
the selector's or action's, against the same capability.

Where the target's kind has a locator (``ostan.access.locators``; each app's ``targets.py``), the guard also
checks the object the URL names, so a refusal comes before any form or body is read.

The declaration is also what the access-matrix test walks: a URL pattern or an API operation without a
policy fails it. ``target`` names the kind of object the URL points at (``"constituency"``, ``"station"``,
...), so the test can build one in scope, in a sibling unit, in the parent unit and in another
organisation and check that each is allowed or refused as the policy says.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ninja.operation import Operation
from ninja.utils import contribute_operation_callback

from ostan.access import locators
from ostan.core.access import Actor, Capability, OutOfScope, SignInRequired, Verdict, acting, decide, ensure
from ostan.core.access.policy import MESSAGES
from ostan.core.errors import DomainError, NotFound

F = TypeVar("F", bound=Callable[..., Any])
POLICY_ATTRIBUTE = "ostan_policy"
CONCEALED_MESSAGE = "چنین موردی در حوزهٔ مسئولیت شما یافت نشد."
OPENAPI_KEY = "x-ostan-capability"


@dataclass(frozen=True)
class Policy:
    capability: Capability
    target: str | None = None


def policy_of(view: Any) -> Policy | None:
    """The policy a view (or the function behind an API operation) declares, following wrappers."""
    while view is not None:
        found = getattr(view, POLICY_ATTRIBUTE, None)
        if isinstance(found, Policy):
            return found
        view = getattr(view, "__wrapped__", None)
    return None


def precheck(
    actor: Actor, capability: Capability, target: str | None = None, params: dict[str, Any] | None = None
) -> None:
    """Refuse an actor whose role the capability does not name at all (visitors: sign in first), then, where
    the target's kind has a locator, one for whom the object the URL names lies out of reach."""
    if not (actor.is_system or capability.reach_for(actor.role) is not None):
        if actor.is_anonymous:
            raise SignInRequired(MESSAGES[Verdict.SIGN_IN])
        raise OutOfScope(decide(actor, capability).message, details={"capability": capability.name})
    if target is None:
        return
    found = locators.locate(target, params or {})
    if found is None or found.unit_path is None:
        return
    decision = decide(actor, capability, found)
    if decision.allowed:
        return
    if target in locators.CONCEALED and not found.is_public:
        raise NotFound(CONCEALED_MESSAGE)
    ensure(actor, capability, found)


def guarded(capability: Capability, *, target: str | None = None) -> Callable[[F], F]:
    """For a Django view: declare ``capability`` and pre-check the request's actor against it."""

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(request: Any, *args: Any, **kwargs: Any) -> Any:
            if not capability.is_public:
                precheck(acting(request), capability, target, kwargs)
            return view(request, *args, **kwargs)

        setattr(wrapper, POLICY_ATTRIBUTE, Policy(capability, target))
        return wrapper  # type: ignore[return-value]

    return decorate


def api_guarded(capability: Capability, *, target: str | None = None) -> Callable[[F], F]:
    """For a django-ninja operation (written below ``@router.get(...)``): declare ``capability`` in the
    OpenAPI schema (``x-ostan-capability``) and pre-check the actor before the operation runs (public
    capabilities have nothing to pre-check, and their operations are left as they are)."""

    def decorate(func: F) -> F:
        setattr(func, POLICY_ATTRIBUTE, Policy(capability, target))

        def contribute(operation: Operation) -> None:
            operation.openapi_extra = {**(operation.openapi_extra or {}), OPENAPI_KEY: capability.name}
            if capability.is_public:  # nothing to refuse: no wrapper on the devices' hot path
                return

            def check_first(run: Callable[..., Any]) -> Callable[..., Any]:
                # The operation this run belongs to: a router's operations are cloned when it is bound to
                # the API, and ninja applies this again to each clone's own run.
                owner: Operation = inspect.unwrap(run).__self__

                @functools.wraps(run)
                def checked(request: Any, **kwargs: Any) -> Any:
                    try:
                        precheck(acting(request), capability, target, kwargs)
                    except DomainError as exc:  # answered in the API's error shape, as the operation's would be
                        return owner.api.on_exception(request, exc)
                    return run(request, **kwargs)

                return checked

            # As ninja's decorate_view does, so that a cloned operation (a router mounted twice) keeps it.
            operation.run = check_first(operation.run)  # type: ignore[method-assign]
            decorators = getattr(operation, "_run_decorators", [])
            operation._run_decorators = [*decorators, check_first]  # type: ignore[attr-defined]

        contribute_operation_callback(func, contribute)
        return func

    return decorate
