"""Roll-ups on the board: an official publishes a county's totals from the pages, anyone reads them by
the unit's stable code, ``ostan verify`` adds them up again, and a forged total fails loudly (step 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client

from ostan.core.polling import bulletin
from ostan.core.polling.canonical import canonical_json
from ostan.publication import board
from ostan.publication.export import CHAIN_FILE, KEYS_FILE, export_publication
from ostan.publication.models import BulletinEntry
from ostan.verify_cli import load, verify_export
from tests.elections.world import PASSWORD
from tests.publication.world import publish_all, run_election_day

pytestmark = pytest.mark.django_db


def test_a_county_total_is_published_from_the_pages_verified_and_a_forged_one_caught(tmp_path: Path) -> None:
    pw, casts = run_election_day(stations=2, voters=6)
    publish_all(pw)
    county = pw.world.county_a
    official = Client()
    assert official.login(username=pw.official.username, password=PASSWORD)
    page = official.get(f"/results/u/{county.code}/").content.decode()
    assert 'data-step="publish_rollup"' in page
    done = official.post(f"/results/u/{county.code}/publish/{pw.election_round.pk}/", {"confirm": "on"})
    assert done.status_code == 302
    entry = BulletinEntry.objects.get(kind="rollup")
    doc = json.loads(entry.payload)
    assert doc["unit_code"] == county.code
    assert doc["ballots"]["total"] == len(casts)
    assert doc["stations"] == 2
    public = Client().get(f"/results/u/{county.code}/").content.decode()
    assert f'data-rollup="{entry.seq}"' in public
    assert 'data-step="publish_rollup"' not in public
    export_publication(tmp_path)
    outcome = verify_export(load(str(tmp_path)))
    assert outcome.ok, outcome.problems
    assert outcome.figures["rollups"] == 1
    # An insider moves ten ballots from "blank" to "valid" in the county's total and re-signs the chain.
    rows = [json.loads(line) for line in (tmp_path / CHAIN_FILE).read_text(encoding="utf-8").splitlines()]
    head, lines = None, []
    for r in rows:
        payload = r["payload"]
        if r["kind"] == "rollup":
            forged = json.loads(payload)
            forged["ballots"]["valid"] += 10
            payload = canonical_json(forged).decode()
        head = bulletin.append(head, r["kind"], payload.encode(), private_key=board.private_key())
        lines.append(json.dumps(bulletin.entry_to_json(head)) + "\n")
    (tmp_path / CHAIN_FILE).write_text("".join(lines), encoding="utf-8")
    keys = json.loads((tmp_path / KEYS_FILE).read_text(encoding="utf-8"))
    assert head is not None
    keys["chain_head"] = head.entry_hash
    (tmp_path / KEYS_FILE).write_text(json.dumps(keys), encoding="utf-8")
    (tmp_path / "tree-head.json").unlink(missing_ok=True)
    codes = {p.code for p in verify_export(load(str(tmp_path))).problems}
    assert codes == {"rollup_mismatch"}
