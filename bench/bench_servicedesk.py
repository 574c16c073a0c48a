"""The service desk beside django-helpdesk, measured in the same run on the same PostgreSQL server.

1. Intake over HTTP: citizens file through ``POST /api/desk/requests`` (routing to the organisation, the
   deadline in working days, the tracking code, the audit entry, the SMS row and its task on the database
   queue, all in the request), against django-helpdesk's ``POST /api/tickets/`` (its TicketForm: ticket, first
   follow-up, e-mail to the locmem backend). Both behind gunicorn (2 workers x 4 threads), the same clients.
2. Search over BENCH_DESK_REQUESTS requests (1,000,000 by default) of generated Persian texts, bulk-loaded with
   COPY into both: the inspection office's inbox searched with ``q`` (its whole province, every state: the
   largest reach) as the API and as the page, against django-helpdesk's own ticket-list search (its datatables
   endpoint, the query its search box sends) as a superuser.
3. The inbox (an agency officer's, and the inspection office's whole province) and the dashboard over the same
   rows.

django-helpdesk runs from its own virtualenv (var/bench-helpdesk, made here from bench/helpdesk_ref/
requirements.txt) with the minimal project in bench/helpdesk_ref/, against its own database on the server.

Environment: DATABASE_URL names the server (its databases ostan_bench_desk and ostan_bench_helpdesk are made
afresh); BENCH_DESK_REQUESTS (1000000), BENCH_DESK_INTAKE (3000 per system), BENCH_DESK_CLIENTS (8),
BENCH_DESK_QUERIES (60 per kind of query), BENCH_DESK_REUSE=1 keeps the loaded databases of an earlier run
(then intake is skipped), BENCH_DESK_SLOW_S (10: a page slower than this is measured twice, not more).
Run: DATABASE_URL=postgres://ostan@127.0.0.1:54331/ostan .venv/bin/python bench/bench_servicedesk.py
"""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import io
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
HELPDESK_VENV = ROOT / "var" / "bench-helpdesk"
HELPDESK_PY = HELPDESK_VENV / "bin" / "python"
DESK_DB, HELPDESK_DB = "ostan_bench_desk", "ostan_bench_helpdesk"
REQUESTS = int(os.environ.get("BENCH_DESK_REQUESTS", "1000000"))
INTAKE = int(os.environ.get("BENCH_DESK_INTAKE", "3000"))
CLIENTS = int(os.environ.get("BENCH_DESK_CLIENTS", "8"))
QUERIES = int(os.environ.get("BENCH_DESK_QUERIES", "60"))
REUSE = os.environ.get("BENCH_DESK_REUSE", "") == "1"
SLOW_S = float(os.environ.get("BENCH_DESK_SLOW_S", "10"))
SEED = 1405
INTAKE_GOAL, SEARCH_GOAL_MS, LIST_GOAL_MS = 500.0, 100.0, 300.0
DESK_PORT, HELPDESK_PORT = 18731, 18732
CSRF = "b" * 32  # the CSRF secret both sides accept when the cookie and the header carry it
sys.path.insert(0, str(BENCH))

from desk_texts import SERVICE_NAMES, SERVICES, make, queries  # noqa: E402


def _server_urls() -> tuple[str, str, str]:
    base = urlsplit(os.environ.get("DATABASE_URL", "postgres://ostan@127.0.0.1:54329/ostan"))
    admin, desk, helpdesk = (urlunsplit(base._replace(path=f"/{name}")) for name in ("postgres", DESK_DB, HELPDESK_DB))
    return admin, desk, helpdesk


ADMIN_URL, DESK_URL, HELPDESK_URL = _server_urls()


def _fresh_database(name: str) -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


if not REUSE:
    _fresh_database(DESK_DB)
os.environ["DATABASE_URL"] = DESK_URL
os.environ.setdefault("OSTAN_SECRET_KEY", "bench-servicedesk-" + "k" * 40)  # one key: sessions cross processes
os.environ.setdefault("OSTAN_TRACKING_KEY", "0f" * 16)
os.environ.pop("OSTAN_TASKS_BACKEND", None)  # the production queue: django_tasks_db's DatabaseBackend
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from ostan.access.models import Organisation, Post  # noqa: E402
from ostan.accounts.models import User  # noqa: E402
from ostan.core.access import Actor, Role  # noqa: E402
from ostan.core.servicedesk import State  # noqa: E402
from ostan.core.servicedesk.tracking import encode  # noqa: E402
from ostan.core.text import search_key, search_words  # noqa: E402
from ostan.servicedesk import actions, clock  # noqa: E402
from ostan.servicedesk.entries import ServiceEntry  # noqa: E402
from ostan.servicedesk.models import Service, ServiceRequest  # noqa: E402
from ostan.territory.models import Unit, UnitKind  # noqa: E402
from ostan.territory.scope import PATH_SEPARATOR  # noqa: E402

