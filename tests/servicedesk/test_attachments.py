"""Files sent with a request: checked by their bytes, kept under random names outside the web root, audited,
and served only to the request's citizen, the holding organisation and the offices of its unit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ostan.auditlog.models import Entry as AuditEntry
from ostan.core.servicedesk.attachments import ATTACHMENT_MAX_BYTES
from ostan.servicedesk.models import Attachment, ServiceRequest
from tests.core.servicedesk.test_attachments import JPEG, PDF
from tests.servicedesk.conftest import Desk


def _client(person: Any = None) -> Client:
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def _stored(where: Path) -> list[Path]:
    return [p for p in where.rglob("*") if p.is_file()]


def _filing(desk: Desk, *files: SimpleUploadedFile) -> dict[str, Any]:
    return {"service": "water-outage", "kind": "complaint", "unit": desk.world.city_a.code,
            "text": "لوله ترکیده است.", "attachments": list(files)}  # fmt: skip


def test_a_citizen_files_with_a_scan_that_only_allowed_readers_open(desk: Desk, desk_files: Path) -> None:
    answer = _client(desk.citizen).post("/desk/file/", _filing(desk, SimpleUploadedFile("نامه.pdf", PDF)))
    assert answer.status_code == 302
    found = ServiceRequest.objects.get()
    row = Attachment.objects.get()
    assert (row.request, row.name, row.kind, row.size) == (found, "نامه.pdf", "pdf", len(PDF))
    [kept] = _stored(desk_files)
    assert kept.read_bytes() == PDF
    assert "نامه" not in str(kept)
    audit = AuditEntry.objects.get(event="servicedesk.request_filed")
    assert audit.after["attachments"][0]["sha256"] == row.sha256
    url = f"/desk/requests/{found.pk}/files/{row.pk}/"
    page = _client(desk.citizen).get(f"/desk/requests/{found.pk}/").content.decode()
    assert url in page
    for reader in (desk.citizen, desk.water_officer, desk.inspector, desk.clerk):
        served = _client(reader).get(url)
        assert served.status_code == 200, reader
        assert b"".join(served.streaming_content) == PDF  # type: ignore[attr-defined]
        assert served["Content-Type"] == "application/pdf"
        assert served["Content-Disposition"].startswith("attachment;")
        assert served["X-Content-Type-Options"] == "nosniff"
    for stranger in (desk.other_citizen, desk.power_officer, desk.far_officer):
        assert _client(stranger).get(url).status_code in (403, 404), stranger
    assert _client().get(url).status_code in (302, 403)


def test_bytes_that_are_not_an_allowed_kind_are_refused_and_nothing_is_kept(desk: Desk, desk_files: Path) -> None:
    fake = SimpleUploadedFile("letter.pdf", b"<script>alert(1)</script>", content_type="application/pdf")
    answer = _client(desk.citizen).post("/desk/file/", _filing(desk, fake))
    assert answer.status_code == 400
    assert "فقط PDF، JPEG، PNG" in answer.content.decode()
    big = SimpleUploadedFile("big.jpg", JPEG[:-2] + b"\0" * ATTACHMENT_MAX_BYTES + b"\xff\xd9")
    answer = _client(desk.citizen).post("/desk/file/", _filing(desk, big))
    assert answer.status_code == 400
    assert "مگابایت" in answer.content.decode()
    assert not ServiceRequest.objects.exists()
    assert not Attachment.objects.exists()
    assert _stored(desk_files) == []


def test_the_officer_answers_with_a_file_the_citizen_downloads(desk: Desk, desk_files: Path) -> None:
    found = desk.file()
    officer = _client(desk.water_officer)
    assert officer.post(f"/desk/requests/{found.pk}/accept/").status_code == 302
    answer = officer.post(
        f"/desk/requests/{found.pk}/answer/",
        {"answer-text": "تعمیر شد؛ گزارش پیوست است.", "answer-attachments": [SimpleUploadedFile("report.jpg", JPEG)]},
    )
    assert answer.status_code == 302
    row = Attachment.objects.get()
    assert row.entry.kind == "answer"
    assert row.kind == "jpg"
    served = _client(desk.citizen).get(f"/desk/requests/{found.pk}/files/{row.pk}/")
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert 'filename="report.jpg"' in served["Content-Disposition"]
