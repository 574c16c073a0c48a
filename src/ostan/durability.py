"""Whether the database keeps what it acknowledged: election day's writes refuse a database that does not.

A check-in or ballot answered "accepted" must survive a crash of the database server. PostgreSQL
promises that only with ``fsync = on`` (writes reach the disk), ``synchronous_commit`` not ``off``
(a commit waits for its WAL record to be flushed) and ``full_page_writes = on`` (a torn page can be
repaired after a crash). Killing PostgreSQL under load with ``fsync=off, synchronous_commit=off`` lost
4 of 47,921 acknowledged check-ins; with the defaults it lost none, at no measurable cost.

Every new database connection reads those settings (SQLite: ``PRAGMA synchronous`` and
``journal_mode``) straight from the driver, once, and keeps the finding for the process:

- it is logged as a warning when the database is not durable, and ``manage.py check --database
  default`` (run by ``migrate``) reports it, as an error when durability is required;
- ``/api/health`` reports it (:func:`status`);
- with ``settings.OSTAN_REQUIRE_DURABLE`` (on by default when DEBUG is off) every signed device request
  (check-ins, ballots, minutes' signatures: :func:`ostan.polling.device_requests.verify`) is refused
  with :class:`NotDurable` until the database is durable. Tests and the benchmarks on the fast server
  of ``tools/pg.sh`` (fsync off) turn it off.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import checks
from django.db import connections
from django.db.backends.signals import connection_created

from ostan.core.errors import DomainError

log = logging.getLogger(__name__)

POSTGRESQL_SETTINGS = ("fsync", "synchronous_commit", "full_page_writes")
_POSTGRESQL_QUERY = (
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')"
)
README_SECTION = "README.md، بخش «اجرا در محیط واقعی»"


class NotDurable(DomainError):
    code = "database_not_durable"
    status = 503


@dataclass(frozen=True)
class Finding:
    vendor: str
    settings: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @property
    def is_durable(self) -> bool:
        return not self.problems


def judge(vendor: str, found: dict[str, str]) -> Finding:
    """What is wrong with the settings ``found`` on a ``vendor`` database (nothing: durable)."""
    problems: list[str] = []
    if vendor == "postgresql":
        for name in POSTGRESQL_SETTINGS:
            if name not in found:
                problems.append(f"{name} unknown")
        if found.get("fsync", "on") != "on":
            problems.append("fsync is off")
        if found.get("synchronous_commit", "on") == "off":
            problems.append("synchronous_commit is off")
        if found.get("full_page_writes", "on") != "on":
            problems.append("full_page_writes is off")
    elif vendor == "sqlite":
        if found.get("synchronous") in {"0", None}:
            problems.append("synchronous is off")
        if found.get("journal_mode") in {"off", "memory"}:
            problems.append(f"journal_mode is {found.get('journal_mode')}")
    return Finding(vendor, dict(found), tuple(problems))


def inspect(connection: Any) -> Finding:
    """Read the settings through the driver's own cursor (not Django's: no query is logged or counted)."""
    raw = connection.connection.cursor()
    try:
        if connection.vendor == "postgresql":
            raw.execute(_POSTGRESQL_QUERY)
            found = {str(name): str(value) for name, value in raw.fetchall()}
        elif connection.vendor == "sqlite":
            raw.execute("PRAGMA synchronous")
            synchronous = str(raw.fetchone()[0])
            raw.execute("PRAGMA journal_mode")
            found = {"synchronous": synchronous, "journal_mode": str(raw.fetchone()[0]).lower()}
        else:
            found = {}
    finally:
        raw.close()
    return judge(connection.vendor, found)


_findings: dict[str, Finding] = {}


def _on_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
    finding = inspect(connection)
    before = _findings.get(connection.alias)
    _findings[connection.alias] = finding
    if not finding.is_durable and (before is None or before.problems != finding.problems):
        log.warning("database %s does not commit durably: %s", connection.alias, ", ".join(finding.problems))


connection_created.connect(_on_connection, dispatch_uid="ostan.durability.inspect")


def status(alias: str = "default") -> Finding:
    """The finding for ``alias``, connecting first if this process has not yet."""
    if alias not in _findings:
        connections[alias].ensure_connection()
    return _findings[alias]


def recheck(alias: str = "default") -> Finding:
    """Read the settings again on this thread's connection (a reload may have changed them) and keep them."""
    connection = connections[alias]
    connection.ensure_connection()
    _on_connection(None, connection)
    return _findings[alias]


def is_required() -> bool:
    return bool(getattr(settings, "OSTAN_REQUIRE_DURABLE", False))


MESSAGE = (
    "پایگاه داده این سامانه نوشته‌ها را ماندگار ثبت نمی‌کند ({problems})؛ اگر کارگزار پایگاه داده از کار "
    "بیفتد، پذیرش‌ها و رأی‌هایی که تأیید شده‌اند ممکن است از دست بروند. تا درست شدن تنظیمات پایگاه داده "
    "(fsync، synchronous_commit و full_page_writes روشن) پذیرش رأی‌دهنده و ثبت رأی متوقف است. "
    f"راهنما: {README_SECTION}."
)


def ensure_durable(alias: str = "default") -> None:
    """Refuse (:class:`NotDurable`) when durability is required and the database is known not to be
    durable. Reads only the finding kept from the last connection: safe on an event loop."""
    if not is_required():
        return
    finding = _findings.get(alias)
    if finding is not None and not finding.is_durable:
        raise NotDurable(MESSAGE.format(problems="، ".join(finding.problems)), details=finding.settings)


@checks.register(checks.Tags.database)
def check_durable(databases: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """``manage.py check --database default`` (and ``migrate``): the database commits durably."""
    found: list[checks.CheckMessage] = []
    for alias in databases or ():
        finding = status(alias)
        if finding.is_durable:
            continue
        text = f"database {alias} does not commit durably: {', '.join(finding.problems)}"
        hint = "Set fsync, synchronous_commit and full_page_writes on (see README.md, production)."
        if is_required():
            found.append(checks.Error(text, hint=hint, id="ostan.E001"))
        else:
            found.append(checks.Warning(text, hint=hint, id="ostan.W001"))
    return found
