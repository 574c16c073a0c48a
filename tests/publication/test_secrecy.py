"""Secrecy of what the board publishes: no national codes, no check-in ids, no ballot times, and a
published ballot order unrelated to the casting order."""

from __future__ import annotations

import json
import random
import re

import pytest
from django.test import Client

from ostan.polling.models import CheckIn, Station
from ostan.publication import actions
from ostan.publication.models import BulletinEntry
from tests.actors import as_actor
from tests.polling.world import make_polling_world
from tests.publication.world import close_and_sign, random_ballot, vote

pytestmark = pytest.mark.django_db

BALLOT_KEYS = {"ballot_id", "station_code", "constituency_id", "codes", "receipt_code"}
VOTERS = 300


def spearman(xs: list[int], ys: list[int]) -> float:
    n = len(xs)
    d2 = sum((x - y) ** 2 for x, y in zip(xs, ys, strict=True))
    return 1 - 6 * d2 / (n * (n * n - 1))


def test_nothing_published_links_a_voter_or_a_time_to_a_ballot() -> None:
    pw = make_polling_world(stations=1, voters=VOTERS)
    client, rng = Client(), random.Random(3)
    casts = [vote(client, pw.auth[0], pw.voting[0], national, random_ballot(rng)) for national in pw.voters]
    close_and_sign(client, pw, 0)
    actions.publish_station(actor=as_actor(pw.official), station=Station.objects.get(pk=pw.stations[0].pk))

    payloads = list(BulletinEntry.objects.values_list("payload", flat=True))
    everything = "\n".join(payloads)
    for national in pw.voters:
        assert national not in everything
    for request_id in CheckIn.objects.values_list("request_id", flat=True):
        assert request_id not in everything
    (ballots_payload,) = BulletinEntry.objects.filter(kind="ballots").values_list("payload", flat=True)
    assert not re.search(r"\d\d:\d\d", ballots_payload)  # no time of any kind next to ballots
    (minutes_payload,) = BulletinEntry.objects.filter(kind="minutes").values_list("payload", flat=True)
    times = re.findall(r'"(\w+)":"\d{4}-\d\d-\d\dT', minutes_payload)
    assert sorted(times) == ["closed_at", "opened_at"]  # the station's hours only, never a voter's
    published = json.loads(ballots_payload)["ballots"]
    assert all(set(b) == BALLOT_KEYS for b in published)
    assert len(published) == VOTERS

    cast_order = {c.ballot_id: i for i, c in enumerate(casts)}
    ranks = [cast_order[b["ballot_id"]] for b in published]
    # Random ids make the published order a uniform shuffle: |rho| over 300 ballots has sd ≈ 0.058.
    assert abs(spearman(ranks, list(range(VOTERS)))) < 0.25
    assert ranks != sorted(ranks)
