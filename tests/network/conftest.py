"""A small network: two counties, a neighbourhood in each first city, institutions and their people."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image
from pytest_django.fixtures import Settings

from ostan.access.models import Organisation
from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.network import actions
from ostan.network.actions import ActionEntry
from ostan.network.models import Action, Council, Plan
from ostan.territory import actions as territory
from ostan.territory.models import Unit
from tests.actors import SYSTEM, make_person
from tests.elections.world import World, make_world


@dataclass
class Net:
    world: World
    narmak: Unit  # a neighbourhood of city A (county A)
    other: Unit  # a neighbourhood of city B (county B)
    council: Council
    plan: Plan
    mosque: Organisation
    red_a: Organisation
    red_b: Organisation
    relief: Organisation
    office: Organisation
    mosque_rep: User
    red_rep: User
    red_rep_b: User
    secretary: User
    governor: User
    mosque_action: Action
    red_action: Action


def organisation(code: str, kind: str, name: str, seat: Unit, parent: Organisation | None = None) -> Organisation:
    found = Organisation(code=code, kind=kind, name=name, search_key=name, seat=seat)
    found.place(parent)
    found.save()
    found.units.set([seat])
    return found


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def entry(org: Organisation, title: str, *, category: str = "food_aid", committee: str = "livelihood",
          group: str = "low_income", start: int = -10, end: int = 20, note: str = "") -> ActionEntry:  # fmt: skip
    today = timezone.localdate()
    return ActionEntry(org.code, committee, category, group, title, today + dt.timedelta(days=start),
                       today + dt.timedelta(days=end), "popular", description=title, internal_note=note)  # fmt: skip


def make_net() -> Net:
    w = make_world()
    narmak = territory.create_neighbourhood(actor=SYSTEM, city=w.city_a, name="نارمک")
    other = territory.create_neighbourhood(actor=SYSTEM, city=w.city_b, name="مرکز")
    red_top = organisation("RC-00", "red_crescent", "هلال احمر استان", w.province)
    orgs = {
        "mosque": organisation("MOSQUE-A", "mosque", "مسجد جامع", w.city_a),
        "red_a": organisation("RC-0001", "red_crescent", "هلال احمر اراک", w.county_a, red_top),
        "red_b": organisation("RC-0002", "red_crescent", "هلال احمر آشتیان", w.county_b, red_top),
        "relief": organisation("RELIEF-0001", "relief_committee", "کمیته امداد اراک", w.county_a),
        "office": organisation("CO-0001", "county_office", "فرمانداری اراک", w.county_a),
    }
    people = {
        "mosque_rep": make_person("mosque_rep", Role.INSTITUTION_REPRESENTATIVE, w.city_a, organisation=orgs["mosque"]),
        "red_rep": make_person("red_rep", Role.INSTITUTION_REPRESENTATIVE, w.city_a, organisation=orgs["red_a"]),
        "red_rep_b": make_person("red_rep_b", Role.INSTITUTION_REPRESENTATIVE, w.city_b, organisation=orgs["red_b"]),
        "secretary": make_person("secretary", Role.COUNCIL_SECRETARY, w.city_a),
        "governor": make_person("governor", Role.GOVERNOR, w.county_a, organisation=orgs["office"]),
    }
    council = actions.form_council(actor=SYSTEM, unit=narmak)
    plan = actions.create_plan(actor=SYSTEM, council_id=council.pk, period="۱۴۰۵", needs="نیاز", goals="هدف")
    mosque_action = actions.add_action(
        actor=SYSTEM, plan_id=plan.pk, entry=entry(orgs["mosque"], "توزیع بستهٔ معیشتی خانواده‌ها", note="فهرست محرمانه")
    )
    screening = entry(orgs["red_a"], "غربالگری سالمندان", category="health_screening", committee="health",
                      group="elderly", note="یادداشت هلال")  # fmt: skip
    red_action = actions.add_action(actor=SYSTEM, plan_id=plan.pk, entry=screening)
    return Net(w, narmak, other, council, plan, **orgs, **people, mosque_action=mosque_action, red_action=red_action)


@pytest.fixture
def net(db: None, settings: Settings, tmp_path: Path) -> Net:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OSTAN_PRIVATE_DIR = tmp_path / "private"
    return make_net()
