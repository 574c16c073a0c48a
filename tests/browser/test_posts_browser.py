"""A person with two posts signs in, picks the post they act in, sees it in the header and what it opens,
switches to the other, and every entry of the audit log names the post it was made in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from ostan.accounts import actions
from ostan.auditlog.models import Entry
from ostan.core.access import Role
from tests.accounts.people import PASSWORD, make_admin, make_staff, make_tree
from tests.actors import as_actor

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _live_site(settings: Settings, transactional_db: None) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_a_person_picks_and_switches_posts(page: Page, live_server: LiveServer) -> None:
    tree = make_tree()
    admin = make_admin()
    person = make_staff(admin, "two_posts", Role.COUNTY_ELECTION_OFFICIAL, tree.county_a, "مریم صادقی")
    desk = actions.add_post(
        actor=as_actor(admin), account_id=person.pk, role=Role.SERVICE_DESK_CLERK, unit=tree.county_b
    )
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/accounts/login/?next=/polling/stations/")
    page.get_by_label("نام کاربری").fill("two_posts")
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()
    expect(page.get_by_role("heading", name="سمتی که در آن کار می‌کنید")).to_be_visible()
    page.get_by_label("کارشناس میز خدمت").check()
    page.get_by_role("button", name="کار در این سمت").click()
    header = page.locator(".site-header")
    expect(header).to_contain_text("کارشناس میز خدمت")
    expect(header).to_contain_text("مرودشت")
    chosen = Entry.objects.get(event="accounts.post_chosen")
    assert (chosen.actor_post_id, chosen.actor_role) == (desk.pk, Role.SERVICE_DESK_CLERK)
    # As a desk clerk the election-day station list is not theirs; as the county official it is.
    response = page.goto(f"{live_server.url}/polling/stations/")
    assert response is not None
    assert response.status == 403
    page.goto(f"{live_server.url}/accounts/post/")
    page.get_by_label("مسئول انتخابات شهرستان").check()
    page.get_by_role("button", name="کار در این سمت").click()
    expect(page.locator(".site-header")).to_contain_text("مسئول انتخابات شهرستان")
    response = page.goto(f"{live_server.url}/polling/stations/")
    assert response is not None
    assert response.status == 200
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