SYSTEM = Actor.system("سنجش کارایی میز خدمت")
COUNTIES = ["اراک", "ساوه", "خمین", "محلات", "دلیجان", "تفرش", "آشتیان", "شازند", "کمیجان", "زرندیه"]
NATIONAL_CODE = "0499370899"


# ---- the world ------------------------------------------------------------------------------------------


def _unit(code: str, kind: str, name: str, parent: Unit | None) -> Unit:
    path = f"{parent.path}{PATH_SEPARATOR}{code}" if parent else code
    return Unit.objects.create(code=code, kind=kind, name=name, search_key=search_key(name), parent=parent,
                               path=path, depth=(parent.depth + 1) if parent else 0)  # fmt: skip


def _organisation(code: str, kind: str, name: str, seat: Unit) -> Organisation:
    organisation = Organisation(code=code, kind=kind, name=name, search_key=search_key(name), seat=seat)
    organisation.place(None)
    organisation.save()
    organisation.units.set([seat])
    return organisation


def _person(username: str, role: str, unit: Unit | None, organisation: Organisation | None = None) -> User:
    extra = {"national_code": NATIONAL_CODE, "mobile": "09121234567"} if role == Role.CITIZEN else {}
    person = User.objects.create_user(username=username, password=None, is_staff=role != Role.CITIZEN, **extra)
    if role != Role.CITIZEN:
        Post.objects.create(person=person, role=role, unit=unit, organisation=organisation,
                            starts_at=person.date_joined)  # fmt: skip
    return person


def build_world() -> dict[str, Any]:
    country = _unit("IR", UnitKind.COUNTRY, "ایران", None)
    province = _unit("00", UnitKind.PROVINCE, "مرکزی", country)
    leaves: list[Unit] = []
    water = None
    for i, name in enumerate(COUNTIES, start=1):
        county = _unit(f"00{i:02d}", UnitKind.COUNTY, name, province)
        district = _unit(f"00{i:02d}01", UnitKind.DISTRICT, "مرکزی", county)
        for kind in ("water_wastewater", "electricity", "gas", "telecommunications"):
            made = _organisation(f"{kind[:5].upper()}-{i:02d}", kind, f"{kind} {name}", county)
            water = water or made
        for c in range(1, 4):
            city = _unit(f"00{i:02d}01{c:02d}", UnitKind.CITY, f"{name} {c}", district)
            _organisation(f"MUN-{i:02d}{c:02d}", "municipality", f"شهرداری {city.name}", city)
            leaves.append(city)
        rural = _unit(f"00{i:02d}0190", UnitKind.RURAL_DISTRICT, f"دهستان {name}", district)
        leaves += [_unit(f"00{i:02d}0190{v:03d}", UnitKind.VILLAGE, f"روستای {name} {v}", rural) for v in (1, 2)]
    inspection = _organisation("INSP-00", "inspection_office", "دفتر بازرسی استانداری", province)
    for code, (kind, _) in SERVICES.items():
        entry = ServiceEntry(code, SERVICE_NAMES[code], ("complaint", "request"), kind, working_days=10)
        actions.save_service(actor=SYSTEM, entry=entry)
    for year in (1404, 1405, 1406):
        actions.load_official_holidays(actor=SYSTEM, year=year)
    assert water is not None
    people = {
        "citizen": _person("bench-citizen", Role.CITIZEN, None),
        "officer": _person("bench-water", Role.AGENCY_OFFICER, water.seat, water),
        "inspector": _person("bench-inspector", Role.INSPECTION_OFFICER, province, inspection),
    }
    return {"leaves": leaves, "people": people, "province": province}


def session_cookie(person: User) -> str:
    client = Client()
    client.force_login(person)
    return f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF}"


# ---- django-helpdesk ------------------------------------------------------------------------------------


def _helpdesk_env() -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(BENCH), "HELPDESK_DATABASE_URL": HELPDESK_URL,
            "DJANGO_SETTINGS_MODULE": "helpdesk_ref.settings"}  # fmt: skip


