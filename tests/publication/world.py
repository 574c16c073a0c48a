"""A finished election day on the polling tests' world: voters checked in and voted through the signed
device API, stations closed by their officials and minutes signed by the stations' devices."""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass

from django.test import Client

from ostan.core.access import Role
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import sign_document
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.elections import actions as elections
from ostan.elections.models import Constituency, ConstituencyKind
from ostan.polling import actions as polling
from ostan.polling.models import DeviceKind, Station, StationMinutes
from ostan.polling.simulator import SimulatedDevice, new_ballot_id, new_token, seed_key
from ostan.publication import actions as publication
from ostan.publication import selectors
from ostan.publication.models import ConstituencyResult
from tests.actors import as_actor
from tests.elections.world import candidates_csv, make_official
from tests.polling.world import (
    BALLOT_PATH,
    CHECK_IN_PATH,
    PollingWorld,
    check_in_payload,
    make_polling_world,
    national_code,
    post,
    roll_csv,
)

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
    stored = polling.close_station(actor=as_actor(pw.official), station=station)
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
    publication.open_round(actor=as_actor(pw.hq), election_round=pw.election_round)  # anchors before voting
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
        publication.publish_station(actor=as_actor(pw.official), station=Station.objects.get(pk=station.pk))
    elections.set_lot_seed(actor=as_actor(pw.official), constituency=pw.city, seed=selectors.board_head().head_hash)
    stored = publication.aggregate_constituency(actor=as_actor(pw.official), constituency=pw.city)
    return stored, publication.publish_result(actor=as_actor(pw.official), constituency=pw.city)


VILLAGE_CODES = [str(c) for c in range(301, 306)]


@dataclass
class SharedStation:
    """One station at the district's school serving two constituencies: Arak's city council and the
    village council of Karahrud, each with its own voters, minutes and ballots."""

    pw: PollingWorld
    village: Constituency
    station: Station
    auth: SimulatedDevice
    voting: SimulatedDevice
    casts: list[Cast]


def _device(station: Station, kind: str) -> SimulatedDevice:
    device_id = f"{station.code}-{kind}"
    return SimulatedDevice(device_id=device_id, station_code=station.code, private_key=seed_key(device_id))


def run_shared_station_day(
    *, city_voters: int = 8, village_voters: int = 5, village_signer: str = DeviceKind.VOTING
) -> SharedStation:
    """Every voter votes at the one shared station; it closes and its two minutes are signed, the
    village's by the ``village_signer`` device (the voting device signs the city's)."""
    pw = make_polling_world(stations=0, voters=city_voters)
    village = elections.create_constituency(
        actor=as_actor(pw.official), election_round=pw.election_round, unit=pw.world.village_a,
        kind=ConstituencyKind.VILLAGE_COUNCIL, population=900, population_source="سرشماری آزمایشی",
    )  # fmt: skip
    candidates = [[code, "", f"نامزد{i}", "کرهرودی", "خیر", "دیپلم"] for i, code in enumerate(VILLAGE_CODES)]
    elections.import_candidates(
        actor=as_actor(pw.official), constituency=village, file_name="v.csv", data=candidates_csv(candidates)
    )
    villagers = [national_code(5000 + i) for i in range(village_voters)]
    roll = roll_csv([[code, "مریم", "کرهرودی", "1365/02/02", "زن", pw.world.village_a.path] for code in villagers])
    polling.import_roll(
        actor=as_actor(pw.hq), election_round=pw.election_round, unit=pw.world.country, file_name="v.csv", data=roll
    )
    district = pw.world.city_a.parent
    assert district is not None
    member = make_official("member_shared", Role.STATION_OFFICIAL, district)
    station = polling.create_station(
        actor=as_actor(pw.official), election_round=pw.election_round, code="D001", address="مدرسهٔ بخش",
        unit=district, constituencies=[pw.city, village], officials=[member],
    )  # fmt: skip
    auth, voting = _device(station, DeviceKind.AUTHENTICATION), _device(station, DeviceKind.VOTING)
    for device, kind in ((auth, DeviceKind.AUTHENTICATION), (voting, DeviceKind.VOTING)):
        polling.register_device(actor=as_actor(member), station=station, device_id=device.device_id, kind=kind,
                                public_key=device.public_key_hex)  # fmt: skip
    publication.open_round(actor=as_actor(pw.hq), election_round=pw.election_round)
    client, rng = Client(), random.Random(11)
    casts = [vote(client, auth, voting, n, random_ballot(rng)) for n in pw.voters]
    casts += [vote(client, auth, voting, n, rng.sample(VILLAGE_CODES, rng.randint(0, 3))) for n in villagers]
    shared = SharedStation(pw, village, station, auth, voting, casts)
    for minutes in polling.close_station(actor=as_actor(pw.official), station=Station.objects.get(pk=station.pk)):
        device = (
            auth if minutes.constituency_id == village.pk and village_signer == DeviceKind.AUTHENTICATION else voting
        )
        signature = sign_document(device.keys.private_key, MINUTES_CONTEXT, canonical_json(minutes.document))
        path = f"/api/polling/minutes/{minutes.pk}/signature"
        status, body = post(client, device, path, {"signature": base64.b64encode(signature).decode()})
        assert status == 200, body
    return shared


def publish_shared(shared: SharedStation) -> None:
    """Publish the shared station, fix both lot seeds to the head, aggregate and publish both results."""
    official = shared.pw.official
    publication.publish_station(actor=as_actor(official), station=Station.objects.get(pk=shared.station.pk))
    head = selectors.board_head().head_hash
    for constituency in (shared.pw.city, shared.village):
        elections.set_lot_seed(actor=as_actor(official), constituency=constituency, seed=head)
        publication.aggregate_constituency(actor=as_actor(official), constituency=constituency)
        publication.publish_result(actor=as_actor(official), constituency=constituency)
