"""Where the desk keeps attached files: a directory of their own (``OSTAN_DESK_FILES_DIR``), outside the media
and static roots so no web server serves them by path; each under a random name that says nothing of the
request or the sender. Written before the action's transaction and removed again when it fails."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from ostan.core.servicedesk.attachments import CheckedFile


def storage() -> FileSystemStorage:
    return FileSystemStorage(location=settings.OSTAN_DESK_FILES_DIR, base_url=None)


def store(checked: CheckedFile) -> tuple[str, str]:
    """The stored name and SHA-256 of the file, written now."""
    name = f"{secrets.token_hex(2)}/{secrets.token_hex(16)}"
    stored = storage().save(name, ContentFile(checked.data))
    return stored, hashlib.sha256(checked.data).hexdigest()


def discard(stored_names: Iterable[str]) -> None:
    where = storage()
    for name in stored_names:
        where.delete(name)


def open_stored(stored_name: str) -> IO[bytes]:
    return storage().open(stored_name, "rb")


Stored = list[tuple[CheckedFile, str, str]]  # the checked file, its stored name, its SHA-256


@contextmanager
def kept(checked: list[CheckedFile]) -> Iterator[Stored]:
    """The files written for the block; removed again if the block fails (its transaction rolled back)."""
    stored: Stored = []
    try:
        for file in checked:
            stored.append((file, *store(file)))
        yield stored
    except BaseException:
        discard(name for _, name, _ in stored)
        raise