def helpdesk_ready() -> None:
    if not HELPDESK_PY.exists():
        subprocess.run([sys.executable, "-m", "venv", str(HELPDESK_VENV)], check=True)
        requirements = BENCH / "helpdesk_ref" / "requirements.txt"
        pip = [str(HELPDESK_PY), "-m", "pip", "install", "-q", "-r", str(requirements)]
        installed = subprocess.run(pip, capture_output=True, text=True)
        if installed.returncode != 0:
            raise SystemExit(f"django-helpdesk's virtualenv could not be made:\n{installed.stderr[-3000:]}")
    if not REUSE:
        _fresh_database(HELPDESK_DB)
        subprocess.run([str(HELPDESK_PY), "-m", "django", "migrate", "-v0"], env=_helpdesk_env(), check=True, cwd=BENCH)


HELPDESK_SETUP = """
from django.contrib.auth import get_user_model
from django.test import Client
from helpdesk.models import Queue
users = get_user_model()
staff = users.objects.filter(username="bench").first() or users.objects.create_superuser("bench", "b@example.org", None)
if not Queue.objects.exists():
    Queue.objects.create(title="میز خدمت", slug="desk", allow_public_submission=True)
client = Client()
client.force_login(staff)
print(Queue.objects.get().pk, client.cookies["sessionid"].value)
"""


def helpdesk_session() -> tuple[int, str]:
    out = subprocess.run([str(HELPDESK_PY), "-m", "django", "shell", "-c", HELPDESK_SETUP], env=_helpdesk_env(),
                         check=True, cwd=BENCH, capture_output=True, text=True).stdout.split()  # fmt: skip
    return int(out[-2]), f"sessionid={out[-1]}; csrftoken={CSRF}"


# ---- servers and clients --------------------------------------------------------------------------------


def serve(which: str) -> subprocess.Popen[bytes]:
    if which == "desk":
        gunicorn, app, port, cwd = ROOT / ".venv/bin/gunicorn", "ostan.wsgi", DESK_PORT, ROOT
        env = {**os.environ, "OSTAN_DB_CONN_MAX_AGE": "600", "OSTAN_LOG_LEVEL": "ERROR"}
    else:
        gunicorn, app, port, cwd = HELPDESK_VENV / "bin/gunicorn", "helpdesk_ref.wsgi", HELPDESK_PORT, BENCH
        env = _helpdesk_env()
    server = subprocess.Popen(
        [str(gunicorn), app, "-w", "2", "-k", "gthread", "--threads", "4", "--keep-alive", "60",
         "-b", f"127.0.0.1:{port}", "--log-level", "error", "--timeout", "300"],
        env=env, cwd=cwd,
    )  # fmt: skip
    for _ in range(150):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/")
            conn.getresponse().read()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"{which} did not start")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=30)


def _headers(cookie: str, body: bool) -> dict[str, str]:
    headers = {"Cookie": cookie, "X-CSRFToken": CSRF, "Accept": "application/json"}
    return {**headers, "Content-Type": "application/json"} if body else headers


def post_many(port: int, path: str, cookie: str, bodies: list[dict[str, Any]], expect: int) -> float:
    """``bodies`` POSTed over CLIENTS keep-alive connections; the rate per second."""
    failures: list[str] = []

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for body in bodies[index::CLIENTS]:
            conn.request("POST", path, json.dumps(body).encode(), _headers(cookie, True))
            answer = conn.getresponse()
            data = answer.read()
            if answer.status != expect:
                failures.append(f"{answer.status} {data[:300]!r}")
                return

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"POST {path} failed: {failures[0]}")
    return len(bodies) / elapsed


def get_timed(port: int, paths: list[str], cookie: str, concurrency: int = 1) -> list[float]:
    """Each path once (after a warm-up GET of the first), ``concurrency`` at a time; latencies in ms. When the
    warm-up takes over SLOW_S seconds the series is that one and one more; a page that does not answer in
    ten minutes (or fails) ends the series with what was measured (at least the time waited)."""
    latencies: list[float] = []
    lock = threading.Lock()

    def one(conn: http.client.HTTPConnection, path: str) -> float:
        started = time.perf_counter()
        try:
            conn.request("GET", path, headers=_headers(cookie, False))
            answer = conn.getresponse()
            answer.read()
        except OSError as exc:
            print(f"GET {path[:80]} failed after {time.perf_counter() - started:.0f} s: {exc!r}")
            return -(time.perf_counter() - started) * 1000
        if answer.status != 200:
            raise SystemExit(f"GET {path} answered {answer.status}")
        return (time.perf_counter() - started) * 1000

    warm = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    first = one(warm, paths[0])
    if first < 0 or first > SLOW_S * 1000:
        second = one(warm, paths[1 % len(paths)]) if first > 0 else first
        return [abs(first), abs(second)]

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        mine = [abs(one(conn, p)) for p in paths[index::concurrency]]
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def summary(values: list[float]) -> str:
    line = f"median {statistics.median(values):,.1f} ms, p95 {p95(values):,.1f} ms (n={len(values)})"
    print(f"  … {line}", flush=True)  # as measured: a long run shows its progress
    return line


