"""Why the programmes refused: stable codes, Persian messages. The core's own refusals (a window that ends
before it starts, a target on the wrong side of the baseline, overlapping outcome records) come from
``ostan.core.programs.errors``."""

from __future__ import annotations

from ostan.core.errors import DomainError, NotFound


class InvalidProject(DomainError):
    """A field of a project or its report is wrong; ``details["field"]`` names it."""

    code = "invalid_key_project_entry"


class ProjectNotFound(NotFound):
    code = "key_project_not_found"


class EvidenceRejected(DomainError):
    """An evidence file is too large or is not a PDF, PNG or JPEG by its bytes."""

    code = "evidence_rejected"


class EvidenceNotFound(NotFound):
    code = "evidence_not_found"


class InvalidOutcome(DomainError):
    code = "invalid_outcome_entry"


class ExperienceRefused(DomainError):
    """Only a finished project is published, once; a project adopts one experience, not its own."""

    code = "experience_refused"
    status = 409


class ExperienceNotFound(NotFound):
    code = "experience_not_found"


class InvalidCritique(DomainError):
    code = "invalid_critique"


class OfficeNotFound(NotFound):
    code = "office_not_found"
