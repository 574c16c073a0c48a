"""Files attached to a request (the citizen's documents, a scanned letter, the agency's answer), recognised by
their bytes, never by their name or the type the browser declares.

Accepted: PDF (``%PDF-`` and an ``%%EOF`` in its last kilobyte), JPEG (``FF D8 FF`` ... ``FF D9``), PNG (its
signature, the IHDR chunk first, IEND at the end) and DOCX (a ZIP whose directory reads, that has
``[Content_Types].xml`` and ``word/document.xml``, and that holds no macros). Everything else is refused
with a Persian reason, as is a file over the size limit, an empty one or more files than the count limit.
"""

from __future__ import annotations

import enum
import io
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from ostan.core.errors import DomainError
from ostan.core.text import to_persian_digits

ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024  # one file: a scanned letter of a few pages fits
ATTACHMENTS_MAX = 5  # files in one step (a filing, an answer)
MEGABYTES = ATTACHMENT_MAX_BYTES // (1024 * 1024)
NAME_MAX = 120  # characters of the original name kept for display
PDF_EOF_WINDOW = 1024  # the PDF specification lets %%EOF sit within the last 1024 bytes
DOCX_MAX_MEMBERS = 2_000  # a real letter has a few dozen parts; more is a zip built to exhaust
DOCX_MAX_UNPACKED = 100 * 1024 * 1024  # what its parts may expand to


class AttachmentKind(enum.StrEnum):
    PDF = "pdf"
    JPEG = "jpg"
    PNG = "png"
    DOCX = "docx"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self]

    @property
    def label(self) -> str:
        return LABELS[self]


CONTENT_TYPES = {
    AttachmentKind.PDF: "application/pdf",
    AttachmentKind.JPEG: "image/jpeg",
    AttachmentKind.PNG: "image/png",
    AttachmentKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
LABELS = {AttachmentKind.PDF: "PDF", AttachmentKind.JPEG: "JPEG", AttachmentKind.PNG: "PNG",
          AttachmentKind.DOCX: "Word (DOCX)"}  # fmt: skip
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"
JPEG_START, JPEG_END = b"\xff\xd8\xff", b"\xff\xd9"
ZIP_START = b"PK\x03\x04"


class AttachmentRejected(DomainError):
    """A file was refused; ``details["name"]`` names it and ``details["reason"]`` says which rule."""

    code = "attachment_rejected"


@dataclass(frozen=True)
class Upload:
    """A file as it arrived: the name the sender gave (for display only) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class CheckedFile:
    name: str  # the displayed name: cleaned, with the extension of its real kind
    kind: AttachmentKind
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > DOCX_MAX_MEMBERS or sum(m.file_size for m in members) > DOCX_MAX_UNPACKED:
                return False
            names = {m.filename for m in members}
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                return False
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                return False
            types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError, EOFError):
        return False
    return b"macroEnabled" not in types


def kind_of(data: bytes) -> AttachmentKind | None:
    """The file's kind from its bytes, or None when it is none of the accepted ones (or is cut short)."""
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-PDF_EOF_WINDOW:]:
        return AttachmentKind.PDF
    if data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR" and data.rstrip(b"\0").endswith(PNG_END):
        return AttachmentKind.PNG
    if data.startswith(JPEG_START) and len(data) > 4 and data.rstrip(b"\0").endswith(JPEG_END):
        return AttachmentKind.JPEG
    if data.startswith(ZIP_START) and _is_docx(data):
        return AttachmentKind.DOCX
    return None


def display_name(name: str, kind: AttachmentKind) -> str:
    """The sender's name without folders or control characters, ending in the extension of its real kind."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip().strip(".")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = stem[: NAME_MAX - len(kind.value) - 1].strip() or "پیوست"
    return f"{stem}.{kind.value}"


def check_uploads(uploads: Sequence[Upload]) -> list[CheckedFile]:
    """Every upload checked, or a refusal naming the first that breaks a rule (nothing is kept then)."""
    if len(uploads) > ATTACHMENTS_MAX:
        raise AttachmentRejected(
            f"حداکثر {to_persian_digits(ATTACHMENTS_MAX)} پیوست در هر مرحله پذیرفته می‌شود.",
            details={"field": "attachments", "reason": "too_many"},
        )
    checked = []
    for upload in uploads:
        details = {"field": "attachments", "name": upload.name[:NAME_MAX]}
        if not upload.data:
            raise AttachmentRejected(f"پیوست «{details['name']}» خالی است.", details={**details, "reason": "empty"})
        if len(upload.data) > ATTACHMENT_MAX_BYTES:
            raise AttachmentRejected(
                f"حجم پیوست «{details['name']}» بیش از {to_persian_digits(MEGABYTES)} مگابایت است.",
                details={**details, "reason": "too_large"},
            )
        kind = kind_of(upload.data)
        if kind is None:
            raise AttachmentRejected(
                f"پیوست «{details['name']}» پذیرفته نیست: فقط PDF، JPEG، PNG یا Word (DOCX)؛ "
                "نوع پرونده از محتوای آن شناخته می‌شود، نه از نامش.",
                details={**details, "reason": "wrong_type"},
            )
        checked.append(CheckedFile(display_name(upload.name, kind), kind, upload.data))
    return checked
