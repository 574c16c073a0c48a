"""From PostgreSQL rows to a published result for a Tehran-size constituency.

1.15 million stored ballots (the 6th round's valid Tehran ballots), a mix of list votes and 1–21
candidate codes among 5,063 candidates in 10 lists plus independents. The ballots are generated once
(fixed seed) and loaded with COPY; the timed path is only what an office's "count" and "publish"
buttons do: stream the ballots from the database, run the core's count, store the CountRecord, publish.

Uses the server of DATABASE_URL with its own database ``ostan_bench_results`` (created if missing).
Run: DATABASE_URL=postgres://ostan@127.0.0.1:54329/ostan .venv/bin/python bench/bench_results.py
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DB = "ostan_bench_results"
BALLOTS = 1_150_000
CANDIDATES = 5_063
LISTS = 10
LIST_SIZE = 21
GOAL_SECONDS = 10.0
SEED = 1405


def _bench_url() -> str:
    base = os.environ.get("DATABASE_URL", "postgres://ostan@127.0.0.1:54329/ostan")
    parts = urlsplit(base)
    import psycopg

    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB]).fetchone():
            conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


os.environ["DATABASE_URL"] = _bench_url()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from ostan.core import counting  # noqa: E402
from ostan.core.access import Actor  # noqa: E402
from ostan.core.text import search_key  # noqa: E402
from ostan.elections import actions, files  # noqa: E402
from ostan.elections.models import BallotBatch, Constituency, ConstituencyKind, CountRecord, ElectionRound  # noqa: E402
from ostan.territory.models import Unit, UnitKind  # noqa: E402

BENCH = Actor.system("benchmark")


def _unit(code: str, kind: str, name: str, parent: Unit | None) -> Unit:
    path = f"{parent.path}/{code}" if parent else code
    unit, _ = Unit.objects.get_or_create(
        code=code,
        defaults={"kind": kind, "name": name, "search_key": search_key(name), "parent": parent, "path": path,
                  "depth": path.count("/")},
    )  # fmt: skip
    return unit


def _tehran() -> Unit:
    country = _unit("IR", UnitKind.COUNTRY, "ایران", None)
    province = _unit("23", UnitKind.PROVINCE, "تهران", country)
    county = _unit("2301", UnitKind.COUNTY, "تهران", province)
    district = _unit("230101", UnitKind.DISTRICT, "مرکزی", county)
    return _unit("2301011001", UnitKind.CITY, "تهران", district)


def _people() -> tuple[bytes, bytes, list[str], list[str]]:
    lists = [str(11 + i) for i in range(LISTS)]
    list_rows = "code,name\n" + "".join(f"{code},فهرست {code}\n" for code in lists)
    rows, codes = ["code,first_name,last_name,education,list_code"], []
    for i in range(CANDIDATES):
        code = str(10_000 + i)
        list_code = lists[i // LIST_SIZE] if i < LISTS * LIST_SIZE else ""
        rows.append(f"{code},نامزد,شماره {i},bachelor,{list_code}")
        codes.append(code)
    return list_rows.encode(), ("\n".join(rows) + "\n").encode(), lists, codes


def _ballots(rng: random.Random, lists: list[str], codes: list[str]) -> list[str]:
    weights = [1.0 / (1 + i) ** 0.9 for i in range(len(codes))]
    rng.shuffle(weights)
    for i in range(LISTS * LIST_SIZE):  # list members are better known than most independents
        weights[i] += 0.02
    cumulative, total = [], 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    out = []
    for _ in range(BALLOTS):
        roll = rng.random()
        if roll < 0.02:
            out.append("")
        elif roll < 0.37:
            out.append(lists[min(int(rng.random() ** 1.7 * LISTS), LISTS - 1)])
        else:
            chosen = dict.fromkeys(rng.choices(codes, cum_weights=cumulative, k=rng.randint(1, 21)))
            out.append(" ".join(chosen))
    out.sort()
    return out


def prepare() -> Constituency:
    call_command("migrate", verbosity=0)
    election_round = ElectionRound.objects.filter(number=7).first() or actions.create_round(
        actor=BENCH, number=7, name="دوره هفتم (سنجش کارایی)"
    )
    unit = _tehran()
    found = Constituency.objects.filter(election_round=election_round, unit=unit).first()
    c = found or actions.create_constituency(
        actor=BENCH, election_round=election_round, unit=unit, kind=ConstituencyKind.PROPORTIONAL
    )
    if c.ballot_batches.exists():
        return c
    list_file, people_file, lists, codes = _people()
    actions.import_lists(actor=BENCH, constituency=c, file_name="lists.csv", data=list_file)
    actions.import_candidates(actor=BENCH, constituency=c, file_name="candidates.csv", data=people_file)
    started = time.perf_counter()
    ballots = _ballots(random.Random(SEED), lists, codes)
    with transaction.atomic():
        batch = BallotBatch.objects.create(
            constituency=c, source="machine", file_name="bench.jsonl", sha256="0" * 64, ballot_count=len(ballots)
        )
        with (
            connection.cursor() as cursor,
            cursor.connection.cursor().copy("COPY elections_ballot (batch_id, codes) FROM STDIN") as copy,
        ):
            for text in ballots:
                copy.write_row((batch.pk, text))
    print(f"setup: generated and copied {len(ballots):,} ballots in {time.perf_counter() - started:.1f} s")
    return c


def _read_only(c: Constituency) -> tuple[float, int]:
    started = time.perf_counter()
    with transaction.atomic():
        ballots = files.HashedBallots(files.stored_codes(c))
        for _ in ballots:
            pass
    return time.perf_counter() - started, ballots.count


def main() -> None:
    c = prepare()
    c.refresh_from_db()
    Constituency.objects.filter(pk=c.pk).update(results_published_at=None)
    c.refresh_from_db()
    read_s, n = _read_only(c)
    started = time.perf_counter()
    record = actions.count_constituency(actor=BENCH, constituency=c)
    counted = time.perf_counter()
    actions.publish_results(actor=BENCH, constituency=c)
    total = time.perf_counter() - started
    core = counting.count(files.core_constituency(c), [t.split() for t in files.stored_codes(c)])
    assert core.to_json() == record.result, "the action and the core disagree"
    print(
        f"ballots stored: {n:,}; candidates: {c.candidates.count():,} in {c.party_lists.count()} lists + independents"
    )
    print(f"read + split + hash only (stream from PostgreSQL): {read_s:.2f} s")
    print(f"count action (read + count + store CountRecord):  {counted - started:.2f} s")
    print(f"figure: rows → published result: {total:.2f} s; goal < {GOAL_SECONDS:.0f} s; "
          f"result: {'met' if total < GOAL_SECONDS else 'NOT met'}")  # fmt: skip
    print(f"count records stored so far: {CountRecord.objects.filter(constituency=c).count()}")


if __name__ == "__main__":
    main()
