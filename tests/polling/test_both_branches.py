"""One behaviour on both databases: the election day's PostgreSQL branches (one-statement batches,
prepared statements, COPY) and their portable ORM branches (the SQLite demo's) take the same generated
sequences of check-ins and ballots (retries, other digit styles, voters at a second station, replayed
counters, conflicting ballot ids, bad tokens and codes, journals) and must give the same answers and leave
the same rows.

Both run here on PostgreSQL: ``ostan.dialects.portable`` switches the branches. Each run happens inside
a savepoint that is rolled back, so both start from the same world.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client

from ostan.auditlog.models import Entry
from ostan.core.polling.tokens import issue_token
from ostan.core.text import to_persian_digits
from ostan.dialects import portable
from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from ostan.polling.models import CastBallot, CheckIn, Device, VotingToken
from ostan.polling.simulator import SimulatedDevice, seed_key
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload

BATCH_PATH = "/api/polling/ballots/batch"
SEEDS = range(6)
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


class _Undo(Exception):
    pass


@contextmanager
def rolled_back() -> Iterator[None]:
    """A savepoint the actions' durable transactions may open inside (as they do inside a test's own), undone after."""
    try:
        with transaction.atomic():
            connection.atomic_blocks[-1]._from_testcase = True
            yield
            raise _Undo
    except _Undo:
        pass
    device_requests._cache.clear()
    stations_cache._cache.clear()
    stations_cache.forget_schedules()
    constituencies.forget_all()


def styled(text: str, style: int) -> str:
    return to_persian_digits(text) if style == 1 else text.translate(ARABIC) if style == 2 else text


def scenario(seed: int, pw: PollingWorld) -> list[tuple[str, dict[str, Any]]]:
    """A reproducible day of requests: (kind, what) pairs, with tokens and ids drawn from ``seed``."""
    rng = random.Random(seed)
    steps: list[tuple[str, dict[str, Any]]] = []
    tokens: list[tuple[int, str]] = []  # (station, token) of accepted check-ins
    voters = list(range(len(pw.voters)))
    rng.shuffle(voters)
    for n, voter in enumerate(voters[:12]):
        station = rng.randrange(len(pw.stations))
        token, hashed = issue_token(rng.randbytes(20))
        code = styled(pw.voters[voter], rng.randrange(3))
        payload = check_in_payload(code, hashed, request_id=f"r{seed}-{n}")
        steps.append(("check_in", {"station": station, "payload": payload}))
        if rng.random() < 0.3:  # the device retries (the answer was lost)
            steps.append(("check_in", {"station": station, "payload": payload}))
        if rng.random() < 0.2:  # the voter tries again at another station
            other = (station + 1) % len(pw.stations)
            _, again = issue_token(rng.randbytes(20))
            steps.append(("check_in", {"station": other, "payload": check_in_payload(code, again, f"x{seed}-{n}")}))
        tokens.append((station, token))
    steps.append(("check_in", {"station": 0, "payload": check_in_payload("0000000000", "ab" * 32, "bad")}))
    journal: dict[int, list[dict[str, Any]]] = {}
    for n, (station, token) in enumerate(tokens):
        ballot_id = rng.randbytes(16).hex()
        codes = [styled(str(c), rng.randrange(3)) for c in rng.sample(range(101, 111), rng.randrange(0, 4))]
        if rng.random() < 0.1:
            codes.append("999")  # an unknown code: refused, the token kept
        item = {"ballot_id": ballot_id, "token": token, "codes": codes}
        if rng.random() < 0.5:
            steps.append(("ballot", {"station": station, "payload": item}))
            if rng.random() < 0.4:  # a retry, its codes typed in another digit style
                steps.append(
                    ("ballot", {"station": station, "payload": item | {"codes": [styled(c, 1) for c in codes]}})
                )
            if rng.random() < 0.2:  # another ballot under the same id
                steps.append(("ballot", {"station": station, "payload": item | {"codes": ["105"]}}))
        else:
            journal.setdefault(station, []).append(item)
        if n % 5 == 4:
            steps.append(("ballot", {"station": station, "payload": item | {"ballot_id": rng.randbytes(16).hex()}}))
    for station, items in journal.items():
        steps.append(("batch", {"station": station, "payload": {"ballots": items}}))
        steps.append(("batch", {"station": station, "payload": {"ballots": items[:2]}}))  # a re-upload
    steps.append(("replay", {"station": 0, "payload": {"ballots": []}}))
    return steps


def _devices(pw: PollingWorld) -> dict[tuple[str, int], SimulatedDevice]:
    """The world's devices anew (counters from zero again, as the rolled-back database has them)."""
    found = {}
    for kind, bucket in (("auth", pw.auth), ("voting", pw.voting)):
        for i, device in enumerate(bucket):
            found[(kind, i)] = SimulatedDevice(
                device_id=device.device_id, station_code=device.station_code, private_key=seed_key(device.device_id)
            )
    return found


# The two runs happen at different moments: the clock is the one thing their answers may differ in, both
# where it stands alone (checked_in_at) and where a message quotes it («در ساعت ۱۱:۲۱»).
CLOCK_IN_MESSAGE = re.compile(r"ساعت [۰-۹]{2}:[۰-۹]{2}")


def _answer(response: Any) -> tuple[int, Any]:
    body = response.json()
    if isinstance(body, dict):
        body = {k: v for k, v in body.items() if k != "checked_in_at"}
        if isinstance(body.get("message"), str):
            body["message"] = CLOCK_IN_MESSAGE.sub("ساعت <clock>", body["message"])
    return response.status_code, body


