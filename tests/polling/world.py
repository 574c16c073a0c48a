"""An election-day world on the elections tests' territory: the 7-seat city of Arak with ten candidates,
stations with registered simulated devices, and a small roll."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.test import Client

from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.core.national_code import check_digit
from ostan.elections import actions as elections
from ostan.elections.models import Constituency, ConstituencyKind, ElectionRound
from ostan.polling import actions
from ostan.polling.models import DeviceKind, Station
from ostan.polling.simulator import SimulatedDevice, seed_key
from tests.actors import as_actor
from tests.elections.world import CITY_CANDIDATES, World, candidates_csv, make_official, make_world

ELECTION_DATE = dt.date(2026, 5, 29)
CHECK_IN_PATH = "/api/polling/check-ins"
BALLOT_PATH = "/api/polling/ballots"


def national_code(serial: int) -> str:
    nine = f"{serial:09d}"
    return nine + str(check_digit(nine))


@dataclass
class PollingWorld:
    world: World
    hq: User
    official: User  # county election official over the city
    election_round: ElectionRound
    city: Constituency
    stations: list[Station] = field(default_factory=list)
    auth: list[SimulatedDevice] = field(default_factory=list)
    voting: list[SimulatedDevice] = field(default_factory=list)
    members: list[User] = field(default_factory=list)
    voters: list[str] = field(default_factory=list)


def roll_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["national_code", "first_name", "last_name", "birth_date", "gender", "residence_unit_path"])
    writer.writerows(rows)
    return out.getvalue().encode()


def make_polling_world(*, stations: int = 3, voters: int = 20) -> PollingWorld:
    world = make_world()
    hq = make_official("hq", Role.COUNTRY_ELECTION_OFFICIAL, world.country)
    official = make_official("county_a", Role.COUNTY_ELECTION_OFFICIAL, world.county_a)
    election_round = elections.create_round(actor=as_actor(hq), number=7, name="دوره هفتم", election_date=ELECTION_DATE)
    city = elections.create_constituency(
        actor=as_actor(official), election_round=election_round, unit=world.city_a, kind=ConstituencyKind.CITY_COUNCIL
    )
    elections.import_candidates(
        actor=as_actor(official), constituency=city, file_name="c.csv", data=candidates_csv(CITY_CANDIDATES)
    )
    pw = PollingWorld(world, hq, official, election_round, city)
    rows = [[national_code(1000 + i), "علی", "رضایی", "1370/01/01", "مرد", world.city_a.path] for i in range(voters)]
    rows.append([national_code(9000), "سارا", "کم‌سن", "2010-01-01", "زن", world.city_a.path])  # too young
    rows.append([national_code(9001), "رضا", "آشتیانی", "1360/05/05", "مرد", world.city_b.path])  # other county
    actions.import_roll(
        actor=as_actor(hq), election_round=election_round, unit=world.country, file_name="roll.csv", data=roll_csv(rows)
    )
    pw.voters = [r[0] for r in rows[:voters]]
    for i in range(stations):
        member = make_official(f"member{i}", Role.STATION_OFFICIAL, world.city_a)
        station = actions.create_station(
            actor=as_actor(official), election_round=election_round, code=f"A{i + 1:03d}",
            address=f"مدرسهٔ شمارهٔ {i + 1}",
            unit=world.city_a, constituencies=[city], officials=[member],
        )  # fmt: skip
        pw.stations.append(station)
        pw.members.append(member)
        for kind, bucket in ((DeviceKind.AUTHENTICATION, pw.auth), (DeviceKind.VOTING, pw.voting)):
            device_id = f"{station.code}-{kind}"
            device = SimulatedDevice(device_id=device_id, station_code=station.code, private_key=seed_key(device_id))
            actions.register_device(
                actor=as_actor(member),
                station=station,
                device_id=device_id,
                kind=kind,
                public_key=device.public_key_hex,
            )
            bucket.append(device)
    return pw


def post(client: Client, device: SimulatedDevice, path: str, payload: object, **kwargs: object) -> tuple[int, dict]:  # type: ignore[type-arg]
    body, headers = device.signed_json("POST", path, payload)
    headers = {**headers, **{k: str(v) for k, v in kwargs.items()}}
    response = client.post(path, data=body, content_type="application/json", headers=headers)
    return response.status_code, response.json()


def check_in_payload(code: str, token_hash: str, request_id: str = "r1", **extra: object) -> dict[str, object]:
    return {"request_id": request_id, "national_code": code, "evidence": code[-4:], "token_hash": token_hash, **extra}
