"""The programmes' pages, signed in as each role: forms accept Persian/Arabic digits and letters, refusals
are Persian and leave nothing written, the evidence is served only to the unit's offices."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ostan.programs import actions
from ostan.programs.entries import ExperienceEntry, IndicatorEntry, ProgressEntry
from ostan.programs.models import Evidence, KeyProject
from tests.programs.conftest import NOW, Programs

PDF = b"%PDF-1.4\n%%EOF\n"


def _client(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def test_a_governor_creates_a_project_from_the_page_and_reports_with_evidence(programs: Programs) -> None:
    client = _client(programs.governor)
    form = {
        "unit": programs.world.county_a.code, "title": "ساماندهي پسماند", "challenge": "waste",
        "goals": "كاهش پسماند", "starts_on": "١٤٠٥/٠١/٠١", "ends_on": "۱۴۰۵/۱۲/۲۹",
        "milestones": "خرید خودرو | ۱۴۰۵/۰۳/۰۱\nایستگاه | 1405/09/01 | 2", "indicators": "پسماند | ۱۰۰ | ۲۰ | تن",
    }  # fmt: skip
    response = client.post("/programs/new/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    made = KeyProject.objects.get()
    assert made.title == "ساماندهی پسماند"
    assert made.milestones.count() == 2
    assert made.indicators.get().direction == "down"
    page = client.get(f"/programs/{made.pk}/").content.decode()
    assert "دلیل وضعیت" in page
    assert "ثبت گزارش پیشرفت" in page
    first = made.milestones.order_by("due_on").first()
    assert first is not None
    upload = SimpleUploadedFile("رسید.pdf", PDF, content_type="application/pdf")
    response = client.post(f"/programs/{made.pk}/progress/", {"reported_on": "۱۴۰۵/۰۲/۰۱", "text": "خریده شد",
                           "done": [first.pk], "evidence": upload})  # fmt: skip
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    served = client.get(f"/programs/evidence/{evidence.pk}/")
    assert served.status_code == 200
    assert served.content == PDF
    assert _client(programs.other_governor).get(f"/programs/evidence/{evidence.pk}/").status_code == 404
    assert _client(programs.citizen).get(f"/programs/evidence/{evidence.pk}/").status_code in (403, 404)


def test_a_refused_form_says_why_in_persian_and_writes_nothing(programs: Programs) -> None:
    client = _client(programs.governor)
    form = {"unit": programs.world.county_a.code, "title": "کار", "challenge": "jobs", "goals": "هدف",
            "starts_on": "1405/01/01", "ends_on": "1405/06/01", "milestones": "فراخوان | 1406/01/01"}  # fmt: skip
    response = client.post("/programs/new/", form)
    assert response.status_code == 400
    assert "درون بازهٔ کار شاخص" in response.content.decode()
    response = client.post("/programs/new/", {**form, "milestones": "فراخوان بدون تاریخ"})
    assert response.status_code == 400
    assert "سطر ۱" in response.content.decode()
    assert not KeyProject.objects.exists()
    fake = SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    made = programs.project()
    response = client.post(
        f"/programs/{made.pk}/progress/", {"reported_on": "1405/02/01", "text": "x", "evidence": fake}
    )
    assert response.status_code == 400
    assert "PDF" in response.content.decode()
    assert not made.updates.exists()


def test_the_office_sees_the_rollup_and_the_public_sees_released_achievements_with_charts(programs: Programs) -> None:
    w = programs.world
    programs.project()
    office = _client(programs.office)
    assert "اراک" in office.get("/programs/rollup/").content.decode()
    assert _client(programs.citizen).get("/programs/rollup/").status_code == 403
    actions.record_outcome(actor=programs.actor(programs.office), figure_code="investor_capital", kind="actual",
                           unit_code=w.county_a.code, period_key="1404-Q2", value=Decimal("2.5"))  # fmt: skip
    assert Client().get(f"/programs/achievements/{w.province.code}/1404/").status_code == 404  # not released yet
    council = _client(programs.council)
    response = council.post("/programs/outcomes/publish/", {"year": "۱۴۰۴", "statement": "گزارش"})
    assert response.status_code == 302
    page = Client().get(f"/programs/achievements/{w.province.code}/1404/").content.decode()
    assert "<svg" in page
    assert "۲٫۵" in page


def test_a_citizen_files_a_critique_from_the_project_page(programs: Programs) -> None:
    made = programs.project()
    anonymous = Client().get(f"/programs/{made.pk}/").content.decode()
    assert "برای ثبت انتقاد یا پیشنهاد وارد شوید" in anonymous
    client = _client(programs.citizen)
    response = client.post(f"/programs/{made.pk}/critique/", {"kind": "criticism", "text": "ديرکرد دارد"})
    assert response.status_code == 302
    page = client.get(f"/programs/{made.pk}/").content.decode()
    assert "دیرکرد دارد" in page  # normalised ي → ی by the desk's intake
    assert client.post(f"/programs/{made.pk}/critique/", {"kind": "criticism", "text": ""}).status_code == 400


def test_the_library_finds_experiences_by_normalised_search(programs: Programs) -> None:
    made = programs.project(
        starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2025, 12, 31), milestones=(),
        indicators=(IndicatorEntry("پسماند", Decimal(100), Decimal(20)),),
    )  # fmt: skip
    indicator = made.indicators.get()
    governor = programs.actor(programs.governor)
    done = ProgressEntry(dt.date(2025, 12, 1), "تمام", readings={indicator.pk: Decimal(20)})
    actions.report_progress(actor=governor, project_id=made.pk, at=NOW, entry=done)
    story = ExperienceEntry("مسئله", "کار", "هزینه", "نتیجهٔ خوب", "تماس", "كاهش پسماند")
    actions.publish_experience(actor=governor, project_id=made.pk, at=NOW, entry=story)
    assert "کاهش پسماند" in Client().get("/programs/library/?q=كاهش").content.decode()
    assert "تجربه‌ای یافت نشد" in Client().get("/programs/library/?challenge=jobs").content.decode()