def run(pw: PollingWorld, steps: list[tuple[str, dict[str, Any]]]) -> tuple[list[Any], dict[str, Any]]:
    client, devices, answers = Client(), _devices(pw), []
    for kind, what in steps:
        device = devices[("auth" if kind == "check_in" else "voting", what["station"])]
        path = {"check_in": CHECK_IN_PATH, "ballot": BALLOT_PATH, "batch": BATCH_PATH, "replay": BATCH_PATH}[kind]
        body, headers = device.signed_json("POST", path, what["payload"])
        if kind == "replay":
            headers["X-Ostan-Counter"] = "1"  # a counter this device used long ago
            body, headers = body, device.sign("POST", path, body, counter=1)
        answers.append(_answer(client.post(path, data=body, content_type="application/json", headers=headers)))
    return answers, _rows()


def _rows() -> dict[str, Any]:
    entries = Entry.objects.exclude(event__startswith="accounts.").values_list(
        "event", "actor_role", "actor_reason", "object_type", "object_label", "unit_path", "after"
    )
    return {
        "check_ins": sorted(
            CheckIn.objects.values_list("national_code", "station__code", "constituency__name", "request_id")
        ),
        "tokens": sorted(VotingToken.objects.values_list("token_hash", "station__code", "is_redeemed")),
        "ballots": sorted(CastBallot.objects.values_list("ballot_id", "station__code", "codes", "receipt_code")),
        "counters": sorted(Device.objects.values_list("device_id", "last_counter")),
        "entries": sorted(json.dumps(e, ensure_ascii=False, sort_keys=True, default=str) for e in entries),
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_both_branches_answer_and_store_the_same(pw: PollingWorld, seed: int) -> None:
    steps = scenario(seed, pw)
    with rolled_back():
        fast = run(pw, steps)
    with rolled_back(), portable():
        slow = run(pw, steps)
    for n, (a, b) in enumerate(zip(fast[0], slow[0], strict=True)):
        assert a == b, f"step {n} {steps[n][0]}: PostgreSQL {a} · portable {b}"
    for table in fast[1]:
        assert fast[1][table] == slow[1][table], table
    assert any(a[0] == 200 and a[1].get("is_duplicate") for a in fast[0] if isinstance(a[1], dict))  # retries met


def test_a_retry_in_persian_digits_is_a_duplicate_on_both_branches(pw: PollingWorld) -> None:
    """Before, the portable branch answered 409 ballot_id_conflict where PostgreSQL answered a duplicate."""
    rng = random.Random(99)
    token, hashed = issue_token(rng.randbytes(20))
    steps = [
        ("check_in", {"station": 0, "payload": check_in_payload(pw.voters[0], hashed, request_id="p1")}),
        ("ballot", {"station": 0, "payload": {"ballot_id": "ab" * 16, "token": token, "codes": ["101", "102"]}}),
        ("ballot", {"station": 0, "payload": {"ballot_id": "ab" * 16, "token": token, "codes": ["۱۰۱", "۱۰۲"]}}),
    ]
    for switch in (rolled_back, lambda: _both(portable)):
        with switch():
            answers, _ = run(pw, steps)
            assert answers[2][0] == 200
            assert answers[2][1]["is_duplicate"] is True


@contextmanager
def _both(inner: Any) -> Iterator[None]:
    with rolled_back(), inner():
        yield


def test_the_roll_is_stored_alike_by_copy_and_by_the_orm(pw: PollingWorld) -> None:
    from ostan.polling import actions
    from ostan.polling.models import RollVoter
    from tests.actors import as_actor
    from tests.polling.world import national_code, roll_csv

    rows = [[styled(national_code(7000 + i), i % 3), "نرگس", "کاظمی", "1368/07/0" + str(1 + i % 9), "زن",
             pw.world.city_a.path] for i in range(30)]  # fmt: skip
    rows.append([national_code(7100), "علی", "بی‌حوزه", "1360/01/01", "مرد", pw.world.city_b.path])
    data = roll_csv(rows)

    def stored() -> tuple[object, list[object]]:
        report = actions.import_roll(
            actor=as_actor(pw.hq), election_round=pw.election_round, unit=pw.world.country, file_name="r.csv", data=data
        )
        voters = RollVoter.objects.filter(last_name__in=["کاظمی", "بی‌حوزه"])
        columns = ("national_code", "first_name", "birth_date", "residence_unit_path", "constituency_id")
        return report, sorted(voters.values_list(*columns))

    with rolled_back():
        fast = stored()
    with rolled_back(), portable():
        slow = stored()
    assert fast == slow
    assert len(fast[1]) == 31


def test_board_entries_are_the_same_chain_by_copy_and_by_the_orm(pw: PollingWorld, settings: Any) -> None:
    from ostan.publication import board
    from ostan.publication.models import BulletinEntry

    settings.OSTAN_BULLETIN_KEY = "11" * 32
    pending = [board.Pending("note", {"n": i, "text": "متن «آزمایشی»\n" * i}, subject=f"s{i}") for i in range(5)]

    def stored() -> list[tuple[object, ...]]:
        with transaction.atomic():
            board.append_many(pending)
        return list(
            BulletinEntry.objects.order_by("seq").values_list("seq", "kind", "payload", "prev_hash", "entry_hash")
        )

    with rolled_back():
        fast = stored()
    with rolled_back(), portable():
        slow = stored()
    assert fast == slow
    assert len(fast) == 5
