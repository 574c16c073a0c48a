"""Where the accounts and posts the staff pages name lie: at the unit of the account's earliest current
post (a post-less account lies nowhere, which only national actors reach)."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator, whole_number
from ostan.access.models import Post
from ostan.accounts.authority import posts_held
from ostan.accounts.models import User
from ostan.core.access import Target
from ostan.core.errors import NotFound
from ostan.territory.scope import target_of

NOT_FOUND = "چنین حسابی در حوزهٔ مسئولیت شما یافت نشد."
NOWHERE_PATH = ""  # covered by no unit's subtree: only national actors reach it


@locator("account", conceal=True)
def account(pk: object = None, account_id: object = None, **_: Any) -> Target | None:
    number = whole_number(pk if pk is not None else account_id)
    if number is None:
        return None
    found = User.objects.filter(pk=number, is_staff=True).first()
    if found is None:
        raise NotFound(NOT_FOUND)
    posts = posts_held(found)
    last = Post.objects.filter(person=found).select_related("unit").order_by("-starts_at").first()
    unit = posts[0].unit if posts else (last.unit if last else None)
    return target_of(unit) if unit is not None else Target(unit_path=NOWHERE_PATH)


@locator("post", conceal=True)
def post(post_pk: object = None, post_id: object = None, **_: Any) -> Target | None:
    number = whole_number(post_pk if post_pk is not None else post_id)
    if number is None:
        return None
    found = Post.objects.select_related("unit").filter(pk=number).first()
    if found is None:
        raise NotFound("چنین سمتی یافت نشد.")
    return target_of(found.unit) if found.unit is not None else Target(unit_path=NOWHERE_PATH)
