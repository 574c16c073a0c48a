"""Managing staff accounts: reactivation, temporary passwords, reopening a locked sign-in, and the rules
around them (scope, rank, one's own account, the last administrator), each with one audit entry or none."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.test import Client

from ostan.accounts import actions, lockouts
from ostan.accounts.errors import (
    AccountStateConflict,
    InvalidAccount,
    LastAdministrator,
    OwnAccount,
    RoleNotAssignable,
    WrongPassword,
)
from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope, Role
from ostan.core.errors import NotFound
from tests.accounts.conftest import Clock
from tests.accounts.people import PASSWORD, Tree, make_staff
from tests.actors import as_actor, only_post

TEMPORARY = "Golestan-Bahar-7391"
CHOSEN = "Kuh-Dena-Barf-4402"


def snapshot_counts() -> tuple[int, int]:
    return User.objects.count(), Entry.objects.count()


def test_a_new_account_holds_a_temporary_password(county_a_official: User, tree: Tree) -> None:
    user = actions.create_staff_account(
        actor=as_actor(county_a_official),
        username="station_new",
        full_name="رضا كريمي",  # Arabic kaf and yeh, stored the Persian way
        role=Role.STATION_OFFICIAL,
        unit=tree.city_a,
        password=TEMPORARY,
        mobile="+98 912 000 1111",
    )
    assert user.must_change_password
    assert user.first_name == "رضا کریمی"
    assert user.mobile == "09120001111"
    entry = Entry.objects.get(event="accounts.account_created", object_id=str(user.pk))
    assert entry.after is not None
    assert entry.after["must_change_password"] is True
    assert TEMPORARY not in str(entry.before) + str(entry.after)
    assert "password" not in entry.after


def test_scope_refusals_write_nothing(county_a_official: User, county_b_official: User, tree: Tree) -> None:
    before = snapshot_counts()
    with pytest.raises(OutOfScope) as caught:
        actions.create_staff_account(
            actor=as_actor(county_a_official), username="far", full_name="دور", role=Role.STATION_OFFICIAL,
            unit=tree.county_b, password=TEMPORARY,
        )  # fmt: skip
    assert caught.value.details == {"field": "unit"}
    for act in (actions.deactivate_account, actions.clear_lockout):
        with pytest.raises(NotFound):
            act(actor=as_actor(county_a_official), account_id=county_b_official.pk)
    with pytest.raises(NotFound):
        actions.set_temporary_password(
            actor=as_actor(county_a_official), account_id=county_b_official.pk, password=TEMPORARY
        )
    with pytest.raises(NotFound):
        actions.change_role_or_unit(
            actor=as_actor(county_a_official),
            account_id=county_b_official.pk,
            role=Role.STATION_OFFICIAL,
            unit=tree.city_a,
        )
    assert snapshot_counts() == before
    county_b_official.refresh_from_db()
    assert county_b_official.is_active
    assert county_b_official.check_password(PASSWORD)


def test_role_escalation_is_refused(admin: User, county_a_official: User, tree: Tree) -> None:
    """A county official neither grants a province role nor promotes an account above their own rank."""
    station = make_staff(county_a_official, "station_e", Role.STATION_OFFICIAL, tree.city_a)
    before = snapshot_counts()
    with pytest.raises(RoleNotAssignable):
        actions.create_staff_account(
            actor=as_actor(county_a_official), username="boss", full_name="رئیس", role=Role.PROVINCE_ELECTION_OFFICIAL,
            unit=tree.county_a, password=TEMPORARY,
        )  # fmt: skip
    for role in (Role.PROVINCE_ELECTION_OFFICIAL, Role.SYSTEM_ADMINISTRATOR, Role.SERVICE_DESK_CLERK):
        with pytest.raises(RoleNotAssignable):
            actions.change_role_or_unit(
                actor=as_actor(county_a_official), account_id=station.pk, role=role, unit=tree.county_a
            )
    assert snapshot_counts() == before
    station.refresh_from_db()
    assert only_post(station).role == Role.STATION_OFFICIAL


def test_a_higher_ranked_account_in_scope_cannot_be_touched(admin: User, tree: Tree) -> None:
    """A county official may not switch off the province official even where their units overlap."""
    province = make_staff(admin, "province", Role.PROVINCE_ELECTION_OFFICIAL, tree.province)
    county = make_staff(province, "county", Role.COUNTY_ELECTION_OFFICIAL, tree.county_a)
    peer = make_staff(province, "peer_in_city", Role.PROVINCE_ELECTION_OFFICIAL, tree.county_a)
    before = snapshot_counts()
    with pytest.raises(RoleNotAssignable):
        actions.deactivate_account(actor=as_actor(county), account_id=peer.pk)
    with pytest.raises(NotFound):  # the province official's unit lies above the county: out of sight
        actions.deactivate_account(actor=as_actor(county), account_id=province.pk)
    assert snapshot_counts() == before


@pytest.mark.parametrize("act", ["deactivate", "demote", "password", "unlock"])
def test_nobody_changes_their_own_account(county_a_official: User, tree: Tree, act: str) -> None:
    before = snapshot_counts()
    calls = {
        "deactivate": lambda: actions.deactivate_account(
            actor=as_actor(county_a_official), account_id=county_a_official.pk
        ),
        "demote": lambda: actions.change_role_or_unit(
            actor=as_actor(county_a_official),
            account_id=county_a_official.pk,
            role=Role.STATION_OFFICIAL,
            unit=tree.city_a,
        ),
        "password": lambda: actions.set_temporary_password(
            actor=as_actor(county_a_official), account_id=county_a_official.pk, password=TEMPORARY
        ),
        "unlock": lambda: actions.clear_lockout(actor=as_actor(county_a_official), account_id=county_a_official.pk),
    }
    with pytest.raises(OwnAccount) as caught:
        calls[act]()
    assert caught.value.code == "own_account"
    assert snapshot_counts() == before
    county_a_official.refresh_from_db()
    assert county_a_official.is_active
    assert only_post(county_a_official).role == Role.COUNTY_ELECTION_OFFICIAL


def test_the_last_active_system_administrator_stays(admin: User, tree: Tree) -> None:
    """A superuser (Django's bootstrap account, not a role) cannot leave the country without an
    administrator, by switching the last one off or by demoting them."""
    superuser = User.objects.create_user(username="bootstrap", password=PASSWORD, is_superuser=True, is_staff=True)
    before = snapshot_counts()
    with pytest.raises(LastAdministrator) as caught:
        actions.deactivate_account(actor=as_actor(superuser), account_id=admin.pk)
    assert caught.value.status == 409
    with pytest.raises(LastAdministrator):
        actions.change_role_or_unit(
            actor=as_actor(superuser), account_id=admin.pk, role=Role.COUNTRY_ELECTION_OFFICIAL, unit=tree.country
        )
    assert snapshot_counts() == before
    admin.refresh_from_db()
    assert admin.is_active
    assert only_post(admin).role == Role.SYSTEM_ADMINISTRATOR
    second = make_staff(admin, "second_admin", Role.SYSTEM_ADMINISTRATOR, None)
    actions.deactivate_account(actor=as_actor(second), account_id=admin.pk)  # another one remains: allowed
    admin.refresh_from_db()
    assert not admin.is_active


def test_deactivate_then_reactivate_with_one_entry_each(county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_r", Role.STATION_OFFICIAL, tree.city_a)
    actions.deactivate_account(actor=as_actor(county_a_official), account_id=station.pk)
    with pytest.raises(AccountStateConflict) as caught:
        actions.deactivate_account(actor=as_actor(county_a_official), account_id=station.pk)
    assert caught.value.code == "already_inactive"
    before = Entry.objects.count()
    actions.reactivate_account(actor=as_actor(county_a_official), account_id=station.pk)
    assert Entry.objects.count() == before + 1
    entry = Entry.objects.get(event="accounts.account_reactivated")
    assert (entry.before or {})["is_active"] is False
    assert (entry.after or {})["is_active"] is True
    assert authenticate(username="station_r", password=PASSWORD) is not None
    with pytest.raises(AccountStateConflict) as caught:
        actions.reactivate_account(actor=as_actor(county_a_official), account_id=station.pk)
    assert caught.value.code == "already_active"


def test_temporary_password_is_validated_and_never_audited(county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_p", Role.STATION_OFFICIAL, tree.city_a)
    before = snapshot_counts()
    with pytest.raises(InvalidAccount) as caught:
        actions.set_temporary_password(actor=as_actor(county_a_official), account_id=station.pk, password="1234567890")
    assert "رایج" in caught.value.message or "رقم" in caught.value.message
    assert snapshot_counts() == before
    actions.set_temporary_password(actor=as_actor(county_a_official), account_id=station.pk, password=TEMPORARY)
    station.refresh_from_db()
    assert station.must_change_password
    assert station.check_password(TEMPORARY)
    entry = Entry.objects.get(event="accounts.temporary_password_set")
    assert TEMPORARY not in str(entry.before) + str(entry.after) + entry.object_label
    assert (entry.before or {})["must_change_password"] is False
    assert (entry.after or {})["must_change_password"] is True
    assert station.password not in str(entry.after)


def test_a_temporary_password_must_be_changed_at_the_next_sign_in(county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_t", Role.STATION_OFFICIAL, tree.city_a)
    actions.set_temporary_password(actor=as_actor(county_a_official), account_id=station.pk, password=TEMPORARY)
    station.refresh_from_db()
    client = Client()
    response = client.post("/accounts/login/", {"username": "station_t", "password": TEMPORARY})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/password/?next=")
    assert client.get("/elections/").status_code == 302  # every other page sends them back there
    with pytest.raises(WrongPassword):
        actions.change_own_password(actor=as_actor(station), current_password="not-it-at-all", new_password=CHOSEN)
    with pytest.raises(InvalidAccount):
        actions.change_own_password(actor=as_actor(station), current_password=TEMPORARY, new_password=TEMPORARY)
    actions.change_own_password(actor=as_actor(station), current_password=TEMPORARY, new_password=CHOSEN)
    station.refresh_from_db()
    assert not station.must_change_password
    assert station.check_password(CHOSEN)
    entry = Entry.objects.get(event="accounts.password_changed")
    assert entry.actor == station
    assert CHOSEN not in str(entry.after)
    assert TEMPORARY not in str(entry.before)


def test_clearing_a_lockout_reopens_sign_in(client: Client, county_a_official: User, tree: Tree, clock: Clock) -> None:
    station = make_staff(county_a_official, "station_l", Role.STATION_OFFICIAL, tree.city_a)
    with pytest.raises(AccountStateConflict) as caught:
        actions.clear_lockout(actor=as_actor(county_a_official), account_id=station.pk)
    assert caught.value.code == "not_locked"
    for n in range(5):
        client.post("/accounts/login/", {"username": "station_l", "password": "wrong"}, REMOTE_ADDR=f"10.0.0.{n}")
    station.refresh_from_db()
    assert station.login_locked_until == clock.at + lockouts.LOGIN_POLICY.lockout
    assert client.post("/accounts/login/", {"username": "station_l", "password": PASSWORD}).status_code == 429
    before = Entry.objects.count()
    actions.clear_lockout(actor=as_actor(county_a_official), account_id=station.pk)
    assert Entry.objects.count() == before + 1
    entry = Entry.objects.get(event="accounts.lockout_cleared")
    assert entry.before == {"login_locked_until": station.login_locked_until.isoformat()}
    station.refresh_from_db()
    assert station.login_locked_until is None
    assert client.post("/accounts/login/", {"username": "station_l", "password": PASSWORD}).status_code == 302
