"""Who acts: a person in one of their posts, the system with its reason, or an anonymous visitor.

An ``Actor`` is built once per request (or once per job) and passed to every action and selector. It is a
plain value: the post's role, the materialised path of its territorial unit and of its organisation, and
the names to show and to record. Nothing here reads the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ostan.core.access.roles import NATIONAL_ROLES, READ_ONLY_ROLES, STAFF_ROLES, Role
from ostan.core.errors import PermissionRefused

PATH_SEPARATOR = "/"
SYSTEM_LABEL = "system"
ANONYMOUS_LABEL = "anonymous"


def is_within(path: str, scope: str) -> bool:
    """True when materialised ``path`` is ``scope`` or lies under it (``IR/IR-07/IR-07-01`` is within ``IR/IR-07``)."""
    return path == scope or path.startswith(scope + PATH_SEPARATOR)


class ActorKind(StrEnum):
    PERSON = "person"
    SYSTEM = "system"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Post:
    """The post a person acts in: a role at a unit, for an organisation or none.

    ``id`` is None for a post that is not stored (a citizen's, or a superuser's without a post).
    ``unit_path`` is None only for unitless roles (the system administrator, a citizen).
    """

    id: int | None
    role: Role
    unit_id: int | None = None
    unit_path: str | None = None
    unit_name: str = ""
    organisation_id: int | None = None
    organisation_path: str | None = None
    organisation_name: str = ""

    def __post_init__(self) -> None:
        if (self.unit_id is None) != (self.unit_path is None):
            raise ValueError("a post's unit needs both its id and its path")
        if (self.organisation_id is None) != (self.organisation_path is None):
            raise ValueError("a post's organisation needs both its id and its path")

    @property
    def label(self) -> str:
        """«مسئول انتخابات شهرستان، شهرستان شیراز (فرمانداری شیراز)» for headers and choosers."""
        text = self.role.label
        if self.unit_name:
            text += f"، {self.unit_name}"
        if self.organisation_name:
            text += f" ({self.organisation_name})"
        return text


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    person_id: int | None
    display_name: str
    post: Post | None = None
    reason: str = ""
    username: str = ""  # what the audit log records as the actor's name: stable, unlike a display name

    def __post_init__(self) -> None:
        if self.kind is ActorKind.PERSON and (self.person_id is None or self.post is None):
            raise ValueError("a person acts in a post")
        if self.kind is ActorKind.SYSTEM and not self.reason.strip():
            raise ValueError("the system acts for a stated reason")
        if self.kind is not ActorKind.PERSON and (self.person_id is not None or self.post is not None):
            raise ValueError("only a person has an id and a post")

    @classmethod
    def system(cls, reason: str) -> Actor:
        """The platform itself (loaders, the election-day gateway, scheduled jobs), recorded with ``reason``."""
        return cls(ActorKind.SYSTEM, None, SYSTEM_LABEL, reason=reason)

    @classmethod
    def anonymous(cls) -> Actor:
        return cls(ActorKind.ANONYMOUS, None, ANONYMOUS_LABEL)

    @classmethod
    def person(cls, person_id: int, display_name: str, post: Post, *, username: str = "") -> Actor:
        return cls(ActorKind.PERSON, person_id, display_name, post, username=username or display_name)

    @property
    def is_system(self) -> bool:
        return self.kind is ActorKind.SYSTEM

    @property
    def is_person(self) -> bool:
        return self.kind is ActorKind.PERSON

    @property
    def is_anonymous(self) -> bool:
        return self.kind is ActorKind.ANONYMOUS

    @property
    def label(self) -> str:
        """The name the audit log records: the username for a person, ``system`` or ``anonymous`` otherwise."""
        return self.username or self.display_name

    @property
    def own_id(self) -> int:
        """The acting person's id, for what only a person does (confirming minutes, their own password)."""
        if self.person_id is None:
            raise PermissionRefused("برای این کار باید وارد سامانه شده باشید.", code="authentication_required")
        return self.person_id

    @property
    def role(self) -> Role | None:
        return self.post.role if self.post is not None else None

    @property
    def is_staff(self) -> bool:
        return self.post is not None and self.post.role in STAFF_ROLES

    @property
    def is_citizen(self) -> bool:
        return self.post is not None and self.post.role is Role.CITIZEN

    @property
    def is_national(self) -> bool:
        """The system and national roles work on the whole country."""
        return self.is_system or (self.post is not None and self.post.role in NATIONAL_ROLES)

    @property
    def is_read_only(self) -> bool:
        return self.post is not None and self.post.role in READ_ONLY_ROLES

    @property
    def unit_path(self) -> str | None:
        return self.post.unit_path if self.post is not None else None

    @property
    def unit_id(self) -> int | None:
        return self.post.unit_id if self.post is not None else None

    @property
    def organisation_id(self) -> int | None:
        return self.post.organisation_id if self.post is not None else None

    @property
    def organisation_path(self) -> str | None:
        return self.post.organisation_path if self.post is not None else None

    def covers_unit(self, path: str) -> bool:
        """Whether ``path`` lies in this actor's territory: all of it for national actors, else their subtree."""
        if self.is_national:
            return True
        own = self.unit_path
        return own is not None and is_within(path, own)

    def covers_organisation(self, path: str | None) -> bool:
        """Whether an organisation (materialised path of ids) is the actor's own or one of its branches."""
        if self.is_national:
            return True
        own = self.organisation_path
        return own is not None and path is not None and is_within(path, own)

    def is_own_office(self, path: str | None) -> bool:
        """Whether an organisation is the actor's own one itself (national roles: every one)."""
        if self.is_national:
            return True
        return self.organisation_path is not None and path is not None and path == self.organisation_path


def acting(request: object) -> Actor:
    """The actor the access middleware put on a web request (``request.actor``)."""
    actor = getattr(request, "actor", None)
    if not isinstance(actor, Actor):
        raise LookupError("this request has no actor: is ostan.access.middleware.actor installed?")
    return actor
