"""Evidence files of progress reports: only PDF, PNG and JPEG, recognised by their bytes (never by the name or
the declared type), at most 5 MB, stored under a random name in the private store beside the database's
files (``VAR_DIR/evidence``, never under the web root or MEDIA_ROOT) and read back only by the evidence
view, after the policy has said yes."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from ostan.programs.errors import EvidenceRejected

EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
EVIDENCE_PER_REPORT = 5
SIGNATURES = (
    (b"%PDF-", "pdf", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
)


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass(frozen=True)
class Checked:
    name: str
    data: bytes
    extension: str
    content_type: str
    sha256: str


def root() -> Path:
    return Path(getattr(settings, "OSTAN_EVIDENCE_ROOT", settings.VAR_DIR / "evidence"))


def checked(upload: Upload) -> Checked:
    """The upload with its kind, or a refusal saying why (too large, empty, not a PDF/PNG/JPEG by content)."""
    label = upload.name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:200] or "پرونده"
    if not upload.data:
        raise EvidenceRejected(f"پروندهٔ «{label}» خالی است.", details={"field": "evidence"})
    if len(upload.data) > EVIDENCE_MAX_BYTES:
        raise EvidenceRejected(f"حجم «{label}» بیش از ۵ مگابایت است.", details={"field": "evidence"})
    for signature, extension, content_type in SIGNATURES:
        if upload.data.startswith(signature) and len(upload.data) > len(signature):
            digest = hashlib.sha256(upload.data).hexdigest()
            return Checked(label, upload.data, extension, content_type, digest)
    raise EvidenceRejected(
        f"«{label}» پذیرفته نشد: فقط PDF، PNG یا JPEG؛ محتوای این پرونده هیچ‌کدام نیست.", details={"field": "evidence"}
    )


def store(item: Checked) -> str:
    """Write the bytes under a new random name; the name relative to the store."""
    name = f"{secrets.token_hex(16)}.{item.extension}"
    folder = root()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(item.data)
    return name


def read(stored_as: str) -> bytes:
    path = root() / Path(stored_as).name  # a stored name never carries a folder
    return path.read_bytes()


def discard(stored_as: str) -> None:
    (root() / Path(stored_as).name).unlink(missing_ok=True)
