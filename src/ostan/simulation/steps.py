"""The steps of ``ostan simulate-election`` (see ostan.publication.simulation): set-up through the apps'
actions, the day over HTTP, then closing, publication, re-check and verification."""

from __future__ import annotations

import csv
import io
import random
import secrets
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection
from django.db.models import Max
from django.utils import timezone

from ostan.core.access import Actor
from ostan.core.polling.names import LAST_NAMES, MALE_FIRST_NAMES
from ostan.elections import actions as elections
from ostan.elections.models import Constituency, ConstituencyKind, ElectionRound
from ostan.polling import actions as polling
from ostan.polling.models import DeviceKind, RollVoter, Station
from ostan.polling.simulator import SimulatedDevice
from ostan.publication import actions as publication
from ostan.publication import selectors
from ostan.simulation.stations import Http, StationPlan, run_station_day, sign_minutes
from ostan.territory.models import Unit, UnitKind
from ostan.verify_cli import Outcome, load_texts, read_sources, verify_export

EXTRA_CANDIDATES = 4  # candidates beyond the seats, so there is a race
BLANK_SHARE = 0.02

SYSTEM = Actor.system("شبیه‌سازی روز رأی‌گیری")


@dataclass
class SimStation:
    station: Station
    constituency: Constituency
    auth: SimulatedDevice
    voting: SimulatedDevice


@dataclass
class World:
    election_round: ElectionRound
    province: Unit
    constituencies: list[tuple[Constituency, list[str]]] = field(default_factory=list)
    stations: list[SimStation] = field(default_factory=list)
    roll_size: int = 0


def _province(code: str | None) -> Unit:
    provinces = Unit.objects.filter(kind=UnitKind.PROVINCE)
    if code:
        found = provinces.filter(code=code).first()
    else:
        with_cities = Unit.objects.filter(kind=UnitKind.CITY, population__gt=0).order_by("path")
        first_city = with_cities.first()
        found = provinces.filter(pk__in=[u.pk for u in provinces if first_city and first_city.is_within(u)]).first()
    if found is None:
        raise RuntimeError(f"استان «{code or '-'}» در تقسیمات کشوری نیست؛ ابتدا load_territory را اجرا کنید.")
    return found


def _candidates_csv(count: int, rng: random.Random) -> tuple[bytes, list[str]]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("code", "national_code", "first_name", "last_name", "is_veteran", "education"))
    codes = [str(101 + i) for i in range(count)]
    for code in codes:
        writer.writerow((code, "", rng.choice(MALE_FIRST_NAMES), rng.choice(LAST_NAMES), "خیر", "کارشناسی"))
    return out.getvalue().encode(), codes


def _shares(total: int, weights: list[int]) -> list[int]:
    """``total`` split by ``weights`` with at least one each (largest remainder)."""
    base = [1] * len(weights)
    rest, whole = total - len(weights), sum(weights) or 1
    quotas = [rest * w / whole for w in weights]
    base = [b + int(q) for b, q in zip(base, quotas, strict=True)]
    order = sorted(range(len(weights)), key=lambda i: int(quotas[i]) - quotas[i])
    for i in order[: total - sum(base)]:
        base[i] += 1
    return base


