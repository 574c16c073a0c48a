"""Values from a form and from a file: every problem reported, nothing half-applied; outliers flagged."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope
from ostan.core.network import Period
from ostan.core.tables import FileRejected
from ostan.indicators import actions
from ostan.indicators.errors import InvalidIndicatorEntry, InvalidValues
from ostan.indicators.models import Value
from tests.actors import SYSTEM, as_actor
from tests.indicators.conftest import Lab, entry, make_catalogue

M1 = Period.month(1405, 1)


def _csv(lines: list[str]) -> bytes:
    return ("کد شاخص,کد واحد,دوره,مقدار\n" + "\n".join(lines) + "\n").encode()


def test_a_file_with_bad_lines_writes_nothing_and_names_every_line(lab: Lab) -> None:
    make_catalogue()
    north, far = lab.north.code, lab.world.city_b.code
    data = _csv([
        f"births,{north},۱۴۰۵-۰۱,۴۰۰",  # 2: fine on its own
        f"unknown,{north},1405-01,3",  # 3: no such indicator
        f"births,{far},1405-01,3",  # 4: out of the secretary's territory
        f"births,{north},1405-13,3",  # 5: no such month
        f"imr,{north},1405-01,3",  # 6: a ratio is computed, not entered
        f"vaccinated,{north},1405-01,90",  # 7: more vaccinated than children
        f"children,{north},1405-01,80",
        f"literacy,{north},1405-01,120",  # 9: above the maximum
        f"births,{north},۱۴۰۵-۰۱,۴۰۰",  # 10: repeats line 2
        f"births,{lab.world.city_a.code},1405-01,500",  # 11: the city encloses the neighbourhood of line 2
        f"deaths,{north},1405-01,abc",  # 12: not a number
    ])  # fmt: skip
    with pytest.raises(FileRejected) as refused:
        actions.import_values(actor=as_actor(lab.secretary), file_name="values.csv", data=data)
    lines = {e.line: e.message for e in refused.value.errors}
    assert sorted(lines) == [2, 3, 4, 5, 6, 7, 9, 10, 11, 12]  # 2 and 11 collide: both are named
    assert "دوبار شمرده" in lines[2]
    assert "خارج از حوزهٔ مسئولیت" in lines[4]
    assert "شاخص vaccinated" in lines[7]
    assert "دوبار شمرده" in lines[11]
    assert Value.objects.count() == 0
    assert not Entry.objects.filter(event="indicators.values_imported").exists()


def test_a_clean_xlsx_file_is_written_whole_with_one_audit_entry(lab: Lab) -> None:
    from openpyxl import Workbook

    make_catalogue()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "unit", "period", "value"])
    for month in range(1, 13):
        sheet.append(["births", lab.north.code, f"1405-{month:02d}", 100 + month % 3])
    sheet.append(["births", lab.north.code, "1406-01", 900])  # far from the year before: flagged, still saved
    import io

    out = io.BytesIO()
    book.save(out)
    recorded = actions.import_values(actor=as_actor(lab.secretary), file_name="values.xlsx", data=out.getvalue())
    assert recorded.saved == 13
    assert [o.period for o in recorded.outliers] == ["فروردین ۱۴۰۶"]
    assert Value.objects.filter(is_outlier=True).count() == 1
    assert Entry.objects.filter(event="indicators.values_imported").count() == 1


def test_the_form_refuses_by_field_and_writes_nothing(lab: Lab) -> None:
    make_catalogue()
    secretary = as_actor(lab.secretary)
    with pytest.raises(InvalidValues) as refused:
        actions.record_values(
            actor=secretary, unit=lab.north, period=M1,
            values={"children": Decimal(50), "vaccinated": Decimal(60), "imr": Decimal(3), "births": Decimal(10)},
        )  # fmt: skip
    assert set(refused.value.field_errors) == {"vaccinated", "imr"}
    assert Value.objects.count() == 0
    actions.record_values(actor=secretary, unit=lab.north, period=M1, values={"children": Decimal(50)})
    with pytest.raises(InvalidValues):  # the stored 50 children still bound the vaccinated
        actions.record_values(actor=secretary, unit=lab.north, period=M1, values={"vaccinated": Decimal(51)})
    recorded = actions.record_values(actor=secretary, unit=lab.north, period=M1, values={"vaccinated": Decimal(50)})
    assert recorded.saved == 1
    with pytest.raises(OutOfScope):
        actions.record_values(actor=secretary, unit=lab.world.city_b, period=M1, values={"births": Decimal(1)})
    with pytest.raises(InvalidValues):  # a quarter for a monthly indicator
        actions.record_values(actor=secretary, unit=lab.north, period=Period.quarter(1405, 1), values={"births": 1})  # type: ignore[dict-item]


def test_catalogue_refusals(lab: Lab) -> None:
    make_catalogue()
    with pytest.raises(InvalidIndicatorEntry) as refused:
        actions.save_indicator(actor=SYSTEM, entry=entry("bad", "ratio", numerator="literacy", denominator="births"))
    assert "numerator" in refused.value.details  # type: ignore[operator]
    with pytest.raises(OutOfScope):
        actions.save_indicator(actor=as_actor(lab.secretary), entry=entry("x"))
    births = actions.save_indicator(actor=as_actor(lab.administrator), entry=entry("births2"))
    with pytest.raises(InvalidIndicatorEntry):  # the code never changes
        actions.save_indicator(actor=SYSTEM, entry=entry("births3"), indicator_id=births.pk)
