"""``ostan simulate-election`` end to end through the real HTTP API of a live server."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from ostan.core.access import Role
from ostan.publication.models import ConstituencyResult
from ostan.simulation.election import run_simulation
from ostan.territory.actions import set_population
from ostan.verify_cli import run_verify
from tests.actors import as_actor
from tests.elections.world import make_official, make_world


@pytest.mark.django_db(transaction=True)
def test_a_small_province_votes_publishes_and_verifies(
    live_server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = make_world()
    admin = make_official("admin", Role.SYSTEM_ADMINISTRATOR, world.country)
    set_population(actor=as_actor(admin), unit=world.village_a, population=1_200, year=1395, reason="جمعیت آزمایشی")
    argv = ["--base-url", live_server.url, "--province", "00", "--voters", "300", "--stations", "4",
            "--constituencies", "2", "--workers", "4", "--export-dir", str(tmp_path)]  # fmt: skip
    assert run_simulation(argv) == 0
    out = capsys.readouterr().out
    assert "وارسی / verify: درست / verified" in out
    assert "حوزه‌ها / constituencies: ۲ (2)" in out
    assert "شعبه‌ها / stations: ۴ (4)" in out
    assert run_verify([str(tmp_path)]) == 0
    published = list(ConstituencyResult.objects.filter(result_entry__isnull=False).select_related("constituency"))
    assert len(published) == 2
    client = Client()
    for stored in published:  # the elections app shows each electronic result as published, as on the board
        assert stored.constituency.is_published
        assert client.get(f"/api/elections/constituencies/{stored.constituency_id}/result").json() == stored.result
