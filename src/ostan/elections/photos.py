"""Candidate photos: only JPEG and PNG, recognised by their bytes (never by name or declared type), at most
2 MB and 4,000 pixels a side, decoded whole and written again by Pillow (so a truncated file, one with a
script after its header, or one that would take gigabytes to decode is refused, and nothing but the
picture is kept: no metadata, no location), stored under the media storage with a random name."""

from __future__ import annotations

import io
import secrets

from PIL import Image, UnidentifiedImageError

from ostan.elections.errors import PhotoRejected

PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_MAX_SIDE = 4_000  # pixels: a portrait for the kiosk needs far less; larger is refused, not shrunk
PHOTO_SIDE = 1_200  # pixels: the longer side photos are stored at (smaller ones are kept as they are)
JPEG_QUALITY = 85
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


def cleaned_photo(data: bytes) -> tuple[str, bytes]:
    """The photo's kind ("png"/"jpg") and its pixels written anew, or a refusal that says why."""
    if len(data) > PHOTO_MAX_BYTES:
        raise PhotoRejected("حجم عکس بیش از ۲ مگابایت است.")
    kind = photo_kind(data)
    if kind is None:
        raise PhotoRejected("فقط عکس JPEG یا PNG پذیرفته می‌شود؛ محتوای این پرونده تصویر نیست.")
    try:
        with Image.open(io.BytesIO(data), formats=["PNG" if kind == "png" else "JPEG"]) as image:
            if max(image.size) > PHOTO_MAX_SIDE:
                raise PhotoRejected(f"اندازهٔ عکس بیش از {PHOTO_MAX_SIDE:,} پیکسل در هر ضلع است.".replace(",", "٬"))
            image.load()  # the whole picture, not only its header: a truncated or padded file fails here
            picture = image.convert("RGBA" if kind == "png" else "RGB")
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise PhotoRejected("این عکس خوانده نشد؛ پرونده ناقص یا آسیب‌دیده است.") from exc
    picture.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
    out = io.BytesIO()
    if kind == "png":
        picture.save(out, format="PNG", optimize=True)
    else:
        picture.save(out, format="JPEG", quality=JPEG_QUALITY)
    return kind, out.getvalue()


def checked_photo(data: bytes) -> str:
    """The photo's kind, for forms that refuse a bad photo before the action is asked."""
    return cleaned_photo(data)[0]
