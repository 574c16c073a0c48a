"""The board itself: append-only in the database, one unforked chain under concurrent appends."""

from __future__ import annotations

import threading

import pytest
from django.db import DatabaseError, connection, transaction

from ostan.core.polling.bulletin import verify_chain
from ostan.publication import board
from ostan.publication.errors import BulletinKeyMissing
from ostan.publication.models import BulletinEntry


@pytest.mark.django_db
def test_entries_cannot_be_updated_or_deleted() -> None:
    with transaction.atomic():
        board.append("notice", {"format": "ostan.notice/1", "text": "آزمون"})
    for statement in ("UPDATE publication_bulletinentry SET kind = 'seed'", "DELETE FROM publication_bulletinentry"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert BulletinEntry.objects.get().kind == "notice"


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_keep_one_valid_chain() -> None:
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(10):
                with transaction.atomic(durable=True):
                    board.append("notice", {"format": "ostan.notice/1", "writer": n, "i": i})
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    rows = list(BulletinEntry.objects.order_by("seq"))
    assert [r.seq for r in rows] == list(range(60))
    assert verify_chain([board.core_entry(r) for r in rows], public_key=board.public_key()) == []


def test_without_a_key_only_debug_falls_back_to_the_demo_key(settings) -> None:  # type: ignore[no-untyped-def]
    settings.OSTAN_BULLETIN_KEY = ""
    settings.DEBUG = False
    with pytest.raises(BulletinKeyMissing):
        board.private_key()
    settings.DEBUG = True
    assert len(board.private_key()) == 32
    settings.OSTAN_BULLETIN_KEY = "zz"
    with pytest.raises(BulletinKeyMissing):
        board.private_key()
