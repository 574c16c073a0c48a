"""A small finished electronic election for the demo: one small city's council in the demo round, two
stations with registered devices, a roll of sixty voters, most of whom checked in and voted through the
polling actions (server-side calls, the same code paths as the API), stations closed with signed minutes,
everything published on the bulletin board, aggregated, re-checked and browsable under /results/.

Idempotent: each step looks at what is already there and only does what is missing.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import random

from django.utils import timezone

from ostan.core import transparency as tree_core
from ostan.core.national_code import check_digit
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import sign_document
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.core.polling.names import LAST_NAMES, MALE_FIRST_NAMES
from ostan.core.polling.tokens import issue_token
from ostan.core.transparency.witness import cosign
from ostan.elections import actions as elections
from ostan.elections.demo import DEMO_PROVINCE, ROUND_DATE, ROUND_NAME, ROUND_NUMBER
from ostan.elections.demo import DEMO_SYSTEM as SYSTEM
from ostan.elections.models import Constituency, ConstituencyKind, ElectionRound
from ostan.polling import actions as polling
from ostan.polling.casting import BallotItem
from ostan.polling.device_requests import DeviceContext
from ostan.polling.models import CheckIn, Device, DeviceKind, Station, StationMinutes, StationStatus
from ostan.polling.simulator import SimulatedDevice, seed_key
from ostan.publication import actions, board, selectors, tree
from ostan.publication.models import ConstituencyResult, ElectionManifest, Recheck, StationPublication, TreeHead
from ostan.territory.models import Unit, UnitKind

VOTERS = 60
TURNOUT = 50  # of the sixty come to vote
STATIONS = 2
SERIAL_BASE = 740_000_000  # demo national codes: serial + check digit
SMALL_CITY = 50_000  # a five-seat council keeps the demo readable
FIRST_NAMES = MALE_FIRST_NAMES[:30]


def _round() -> ElectionRound:
    found = ElectionRound.objects.filter(number=ROUND_NUMBER).first()
    return found or elections.create_round(actor=SYSTEM, number=ROUND_NUMBER, name=ROUND_NAME, election_date=ROUND_DATE)


def _city(election_round: ElectionRound, province: str) -> Unit | None:
    taken = Constituency.objects.filter(election_round=election_round).values_list("unit_id", flat=True)
    cities = Unit.objects.filter(kind=UnitKind.CITY, population__gt=0, population__lte=SMALL_CITY)
    local = cities.filter(path__contains=f"/{province}/") | cities.filter(path__startswith=f"{province}/")
    mine = Constituency.objects.filter(election_round=election_round, name__startswith="الکترونیکی ").first()
    if mine is not None:
        return mine.unit
    # The demo province's census-counted cities may all be taken by the elections demo: then any province.
    return local.exclude(pk__in=taken).order_by("code").first() or cities.exclude(pk__in=taken).order_by("code").first()


def _candidates(rng: random.Random) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("code", "national_code", "first_name", "last_name", "is_veteran", "education"))
    names = [("نرگس", "امینی"), ("حمید", "کیانی"), ("مریم", "فاضلی"), ("رضا", "داوری"), ("سارا", "نادری"),
             ("مهدی", "سبحانی"), ("لیلا", "پاکزاد"), ("امیر", "شهابی"), ("زهرا", "نصیری")]  # fmt: skip
    for i, (first, last) in enumerate(names):
        writer.writerow((str(201 + i), "", first, last, "بله" if i == 4 else "خیر", rng.choice(["کارشناسی", "دیپلم"])))
    return out.getvalue().encode()


def _roll(unit: Unit) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("national_code", "first_name", "last_name", "birth_date", "gender", "residence_unit_path"))
    for i in range(VOTERS):
        nine = f"{SERIAL_BASE + i:09d}"
        writer.writerow((nine + str(check_digit(nine)), FIRST_NAMES[i % len(FIRST_NAMES)],
                         LAST_NAMES[i % len(LAST_NAMES)], "1370/01/01",
                         "مرد", unit.path))  # fmt: skip
    return out.getvalue().encode()


def _set_up(election_round: ElectionRound, unit: Unit) -> Constituency:
    c = Constituency.objects.filter(election_round=election_round, unit=unit).first()
    if c is None:
        name = f"الکترونیکی {unit.name}"
        c = elections.create_constituency(
            actor=SYSTEM, election_round=election_round, unit=unit, kind=ConstituencyKind.CITY_COUNCIL, name=name
        )
        elections.import_candidates(actor=SYSTEM, constituency=c, file_name="c.csv", data=_candidates(random.Random(5)))
        polling.import_roll(
            actor=SYSTEM, election_round=election_round, unit=unit, file_name="roll.csv", data=_roll(unit)
        )
    for k in range(1, STATIONS + 1):
        code = f"E{c.pk}-{k}"
        if not Station.objects.filter(election_round=election_round, code=code).exists():
            address = f"مدرسهٔ شمارهٔ {k}، {unit.name}"
            station = polling.create_station(actor=SYSTEM, election_round=election_round, code=code,
                                             address=address, unit=unit, constituencies=[c])  # fmt: skip
            for kind in (DeviceKind.AUTHENTICATION, DeviceKind.VOTING):
                device = _device(code, kind)
                polling.register_device(actor=SYSTEM, station=station, device_id=device.device_id, kind=kind,
                                        public_key=device.public_key_hex)  # fmt: skip
    return c


def _device(code: str, kind: str) -> SimulatedDevice:
    device_id = f"{code}-{kind}"
    return SimulatedDevice(device_id=device_id, station_code=code, private_key=seed_key(device_id))


def _context(station: Station, kind: str) -> DeviceContext:
    d = Device.objects.get(station=station, kind=kind)
    counter = (d.last_counter or 0) + 1
    return DeviceContext(d.pk, d.device_id, d.kind, station.pk, station.code, station.election_round_id,
                         d.public_key_bytes, counter, timezone.now())  # fmt: skip


def _vote(station: Station, voters: list[str], rng: random.Random) -> None:
    """Check each voter in at the authentication device, then upload the voting device's journal."""
    journal = []
    for national in voters:
        token, token_hash = issue_token(rng.randbytes(20))
        decision = polling.check_in(device=_context(station, DeviceKind.AUTHENTICATION), request_id=f"demo-{national}",
                                    national_code=national, evidence=national[-4:], token_hash=token_hash)  # fmt: skip
        if decision.is_accepted:
            picks = rng.sample(["201", "202", "203", "204", "205", "206", "207", "208", "209"], rng.randint(0, 5))
            journal.append(BallotItem(rng.randbytes(16).hex(), token, tuple(picks)))
    if journal:
        rng.shuffle(journal)
        polling.cast_batch(device=_context(station, DeviceKind.VOTING), items=journal)


