"""A finished election day on the polling tests' world: voters checked in and voted through the signed
device API, stations closed by their officials and minutes signed by the stations' devices."""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass

from django.test import Client

from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import sign_document
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.elections import actions as elections
from ostan.polling import actions as polling
from ostan.polling.models import Station, StationMinutes
from ostan.polling.simulator import SimulatedDevice, new_ballot_id, new_token
from ostan.publication import actions as publication
from ostan.publication import selectors
from ostan.publication.models import ConstituencyResult
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, make_polling_world, post

CODES = [str(c) for c in range(101, 111)]


@dataclass
class Cast:
    """What the test knows about one vote (the system itself never joins these)."""

    station_code: str
    national_code: str
    ballot_id: str
    receipt_code: str
    codes: list[str]


def vote(client: Client, auth: SimulatedDevice, voting: SimulatedDevice, national: str, codes: list[str]) -> Cast:
    token, token_hash = new_token()
    status, body = post(client, auth, CHECK_IN_PATH, check_in_payload(national, token_hash, f"r-{national}"))
    assert status == 200, body
    assert body["is_accepted"], body
    ballot_id = new_ballot_id()
    status, body = post(client, voting, BALLOT_PATH, {"ballot_id": ballot_id, "token": token, "codes": codes})
    assert status == 200, body
    return Cast(auth.station_code, national, ballot_id, body["receipt_code"], codes)


def random_ballot(rng: random.Random) -> list[str]:
    return rng.sample(CODES, rng.randint(0, 7))


def close_and_sign(client: Client, pw: PollingWorld, index: int) -> list[StationMinutes]:
    station = Station.objects.get(pk=pw.stations[index].pk)
    stored = polling.close_station(actor=pw.official, station=station)
    device = pw.voting[index]
    for minutes in stored:
        signature = sign_document(device.keys.private_key, MINUTES_CONTEXT, canonical_json(minutes.document))
        path = f"/api/polling/minutes/{minutes.pk}/signature"
        status, body = post(client, device, path, {"signature": base64.b64encode(signature).decode()})
        assert status == 200, body
    return stored


def run_election_day(*, stations: int = 3, voters: int = 30, seed: int = 7) -> tuple[PollingWorld, list[Cast]]:
    """Every voter votes, spread over the stations; then every station closes and signs its minutes."""
    pw = make_polling_world(stations=stations, voters=voters)
    client = Client()
    rng = random.Random(seed)
    casts = []
    for i, national in enumerate(pw.voters):
        k = i % stations
        casts.append(vote(client, pw.auth[k], pw.voting[k], national, random_ballot(rng)))
    for k in range(stations):
        close_and_sign(client, pw, k)
    return pw, casts


def publish_all(pw: PollingWorld) -> tuple[ConstituencyResult, ConstituencyResult]:
    """Publish every station, fix the lot seed to the board's head (public, fixed after the count),
    aggregate and publish the city's result."""
    for station in pw.stations:
        publication.publish_station(actor=pw.official, station=Station.objects.get(pk=station.pk))
    elections.set_lot_seed(actor=pw.official, constituency=pw.city, seed=selectors.board_head().head_hash)
    stored = publication.aggregate_constituency(actor=pw.official, constituency=pw.city)
    return stored, publication.publish_result(actor=pw.official, constituency=pw.city)
