"""Voting tokens: what the authentication device hands the voting device for exactly one ballot.

A token is made from at least 16 bytes of fresh entropy at check-in. Only its hash is stored, with the
station and a used flag, and never with the voter: the check-in record says *who* came, the token
record says *that a ballot may be cast at this station*, and nothing joins the two. Ballots carry no
token either (see :mod:`ostan.core.polling.ballots`), so a ballot cannot be traced back through it.
Token records carry no time, so their order cannot be matched with check-in times.

The hash is ``SHA-256("ostan-voting-token-v1|" + token)`` in hex; a token is its entropy in base32
(RFC 4648, upper case, no padding).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, replace

from ostan.core.polling.errors import InvalidKey, TokenAlreadyUsed, TokenForeignStation, UnknownToken

TOKEN_CONTEXT = "ostan-voting-token-v1|"  # noqa: S105 - a domain-separation label, not a secret
MIN_TOKEN_BYTES = 16


@dataclass(frozen=True)
class TokenRecord:
    """What the station keeps about an issued token: no voter, no time."""

    token_hash: str
    station_code: str
    is_redeemed: bool = False


def issue_token(secret_bytes: bytes) -> tuple[str, str]:
    """``(token, token_hash)`` for ``secret_bytes`` (≥ 16 bytes of fresh entropy)."""
    if len(secret_bytes) < MIN_TOKEN_BYTES:
        raise InvalidKey("برای ساختن رمز رأی دست‌کم ۱۶ بایت تصادفی لازم است.")
    token = base64.b32encode(secret_bytes).decode("ascii").rstrip("=")
    return token, token_hash(token)


def token_hash(token: str) -> str:
    """The stored form of ``token``; upper-cased and stripped first, so a typed token still matches."""
    return hashlib.sha256((TOKEN_CONTEXT + token.strip().upper()).encode("ascii", "replace")).hexdigest()


def redeem(record: TokenRecord | None, *, station_code: str) -> TokenRecord:
    """Spend a token once: the record to store, or the refusal.

    ``record`` is the one found by :func:`token_hash` of the presented token (None when there is none).
    The caller stores the result with a conditional update (``is_redeemed`` still false) so two
    devices racing with one token cannot both succeed.
    """
    if record is None:
        raise UnknownToken("این رمز رأی صادر نشده است.")
    if record.station_code != station_code:
        raise TokenForeignStation("این رمز رأی برای شعبهٔ دیگری صادر شده است.")
    if record.is_redeemed:
        raise TokenAlreadyUsed("با این رمز پیش‌تر رأی داده شده است.")
    return replace(record, is_redeemed=True)
