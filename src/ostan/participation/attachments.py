"""A circular's attachments: accepted by what their bytes are (never by their name or the browser's word),
kept under ``OSTAN_PRIVATE_DIR`` (outside MEDIA_ROOT and the static files, so no web server serves them by
path) under a random name; downloads go through a guarded view.
"""

from __future__ import annotations

import hashlib
import secrets
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from ostan.core.text import normalize
from ostan.participation.errors import InvalidAttachment

MAX_BYTES = 10 * 1024 * 1024  # a scanned circular of a few pages
MAX_FILES = 5
FOLDER = "participation"
OFFICE_PARTS = {"word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}  # fmt: skip


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass(frozen=True)
class Checked:
    name: str
    content_type: str
    data: bytes
    sha256: str


def content_type_of(data: bytes) -> str | None:
    """PDF, PNG, JPEG, or a Word or Excel file (OOXML): the kinds an office sends; None for anything else."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None
        return next((kind for part, kind in OFFICE_PARTS.items() if part in names), None)
    return None


def check(upload: Upload) -> Checked:
    name = normalize(upload.name).strip().replace("/", "_").replace("\\", "_")[:200] or "پیوست"
    if not upload.data:
        raise InvalidAttachment(f"پیوست «{name}» خالی است.", details={"field": "attachments"})
    if len(upload.data) > MAX_BYTES:
        raise InvalidAttachment(f"پیوست «{name}» بیش از ۱۰ مگابایت است.", details={"field": "attachments"})
    kind = content_type_of(upload.data)
    if kind is None:
        raise InvalidAttachment(
            f"پیوست «{name}» PDF، تصویر PNG/JPEG یا پروندهٔ Word/Excel نیست.", details={"field": "attachments"}
        )
    return Checked(name, kind, upload.data, hashlib.sha256(upload.data).hexdigest())


def storage() -> FileSystemStorage:
    return FileSystemStorage(location=Path(settings.OSTAN_PRIVATE_DIR) / FOLDER, base_url=None)


def store(checked: Checked) -> str:
    """Write the bytes under a random name; the caller deletes it if its transaction fails."""
    return storage().save(secrets.token_hex(16), ContentFile(checked.data))


def read(stored_name: str) -> bytes:
    with storage().open(stored_name, "rb") as handle:
        data: bytes = handle.read()
    return data


def discard(stored_names: list[str]) -> None:
    for stored in stored_names:
        storage().delete(stored)