# ---- intake ---------------------------------------------------------------------------------------------


def intake(world: dict[str, Any], helpdesk_queue: int, helpdesk_cookie: str) -> list[tuple[str, str, str]]:
    rng = random.Random(SEED + 1)
    made = [make(rng) for _ in range(INTAKE)]
    leaves = world["leaves"]
    desk_bodies = [{"service": t.service, "kind": "complaint", "unit": rng.choice(leaves).code, "text": t.text}
                   for t in made]  # fmt: skip
    ticket_bodies = [{"queue": helpdesk_queue, "title": t.title, "description": t.text, "priority": 3,
                      "submitter_email": f"citizen{i}@example.org"} for i, t in enumerate(made)]  # fmt: skip
    cookie = session_cookie(world["people"]["citizen"])
    server = serve("desk")
    try:
        post_many(DESK_PORT, "/api/desk/requests", cookie, desk_bodies[:100], 201)  # warm-up
        desk_rate = post_many(DESK_PORT, "/api/desk/requests", cookie, desk_bodies[100:], 201)
    finally:
        stop(server)
    from django_tasks_db.models import DBTaskResult

    from ostan.auditlog.models import Entry as AuditEntry
    from ostan.servicedesk.models import Notification

    filed, notes, tasks = ServiceRequest.objects.count(), Notification.objects.count(), DBTaskResult.objects.count()
    audited = AuditEntry.objects.filter(event="servicedesk.request_filed").count()
    print(f"intake: {filed} requests, {notes} SMS rows, {tasks} queued tasks, {audited} audit entries")
    server = serve("helpdesk")
    try:
        post_many(HELPDESK_PORT, "/api/tickets/", helpdesk_cookie, ticket_bodies[:100], 201)
        helpdesk_rate = post_many(HELPDESK_PORT, "/api/tickets/", helpdesk_cookie, ticket_bodies[100:], 201)
    finally:
        stop(server)
    n = INTAKE - 100
    return [
        (f"intake, POST /api/desk/requests ({n}, {CLIENTS} clients)", f">= {INTAKE_GOAL:.0f}/s", f"{desk_rate:,.0f}/s"),
        (f"django-helpdesk POST /api/tickets/ ({n}, same clients)", "(reference)", f"{helpdesk_rate:,.0f}/s"),
    ]


# ---- bulk load ------------------------------------------------------------------------------------------

STATES_OLD = [(State.CLOSED, 0.62), (State.ANSWERED, 0.2), (State.MERGED, 0.03), (State.NOT_OURS, 0.03),
              (State.IN_PROGRESS, 0.07), (State.ASSIGNED, 0.05)]  # fmt: skip
STATES_NEW = [(State.ASSIGNED, 0.3), (State.IN_PROGRESS, 0.3), (State.AWAITING_CITIZEN, 0.1),
              (State.ANSWERED, 0.2), (State.CLOSED, 0.1)]  # fmt: skip


def _pick(rng: random.Random, table: list[tuple[State, float]]) -> State:
    roll, total = rng.random(), 0.0
    for state, share in table:
        total += share
        if roll < total:
            return state
    return table[-1][0]


