"""The counting core's refusals: each a DomainError with a stable code and a Persian message."""

from __future__ import annotations

from ostan.core.errors import DomainError


class InvalidConstituency(DomainError):
    """The constituency (candidates, lists, seats) cannot be counted as given."""

    code = "invalid_constituency"


class InvalidRules(DomainError):
    """A counting rule names an option the core does not know."""

    code = "invalid_counting_rules"


class ConstituencyFileError(DomainError):
    """The constituency file is malformed; ``details["path"]`` is the JSON path of the problem."""

    code = "constituency_file_invalid"


class BallotFileError(DomainError):
    """A ballots file line is malformed; ``details`` names the file and line. Nothing is counted."""

    code = "ballot_file_invalid"


class PopulationUnknown(DomainError):
    """Council size needs the census population; the core never guesses it."""

    code = "population_unknown"


class InvalidSettlement(DomainError):
    code = "invalid_settlement"


class OverrideReasonMissing(DomainError):
    """A council size that departs from the law's table must carry a recorded reason."""

    code = "override_reason_missing"


class LotSeedRequired(DomainError):
    """A tie that decides a seat needs a lot, and the lot needs the published seed."""

    code = "lot_seed_required"
    status = 409


class ApportionmentImpossible(DomainError):
    """The quotas cannot be honoured (their integer parts alone exceed the seats)."""

    code = "apportionment_impossible"
    status = 409
