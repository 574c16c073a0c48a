"""The publication app's refusals, each with a stable code and a Persian message."""

from __future__ import annotations

from ostan.core.errors import DomainError, NotFound


class NotReady(DomainError):
    """Something must happen first (a station closed, minutes signed, every station published...)."""

    code = "not_ready"
    status = 409


class AlreadyPublished(DomainError):
    code = "already_published"
    status = 409


class RecountMismatch(DomainError):
    """The sum of the stations' minutes and a full recount of the ballots disagree: nothing is stored."""

    code = "recount_mismatch"
    status = 409


class BulletinKeyMissing(DomainError):
    code = "bulletin_key_missing"
    status = 503  # the server is not configured to publish; nothing is wrong with the request


class AlreadyOpened(DomainError):
    """The round's stations and keys are on the board and its manifest is issued: that happens once."""

    code = "round_already_opened"
    status = 409


class TreeHeadMissing(NotFound):
    code = "tree_head_missing"


class TreeRangeOutside(DomainError):
    """A proof asked for a tree larger than the board."""

    code = "tree_range_invalid"


class CosignatureRefused(DomainError):
    """A witness's cosignature that is unreadable or does not verify under the key it came with."""

    code = "cosignature_invalid"
