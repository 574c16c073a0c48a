"""People and actors for tests: a staff person with one post made directly (test set-up, like a fixture
file), and the Actor a signed-in person acts as, built as the request middleware builds it."""

from __future__ import annotations

from typing import Any

from ostan.access.actors import actor_for
from ostan.access.models import Organisation, Post
from ostan.accounts.models import User
from ostan.core.access import Actor, Role
from ostan.territory.models import Unit

SYSTEM = Actor.system("آزمون")
PASSWORD = "Pardis-Sahar-1405"


def make_person(
    username: str,
    role: str,
    unit: Unit | None,
    *,
    organisation: Organisation | None = None,
    password: str = PASSWORD,
    **fields: Any,
) -> User:
    """A person holding one post of ``role`` (a citizen, who holds none, for ``Role.CITIZEN``)."""
    is_staff = role != Role.CITIZEN
    person = User.objects.create_user(username=username, password=password, is_staff=is_staff, **fields)
    if is_staff:
        Post.objects.create(
            person=person, role=role, unit=unit, organisation=organisation, starts_at=person.date_joined
        )
    return person


def as_actor(person: User | Actor | None) -> Actor:
    """The actor ``person`` acts as (their only or earliest post); an Actor is passed through."""
    if isinstance(person, Actor):
        return person
    return actor_for(person)


def only_post(person: User) -> Post:
    posts = list(Post.objects.filter(person=person, ends_at__isnull=True).select_related("unit", "organisation"))
    assert len(posts) == 1, f"{person.username} holds {len(posts)} current posts"
    return posts[0]
