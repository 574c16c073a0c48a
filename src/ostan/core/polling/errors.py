"""The election-day cores' refusals: each a DomainError with a stable code and a Persian message.

Decisions that are an ordinary outcome (a voter refused at check-in, a problem found in minutes or in
the bulletin chain) are returned as typed values, not raised; these exceptions are for input that a
caller must not act on at all.
"""

from __future__ import annotations

from ostan.core.errors import DomainError


class RollRowError(DomainError):
    """A roll import row is malformed; ``details`` names the line and the field. Nothing is imported."""

    code = "invalid_roll_row"


class SyntheticRollError(DomainError):
    code = "invalid_synthetic_roll"


class DeviceRequestRefused(DomainError):
    """A device request that must not be acted on; the subclass says why."""

    code = "device_request_refused"
    status = 401


class MalformedRequest(DeviceRequestRefused):
    code = "malformed_request"
    status = 400


class BadSignature(DeviceRequestRefused):
    code = "bad_signature"


class ReplayedRequest(DeviceRequestRefused):
    code = "replayed_request"
    status = 409


class ForeignStation(DeviceRequestRefused):
    code = "foreign_station"
    status = 403


class StaleRequest(DeviceRequestRefused):
    code = "stale_request"


class InvalidKey(DomainError):
    code = "invalid_key"


class TokenRefused(DomainError):
    code = "token_refused"
    status = 409


class UnknownToken(TokenRefused):
    code = "unknown_token"
    status = 404


class TokenAlreadyUsed(TokenRefused):
    code = "token_already_used"


class TokenForeignStation(TokenRefused):
    code = "token_foreign_station"
    status = 403


class InvalidBallot(DomainError):
    code = "invalid_ballot"


class InvalidMinutes(DomainError):
    code = "invalid_minutes"


class InvalidDocument(DomainError):
    """A published document (minutes, ballots, bulletin entry) does not have the documented shape."""

    code = "invalid_document"


class InvalidBulletinEntry(DomainError):
    code = "invalid_bulletin_entry"


class SeedRequired(DomainError):
    code = "seed_required"


class ShortCodeMistyped(TokenRefused):
    """A short code whose check digit does not match: a typing mistake, never a token to look up."""

    code = "short_code_mistyped"
    status = 400
