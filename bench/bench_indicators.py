"""Indicators at province scale: roll-ups over five years of monthly values, beside a plain pandas groupby.

A synthetic province of 400 neighbourhoods and 3,000 villages (20 counties, each with a city of 20
neighbourhoods and a rural district of 150 villages, every unit with a population), 50 entered monthly
indicators (sums, means and population-weighted means) and 5 ratios over them, five Jalali years of
monthly values: 3,400 × 60 × 50 = 10.2 million values, generated once (fixed seed) and loaded with COPY
month by month, as reports arrive.

Timed:
(a) a province roll-up of one indicator over the 60 months, as the indicator page and the API compute it
    (``ostan.indicators.aggregates.area_totals`` + ``ostan.core.network.totals.finish``), for a sum, a
    population-weighted mean and a ratio; beside the same aggregation by a plain pandas groupby over the
    same rows (read from the same database in the same run; the groupby alone and with the read), with
    the figures compared;
(b) the province's indicator dashboard page (and one indicator's page at the province) through gunicorn
    (2 workers), signed in as the governorate's staff: first computed afresh after a write (the generation
    of ``ostan.indicators.generations`` bumped before each request), then median and p95 over keep-alive
    connections, as pages are read between writes.

Uses the server of DATABASE_URL with its own database ``ostan_bench_indicators`` (created, migrated and
filled if missing; kept for the next run). Sizes: ``--neighbourhoods``, ``--villages``, ``--indicators``,
``--months`` (the issue's sizes by default). Run:
DATABASE_URL=postgres://ostan@127.0.0.1:54329/ostan .venv/bin/python bench/bench_indicators.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "ostan_bench_indicators"
SEED = 1405
COUNTIES = 20
ROLLUP_GOAL_S = 1.0
PAGE_GOAL_MS = 200.0
COLD_REQUESTS = 5
FIRST_YEAR = 1400


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--neighbourhoods", type=int, default=400)
    parser.add_argument("--villages", type=int, default=3000)
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    return parser.parse_args()


def _bench_url(name: str) -> str:
    base = os.environ.get("DATABASE_URL", "postgres://ostan@127.0.0.1:54329/ostan")
    parts = urlsplit(base)
    import psycopg

    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


ARGS = _args()
SIZE = f"n{ARGS.neighbourhoods}v{ARGS.villages}i{ARGS.indicators}m{ARGS.months}"
DEFAULT_SIZE = "n400v3000i50m60"
os.environ["DATABASE_URL"] = _bench_url(BENCH_DB if SIZE == DEFAULT_SIZE else f"{BENCH_DB}_{SIZE}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
# One key for this process and the gunicorn it starts, so the session signed here is valid there.
os.environ.setdefault("OSTAN_SECRET_KEY", secrets.token_urlsafe(50))
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

django.setup()

import pandas as pd  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from ostan.access.models import Post  # noqa: E402
from ostan.accounts.models import User  # noqa: E402
from ostan.core.access import Actor, Role  # noqa: E402
from ostan.core.network import Period  # noqa: E402
from ostan.core.network.totals import finish  # noqa: E402
from ostan.core.text import search_key  # noqa: E402
from ostan.indicators import actions, generations  # noqa: E402
from ostan.indicators.aggregates import area_totals  # noqa: E402
from ostan.indicators.catalogue import core_catalogue  # noqa: E402
from ostan.indicators.entries import IndicatorEntry  # noqa: E402
from ostan.indicators.models import Indicator, Value  # noqa: E402
from ostan.territory.models import Unit, UnitKind  # noqa: E402

BENCH = Actor.system("benchmark")
AGGREGATIONS = ("sum", "mean", "population_weighted_mean")
USERNAME, PASSWORD = "bench_governorate", "Bench-Indicators-1405"


def _unit(code: str, kind: str, name: str, parent: Unit | None, population: int | None = None) -> Unit:
    path = f"{parent.path}/{code}" if parent else code
    return Unit(
        code=code, kind=kind, name=name, search_key=search_key(name), parent=parent, path=path,
        depth=path.count("/"), population=population,
    )  # fmt: skip


def _province() -> tuple[Unit, list[Unit]]:
    """The synthetic province and its reporting units (neighbourhoods and villages), made once."""
    found = Unit.objects.filter(code="99").first()
    if found is not None:
        leaves = Unit.objects.filter(path__startswith=found.path + "/", kind__in=["neighbourhood", "village"])
        return found, list(leaves.order_by("path"))
    draw = random.Random(SEED)
    country = Unit.objects.filter(code="IR").first() or Unit.objects.create(
        **_fields(_unit("IR", "country", "ایران", None))
    )
    province = Unit.objects.create(**_fields(_unit("99", UnitKind.PROVINCE, "استان سنجش", country)))
    per_city, per_rural = ARGS.neighbourhoods // COUNTIES, ARGS.villages // COUNTIES
    for c in range(1, COUNTIES + 1):
        county = Unit.objects.create(**_fields(_unit(f"99{c:02d}", UnitKind.COUNTY, f"شهرستان {c}", province)))
        district = Unit.objects.create(**_fields(_unit(f"99{c:02d}01", UnitKind.DISTRICT, f"بخش {c}", county)))
        city = Unit.objects.create(**_fields(_unit(f"99{c:02d}011", UnitKind.CITY, f"شهر {c}", district)))
        rural = Unit.objects.create(**_fields(_unit(f"99{c:02d}012", UnitKind.RURAL_DISTRICT, f"دهستان {c}", district)))
        Unit.objects.bulk_create(
            [_unit(f"{city.code}-{n:03d}", UnitKind.NEIGHBOURHOOD, f"محله {c}-{n}", city, draw.randint(3000, 30000))
             for n in range(1, per_city + 1)]
            + [_unit(f"{rural.code}{v:04d}", UnitKind.VILLAGE, f"روستای {c}-{v}", rural, draw.randint(100, 3000))
               for v in range(1, per_rural + 1)]
        )  # fmt: skip
    return _province()


def _fields(unit: Unit) -> dict[str, object]:
    return {f.attname: getattr(unit, f.attname) for f in Unit._meta.concrete_fields if f.attname != "id"}


def _catalogue() -> list[Indicator]:
    made = []
    for i in range(ARGS.indicators):
        code = f"b{i:02d}"
        if not Indicator.objects.filter(code=code).exists():
            aggregation = AGGREGATIONS[i % len(AGGREGATIONS)]
            entry = IndicatorEntry(code, f"شاخص سنجش {i}", "نفر", "higher" if i % 2 else "lower", aggregation, "سنجش",
                                   suppress_below=5 if aggregation == "sum" else None)  # fmt: skip
            actions.save_indicator(actor=BENCH, entry=entry)
        made.append(Indicator.objects.get(code=code))
    sums = [i for i in made if i.aggregation == "sum"]
    for r in range(min(5, len(sums) // 2)):
        code = f"r{r}"
        if not Indicator.objects.filter(code=code).exists():
            parts = {"numerator": sums[2 * r].code, "denominator": sums[2 * r + 1].code, "factor": Decimal(1000)}
            entry = IndicatorEntry(code, f"نسبت سنجش {r}", "در هزار", "lower", "ratio", "سنجش", **parts)  # type: ignore[arg-type]
            actions.save_indicator(actor=BENCH, entry=entry)
    return made


def _months() -> list[Period]:
    months, current = [], Period.month(FIRST_YEAR, 1)
    for _ in range(ARGS.months):
        months.append(current)
        current = current.next()
    return months


def _fill(indicators: list[Indicator], units: list[Unit]) -> None:
    expected = len(indicators) * len(units) * ARGS.months
    have = Value.objects.count()
    if have == expected:
        print(f"setup: {have:,} values already loaded")
        return
    Value.objects.all().delete()
    draw = random.Random(SEED)
    now = timezone.now().isoformat()
    started = time.perf_counter()
    months = [(m, m.first_day.isoformat(), m.last_day.isoformat()) for m in _months()]
    with transaction.atomic(), connection.cursor() as cursor:
        columns = (
            "indicator_id, unit_id, period_kind, year, number, starts_on, ends_on, value, is_outlier, channel, "
            "entered_at"
        )
        with cursor.connection.cursor().copy(f"COPY indicators_value ({columns}) FROM STDIN") as copy:
            # Month by month, as reports arrive: a month's values of an indicator lie together on disk.
            bases = {(i.pk, u.pk): draw.uniform(0.5, 1.5) for i in indicators for u in units}
            for month, first, last in months:
                for indicator in indicators:
                    scale = {"sum": 40, "mean": 20, "population_weighted_mean": 60}[indicator.aggregation]
                    for unit in units:
                        base = bases[(indicator.pk, unit.pk)] * scale
                        if indicator.aggregation == "sum":
                            value: object = draw.randint(0, int(base * 2))
                        else:
                            value = round(base * draw.uniform(0.8, 1.2), 2)
                        copy.write_row((indicator.pk, unit.pk, "month", month.year, month.number, first, last,
                                        value, False, "import", now))  # fmt: skip
    print(f"setup: generated and copied {expected:,} values in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE indicators_value")


def _rollup(indicator: Indicator, province: Unit) -> tuple[float, dict[Period, Decimal | None]]:
    months = _months()
    core = core_catalogue([indicator]).get(indicator.code)
    started = time.perf_counter()
    totals = area_totals(indicator=indicator, area=province, first=months[0], last=months[-1])
    rolled = {p: finish(core, province.path, t).value for (p, _), t in totals.items()}
    return time.perf_counter() - started, rolled


def _rows_frame(indicator: Indicator, province: Unit) -> tuple[float, pd.DataFrame]:
    """The same rows as plain records: (unit, year, number, indicator, value, population)."""
    ids = [indicator.numerator_id, indicator.denominator_id] if indicator.numerator_id else [indicator.pk]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT v.unit_id, v.year, v.number, v.indicator_id, v.value::float8, u.population "
            "FROM indicators_value v JOIN territory_unit u ON u.id = v.unit_id "
            "WHERE v.indicator_id = ANY(%s) AND u.path LIKE %s",
            [ids, province.path + "/%"],
        )
        frame = pd.DataFrame(cursor.fetchall(), columns=["unit", "year", "number", "indicator", "value", "population"])
    return time.perf_counter() - started, frame


def _pandas(indicator: Indicator, frame: pd.DataFrame) -> tuple[float, dict[tuple[int, int], float]]:
    started = time.perf_counter()
    if indicator.numerator_id:
        wide = frame.pivot_table(index=["unit", "year", "number"], columns="indicator", values="value").dropna()
        sums = wide.groupby(level=["year", "number"]).sum()
        series = sums[indicator.numerator_id] / sums[indicator.denominator_id] * float(indicator.factor)
    elif indicator.aggregation == "population_weighted_mean":
        frame = frame.assign(weighted=frame["value"] * frame["population"])
        sums = frame.groupby(["year", "number"])[["weighted", "population"]].sum()
        series = sums["weighted"] / sums["population"]
    elif indicator.aggregation == "mean":
        series = frame.groupby(["year", "number"])["value"].mean()
    else:
        series = frame.groupby(["year", "number"])["value"].sum()
    return time.perf_counter() - started, {k: float(v) for k, v in series.items()}


def _compare(ours: dict[Period, Decimal | None], theirs: dict[tuple[int, int], float]) -> str:
    worst = 0.0
    for period, value in ours.items():
        other = theirs.get((period.year, period.number))
        if value is None or other is None:
            return f"missing at {period}"
        worst = max(worst, abs(float(value) - other) / max(1.0, abs(other)))
    return "same figures" if worst < 1e-4 else f"differ by up to {worst:.2e}"


def _best(run: object, times: int = 3) -> tuple[list[float], object]:
    seconds, last = [], None
    for _ in range(times):
        took, last = run()  # type: ignore[operator]
        seconds.append(took)
    return seconds, last


def rollups(province: Unit) -> None:
    picks = [Indicator.objects.get(code="b00"), Indicator.objects.get(code="b02"), Indicator.objects.get(code="r0")]
    for indicator in picks:
        ours_s, ours = _best(lambda i=indicator: _rollup(i, province))
        read_s, frame = _rows_frame(indicator, province)
        pandas_s, theirs = _best(lambda i=indicator, f=frame: _pandas(i, f))
        rows = len(frame)
        print(
            f"(a) province roll-up, {indicator.get_aggregation_display()} «{indicator.code}», {ARGS.months} months, "
            f"{rows:,} rows: ours {_fmt(ours_s)} (goal < {ROLLUP_GOAL_S} s) | pandas groupby {_fmt(pandas_s)}, "
            f"reading the rows into pandas {read_s:.3f} s | {_compare(ours, theirs)}"  # type: ignore[arg-type]
        )


def _fmt(seconds: list[float]) -> str:
    return f"best {min(seconds):.3f} s ({', '.join(f'{s:.3f}' for s in seconds)})"


def _session(province: Unit) -> str:
    user = User.objects.filter(username=USERNAME).first()
    if user is None:
        user = User.objects.create_user(username=USERNAME, password=PASSWORD, is_staff=True)
        Post.objects.create(person=user, role=Role.GOVERNOR_OFFICE_STAFF, unit=province, starts_at=user.date_joined)
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _hammer(port: int, path: str, cookie: str, total: int, concurrency: int) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for _ in range(index, total, concurrency):
            started = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}"})
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def dashboard(province: Unit) -> None:
    cookie = _session(province)
    port = _free_port()
    env = os.environ | {"OSTAN_DB_CONN_MAX_AGE": "600"}
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "ostan.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        _wait(port)
        last = _months()[-1]
        for path in (f"/indicators/units/{province.code}/?period={last}", f"/indicators/i/b00/?unit={province.code}"):
            cold = []
            for _ in range(COLD_REQUESTS):  # a write bumps the generation: the next request computes afresh
                generations.bump()
                cold += _hammer(port, path, cookie, 1, 1)
            took = _hammer(port, path, cookie, ARGS.requests, ARGS.concurrency)
            p95 = statistics.quantiles(took, n=20)[-1]
            print(
                f"(b) {path}: after a write (computed afresh, one client, ×{len(cold)}) median "
                f"{statistics.median(cold):.0f} ms, max {max(cold):.0f} ms | then ×{len(took)}, {ARGS.concurrency} "
                f"clients: median {statistics.median(took):.1f} ms, p95 {p95:.1f} ms (goal < {PAGE_GOAL_MS:.0f} ms)"
            )
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait(port: int, deadline_s: float = 240.0) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/indicators/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


def main() -> None:
    call_command("migrate", "--no-input", verbosity=0)
    call_command("createcachetable", verbosity=0)
    sizes = f"{ARGS.neighbourhoods} neighbourhoods, {ARGS.villages} villages, {ARGS.indicators} indicators"
    print(f"{dt.date.today()} · {sizes}, {ARGS.months} months · database {connection.settings_dict['NAME']}")
    province, units = _province()
    indicators = _catalogue()
    _fill(indicators, units)
    print(f"setup: {len(units):,} reporting units, {Value.objects.count():,} values")
    rollups(province)
    dashboard(province)


if __name__ == "__main__":
    main()