def _copy_value(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def bulk_load(world: dict[str, Any]) -> list[tuple[str, str, str]]:
    """REQUESTS rows into both systems (less those intake filed), over the last 18 months."""
    from ostan.servicedesk.actions import _route

    services = {s.code: s for s in Service.objects.all()}
    routes = {(code, u.pk): _route(s, u) for code, s in services.items() for u in world["leaves"]}
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM servicedesk_servicerequest")
        (first,) = cursor.fetchone()
    count = max(REQUESTS - first, 0)
    rng = random.Random(SEED)
    now = dt.datetime.now(dt.UTC)
    key = clock.tracking_key()
    desk_columns = ("id", "tracking_code", "service_id", "kind", "unit_id", "text", "search_key", "search_text",
                    "citizen_name", "citizen_national_code", "citizen_mobile", "channel", "state", "organisation_id",
                    "responsible_body", "registered_at", "deadline_started_at", "working_days", "due_at",
                    "answered_at", "closed_at", "answer", "satisfaction", "satisfaction_comment")  # fmt: skip
    ticket_columns = ("id", "title", "created", "modified", "submitter_email", "status", "on_hold", "description",
                      "resolution", "priority", "queue_id", "secret_key")  # fmt: skip
    desk_rows, ticket_rows = io.StringIO(), io.StringIO()
    words: set[str] = set()
    started = time.perf_counter()
    for i in range(count):
        pk = first + 1 + i
        t = make(rng)
        unit = rng.choice(world["leaves"])
        registered = now - dt.timedelta(seconds=rng.randint(0, 540 * 86400))
        state = _pick(rng, STATES_OLD if (now - registered).days > 30 else STATES_NEW)
        agency = routes[(t.service, unit.pk)]
        if agency is None and state in (State.ASSIGNED, State.IN_PROGRESS, State.AWAITING_CITIZEN):
            state = State.REGISTERED
        answered = (
            registered + dt.timedelta(hours=rng.randint(4, 400)) if state in (State.ANSWERED, State.CLOSED) else None
        )
        closed = answered + dt.timedelta(days=rng.randint(1, 10)) if state == State.CLOSED and answered else None
        satisfaction = rng.randint(1, 5) if closed and rng.random() < 0.4 else None
        due = registered + dt.timedelta(days=14)  # ten working days, near enough: no list here counts holidays
        folded = search_words(f"{t.text} {t.citizen_name}")
        words.update(folded.split())
        row = (pk, encode(pk, key=key), services[t.service].pk, "complaint", unit.pk, t.text, search_key(t.text),
               folded, t.citizen_name, "", "", "online", state.value,
               agency.pk if agency else None, "", registered, registered, 10, due, answered, closed,
               "رسیدگی شد." if answered else "", satisfaction, "")  # fmt: skip
        desk_rows.write("\t".join(_copy_value(v) for v in row) + "\n")
        status = 4 if closed else 3 if answered else 1
        ticket = (pk, t.title, registered, registered, f"citizen{pk}@example.org", status, "f", t.text, "", 3, 1,
                  secrets.token_hex(16))  # fmt: skip
        ticket_rows.write("\t".join(_copy_value(v) for v in ticket) + "\n")
    generated = time.perf_counter() - started
    desk_s = _copy_into(DESK_URL, "servicedesk_servicerequest", desk_columns, desk_rows,
                        ["servicedesk_request_fts"])  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO servicedesk_searchword (word) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
                       [sorted(words)])  # fmt: skip
    helpdesk_s = _copy_into(HELPDESK_URL, "helpdesk_ticket", ticket_columns, ticket_rows, [])
    total = first + count
    return [
        (f"bulk load, {total:,} requests (generated in {generated:.0f} s)", "(set-up)",
         f"desk COPY + indexes {desk_s:.0f} s; helpdesk COPY {helpdesk_s:.0f} s"),
    ]  # fmt: skip


def _copy_into(url: str, table: str, columns: tuple[str, ...], rows: io.StringIO, rebuilt: list[str]) -> float:
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        definitions = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)", [rebuilt]
        ).fetchall()
        for name, _ in definitions:
            conn.execute(f'DROP INDEX "{name}"')
        with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            copy.write(rows.getvalue())
        conn.execute("SET maintenance_work_mem = '512MB'")
        for _, definition in definitions:
            conn.execute(definition)
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")  # noqa: S608 - our table names
        conn.execute(f"VACUUM ANALYZE {table}")
    return time.perf_counter() - started


# ---- search and lists -----------------------------------------------------------------------------------


def _datatables(query: str) -> str:
    params = {"filtering": {}, "filtering_null": {}, "sorting": "created", "sortreverse": True,
              "search_string": query}  # fmt: skip
    b64 = base64.b64encode(json.dumps(params).encode()).decode()  # as helpdesk.query.query_to_base64 writes it
    return f"/datatables_ticket_list/{b64}?draw=1&start=0&length=25"