def set_up(*, province_code: str | None, stations: int, constituencies: int, rng: random.Random) -> World:
    province = _province(province_code)
    number = (ElectionRound.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    election_round = elections.create_round(
        actor=SYSTEM, number=number, name=f"شبیه‌سازی {province.name}", election_date=timezone.localdate()
    )
    world = World(election_round, province)
    places = list(
        Unit.objects.filter(kind__in=(UnitKind.CITY, UnitKind.VILLAGE), population__gt=0,
                            path__startswith=province.path + "/").order_by("-population", "code")[:constituencies]
    )  # fmt: skip
    if not places:
        raise RuntimeError("در این استان شهر یا آبادی با جمعیت معلوم نیست.")
    for place, count in zip(
        places, _shares(max(stations, len(places)), [p.population or 0 for p in places]), strict=True
    ):
        kind = ConstituencyKind.CITY_COUNCIL if place.kind == UnitKind.CITY else ConstituencyKind.VILLAGE_COUNCIL
        c = elections.create_constituency(actor=SYSTEM, election_round=election_round, unit=place, kind=kind)
        data, codes = _candidates_csv(c.seats + EXTRA_CANDIDATES, rng)
        elections.import_candidates(actor=SYSTEM, constituency=c, file_name="candidates.csv", data=data)
        world.constituencies.append((c, codes))
        for k in range(count):
            world.stations.append(_station(election_round, c, place, f"R{number}-{c.pk}-{k + 1:03d}"))
    return world


def _station(election_round: ElectionRound, c: Constituency, place: Unit, code: str) -> SimStation:
    station = polling.create_station(actor=SYSTEM, election_round=election_round, code=code,
                                     address=f"شعبهٔ {code}", unit=place, constituencies=[c])  # fmt: skip
    devices = []
    for kind in (DeviceKind.AUTHENTICATION, DeviceKind.VOTING):
        device = SimulatedDevice(device_id=f"{code}-{kind}", station_code=code, private_key=secrets.token_bytes(32))
        polling.register_device(actor=SYSTEM, station=station, device_id=device.device_id, kind=kind,
                                public_key=device.public_key_hex)  # fmt: skip
        devices.append(device)
    return SimStation(station, c, devices[0], devices[1])


def make_roll(world: World, *, voters: int, seed: int) -> None:
    report = polling.generate_roll(
        actor=SYSTEM, election_round=world.election_round, unit=world.province, size=voters, seed=seed
    )
    world.roll_size = report.imported


def _ballot(codes: list[str], seats: int, rng: random.Random) -> list[str]:
    if rng.random() < BLANK_SHARE:
        return []
    weights = [1 / (i + 2) for i in range(len(codes))]  # a few popular candidates, a long tail
    chosen: list[str] = []
    while len(chosen) < rng.randint(1, seats):
        pick = rng.choices(codes, weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def plan_day(world: World, *, turnout: float, rng: random.Random) -> list[StationPlan]:
    by_constituency: dict[int, list[SimStation]] = defaultdict(list)
    for s in world.stations:
        by_constituency[s.constituency.pk].append(s)
    plans = {s.station.code: StationPlan(s.station.code, s.auth, s.voting, [], []) for s in world.stations}
    codes = {c.pk: (cands, c.seats) for c, cands in world.constituencies}
    rows = RollVoter.objects.filter(election_round=world.election_round, constituency__isnull=False)
    for national, constituency_pk in rows.values_list("national_code", "constituency_id").order_by("national_code"):
        if rng.random() >= turnout or constituency_pk not in by_constituency:
            continue
        plan = plans[rng.choice(by_constituency[constituency_pk]).station.code]
        plan.voters.append(national)
        plan.ballots.append(_ballot(*codes[constituency_pk], rng))
    return list(plans.values())


def open_round(world: World) -> None:
    """Every station and device key on the board, then the opening and the manifest: before any vote."""
    publication.open_round(actor=SYSTEM, election_round=world.election_round)


def run_day(base_url: str, plans: list[StationPlan], *, workers: int) -> None:
    client = Http(base_url)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda p: run_station_day(client, p), plans))


def close_and_sign(base_url: str, world: World, plans: list[StationPlan], *, workers: int) -> None:
    client = Http(base_url)
    jobs = []
    for s in world.stations:
        for m in polling.close_station(actor=SYSTEM, station=Station.objects.get(pk=s.station.pk)):
            jobs.append((s.voting, m.pk, m.document))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda job: sign_minutes(client, *job), jobs))


def publish_stations(world: World) -> None:
    for s in world.stations:
        publication.publish_station(actor=SYSTEM, station=Station.objects.get(pk=s.station.pk))


def publish_results(world: World) -> None:
    """The lot seed is the board's head once every station is published: fixed after the count, public."""
    seed = selectors.board_head().head_hash
    for c, _ in world.constituencies:
        elections.set_lot_seed(actor=SYSTEM, constituency=c, seed=seed)
        publication.aggregate_constituency(actor=SYSTEM, constituency=c)
        publication.publish_result(actor=SYSTEM, constituency=c)


def recheck(world: World, *, size: int) -> None:
    drawn = publication.draw_recheck(actor=SYSTEM, election_round=world.election_round, unit=world.province, size=size)
    for code in drawn.sample:
        station = Station.objects.get(election_round=world.election_round, code=code)
        publication.record_recheck(actor=SYSTEM, recheck=drawn, station=station)


def download_and_verify(base_url: str, export_dir: str | None) -> Outcome:
    connection.close()  # nothing more from this side: the verifier reads only what the site serves
    chain_text, keys_text = read_sources(base_url)
    if export_dir:
        directory = Path(export_dir)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "chain.jsonl").write_text(chain_text, encoding="utf-8")
        (directory / "keys.json").write_text(keys_text, encoding="utf-8")
    return verify_export(load_texts(chain_text, keys_text))
