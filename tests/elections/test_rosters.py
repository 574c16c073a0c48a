"""Candidate and list imports: CSV and XLSX, all rows or none, a Persian report naming line and reason."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.national_code import from_serial
from ostan.core.tables import FileRejected
from ostan.elections import actions
from ostan.elections.models import Candidate, Constituency, ConstituencyKind, ElectionRound
from tests.actors import as_actor
from tests.elections.world import CITY_CANDIDATES, World, candidates_csv


def _messages(refused: pytest.ExceptionInfo[FileRejected]) -> list[tuple[int, str]]:
    return [(e.line, e.message) for e in refused.value.errors]


def test_valid_csv_imports_every_row_with_one_audit_entry(city: Constituency, official_a: User) -> None:
    before = Entry.objects.count()
    rows = [[*CITY_CANDIDATES[0][:1], from_serial(7), *CITY_CANDIDATES[0][2:]], *CITY_CANDIDATES[1:]]
    imported = actions.import_candidates(
        actor=as_actor(official_a), constituency=city, file_name="c.csv", data=candidates_csv(rows)
    )
    assert imported == 10
    first = Candidate.objects.get(constituency=city, code="101")
    assert (first.full_name, first.national_code, first.education) == ("علی محمدی", from_serial(7), 4)
    assert Candidate.objects.get(constituency=city, code="102").is_veteran
    entry = Entry.objects.get(pk__in=Entry.objects.order_by("-id")[:1])
    assert Entry.objects.count() == before + 1
    assert entry.event == "elections.candidates_imported"
    assert entry.after is not None
    assert entry.after["candidates"] == 10
    assert len(entry.after["sha256"]) == 64


def test_valid_xlsx_with_persian_headers_and_digits(city: Constituency, official_a: User) -> None:
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.append(["کد نامزد", "نام", "نام خانوادگی", "تحصیلات", "ایثارگر"])
    sheet.append(["۲۰۱", "فاطمه", "نوري", "دکترا", "بله"])  # Persian digits, Arabic yeh
    sheet.append([202, "علي", "كريمی", "لیسانس", ""])
    data = io.BytesIO()
    book.save(data)
    imported = actions.import_candidates(
        actor=as_actor(official_a), constituency=city, file_name="c.xlsx", data=data.getvalue()
    )
    assert imported == 2
    assert Candidate.objects.get(constituency=city, code="201").last_name == "نوری"
    assert Candidate.objects.get(constituency=city, code="202").full_name == "علی کریمی"


def test_one_bad_row_imports_nothing_and_names_line_and_reason(city: Constituency, official_a: User) -> None:
    before = Entry.objects.count()
    rows = [
        CITY_CANDIDATES[0],
        ["10x", "", "رضا", "احمدی", "خیر", "دیپلم"],  # line 3: bad code
        ["101", "", "مریم", "رضایی", "خیر", "دیپلم"],  # line 4: duplicate code
        ["104", "1234567890", "", "کریمی", "خیر", "فوق‌العاده"],  # line 5: bad national code, no name, bad education
    ]
    with pytest.raises(FileRejected) as refused:
        actions.import_candidates(
            actor=as_actor(official_a), constituency=city, file_name="c.csv", data=candidates_csv(rows)
        )
    report = _messages(refused)
    assert (3, "کد نامزد «10x» نامعتبر است (فقط رقم، حداکثر 8 رقم)") in report
    assert (4, "کد نامزد «101» تکراری است (همان سطر 2)") in report
    assert any(line == 5 and message.startswith("کد ملی «1234567890»") for line, message in report)
    assert (5, "نام خالی است") in report
    assert (5, "مقدار «فوق‌العاده» برای تحصیلات پذیرفته نیست") in report
    assert not Candidate.objects.exists()
    assert Entry.objects.count() == before


def test_missing_column_is_reported(city: Constituency, official_a: User) -> None:
    with pytest.raises(FileRejected) as refused:
        actions.import_candidates(
            actor=as_actor(official_a),
            constituency=city,
            file_name="c.csv",
            data=candidates_csv([["1", "علی"]], ("code", "first_name")),
        )
    assert "ستون‌های لازم" in refused.value.message


def test_lists_then_candidates_with_unknown_list(election_round: ElectionRound, national: User, world: World) -> None:
    tehran = actions.create_constituency(
        actor=as_actor(national), election_round=election_round, unit=world.tehran, kind=ConstituencyKind.PROPORTIONAL
    )
    actions.import_lists(
        actor=as_actor(national),
        constituency=tehran,
        file_name="l.csv",
        data="code,name\n11,امید\n12,پایداری\n".encode(),
    )
    header = ("code", "first_name", "last_name", "education", "list_code")
    with pytest.raises(FileRejected) as refused:
        actions.import_candidates(
            actor=as_actor(national), constituency=tehran, file_name="c.csv",
            data=candidates_csv([["1001", "علی", "نوری", "دکتری", "11"], ["1002", "زهرا", "نوری", "دکتری", "13"]],
                                header),
        )  # fmt: skip
    assert _messages(refused) == [(3, "فهرست «13» در این حوزه تعریف نشده است")]
    actions.import_candidates(
        actor=as_actor(national), constituency=tehran, file_name="c.csv",
        data=candidates_csv([["1001", "علی", "نوری", "دکتری", "11"], ["5001", "زهرا", "نوری", "دکتری", ""]], header),
    )  # fmt: skip
    member = Candidate.objects.select_related("party_list").get(code="1001")
    assert member.party_list is not None
    assert member.party_list.code == "11"
    assert Candidate.objects.get(code="5001").party_list is None