def _close(station: Station) -> None:
    if station.status == StationStatus.OPEN:
        polling.close_station(actor=SYSTEM, station=station)
    device = _device(station.code, DeviceKind.VOTING)
    for m in StationMinutes.objects.filter(station=station, signature=""):
        signature = sign_document(device.keys.private_key, MINUTES_CONTEXT, canonical_json(m.document))
        polling.sign_minutes(device=_context(station, DeviceKind.VOTING), minutes=m,
                             signature_b64=base64.b64encode(signature).decode())  # fmt: skip


def create_demo_publication(*, province: str = DEMO_PROVINCE) -> list[str]:
    election_round = _round()
    unit = _city(election_round, province)
    if unit is None:
        return ["انتشار نمایشی: شهری کوچک با جمعیت معلوم پیدا نشد (ابتدا load_territory)."]
    c = _set_up(election_round, unit)
    stations = list(Station.objects.filter(election_round=election_round, constituencies=c).order_by("code"))
    codes = [f"{SERIAL_BASE + i:09d}" for i in range(TURNOUT)]
    codes = [n + str(check_digit(n)) for n in codes]
    if not ElectionManifest.objects.filter(election_round=election_round).exists():
        actions.open_round(actor=SYSTEM, election_round=election_round)  # stations and keys before voting
    for k, station in enumerate(stations):
        if station.status == StationStatus.OPEN and not CheckIn.objects.filter(station=station).exists():
            # Each station's tokens and ballots from a seed of its own: a station already done on an earlier,
            # interrupted run does not shift the others' draws onto tokens already stored.
            _vote(station, codes[k :: len(stations)], random.Random(f"1405-{station.code}"))
        _close(Station.objects.get(pk=station.pk))
        if not StationPublication.objects.filter(station=station).exists():
            actions.publish_station(actor=SYSTEM, station=station)
    result = ConstituencyResult.objects.filter(constituency=c).first()
    if result is None or not result.is_published:
        elections.set_lot_seed(actor=SYSTEM, constituency=c, seed=selectors.board_head().head_hash)
        actions.aggregate_constituency(actor=SYSTEM, constituency=c)
        result = actions.publish_result(actor=SYSTEM, constituency=c)
    if not Recheck.objects.filter(election_round=election_round, unit=unit).exists():
        drawn = actions.draw_recheck(actor=SYSTEM, election_round=election_round, unit=unit, size=1)
        sampled = Station.objects.get(election_round=election_round, code=drawn.sample[0])
        actions.record_recheck(actor=SYSTEM, recheck=drawn, station=sampled)
    head = _witnessed_head()
    return [
        f"انتخابات الکترونیکی {unit.name}: {len(stations)} شعبه، {result.ballots} برگه؛ /results/c/{c.pk}/",
        "بیانیهٔ انتخابات (کلید تابلو، شعبه‌ها و کلیدها، چکیدهٔ گشایش) برای بارگیری و چاپ: /results/opening/ ؛"
        " demo_country دوره‌های دیگر را از همان صفحه می‌گشاید.",
        f"سرِ درخت امضاشده ({head.tree_size} مدخل) با هم‌امضای گواه نمایشی: /results/tree-head.json ؛"
        " گواه: ostan witness http://127.0.0.1:8000 --board-key KEY --key witness.key --state witness.json",
        f"وارسی: ostan verify http://127.0.0.1:8000 --board-key {board.public_key().hex()} --witness-key"
        f" {tree_core.public_key(DEMO_WITNESS_KEY).hex()}",
    ]


DEMO_WITNESS_KEY = hashlib.sha256(b"ostan-demo-witness-key").digest()  # public text: a demo witness only


def _witnessed_head() -> TreeHead:
    """A signed head of the board as it stands, co-signed by the demo witness (once per size)."""
    size = tree.tree_size()
    head = TreeHead.objects.filter(tree_size=size).order_by("-issued_at").first() or tree.issue_head()
    if not head.cosignatures.exists():
        signed = tree.head_json(head)
        core_head = tree_core.signed_head_from_json(signed).head
        cosignature = cosign(core_head, DEMO_WITNESS_KEY)
        tree.add_cosignature(
            size=size, public_key_hex=tree_core.public_key(DEMO_WITNESS_KEY).hex(),
            signature_b64=base64.b64encode(cosignature.signature).decode("ascii"),
        )  # fmt: skip
    return head
