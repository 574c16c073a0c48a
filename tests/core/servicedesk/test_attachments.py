"""Attachments are recognised by their bytes: the four accepted kinds, and refusals that say why."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.servicedesk.attachments import (
    ATTACHMENT_MAX_BYTES,
    ATTACHMENTS_MAX,
    AttachmentKind,
    AttachmentRejected,
    Upload,
    check_uploads,
    display_name,
    kind_of,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 17 + b"\x00\x00\x00\x00IEND\xaeB`\x82"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x11" * 20 + b"\xff\xd9"


def docx(*, macro: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        kind = "macroEnabled" if macro else "document.main+xml"
        archive.writestr("[Content_Types].xml", f"<Types><Override ContentType='{kind}'/></Types>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [(PDF, AttachmentKind.PDF), (PNG, AttachmentKind.PNG), (JPEG, AttachmentKind.JPEG), (docx(), AttachmentKind.DOCX)],
)
def test_each_accepted_kind_is_recognised_by_its_bytes(data: bytes, kind: AttachmentKind) -> None:
    assert kind_of(data) is kind
    [checked] = check_uploads([Upload("scan.exe", data)])
    assert checked.kind is kind
    assert checked.name == f"scan.{kind.value}"


@pytest.mark.parametrize(
    "data",
    [
        b"<html><script>alert(1)</script></html>",
        PDF[:-7],  # cut short: no %%EOF
        PNG[:-12],  # no IEND
        JPEG[:-2],
        docx(macro=True),
        b"PK\x03\x04not a zip at all",
        b"MZ\x90\x00" + b"\x00" * 100,
    ],
)
def test_other_bytes_are_refused_whatever_the_name(data: bytes) -> None:
    with pytest.raises(AttachmentRejected) as refused:
        check_uploads([Upload("letter.pdf", data)])
    assert refused.value.details["reason"] == "wrong_type"
    assert "PDF" in refused.value.message


def test_size_count_and_empty_limits() -> None:
    big = PDF[:-6] + b"\x00" * ATTACHMENT_MAX_BYTES + b"%%EOF\n"
    with pytest.raises(AttachmentRejected, match="مگابایت") as refused:
        check_uploads([Upload("big.pdf", big)])
    assert refused.value.details["reason"] == "too_large"
    with pytest.raises(AttachmentRejected) as refused:
        check_uploads([Upload(f"{i}.pdf", PDF) for i in range(ATTACHMENTS_MAX + 1)])
    assert refused.value.details["reason"] == "too_many"
    with pytest.raises(AttachmentRejected) as refused:
        check_uploads([Upload("empty.pdf", b"")])
    assert refused.value.details["reason"] == "empty"


def test_display_names_lose_folders_and_control_characters() -> None:
    assert display_name("C:\\Users\\x\\نامهٔ من.PDF", AttachmentKind.PDF) == "نامهٔ من.pdf"
    assert display_name("../../etc/passwd\u202e", AttachmentKind.PNG) == "passwd.png"
    assert display_name("", AttachmentKind.JPEG) == "پیوست.jpg"


@settings(max_examples=200)
@given(st.binary(max_size=2048), st.text(max_size=200))
def test_random_bytes_are_never_taken_for_another_kind(data: bytes, name: str) -> None:
    kind = kind_of(data)
    if kind is AttachmentKind.PDF:
        assert data.startswith(b"%PDF-")
    elif kind is AttachmentKind.PNG:
        assert data.startswith(b"\x89PNG")
    elif kind is AttachmentKind.JPEG:
        assert data.startswith(b"\xff\xd8\xff")
    elif kind is AttachmentKind.DOCX:
        assert data.startswith(b"PK")
    shown = display_name(name, kind or AttachmentKind.PDF)
    assert "/" not in shown
    assert "\\" not in shown
    assert len(shown) <= 120