def latencies(world: dict[str, Any], helpdesk_cookie: str) -> list[tuple[str, str, str]]:
    rng = random.Random(SEED + 2)
    typed = [q for _ in range(QUERIES) for q in queries(rng, 4)]
    codes = list(ServiceRequest.objects.order_by("?").values_list("tracking_code", flat=True)[:QUERIES])
    people = world["people"]
    inspector, officer = session_cookie(people["inspector"]), session_cookie(people["officer"])
    quote: Callable[[str], str] = urllib.parse.quote
    rows: list[tuple[str, str, str]] = []
    server = serve("desk")
    try:
        for kind in ("problem+street", "street", "name", "typo"):
            paths = [f"/api/desk/inbox?state=all&q={quote(q)}" for k, q in typed if k == kind]
            rows.append((f"search API, inspection office, «{kind}»", f"p95 < {SEARCH_GOAL_MS:.0f} ms",
                         summary(get_timed(DESK_PORT, paths, inspector))))  # fmt: skip
        paths = [f"/api/desk/inbox?state=all&q={c}" for c in codes]
        rows.append(("search API, a tracking code", f"p95 < {SEARCH_GOAL_MS:.0f} ms",
                     summary(get_timed(DESK_PORT, paths, inspector))))  # fmt: skip
        every = [f"/desk/inbox/?state=all&q={quote(q)}" for _, q in typed]
        rows.append(("search page /desk/inbox/?q= (all kinds), inspection office", f"p95 < {SEARCH_GOAL_MS:.0f} ms",
                     summary(get_timed(DESK_PORT, every, inspector))))  # fmt: skip
        pages = [f"/desk/inbox/?page={1 + i % 5}" for i in range(QUERIES)]
        rows.append(("inbox page, an agency officer (open, by deadline)", f"p95 < {LIST_GOAL_MS:.0f} ms",
                     summary(get_timed(DESK_PORT, pages, officer))))  # fmt: skip
        rows.append(("inbox page, inspection office (whole province, open)", f"p95 < {LIST_GOAL_MS:.0f} ms",
                     summary(get_timed(DESK_PORT, pages, inspector))))  # fmt: skip
        overdue = [f"/desk/inbox/?overdue=on&page={1 + i % 5}" for i in range(QUERIES)]
        rows.append(("inbox page, inspection office, overdue only", f"p95 < {LIST_GOAL_MS:.0f} ms",
                     summary(get_timed(DESK_PORT, overdue, inspector))))  # fmt: skip
        dashboards = ["/desk/dashboard/"] * max(QUERIES // 4, 3)
        rows.append(("dashboard /desk/dashboard/, an agency officer", f"p95 < {LIST_GOAL_MS:.0f} ms",
                     summary(get_timed(DESK_PORT, dashboards, officer))))  # fmt: skip
        rows.append(("dashboard /desk/dashboard/, inspection office", f"p95 < {LIST_GOAL_MS:.0f} ms",
                     summary(get_timed(DESK_PORT, dashboards, inspector))))  # fmt: skip
    finally:
        stop(server)
    server = serve("helpdesk")
    try:
        for kind in ("problem+street", "name", "typo"):
            paths = [_datatables(q) for k, q in typed if k == kind]
            rows.append((f"django-helpdesk ticket search, «{kind}»", "(reference)",
                         summary(get_timed(HELPDESK_PORT, paths, helpdesk_cookie))))  # fmt: skip
        lists = [_datatables("") for _ in range(max(QUERIES // 4, 3))]
        rows.append(("django-helpdesk ticket list, no search", "(reference)",
                     summary(get_timed(HELPDESK_PORT, lists, helpdesk_cookie))))  # fmt: skip
    finally:
        stop(server)
    return rows


def main() -> None:
    if not REUSE:
        call_command("migrate", verbosity=0)
    helpdesk_ready()
    queue, helpdesk_cookie = helpdesk_session()
    if REUSE and Unit.objects.exists():
        leaves = list(Unit.objects.filter(kind__in=(UnitKind.CITY, UnitKind.VILLAGE)))
        people = {"citizen": User.objects.get(username="bench-citizen"),
                  "officer": User.objects.get(username="bench-water"),
                  "inspector": User.objects.get(username="bench-inspector")}  # fmt: skip
        world: dict[str, Any] = {"leaves": leaves, "people": people}
        rows: list[tuple[str, str, str]] = []
    else:
        world = build_world()
        rows = intake(world, queue, helpdesk_cookie)
        rows += bulk_load(world)
    rows += latencies(world, helpdesk_cookie)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    total = ServiceRequest.objects.count()
    print(f"\n{total:,} requests; gunicorn 2 workers x 4 threads each side; {os.cpu_count()} CPUs, load {load}\n")
    width = max(len(r[0]) for r in rows)
    for name, goal, result in rows:
        print(f"{name:<{width}}  {goal:<14}  {result}")


if __name__ == "__main__":
    main()
