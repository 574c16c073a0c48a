"""The audit table's columns for the hot paths that insert entries with SQL of their own.

Election day writes one entry per check-in and per ballot upload inside statements that do everything
in one round trip (``ostan.polling.edge``), so those entries cannot go through the ORM. They build their
INSERT here, with the columns :func:`ostan.auditlog.actions.record` writes for the system, so that the
two never drift (a test compares these columns with the model's).
"""

from __future__ import annotations

from collections.abc import Mapping

from ostan.auditlog.events import AuditEvent
from ostan.core.access import Actor

TABLE = "auditlog_entry"
# The columns every entry carries, in the order the statements list them.
COLUMNS = (
    "recorded_at",
    "actor_id",
    "actor_label",
    "actor_role",
    "actor_unit_id",
    "actor_post_id",
    "actor_organisation_id",
    "actor_reason",
    "event",
    "object_type",
    "object_id",
    "object_label",
    "unit_path",
    "before",
    "after",
)
# What the caller supplies as SQL expressions (placeholders or columns of its own rows).
SUPPLIED = frozenset({"recorded_at", "object_id", "object_label", "unit_path", "before", "after"})


def _literal(text: str) -> str:
    """A constant of ours as an SQL string literal (standard-conforming strings: quotes doubled). A "%"
    would be read as a placeholder by the driver, so constants with one are refused."""
    if "%" in text:
        raise ValueError(f"an audit constant may not hold a percent sign: {text!r}")
    return "'" + text.replace("'", "''") + "'"


def system_insert(
    *, actor: Actor, event: AuditEvent, object_type: str, values: Mapping[str, str], source: str = ""
) -> str:
    """``INSERT INTO auditlog_entry (...) SELECT ...`` for entries the system writes.

    ``values`` maps each of :data:`SUPPLIED` to an SQL expression (``before`` and ``after`` default to
    NULL); ``source`` is what follows (``FROM ins JOIN v ON ...``), empty for one row of placeholders.
    """
    if not actor.is_system:
        raise ValueError("only the system's entries are written outside record()")
    unknown = set(values) - SUPPLIED
    if unknown:
        raise ValueError(f"not supplied by callers: {sorted(unknown)}")
    given = {"before": "NULL", "after": "NULL", **values}
    missing = SUPPLIED - set(given)
    if missing:
        raise ValueError(f"missing audit columns: {sorted(missing)}")
    fixed = {
        "actor_id": "NULL",
        "actor_label": _literal(actor.label),
        "actor_role": _literal(actor.kind.value),
        "actor_unit_id": "NULL",
        "actor_post_id": "NULL",
        "actor_organisation_id": "NULL",
        "actor_reason": _literal(actor.reason),
        "event": _literal(event.value),
        "object_type": _literal(object_type),
    }
    expressions = {**fixed, **given}
    columns = ", ".join(COLUMNS)
    selected = ", ".join(expressions[c] for c in COLUMNS)
    return f"INSERT INTO {TABLE} ({columns})\nSELECT {selected}" + (f"\n{source}" if source else "")
