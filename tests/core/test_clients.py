"""The client's address: the direct peer, unless it is a trusted proxy, then the forwarding header read
from the right past the trusted hops."""

from __future__ import annotations

import pytest

from ostan.core.clients import client_address, parse_networks

PROXIES = parse_networks("10.0.0.5, 10.1.0.0/16, fd00::/8")


def test_without_trusted_proxies_the_header_is_ignored() -> None:
    assert client_address("10.0.0.5", "203.0.113.9", ()) == "10.0.0.5"


def test_an_untrusted_peer_cannot_choose_its_address() -> None:
    assert client_address("198.51.100.20", "203.0.113.9", PROXIES) == "198.51.100.20"


def test_a_trusted_proxy_forwards_the_client() -> None:
    assert client_address("10.0.0.5", "203.0.113.9", PROXIES) == "203.0.113.9"


def test_addresses_the_client_wrote_to_the_left_are_ignored() -> None:
    # The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    assert client_address("10.0.0.5", "1.2.3.4, 203.0.113.9", PROXIES) == "203.0.113.9"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right() -> None:
    assert client_address("10.0.0.5", "1.2.3.4, 203.0.113.9, 10.1.4.4", PROXIES) == "203.0.113.9"


def test_garbage_or_a_missing_header_leaves_the_last_trusted_hop() -> None:
    assert client_address("10.0.0.5", None, PROXIES) == "10.0.0.5"
    assert client_address("10.0.0.5", "not-an-address", PROXIES) == "10.0.0.5"
    assert client_address("10.0.0.5", "203.0.113.9, junk, 10.1.4.4", PROXIES) == "10.1.4.4"


def test_ports_brackets_ipv6_and_mapped_addresses() -> None:
    assert client_address("10.0.0.5", "203.0.113.9:51234", PROXIES) == "203.0.113.9"
    assert client_address("fd00::1", "[2001:db8::7]:443", PROXIES) == "2001:db8::7"
    assert client_address("::ffff:10.0.0.5", "203.0.113.9", PROXIES) == "203.0.113.9"


def test_a_missing_peer_is_unknown() -> None:
    assert client_address(None, "203.0.113.9", PROXIES) == "unknown"


def test_a_bad_proxy_setting_is_refused() -> None:
    with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6"):
        parse_networks("10.0.0.5, proxy.example")
