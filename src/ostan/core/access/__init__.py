"""Access: roles, the acting person or system (``Actor``) and the one policy every app's permissions use."""

from ostan.core.access.actors import PATH_SEPARATOR, Actor, ActorKind, Post, acting, is_within
from ostan.core.access.policy import (
    NOWHERE,
    Capability,
    Catalogue,
    Decision,
    Grant,
    OutOfScope,
    Reach,
    SignInRequired,
    Target,
    Verdict,
    allows,
    decide,
    ensure,
    grant,
    roles_with,
)
from ostan.core.access.roles import Role

__all__ = [
    "NOWHERE",
    "PATH_SEPARATOR",
    "Actor",
    "ActorKind",
    "Capability",
    "Catalogue",
    "Decision",
    "Grant",
    "OutOfScope",
    "Post",
    "Reach",
    "Role",
    "SignInRequired",
    "Target",
    "Verdict",
    "acting",
    "allows",
    "decide",
    "ensure",
    "grant",
    "is_within",
    "roles_with",
]
