"""What the site's header needs on every page: who acts, in which post, and which sections to offer."""

from __future__ import annotations

from django.http import HttpRequest

from ostan.access.actors import current_posts
from ostan.accounts.permissions import MANAGE_ACCOUNTS
from ostan.participation.permissions import READ_COPY


def context(request: HttpRequest) -> dict[str, object]:
    actor = getattr(request, "actor", None)
    if actor is None or not actor.is_person:
        return {"actor": actor, "may_manage_accounts": False, "has_several_posts": False, "may_participate": False}
    return {
        "actor": actor,
        "may_manage_accounts": MANAGE_ACCOUNTS.reach_for(actor.role) is not None,
        "has_several_posts": actor.is_staff and len(current_posts(request.user)) > 1,
        "may_participate": READ_COPY.reach_for(actor.role) is not None,
    }
