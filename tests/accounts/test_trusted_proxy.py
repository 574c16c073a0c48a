"""Lockouts behind a reverse proxy key on the real client: the forwarding header is believed from a
configured trusted proxy only, so guesses through the proxy lock out their sender, not every visitor,
and a client that writes the header itself cannot dodge its lockout."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from tests.accounts.conftest import Clock
from tests.accounts.people import PASSWORD

LOGIN_URL = "/accounts/login/"
PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings: Settings) -> None:
    settings.OSTAN_TRUSTED_PROXIES = f"{PROXY},10.2.0.0/16"
    settings.OSTAN_CLIENT_ADDRESS_HEADER = "X-Forwarded-For"


def login(client: Client, username: str, password: str, *, peer: str, forwarded: str | None = None) -> Any:
    extra = {"REMOTE_ADDR": peer} | ({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {})
    return client.post(LOGIN_URL, {"username": username, "password": password}, **extra)


@pytest.mark.usefixtures("behind_proxy")
def test_guesses_through_the_proxy_lock_out_their_sender_only(
    client: Client, county_a_official: User, clock: Clock
) -> None:
    for i in range(5):
        login(client, f"guess{i}", "wrong-password", peer=PROXY, forwarded="203.0.113.9")
    assert login(client, "county_a", PASSWORD, peer=PROXY, forwarded="203.0.113.9").status_code == 429
    entry = Entry.objects.get(event="accounts.sign_in_locked")
    assert entry.after["address"] == "203.0.113.9"
    # Another visitor through the same proxy is not locked out.
    assert login(client, "county_a", PASSWORD, peer=PROXY, forwarded="198.51.100.4").status_code == 302


@pytest.mark.usefixtures("behind_proxy")
def test_an_untrusted_peer_cannot_dodge_its_lockout_with_the_header(
    client: Client, county_a_official: User, clock: Clock
) -> None:
    for i in range(5):
        login(client, f"guess{i}", "wrong-password", peer="198.51.100.66", forwarded=f"192.0.2.{i}")
    assert login(client, "county_a", PASSWORD, peer="198.51.100.66", forwarded="192.0.2.99").status_code == 429


def test_without_trusted_proxies_the_header_is_ignored(client: Client, county_a_official: User, clock: Clock) -> None:
    for i in range(5):
        login(client, f"guess{i}", "wrong-password", peer=PROXY, forwarded=f"192.0.2.{i}")
    assert login(client, "county_a", PASSWORD, peer=PROXY, forwarded="198.51.100.4").status_code == 429
