"""Demo elections on the loaded territory tree: a plurality city council, a village council and a
Tehran-style proportional count, each imported, counted and published through the real actions.

Idempotent: a finished constituency is left alone; an interrupted one continues where it stopped.
Synthetic ballots come from ``random.Random`` with fixed seeds, so every run gives the same results.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable

import jdatetime
from django.db.models import QuerySet

from ostan.core.access import Actor
from ostan.core.counting import LotSeedRequired
from ostan.core.text import search_key
from ostan.elections import actions
from ostan.elections.demo_people import candidates_csv
from ostan.elections.models import BallotSource, Constituency, ConstituencyKind, ElectionRound
from ostan.territory.models import Unit, UnitKind

DEMO_SYSTEM = Actor.system("بارگذاری دادهٔ نمایشی")

ROUND_NUMBER = 7
ROUND_NAME = "هفتمین دوره انتخابات شوراهای اسلامی شهر و روستا"
ROUND_DATE = jdatetime.date(1405, 3, 8).togregorian()  # a demo date: the real one is configuration
DEMO_PROVINCE = "23"  # استان تهران
VILLAGE_POPULATION = 1_200
VILLAGE_REASON = "جمعیت نمایشی: سرشماری برای آبادی‌ها جمعیتی در این نسخه ندارد؛ فقط برای نمایش سامانه."
LIST_NAMES = (
    "ائتلاف نیروهای انقلاب", "اصلاح‌طلبان تهران", "جبهه پایداری", "امید شهر", "شهر برای همه",
    "صدای محله", "تهران سبز", "جوانان پیشرو", "جبهه مردمی", "شورای کارآمد",
)  # fmt: skip


def _round(actor: Actor) -> ElectionRound:
    existing = ElectionRound.objects.filter(number=ROUND_NUMBER).first()
    return existing or actions.create_round(actor=actor, number=ROUND_NUMBER, name=ROUND_NAME, election_date=ROUND_DATE)


def _plurality_ballots(rng: random.Random, codes: list[str], seats: int, count: int) -> list[list[str]]:
    weights = [rng.random() ** 2 + 0.05 for _ in codes]
    ballots: list[list[str]] = []
    for _ in range(count):
        if rng.random() < 0.03:
            ballots.append([])
            continue
        wanted = rng.randint(1, seats)
        chosen: dict[str, None] = {}
        while len(chosen) < wanted:
            chosen[rng.choices(codes, weights)[0]] = None
        ballots.append(list(chosen))
    return ballots


def _jsonl(ballots: list[list[str]]) -> bytes:
    return "".join(json.dumps(b) + "\n" for b in ballots).encode()


def _count_and_publish(actor: Actor, constituency: Constituency) -> None:
    if not constituency.count_records.exists():
        try:
            actions.count_constituency(actor=actor, constituency=constituency)
        except LotSeedRequired:
            # A tie decides a seat: fix the seed from the (now public) ballot files, then count again.
            files = ":".join(constituency.ballot_batches.order_by("id").values_list("sha256", flat=True))
            seed = hashlib.sha256(files.encode()).hexdigest()
            actions.set_lot_seed(actor=actor, constituency=constituency, seed=seed)
            actions.count_constituency(actor=actor, constituency=constituency)
    constituency.refresh_from_db()
    if not constituency.is_published:
        actions.publish_results(actor=actor, constituency=constituency)


def _constituency(
    actor: Actor, election_round: ElectionRound, unit: Unit, kind: str, population: int | None = None
) -> Constituency:
    found = Constituency.objects.filter(election_round=election_round, unit=unit, kind=kind).first()
    source = VILLAGE_REASON if population is not None else ""
    return found or actions.create_constituency(
        actor=actor,
        election_round=election_round,
        unit=unit,
        kind=kind,
        population=population,
        population_source=source,
    )


def _fill(actor: Actor, c: Constituency, lists: bytes | None, people: bytes, ballots: bytes, source: str) -> None:
    if lists is not None and not c.party_lists.exists():
        actions.import_lists(actor=actor, constituency=c, file_name="lists.csv", data=lists)
    if not c.candidates.exists():
        actions.import_candidates(actor=actor, constituency=c, file_name="candidates.csv", data=people)
    if not c.ballot_batches.exists():
        actions.import_ballots(actor=actor, constituency=c, file_name="ballots.jsonl", data=ballots, source=source)
    _count_and_publish(actor, c)


def _preferred(units: QuerySet[Unit]) -> Unit | None:
    """The first unit (by code) in the demo province, where the demo officials work; else anywhere."""
    local = units.filter(path__contains=f"/{DEMO_PROVINCE}/").order_by("code").first()
    return local or units.order_by("code").first()


def _city(actor: Actor, election_round: ElectionRound) -> str | None:
    unit = _preferred(Unit.objects.filter(kind=UnitKind.CITY, population__gt=50_000, population__lte=200_000))
    if unit is None:
        return None
    c = _constituency(actor, election_round, unit, ConstituencyKind.CITY_COUNCIL)
    rng = random.Random(71)
    codes = [str(100 + i) for i in range(c.seats * 4)]
    ballots = _plurality_ballots(rng, codes, c.seats, 3_000)
    _fill(
        actor, c, None, candidates_csv(rng, codes, [None] * len(codes), 10_000), _jsonl(ballots), BallotSource.MACHINE
    )
    return f"شورای شهر {unit.name}: {c.seats} عضو اصلی، {len(codes)} نامزد، {len(ballots)} برگه"


def _village(actor: Actor, election_round: ElectionRound) -> str | None:
    unit = _preferred(Unit.objects.filter(kind=UnitKind.VILLAGE))
    if unit is None:
        return None
    c = _constituency(actor, election_round, unit, ConstituencyKind.VILLAGE_COUNCIL, VILLAGE_POPULATION)
    rng = random.Random(72)
    codes = [str(10 + i) for i in range(9)]
    ballots = _plurality_ballots(rng, codes, c.seats, 400)
    ballots[:5] = [["99", codes[0]], [codes[1], codes[1]], ["77"], [codes[2], codes[3]], []]  # paper slips
    _fill(actor, c, None, candidates_csv(rng, codes, [None] * 9, 20_000), _jsonl(ballots), BallotSource.IMPORTED)
    return f"شورای روستای {unit.name}: {c.seats} عضو اصلی، ۹ نامزد، {len(ballots)} برگه کاغذی"


def _tehran_people(rng: random.Random) -> tuple[list[str], list[str | None], bytes]:
    codes: list[str] = []
    list_codes: list[str | None] = []
    for i in range(len(LIST_NAMES)):
        for j in range(21):
            codes.append(str(1001 + i * 100 + j))
            list_codes.append(str(11 + i))
    for k in range(90):
        codes.append(str(5001 + k))
        list_codes.append(None)
    lists = "code,name\n" + "".join(f"{11 + i},{name}\n" for i, name in enumerate(LIST_NAMES))
    return codes, list_codes, lists.encode()


def _tehran_ballots(rng: random.Random, codes: list[str], list_codes: list[str | None], count: int) -> list[list[str]]:
    lists = sorted({code for code in list_codes if code})
    list_weights = [rng.random() ** 1.5 + 0.05 for _ in lists]
    favour = dict(zip(lists, list_weights, strict=True))
    weights = [(favour[lc] if lc else 0.08) * (0.5 + rng.random()) for lc in list_codes]
    ballots: list[list[str]] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.03:
            ballots.append([])
        elif roll < 0.38:
            ballots.append([rng.choices(lists, list_weights)[0]])
        else:
            wanted = rng.randint(1, 21)
            chosen: dict[str, None] = {}
            while len(chosen) < wanted:
                chosen[rng.choices(codes, weights)[0]] = None
            ballots.append(list(chosen))
    return ballots


def _tehran(actor: Actor, election_round: ElectionRound) -> str | None:
    tehran = Unit.objects.filter(kind=UnitKind.CITY, search_key=search_key("تهران"))
    unit = _preferred(tehran)
    if unit is None:
        return None
    c = _constituency(actor, election_round, unit, ConstituencyKind.PROPORTIONAL)
    rng = random.Random(73)
    codes, list_codes, lists = _tehran_people(rng)
    ballots = _tehran_ballots(rng, codes, list_codes, 4_000)
    _fill(actor, c, lists, candidates_csv(rng, codes, list_codes, 30_000), _jsonl(ballots), BallotSource.MACHINE)
    figures = f"{c.seats} عضو اصلی، {len(LIST_NAMES)} فهرست، {len(codes)} نامزد، {len(ballots)} برگه"
    return f"شورای شهر تهران (تناسبی): {figures}"


BUILDERS: tuple[Callable[[Actor, ElectionRound], str | None], ...] = (_city, _village, _tehran)


def create_demo_elections(*, actor: Actor = DEMO_SYSTEM) -> list[str]:
    """Create (or finish) the demo round and its three counted, published constituencies."""
    election_round = _round(actor)
    lines = [f"{election_round.name} ({ROUND_DATE:%Y-%m-%d})"]
    for build in BUILDERS:
        line = build(actor, election_round)
        if line:
            lines.append(line)
    return lines
