"""The demo's small finished electronic election: built through the actions, published, verifiable, idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from ostan.core.access import Role
from ostan.publication.demo import create_demo_publication
from ostan.publication.export import export_publication
from ostan.publication.maps import published_turnout
from ostan.publication.models import BulletinEntry, ConstituencyResult, TreeHead
from ostan.territory.actions import set_population
from ostan.verify_cli import run_verify
from tests.actors import as_actor
from tests.elections.world import make_official, make_world

pytestmark = pytest.mark.django_db


def test_the_demo_election_is_finished_verifiable_and_idempotent(tmp_path: Path) -> None:
    world = make_world()
    admin = make_official("admin", Role.SYSTEM_ADMINISTRATOR, world.country)
    set_population(actor=as_actor(admin), unit=world.city_b, population=30_000, year=1395, reason="جمعیت آزمایشی")
    lines = create_demo_publication(province="00")
    assert "آشتیان" in lines[0]
    assert "/results/opening/" in lines[1]
    result = ConstituencyResult.objects.get()
    assert result.is_published
    assert result.ballots == 50
    entries = BulletinEntry.objects.count()
    assert create_demo_publication(province="00") == lines
    assert TreeHead.objects.count() == 1  # one head of the board as it stands, co-signed by the demo witness
    assert BulletinEntry.objects.count() == entries
    # The public index maps it: the city's county at 50 ballots of its 60 voters, in Persian digits.
    drawn = published_turnout(result.constituency.election_round_id, world.province)
    assert drawn is not None
    assert {r.name: r.value for r in drawn.regions if r.value is not None} == {"آشتیان": 83.3}
    assert "۸۳٫۳٪" in Client().get("/results/").content.decode()
    export_publication(tmp_path)
    assert run_verify([str(tmp_path)]) == 0
    witness = lines[3].split("--witness-key")[1].split()[0]
    assert run_verify([str(tmp_path), "--witness-key", witness]) == 0
