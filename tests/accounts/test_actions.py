"""Account actions: who may give which role where, validation in Persian, and one audit entry each."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate

from ostan.accounts import actions
from ostan.accounts.errors import InvalidAccount
from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope, Role
from ostan.core.errors import NotFound, PermissionRefused
from tests.accounts.people import PASSWORD, Tree, make_staff
from tests.actors import as_actor, only_post


def create(actor: User, username: str, role: str, unit: object, **extra: str) -> User:
    return actions.create_staff_account(
        actor=as_actor(actor),
        username=username,
        full_name=extra.pop("full_name", "مریم احمدی"),
        role=role,
        unit=unit,  # type: ignore[arg-type]
        password=extra.pop("password", PASSWORD),
        **extra,
    )


def test_admin_creates_a_county_official_with_one_audit_entry(admin: User, tree: Tree) -> None:
    user = create(admin, "maryam", Role.COUNTY_ELECTION_OFFICIAL, tree.county_a, mobile="۰۹۱۲ ۳۴۵ ۶۷۸۹")
    entries = Entry.objects.filter(event="accounts.account_created")
    assert entries.count() == 1
    entry = entries.get()
    assert entry.object_id == str(user.pk)
    assert entry.unit_path == tree.county_a.path
    assert entry.actor == admin
    assert "password" not in (entry.after or {})
    assert PASSWORD not in str(entry.after)
    assert user.mobile == "09123456789"
    assert user.check_password(PASSWORD)
    assert user.is_staff


@pytest.mark.parametrize(
    ("role", "message"),
    [
        (Role.COUNTY_ELECTION_OFFICIAL, "واحد محل خدمت"),
        (Role.STATION_OFFICIAL, "واحد محل خدمت"),
        (Role.CITIZEN, "شهروندان"),
    ],
)
def test_invalid_role_or_missing_unit_is_refused_and_writes_nothing(
    admin: User, tree: Tree, role: str, message: str
) -> None:
    with pytest.raises(InvalidAccount) as caught:
        create(admin, "nobody", role, None)
    assert message in caught.value.message
    assert not User.objects.filter(username="nobody").exists()
    assert Entry.objects.count() == 0


def test_system_administrator_needs_no_unit(admin: User, tree: Tree) -> None:
    user = create(admin, "second_admin", Role.SYSTEM_ADMINISTRATOR, None)
    assert only_post(user).unit is None
    assert Entry.objects.filter(event="accounts.account_created").count() == 1


def test_county_official_creates_below_within_own_county(county_a_official: User, tree: Tree) -> None:
    before = Entry.objects.count()
    user = create(county_a_official, "constituency_a", Role.CONSTITUENCY_ELECTION_OFFICIAL, tree.city_a)
    assert only_post(user).unit == tree.city_a
    assert Entry.objects.count() == before + 1


def test_county_official_cannot_create_in_another_county(county_a_official: User, tree: Tree) -> None:
    before = Entry.objects.count()
    with pytest.raises(OutOfScope) as caught:
        create(county_a_official, "intruder", Role.STATION_OFFICIAL, tree.county_b)
    assert caught.value.status == 403
    assert "مرودشت" in caught.value.message
    assert not User.objects.filter(username="intruder").exists()
    assert Entry.objects.count() == before


@pytest.mark.parametrize(
    ("actor_role", "target_role"),
    [
        (Role.COUNTY_ELECTION_OFFICIAL, Role.PROVINCE_ELECTION_OFFICIAL),  # above their own
        (Role.COUNTY_ELECTION_OFFICIAL, Role.SYSTEM_ADMINISTRATOR),
        (Role.COUNTY_ELECTION_OFFICIAL, Role.SERVICE_DESK_CLERK),  # another line of command
        (Role.GOVERNOR_OFFICE_STAFF, Role.STATION_OFFICIAL),
        (Role.STATION_OFFICIAL, Role.STATION_OFFICIAL),  # stations do not hand out accounts
        (Role.OBSERVER, Role.OBSERVER),
    ],
)
def test_roles_above_or_beside_ones_own_are_refused(admin: User, tree: Tree, actor_role: str, target_role: str) -> None:
    actor = make_staff(admin, "actor", actor_role, tree.county_a)
    before = Entry.objects.count()
    with pytest.raises(PermissionRefused):
        create(actor, "target", target_role, tree.city_a)
    assert Entry.objects.count() == before


def test_governor_office_staff_creates_service_desk_clerks(admin: User, tree: Tree) -> None:
    staff = make_staff(admin, "governorate", Role.GOVERNOR_OFFICE_STAFF, tree.province)
    clerk = create(staff, "clerk", Role.SERVICE_DESK_CLERK, tree.county_b)
    assert only_post(clerk).role == Role.SERVICE_DESK_CLERK


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("password", "short", "گذرواژه"),
        ("username", "two words", "نام کاربری"),
        ("username", "county_a", "پیش‌تر ثبت شده"),
        ("mobile", "12345", "تلفن همراه"),
        ("full_name", "  ", "نام و نام خانوادگی"),
    ],
)
def test_bad_fields_get_persian_errors(
    admin: User, county_a_official: User, tree: Tree, field: str, value: str, message: str
) -> None:
    before = (User.objects.count(), Entry.objects.count())
    arguments = {"username": "fresh", field: value}
    with pytest.raises(Exception) as caught:  # noqa: PT011 — the type varies; the Persian message is the point
        create(admin, arguments.pop("username"), Role.STATION_OFFICIAL, tree.city_a, **arguments)
    assert message in getattr(caught.value, "message", "")
    assert (User.objects.count(), Entry.objects.count()) == before


def test_deactivate_writes_one_entry_and_blocks_sign_in(county_a_official: User, tree: Tree) -> None:
    station = create(county_a_official, "station_1", Role.STATION_OFFICIAL, tree.city_a)
    before = Entry.objects.count()
    actions.deactivate_account(actor=as_actor(county_a_official), account_id=station.pk)
    assert Entry.objects.count() == before + 1
    entry = Entry.objects.get(event="accounts.account_deactivated")
    assert (entry.before or {})["is_active"] is True
    assert (entry.after or {})["is_active"] is False
    assert authenticate(username="station_1", password=PASSWORD) is None


def test_deactivate_out_of_scope_or_self_is_refused(county_a_official: User, county_b_official: User) -> None:
    before = Entry.objects.count()
    with pytest.raises(NotFound) as caught:  # another county's account is not even confirmed to exist
        actions.deactivate_account(actor=as_actor(county_a_official), account_id=county_b_official.pk)
    assert "مرودشت" not in caught.value.message
    with pytest.raises(PermissionRefused):
        actions.deactivate_account(actor=as_actor(county_a_official), account_id=county_a_official.pk)
    assert Entry.objects.count() == before
    county_b_official.refresh_from_db()
    assert county_b_official.is_active


def test_change_role_or_unit_moves_within_scope(admin: User, county_a_official: User, tree: Tree) -> None:
    station = create(county_a_official, "station_2", Role.STATION_OFFICIAL, tree.city_a)
    before = Entry.objects.count()
    actions.change_role_or_unit(
        actor=as_actor(county_a_official),
        account_id=station.pk,
        role=Role.CONSTITUENCY_ELECTION_OFFICIAL,
        unit=tree.county_a,
    )
    assert Entry.objects.count() == before + 1
    entry = Entry.objects.get(event="accounts.post_replaced")
    [before_post] = (entry.before or {})["posts"]
    [after_post] = (entry.after or {})["posts"]
    assert before_post["role"] == Role.STATION_OFFICIAL
    assert (after_post["role"], after_post["unit"]) == (Role.CONSTITUENCY_ELECTION_OFFICIAL, tree.county_a.pk)
    assert after_post["id"] != before_post["id"]  # the old post ended; a new one began
    with pytest.raises(OutOfScope):
        actions.change_role_or_unit(
            actor=as_actor(county_a_official), account_id=station.pk, role=Role.STATION_OFFICIAL, unit=tree.county_b
        )
    assert Entry.objects.count() == before + 1


def test_staff_account_whose_posts_have_ended_cannot_sign_in(admin: User, tree: Tree) -> None:
    """Even if a post ends behind the actions' back, the backend refuses an account with no current post."""
    from django.utils import timezone

    from ostan.access.models import Post
    from ostan.accounts.logins import ScopedModelBackend

    official = make_staff(admin, "postless", Role.COUNTY_ELECTION_OFFICIAL, tree.county_a)
    Post.objects.filter(person=official).update(ends_at=timezone.now())
    assert ScopedModelBackend().authenticate(None, username="postless", password=PASSWORD) is None
    Post.objects.filter(person=official).update(ends_at=None)
    assert ScopedModelBackend().authenticate(None, username="postless", password=PASSWORD) is not None
