"""The one access policy: what each role may do, on what, given unit paths and organisation paths.

Each app names its capabilities in its ``permissions.py`` as :class:`Capability` values: a name, a Persian
description and the grants that allow it. A grant gives roles a *reach*:

- ``anyone``: every visitor, signed in or not (public pages);
- ``signed_in``: any signed-in person, citizen or staff (the roles listed are ignored);
- ``role``: holding the role is enough (national tasks such as configuring a round, or lists that filter
  themselves by the same policy);
- ``unit``: the target's unit lies in the post's unit or under it (national roles: everywhere);
- ``organisation``: as ``unit``, and the target's organisation is the post's own or one of its branches;
- ``office``: as ``unit``, and the target's organisation is the post's own, not a branch (what one office
  keeps to itself, such as the personal data in its stakeholder registry);
- ``own``: the target belongs to the person acting (a citizen's own request).

Two rules hold for every capability: the system (``Actor.system``) may do everything, and is recorded as
such; a read-only role (the observer) never writes, whatever a grant says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ostan.core.access.actors import Actor
from ostan.core.access.roles import READ_ONLY_ROLES, Role
from ostan.core.errors import PermissionRefused


class Reach(StrEnum):
    ANYONE = "anyone"
    SIGNED_IN = "signed_in"
    ROLE = "role"
    UNIT = "unit"
    ORGANISATION = "organisation"
    OFFICE = "office"
    OWN = "own"


# Wider reaches first: where two grants apply to one actor, the wider one decides what a list shows.
REACH_ORDER = (
    Reach.ANYONE, Reach.SIGNED_IN, Reach.ROLE, Reach.UNIT, Reach.ORGANISATION, Reach.OFFICE, Reach.OWN,
)  # fmt: skip
REACH_LABELS = {
    Reach.ANYONE: "همه",
    Reach.SIGNED_IN: "هر کاربر واردشده",
    Reach.ROLE: "با این نقش، همه‌جا",
    Reach.UNIT: "واحد خود و زیرمجموعه",
    Reach.ORGANISATION: "دستگاه/نهاد خود در واحد خود",
    Reach.OFFICE: "فقط دفتر خود، نه شاخه‌های آن",
    Reach.OWN: "فقط مال خود",
}


@dataclass(frozen=True)
class Grant:
    roles: frozenset[Role]
    reach: Reach

    def __post_init__(self) -> None:
        if self.reach not in (Reach.ANYONE, Reach.SIGNED_IN) and not self.roles:
            raise ValueError("a grant of this reach names its roles")


def grant(reach: Reach, *roles: Role) -> Grant:
    return Grant(frozenset(roles), reach)


@dataclass(frozen=True)
class Capability:
    """Something an actor may do: ``name`` is ``app.verb_object``; ``is_write`` is False for reads."""

    name: str
    label: str
    grants: tuple[Grant, ...]
    is_write: bool = True
    refusal: str = ""

    def __post_init__(self) -> None:
        if "." not in self.name:
            raise ValueError(f"capability {self.name!r} must be named app.verb_object")
        if not self.grants:
            raise ValueError(f"capability {self.name!r} grants nothing")

    @property
    def is_public(self) -> bool:
        return any(g.reach is Reach.ANYONE for g in self.grants)

    def reach_for(self, role: Role | None) -> Reach | None:
        """The widest reach ``role`` has here (None: not granted). ``None`` as a role is an anonymous visitor."""
        reaches = {g.reach for g in self.grants if self._applies(g, role)}
        return next((r for r in REACH_ORDER if r in reaches), None)

    def _applies(self, g: Grant, role: Role | None) -> bool:
        if g.reach is Reach.ANYONE:
            return True
        if role is None:
            return False
        if self.is_write and role in READ_ONLY_ROLES:
            return False
        return g.reach is Reach.SIGNED_IN or role in g.roles


@dataclass(frozen=True)
class Target:
    """What an action or read is about: where it lies, whose organisation it is, who owns it."""

    unit_path: str | None = None
    unit_name: str = ""
    organisation_path: str | None = None
    owner_id: int | None = None
    is_public: bool = False  # known to everyone (published): a refusal need not hide that it exists


NOWHERE = Target()


class Verdict(StrEnum):
    ALLOWED = "allowed"
    SIGN_IN = "sign_in"
    ROLE = "role"
    READ_ONLY = "read_only"
    UNIT = "unit"
    ORGANISATION = "organisation"
    OWNER = "owner"


MESSAGES = {
    Verdict.SIGN_IN: "برای این کار باید وارد سامانه شوید.",
    Verdict.ROLE: "نقش شما اجازه این کار را نمی‌دهد.",
    Verdict.READ_ONLY: "نقش شما فقط اجازه مشاهده می‌دهد.",
    Verdict.UNIT: "این مورد خارج از حوزه مسئولیت شماست.",
    Verdict.ORGANISATION: "این مورد به دستگاه یا نهاد شما تعلق ندارد.",
    Verdict.OWNER: "این مورد متعلق به شما نیست.",
}


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    message: str = ""

    @property
    def allowed(self) -> bool:
        return self.verdict is Verdict.ALLOWED


ALLOWED = Decision(Verdict.ALLOWED)


def decide(actor: Actor, capability: Capability, target: Target = NOWHERE) -> Decision:
    """Whether ``actor`` may use ``capability`` on ``target``, and if not, why (in Persian)."""
    if not isinstance(actor, Actor):
        raise TypeError(f"the policy decides for an Actor, not {type(actor).__name__}")
    if actor.is_system:
        return ALLOWED
    role = actor.role
    applying = [g for g in capability.grants if capability._applies(g, role)]
    if not applying:
        return _refused(capability, _missing_grant(actor, capability), target)
    verdicts = [_check(actor, g, target) for g in applying]
    if Verdict.ALLOWED in verdicts:
        return ALLOWED
    # The most telling refusal: a scope miss says more than "not yours".
    order = (Verdict.UNIT, Verdict.ORGANISATION, Verdict.OWNER)
    return _refused(capability, next(v for v in order if v in verdicts), target)


def _missing_grant(actor: Actor, capability: Capability) -> Verdict:
    if actor.is_anonymous:
        return Verdict.SIGN_IN
    if capability.is_write and actor.is_read_only and any(actor.role in g.roles for g in capability.grants):
        return Verdict.READ_ONLY
    return Verdict.ROLE


def _check(actor: Actor, g: Grant, target: Target) -> Verdict:
    if g.reach in (Reach.ANYONE, Reach.SIGNED_IN, Reach.ROLE):
        return Verdict.ALLOWED
    if g.reach is Reach.OWN:
        return Verdict.ALLOWED if target.owner_id is not None and target.owner_id == actor.person_id else Verdict.OWNER
    if target.unit_path is None:
        raise ValueError("a unit-scoped capability needs the target's unit")
    if not actor.covers_unit(target.unit_path):
        return Verdict.UNIT
    if g.reach is Reach.ORGANISATION and not actor.covers_organisation(target.organisation_path):
        return Verdict.ORGANISATION
    if g.reach is Reach.OFFICE and not actor.is_own_office(target.organisation_path):
        return Verdict.ORGANISATION
    return Verdict.ALLOWED


def _refused(capability: Capability, verdict: Verdict, target: Target) -> Decision:
    if verdict is Verdict.UNIT and target.unit_name:
        return Decision(verdict, f"«{target.unit_name}» خارج از حوزه مسئولیت شماست.")
    if verdict is Verdict.ROLE and capability.refusal:
        return Decision(verdict, capability.refusal)
    return Decision(verdict, MESSAGES[verdict])


def roles_with(capability: Capability, roles: Iterable[Role] = tuple(Role)) -> dict[Role, Reach]:
    """Each role's widest reach for ``capability`` (roles without one left out): the access table's row."""
    found: dict[Role, Reach] = {}
    for role in roles:
        reach = capability.reach_for(role)
        if reach is not None:
            found[role] = reach
    return found


@dataclass(frozen=True)
class Catalogue:
    """Every capability of the platform, by name (each app contributes its own)."""

    capabilities: tuple[Capability, ...] = field(default=())

    def __post_init__(self) -> None:
        names = [c.name for c in self.capabilities]
        duplicated = {n for n in names if names.count(n) > 1}
        if duplicated:
            raise ValueError(f"capabilities named twice: {sorted(duplicated)}")

    def get(self, name: str) -> Capability:
        for capability in self.capabilities:
            if capability.name == name:
                return capability
        raise KeyError(name)


class OutOfScope(PermissionRefused):
    """The policy refused: the role does not allow it, or the target lies outside the post's unit or organisation."""

    code = "out_of_scope"


class SignInRequired(PermissionRefused):
    code = "authentication_required"
    status = 401


def ensure(actor: Actor, capability: Capability, target: Target = NOWHERE) -> None:
    """Raise unless ``actor`` may use ``capability`` on ``target`` (:class:`SignInRequired` for visitors)."""
    decision = decide(actor, capability, target)
    if decision.allowed:
        return
    if decision.verdict is Verdict.SIGN_IN:
        raise SignInRequired(decision.message)
    raise OutOfScope(decision.message, details={"capability": capability.name, "verdict": decision.verdict.value})


def allows(actor: Actor, capability: Capability, target: Target = NOWHERE) -> bool:
    return decide(actor, capability, target).allowed
