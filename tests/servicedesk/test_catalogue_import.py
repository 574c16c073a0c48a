"""The administrator's catalogue file: every line written, or none with each bad line named in Persian."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ostan.auditlog.models import Entry as AuditEntry
from ostan.core.access import Role
from ostan.core.tables import FileRejected, xlsx_bytes
from ostan.servicedesk.catalogue import import_services
from ostan.servicedesk.models import Service
from tests.actors import SYSTEM, make_person
from tests.servicedesk.conftest import Desk

HEADER = "کد خدمت,نام خدمت,گونه‌های درخواست,نوع دستگاه مسئول,مدارک لازم,مهلت پاسخ\n"


def test_an_xlsx_catalogue_from_the_page_as_the_administrator(desk: Desk) -> None:
    admin = make_person("admin", Role.SYSTEM_ADMINISTRATOR, desk.world.province)
    data = xlsx_bytes(
        ["code", "نام", "گونه‌ها", "نوع دستگاه", "مدارک", "مهلت"],
        [["park-repair", "تعمیر پارک", "شکایت، پیشنهاد", "شهرداری", "عکس؛ نشانی", "۷"],
         ["water-outage", "قطعی آب (تازه)", "complaint", "water_wastewater", "", ""]],
    )  # fmt: skip
    client = Client()
    client.force_login(admin)
    assert client.get("/desk/catalogue/import/").status_code == 200
    answer = client.post("/desk/catalogue/import/", {"file": SimpleUploadedFile("services.xlsx", data)})
    assert answer.status_code == 302
    park = Service.objects.get(code="park-repair")
    assert (park.kinds, park.organisation_kind, park.working_days) == (["complaint", "suggestion"], "municipality", 7)
    assert park.document_lines == ["عکس", "نشانی"]
    assert Service.objects.get(code="water-outage").name == "قطعی آب (تازه)"
    audit = AuditEntry.objects.get(event="servicedesk.services_imported")
    assert (audit.after["created"], audit.after["updated"]) == (1, 1)


def test_bad_lines_are_all_named_and_nothing_is_written(desk: Desk) -> None:
    text = HEADER + "good-one,خوب,شکایت,,,3\nBad Code,,نامه,سیرک,,صفر\ngood-one,تکرار,شکایت,,,۴\n"
    with pytest.raises(FileRejected) as refused:
        import_services(actor=SYSTEM, file_name="services.csv", data=text.encode())
    lines = {e.line: e.message for e in refused.value.errors}
    assert set(lines) == {3, 4}
    assert "کد خدمت" in lines[3]
    assert "گونه‌های درخواست" in lines[3]
    assert "نوع دستگاه" in lines[3]
    assert "مهلت" in lines[3]
    assert "تکرار" in lines[4]
    assert not Service.objects.filter(code="good-one").exists()
    page = Client()
    page.force_login(make_person("admin", Role.SYSTEM_ADMINISTRATOR, desk.world.province))
    shown = page.post("/desk/catalogue/import/", {"file": SimpleUploadedFile("s.csv", text.encode())})
    assert shown.status_code == 400
    assert "سطر ۳" in shown.content.decode()


def test_only_catalogue_keepers_import(desk: Desk) -> None:
    client = Client()
    client.force_login(desk.water_officer)
    data = (HEADER + "x-1,ایکس,شکایت,,,3\n").encode()
    assert client.post("/desk/catalogue/import/", {"file": SimpleUploadedFile("s.csv", data)}).status_code == 403
    assert not Service.objects.filter(code="x-1").exists()
