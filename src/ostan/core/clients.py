"""Which address a request comes from, behind reverse proxies the operator trusts.

The direct peer (``REMOTE_ADDR``) is the only address nobody can forge. A forwarding header such as
``X-Forwarded-For`` is believed only when the peer is a configured trusted proxy, and then read from
the right: each proxy appends the address it received the request from, so the first address from the
right that is not itself a trusted proxy is the client. Addresses to its left were written by the client
and are ignored. A header that is missing or holds something other than addresses leaves the peer.

Without trusted proxies a lockout behind one proxy keys every visitor on the proxy's address, and five
wrong passwords lock every staff member out; with the header believed from anyone, an attacker picks a
new address per guess and is never locked out.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

type Network = ipaddress.IPv4Network | ipaddress.IPv6Network
type Address = ipaddress.IPv4Address | ipaddress.IPv6Address

UNKNOWN = "unknown"


def parse_networks(text: str | Iterable[str]) -> tuple[Network, ...]:
    """``"10.0.0.1, 192.168.0.0/16"`` (or a list of such items) as networks; a bad entry raises ValueError."""
    items = text.split(",") if isinstance(text, str) else list(text)
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in items if item.strip())


def _address(text: str) -> Address | None:
    value = text.strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 203.0.113.7:51234
        value = value.split(":", 1)[0]
    try:
        found = ipaddress.ip_address(value)
    except ValueError:
        return None
    mapped = getattr(found, "ipv4_mapped", None)
    return mapped or found


def _trusted(address: Address, proxies: tuple[Network, ...]) -> bool:
    return any(address.version == net.version and address in net for net in proxies)


def client_address(peer: str | None, forwarded: str | None, proxies: tuple[Network, ...]) -> str:
    """The client's address: ``peer`` unless it is a trusted proxy, else from the ``forwarded`` header."""
    direct = _address(peer or "")
    if direct is None:
        return (peer or "").strip() or UNKNOWN
    if not proxies or not forwarded or not _trusted(direct, proxies):
        return str(direct)
    client = direct
    for item in reversed(forwarded.split(",")):
        hop = _address(item)
        if hop is None:
            break  # garbage: believe nothing further left
        client = hop
        if not _trusted(hop, proxies):
            break
    return str(client)
