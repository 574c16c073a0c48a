"""Evidence behind a progress report: photos (JPEG, PNG) and documents (PDF), recognised by their bytes,
never by name or declared type, and stored outside the web root under ``OSTAN_PRIVATE_DIR`` with a random
name, so only the policy-checked view (``views.actions.evidence``) can serve them.

A photo is decoded whole and written again by Pillow: a truncated file, one padded with a script after
its header, or a decompression bomb is refused, and nothing but the picture is kept (no metadata, no GPS
location of a family's house). A PDF must start with ``%PDF-`` and end with ``%%EOF`` (allowing trailing
white space), and must not carry JavaScript or launch actions.
"""

from __future__ import annotations

import hashlib
import io
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from PIL import Image, UnidentifiedImageError

from ostan.network.errors import EvidenceRejected
from ostan.network.models import EvidenceKind

EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_SIDE = 6_000  # pixels
PHOTO_SIDE = 1_600  # the longer side photos are kept at
JPEG_QUALITY = 85
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
PDF_SIGNATURE = b"%PDF-"
PDF_END = b"%%EOF"
PDF_FORBIDDEN = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile")
SUBDIRECTORY = "network-evidence"


@dataclass(frozen=True)
class CheckedFile:
    kind: EvidenceKind
    content_type: str
    extension: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def storage() -> FileSystemStorage:
    root = Path(settings.OSTAN_PRIVATE_DIR) / SUBDIRECTORY
    return FileSystemStorage(location=root, base_url=None)


def checked(data: bytes) -> CheckedFile:
    """The file as it will be kept, or a Persian refusal that says why."""
    if not data:
        raise EvidenceRejected("پرونده خالی است.", details={"field": "evidence"})
    if len(data) > EVIDENCE_MAX_BYTES:
        raise EvidenceRejected("حجم پرونده بیش از ۵ مگابایت است.", details={"field": "evidence"})
    if data.startswith(PDF_SIGNATURE):
        return _pdf(data)
    if data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR":
        return _photo(data, "png")
    if data.startswith(JPEG_SIGNATURE) and len(data) > len(JPEG_SIGNATURE):
        return _photo(data, "jpg")
    raise EvidenceRejected(
        "فقط عکس JPEG یا PNG یا سند PDF پذیرفته می‌شود؛ محتوای این پرونده هیچ‌کدام نیست.", details={"field": "evidence"}
    )


def _pdf(data: bytes) -> CheckedFile:
    if not data.rstrip().endswith(PDF_END):
        raise EvidenceRejected("این سند PDF ناقص است.", details={"field": "evidence"})
    if any(marker in data for marker in PDF_FORBIDDEN):
        raise EvidenceRejected("سند PDF دارای اسکریپت یا پروندهٔ پیوست پذیرفته نمی‌شود.", details={"field": "evidence"})
    return CheckedFile(EvidenceKind.DOCUMENT, "application/pdf", "pdf", data)


def _photo(data: bytes, kind: str) -> CheckedFile:
    try:
        with Image.open(io.BytesIO(data), formats=["PNG" if kind == "png" else "JPEG"]) as image:
            if max(image.size) > PHOTO_MAX_SIDE:
                raise EvidenceRejected("ابعاد عکس بیش از اندازه است.", details={"field": "evidence"})
            image.load()
            picture = image.convert("RGBA" if kind == "png" else "RGB")
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise EvidenceRejected(
            "این عکس خوانده نشد؛ پرونده ناقص یا آسیب‌دیده است.", details={"field": "evidence"}
        ) from exc
    picture.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
    out = io.BytesIO()
    if kind == "png":
        picture.save(out, format="PNG", optimize=True)
        return CheckedFile(EvidenceKind.PHOTO, "image/png", "png", out.getvalue())
    picture.save(out, format="JPEG", quality=JPEG_QUALITY)
    return CheckedFile(EvidenceKind.PHOTO, "image/jpeg", "jpg", out.getvalue())


def new_name(file: CheckedFile) -> str:
    return f"{secrets.token_hex(16)}.{file.extension}"
