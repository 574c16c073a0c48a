"""The neighbourhood network at a province's size: the county and province dashboards and 3W pages, and
the overlap search over the whole province, beside the all-pairs comparison on a sample.

Uses the server of DATABASE_URL with its own database ``ostan_bench_network`` (recreated each run).
Run: DATABASE_URL=postgres://ostan@127.0.0.1:54329/ostan .venv/bin/python bench/bench_network.py
Options by environment: BENCH_NEIGHBOURHOODS (400), BENCH_VILLAGES (3000), BENCH_ACTIONS (100000),
BENCH_REQUESTS (20 per page), BENCH_NAIVE (3000: the sample both overlap finders run on).

The synthetic province has 8 counties, each with a district, a city and a rural district; the
neighbourhoods are spread over the cities and the villages over the rural districts; each has a council
and a plan for the year; 12 institutions run actions of one week to a year, drawn deterministically
(random.Random(1405)). Pages are asked through Django's test client, signed in as the governor's office
staff (province) and a فرماندار (county), as the site serves them, templates included.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DB = "ostan_bench_network"
NEIGHBOURHOODS = int(os.environ.get("BENCH_NEIGHBOURHOODS", "400"))
VILLAGES = int(os.environ.get("BENCH_VILLAGES", "3000"))
ACTIONS = int(os.environ.get("BENCH_ACTIONS", "100000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20"))
NAIVE = int(os.environ.get("BENCH_NAIVE", "3000"))
COUNTIES = 8
SEED = 1405
PAGE_GOAL_MS = 200.0
OVERLAP_GOAL_S = 10.0


def _bench_url() -> str:
    base = os.environ.get("DATABASE_URL", "postgres://ostan@127.0.0.1:54329/ostan")
    parts = urlsplit(base)
    import psycopg

    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


os.environ["DATABASE_URL"] = _bench_url()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from ostan.access.models import Organisation, Post  # noqa: E402
from ostan.accounts.models import User  # noqa: E402
from ostan.core.access import Actor, Role  # noqa: E402
from ostan.core.network import find_overlaps, find_overlaps_naive  # noqa: E402
from ostan.network import actions, records  # noqa: E402
from ostan.network.committees import CATEGORIES, RELATED_CATEGORIES, TargetGroup  # noqa: E402
from ostan.network.models import Action, Council, CouncilLevel, Plan  # noqa: E402
from ostan.territory.models import Unit, UnitKind  # noqa: E402

BENCH = Actor.system("benchmark")
KINDS = ("mosque", "basij_base", "red_crescent", "relief_committee", "municipality", "school", "jihadi_group",
         "charity", "health", "welfare", "education", "other_institution")  # fmt: skip
TOPICS = ("غربالگری فشار خون", "توزیع بستهٔ معیشتی", "کلاس آموزش مهارت", "پاک‌سازی معابر", "کاشت نهال",
          "آموزش ایمنی", "تعمیر منازل", "مشاوره خانواده", "ورزش همگانی", "کتاب‌خوانی", "وام خرد")  # fmt: skip
WORDS = ("سالمندان", "کودکان", "بانوان", "جوانان", "مسجد", "مدرسه", "محله", "روستا", "بوستان", "خانوارها")


def _unit(code: str, kind: str, name: str, parent: Unit | None) -> Unit:
    path = f"{parent.path}/{code}" if parent else code
    return Unit(code=code, kind=kind, name=name, search_key=name, parent=parent, path=path,
                depth=parent.depth + 1 if parent else 0)  # fmt: skip


def build(rng: random.Random) -> tuple[Unit, Unit, list[Unit]]:
    country = _unit("IR", UnitKind.COUNTRY, "ایران", None)
    country.save()
    province = _unit("99", UnitKind.PROVINCE, "استان آزمون", country)
    province.save()
    counties, cities, rurals = [], [], []
    for c in range(COUNTIES):
        county = _unit(f"99{c:02d}", UnitKind.COUNTY, f"شهرستان {c}", province)
        county.save()
        district = _unit(f"99{c:02d}01", UnitKind.DISTRICT, f"بخش {c}", county)
        district.save()
        city = _unit(f"99{c:02d}0101", UnitKind.CITY, f"شهر {c}", district)
        rural = _unit(f"99{c:02d}0102", UnitKind.RURAL_DISTRICT, f"دهستان {c}", district)
        city.save()
        rural.save()
        counties.append(county)
        cities.append(city)
        rurals.append(rural)
    places = [_unit(f"{cities[i % COUNTIES].code}-{i:04d}", UnitKind.NEIGHBOURHOOD, f"محله {i}", cities[i % COUNTIES])
              for i in range(NEIGHBOURHOODS)]  # fmt: skip
    places += [_unit(f"{rurals[i % COUNTIES].code}{i:05d}", UnitKind.VILLAGE, f"روستا {i}", rurals[i % COUNTIES])
               for i in range(VILLAGES)]  # fmt: skip
    places = Unit.objects.bulk_create(places, batch_size=2000)
    orgs = []
    for i, kind in enumerate(KINDS):
        org = Organisation(code=f"ORG-{i}", kind=kind, name=f"نهاد {i}", search_key=f"نهاد {i}", seat=province)
        org.place(None)
        orgs.append(org)
    orgs = Organisation.objects.bulk_create(orgs)
    councils = Council.objects.bulk_create(
        [Council(unit=p, level=CouncilLevel.LOCAL, name=f"شورای {p.name}") for p in places], batch_size=2000
    )
    year = "1405"
    plans = Plan.objects.bulk_create([Plan(council=c, period=year, needs="-", goals="-") for c in councils], 2000)
    first = dt.date(2025, 3, 21)
    groups = list(TargetGroup.values)
    batch: list[Action] = []
    for _ in range(ACTIONS):
        k = rng.randrange(len(plans))
        code, _, committee = rng.choice(CATEGORIES)
        start = first + dt.timedelta(days=rng.randrange(3 * 365))
        batch.append(Action(
            plan_id=plans[k].pk, unit_id=places[k].pk, organisation_id=rng.choice(orgs).pk, committee=committee.value,
            category=code, target_group=rng.choice(groups), title=f"{rng.choice(TOPICS)} {rng.choice(WORDS)}",
            description=" ".join(rng.sample(WORDS, 2)), budget=rng.choice((None, rng.randrange(1, 10**9))),
            budget_source="popular", starts_on=start, ends_on=start + dt.timedelta(days=rng.randrange(7, 366)),
            progress=rng.randrange(0, 101),
        ))  # fmt: skip
        if len(batch) == 5000:
            Action.objects.bulk_create(batch)
            batch = []
    Action.objects.bulk_create(batch)
    return province, counties[0], counties


def person(username: str, role: Role, unit: Unit) -> Client:
    user = User.objects.create_user(username=username, password="x-Bench-1405", is_staff=True)  # noqa: S106
    Post.objects.create(person=user, role=role, unit=unit, starts_at=user.date_joined)
    client = Client()
    client.force_login(user)
    return client


def p95(client: Client, path: str) -> tuple[float, float]:
    client.get(path, HTTP_HOST="127.0.0.1")  # the first request warms the templates and the URL resolver
    times = []
    for _ in range(REQUESTS):
        began = time.perf_counter()
        response = client.get(path, HTTP_HOST="127.0.0.1")
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def main() -> None:
    print(f"database {BENCH_DB}: migrating…", flush=True)
    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["*"]
    rng = random.Random(SEED)
    began = time.perf_counter()
    province, county, _ = build(rng)
    print(f"province: {NEIGHBOURHOODS} neighbourhoods, {VILLAGES} villages, {Action.objects.count():,} actions "
          f"(built in {time.perf_counter() - began:.1f} s)")  # fmt: skip
    staff = person("bench_province", Role.GOVERNOR_OFFICE_STAFF, province)
    governor = person("bench_county", Role.GOVERNOR, county)
    for label, client, unit in (("province", staff, province), ("county", governor, county)):
        for page in ("dashboard", "3w"):
            median, high = p95(client, f"/network/u/{unit.code}/{page}/")
            verdict = "meets" if high < PAGE_GOAL_MS else "misses"
            print(
                f"{label} {page}: median {median:.0f} ms, p95 {high:.0f} ms ({verdict} the {PAGE_GOAL_MS:.0f} ms goal)"
            )
    began = time.perf_counter()
    new = actions.detect_overlaps(actor=BENCH, unit=province)
    whole = time.perf_counter() - began
    loaded = records.actions_under(province.path)
    began = time.perf_counter()
    found = find_overlaps(loaded.records, relations=RELATED_CATEGORIES)
    core = time.perf_counter() - began
    verdict = "meets" if whole < OVERLAP_GOAL_S else "misses"
    print(f"overlap search, whole province (load, core, store {new:,} pairs): {whole:.2f} s ({verdict} the "
          f"{OVERLAP_GOAL_S:.0f} s goal); the core alone {core:.2f} s for {len(found):,} pairs")  # fmt: skip
    sample = loaded.records[:NAIVE]
    began = time.perf_counter()
    fast = find_overlaps(sample, relations=RELATED_CATEGORIES)
    fast_s = time.perf_counter() - began
    began = time.perf_counter()
    naive = find_overlaps_naive(sample, relations=RELATED_CATEGORIES)
    naive_s = time.perf_counter() - began
    assert fast == naive, "the finders disagree"
    print(f"sample of {len(sample):,} actions: blocked and swept {fast_s * 1000:.0f} ms, all pairs {naive_s:.2f} s "
          f"({len(fast):,} pairs, the same); at {timezone.now():%Y-%m-%d}")  # fmt: skip


if __name__ == "__main__":
    main()
