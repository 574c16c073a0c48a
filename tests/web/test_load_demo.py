"""load_demo checks what it needs before it writes: without the board's key it stops with a Persian reason
and leaves nothing behind (before, it stopped halfway and could not be run again)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from pytest_django.fixtures import Settings

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.territory.models import UnitKind
from tests.elections.world import make_unit


def test_without_the_board_key_nothing_is_written(db: None, settings: Settings) -> None:
    settings.DEBUG = False
    settings.OSTAN_BULLETIN_KEY = ""
    make_unit("23", UnitKind.PROVINCE, "تهران", make_unit("IR", UnitKind.COUNTRY, "ایران"))
    with pytest.raises(CommandError, match="OSTAN_BULLETIN_KEY"):
        call_command("load_demo")
    assert not User.objects.exists()
    assert not Entry.objects.exists()
