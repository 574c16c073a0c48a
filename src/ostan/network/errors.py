"""Why the network refused: stable codes, Persian messages; ``details["field"]`` names the form field."""

from __future__ import annotations

from ostan.core.errors import DomainError, NotFound


class InvalidNetworkInput(DomainError):
    code = "invalid_network_input"


class CouncilExists(DomainError):
    code = "network_council_exists"
    status = 409


class PlanExists(DomainError):
    code = "network_plan_exists"
    status = 409


class EvidenceRejected(DomainError):
    code = "network_evidence_rejected"


class BoundaryRejected(DomainError):
    code = "network_boundary_rejected"


class OverlapSettled(DomainError):
    code = "network_overlap_settled"
    status = 409


class CrisisClosed(DomainError):
    code = "network_crisis_closed"
    status = 409


class CouncilNotFound(NotFound):
    code = "network_council_not_found"


class ActionNotFound(NotFound):
    code = "network_action_not_found"


class EvidenceNotFound(NotFound):
    code = "network_evidence_not_found"


class OverlapNotFound(NotFound):
    code = "network_overlap_not_found"


class CrisisNotFound(NotFound):
    code = "network_crisis_not_found"
