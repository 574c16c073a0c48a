"""Candidate photos: only JPEG and PNG, recognised by their first bytes (never by name or declared type),
at most 2 MB, stored unchanged under the media storage with a random name nobody can guess."""

from __future__ import annotations

import secrets

from ostan.elections.errors import PhotoRejected

PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_DIRECTORY = "elections/candidates"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg"}


def photo_kind(data: bytes) -> str | None:
    """ "png" or "jpg" when ``data`` starts like one, else None. A PNG's first chunk must be its header."""
    if data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR":
        return "png"
    if data.startswith(JPEG_SIGNATURE) and len(data) > len(JPEG_SIGNATURE):
        return "jpg"
    return None


def new_photo_name(kind: str) -> str:
    return f"{PHOTO_DIRECTORY}/{secrets.token_hex(16)}.{kind}"


def content_type(path: str) -> str:
    return CONTENT_TYPES.get(path.rsplit(".", 1)[-1], "application/octet-stream")


def checked_photo(data: bytes) -> str:
    """The photo's kind ("png"/"jpg"), or a refusal that says why."""
    if len(data) > PHOTO_MAX_BYTES:
        raise PhotoRejected("حجم عکس بیش از ۲ مگابایت است.")
    kind = photo_kind(data)
    if kind is None:
        raise PhotoRejected("فقط عکس JPEG یا PNG پذیرفته می‌شود؛ محتوای این پرونده تصویر نیست.")
    return kind
