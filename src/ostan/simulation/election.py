"""``ostan simulate-election``: a province's election day end to end, through the real HTTP API.

Set-up runs on the server's database through the apps' actions (a round, a constituency per city of the
province with synthetic candidates, stations with registered device keys, a synthetic roll). Then every
station's devices check voters in and upload ballots over signed HTTP requests, concurrently; stations
close, their devices sign the minutes over HTTP; the board publishes every station, fixes the lot seed
to its head, aggregates and publishes every constituency, draws and records the supervisory re-check;
finally the chain and keys are downloaded over HTTP and checked by ``ostan verify``'s own code.

Without ``--base-url`` a gunicorn server is started on a free port against the configured database.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ostan.core.text import to_persian_digits

HEALTH_PATH = "/api/health"


@dataclass
class Report:
    phases: list[tuple[str, float]] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)
    is_verified: bool = False
    problems: list[str] = field(default_factory=list)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.phases.append((name, time.perf_counter() - started))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ostan simulate-election", description="شبیه‌سازی روز رأی‌گیری یک استان.")
    parser.add_argument("--base-url", help="نشانی سرور در حال اجرا (بدون آن gunicorn راه‌اندازی می‌شود)")
    parser.add_argument("--province", help="کد استان در تقسیمات کشوری (پیش‌فرض: نخستین استان با شهر)")
    parser.add_argument("--voters", type=int, default=3_000, help="اندازهٔ فهرست رأی‌دهندگان")
    parser.add_argument("--stations", type=int, default=20, help="تعداد شعبه‌ها")
    parser.add_argument("--constituencies", type=int, default=5, help="بیشینهٔ حوزه‌ها (شهرهای پرجمعیت‌تر)")
    parser.add_argument("--turnout", type=float, default=0.7, help="سهم رأی‌دهندگانی که می‌آیند")
    parser.add_argument("--workers", type=int, default=8, help="شعبه‌های هم‌زمان")
    parser.add_argument("--recheck", type=int, default=0, help="اندازهٔ نمونهٔ بازشماری (پیش‌فرض ۵٪ شعبه‌ها)")
    parser.add_argument("--seed", type=int, default=1405, help="بذر داده‌های ساختگی")
    parser.add_argument("--export-dir", help="نوشتن خروجی انتشار در این پوشه هم")
    return parser


def run_simulation(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
    import django

    django.setup()
    from ostan.simulation.stations import SimulationFailed

    report = Report()
    try:
        if args.base_url:
            simulate(args, args.base_url.rstrip("/"), report)
        else:
            with gunicorn_server() as base_url:
                simulate(args, base_url, report)
    except (SimulationFailed, RuntimeError) as exc:
        print(summary(report), file=sys.stderr)
        print(f"خطا: {exc}", file=sys.stderr)
        return 1
    print(summary(report))
    return 0 if report.is_verified else 1


def simulate(args: argparse.Namespace, base_url: str, report: Report) -> None:
    from ostan.simulation import steps

    rng = random.Random(args.seed)
    with report.phase("set-up (round, constituencies, stations, devices)"):
        world = steps.set_up(province_code=args.province, stations=args.stations,
                             constituencies=args.constituencies, rng=rng)  # fmt: skip
    with report.phase("synthetic roll"):
        steps.make_roll(world, voters=args.voters, seed=args.seed)
    with report.phase("anchor stations and device keys, open the round"):
        steps.open_round(world)
    plans = steps.plan_day(world, turnout=args.turnout, rng=rng)
    with report.phase("check-ins and ballots over HTTP"):
        steps.run_day(base_url, plans, workers=args.workers)
    with report.phase("close stations, sign minutes over HTTP"):
        steps.close_and_sign(base_url, world, plans, workers=args.workers)
    with report.phase("publish minutes and ballots"):
        steps.publish_stations(world)
    with report.phase("aggregate and publish results"):
        steps.publish_results(world)
    with report.phase("re-check draw and outcomes"):
        steps.recheck(world, size=args.recheck or max(1, len(world.stations) // 20))
    with report.phase("download and verify"):
        outcome = steps.download_and_verify(base_url, args.export_dir)
    report.figures = {
        "constituencies": len(world.constituencies),
        "stations": len(world.stations),
        "voters": world.roll_size,
        "check_ins": sum(p.check_ins for p in plans),
        "ballots": sum(p.accepted for p in plans),
        "chain_entries": int(outcome.figures.get("chain_entries", 0)),
        "verified_ballots": int(outcome.figures.get("ballots", 0)),
    }
    report.is_verified = outcome.ok
    report.problems = [f"[{p.code}] {p.subject}: {p.message}" for p in outcome.problems]


FIGURE_LABELS = {
    "constituencies": "حوزه‌ها / constituencies",
    "stations": "شعبه‌ها / stations",
    "voters": "رأی‌دهندگان فهرست / voters on the roll",
    "check_ins": "احراز هویت / check-ins",
    "ballots": "برگه‌های پذیرفته / ballots accepted",
    "chain_entries": "مدخل‌های زنجیره / chain entries",
    "verified_ballots": "برگه‌های وارسی‌شده / ballots verified",
}


def summary(report: Report) -> str:
    lines = ["شبیه‌سازی انتخابات / election simulation"]
    lines += [f"  {label}: {to_persian_digits(report.figures.get(k, 0))} ({report.figures.get(k, 0)})"
              for k, label in FIGURE_LABELS.items()]  # fmt: skip
    lines.append("  مرحله‌ها / phases:")
    lines += [f"    {name}: {seconds:.2f} s" for name, seconds in report.phases]
    lines.append(f"    total: {sum(s for _, s in report.phases):.2f} s")
    verdict = "درست / verified" if report.is_verified else "نادرست / FAILED"
    lines.append(f"  وارسی / verify: {verdict}")
    lines += [f"    ✗ {p}" for p in report.problems[:50]]
    return "\n".join(lines)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(base_url: str, alive: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and alive():
        try:
            with urllib.request.urlopen(base_url + HEALTH_PATH, timeout=5) as response:  # noqa: S310 (local)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("سرور gunicorn بالا نیامد.")


@contextmanager
def gunicorn_server(workers: int = 2, threads: int = 4) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "gunicorn", "ostan.wsgi:application", "-b", f"127.0.0.1:{port}",
               "-w", str(workers), "--threads", str(threads), "--log-level", "warning"]  # fmt: skip
    env: dict[str, Any] = {**os.environ}
    process = subprocess.Popen(command, env=env)  # noqa: S603 (our own interpreter and arguments)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base_url, lambda: process.poll() is None)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=30)
