"""Building the ``Actor`` of a request: the signed-in person in the post they chose, or a visitor.

A person with several current posts picks one (the choice lives in the session; until they pick, the
earliest post is used and the header offers the others). A citizen acts as a citizen. A superuser
without any post acts as a system administrator, so the first account made by ``createsuperuser`` can
start the platform.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from ostan.access.models import Post, current_q
from ostan.core.access import Actor, Role
from ostan.core.access import Post as PostValue

if TYPE_CHECKING:
    from django.http import HttpRequest

SESSION_POST = "ostan_post"
_CACHE = "_ostan_actor"


def post_value(post: Post) -> PostValue:
    unit, organisation = post.unit, post.organisation
    return PostValue(
        id=post.pk,
        role=Role(post.role),
        unit_id=unit.pk if unit else None,
        unit_path=unit.path if unit else None,
        unit_name=str(unit) if unit else "",
        organisation_id=organisation.pk if organisation else None,
        organisation_path=organisation.path if organisation else None,
        organisation_name=organisation.name if organisation else "",
    )


def current_posts(person: Any, at: dt.datetime | None = None) -> list[Post]:
    """The person's posts held at ``at`` (now by default), oldest first."""
    if person is None or not getattr(person, "pk", None):
        return []
    at = at or timezone.now()
    posts = Post.objects.filter(current_q(at), person_id=person.pk).select_related("unit", "organisation")
    return list(posts.order_by("starts_at", "pk"))


def display_name(person: Any) -> str:
    return str(person.get_full_name() or person.get_username())


def citizen_post() -> PostValue:
    return PostValue(id=None, role=Role.CITIZEN)


def administrator_post() -> PostValue:
    return PostValue(id=None, role=Role.SYSTEM_ADMINISTRATOR)


def actor_for(person: Any, *, post_id: int | None = None, at: dt.datetime | None = None) -> Actor:
    """The actor for ``person`` acting in post ``post_id`` (or their only or earliest current post)."""
    if person is None or not person.is_authenticated or not person.is_active:
        return Actor.anonymous()
    if not person.is_staff:
        return Actor.person(person.pk, display_name(person), citizen_post(), username=person.get_username())
    posts = current_posts(person, at)
    chosen = next((p for p in posts if p.pk == post_id), posts[0] if posts else None)
    if chosen is not None:
        return Actor.person(person.pk, display_name(person), post_value(chosen), username=person.get_username())
    if person.is_superuser:
        return Actor.person(person.pk, display_name(person), administrator_post(), username=person.get_username())
    return Actor.anonymous()  # a staff account whose every post has ended acts as nobody


def actor_of(request: HttpRequest) -> Actor:
    """The request's actor, built once and kept on the request."""
    cached: Actor | None = getattr(request, _CACHE, None)
    if cached is None:
        session = getattr(request, "session", None)
        chosen = session.get(SESSION_POST) if session is not None else None
        cached = actor_for(getattr(request, "user", None), post_id=chosen if isinstance(chosen, int) else None)
        setattr(request, _CACHE, cached)
    return cached


def forget_actor(request: HttpRequest) -> None:
    """After signing in or out, or switching posts: build the request's actor again."""
    if hasattr(request, _CACHE):
        delattr(request, _CACHE)
    if hasattr(request, "actor"):
        request.actor = actor_of(request)


def choose_post(request: HttpRequest, post_id: int) -> None:
    """Act from now on in ``post_id`` (one of the person's current posts, checked by the caller)."""
    request.session[SESSION_POST] = post_id
    forget_actor(request)
