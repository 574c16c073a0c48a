"""The election day's own audit inserts (``ostan.auditlog.rows``) write the columns ``record`` writes for the
system: every column of the table, and the same values."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from ostan.auditlog.actions import record
from ostan.auditlog.models import Entry
from ostan.auditlog.rows import COLUMNS, SUPPLIED, system_insert
from ostan.core.access import Actor
from ostan.polling.events import PollingEvent

DEVICE = Actor.system("دستگاه آزمایشی")


def test_the_columns_are_the_model_s() -> None:
    model = {f.column for f in Entry._meta.concrete_fields} - {"id"}
    assert set(COLUMNS) == model
    assert set(COLUMNS) > SUPPLIED


@pytest.mark.django_db
def test_a_row_written_by_sql_reads_as_one_written_by_record() -> None:
    sql = system_insert(
        actor=DEVICE,
        event=PollingEvent.BALLOT_CAST,
        object_type="polling.station",
        values={"recorded_at": "now()", "object_id": "%s", "object_label": "%s", "unit_path": "%s"},
    )
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql, ["7", "A001", "IR/00"])
        record(actor=DEVICE, event=PollingEvent.BALLOT_CAST, object_type="polling.station", object_id="7",
               object_label="A001", unit_path="IR/00")  # fmt: skip
    names = [f.attname for f in Entry._meta.concrete_fields if f.attname not in {"id", "recorded_at"}]
    by_sql, by_record = Entry.objects.order_by("id").values_list(*names)
    assert by_sql == by_record


def test_only_the_system_writes_outside_record() -> None:
    person = Actor.anonymous()
    with pytest.raises(ValueError, match="system"):
        system_insert(actor=person, event=PollingEvent.BALLOT_CAST, object_type="x", values={})
    with pytest.raises(ValueError, match="percent"):
        system_insert(actor=Actor.system("۱۰٪ % بار"), event=PollingEvent.BALLOT_CAST, object_type="x", values={
            "recorded_at": "now()", "object_id": "'1'", "object_label": "''", "unit_path": "''"})  # fmt: skip
