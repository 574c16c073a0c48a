"""Persian alphabetical order in the database, the same on PostgreSQL and SQLite.

Every query that sorts names asks for :func:`by_name` (or :func:`persian`), which collates with
``PERSIAN_COLLATION``:

- on PostgreSQL it is an ICU collation for Persian, created by the territory app's migration
  0003 (``CREATE COLLATION ostan_fa (provider = icu, locale = 'fa')``), so پ follows ب, چ follows ج,
  ژ follows ز and گ follows ک instead of all of them coming after ی in code-point order;
- on SQLite (the demo) a collation of the same name is registered on every new connection, comparing
  with :func:`ostan.core.collation.persian_sort_key`.

Ties on the primary letters are broken by the text, so the order is total on both.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.expressions import OrderBy
from django.db.models.functions import Collate

from ostan.core.collation import persian_sort_key

PERSIAN_COLLATION = "ostan_fa"


def persian(field: str) -> Collate:
    """``field`` collated in Persian alphabetical order (for ``order_by`` or ``annotate``)."""
    return Collate(F(field), PERSIAN_COLLATION)


def by_name(field: str = "name", *, descending: bool = False) -> OrderBy:
    """Order by ``field`` the Persian way."""
    return persian(field).desc() if descending else persian(field).asc()


def compare(left: str | None, right: str | None) -> int:
    """The SQLite collation: -1, 0 or 1 as ``left`` sorts before, with or after ``right``."""
    a, b = persian_sort_key(left or ""), persian_sort_key(right or "")
    return (a > b) - (a < b)


def _register_on_sqlite(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(PERSIAN_COLLATION, compare)


connection_created.connect(_register_on_sqlite, dispatch_uid="ostan.ordering.sqlite_persian_collation")
