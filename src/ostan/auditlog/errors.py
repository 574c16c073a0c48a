"""The auditlog app's refusals: stable codes, Persian messages."""

from __future__ import annotations

# Codes given where an action raises (``DomainError(message, code=...)``) rather than by a class.
CODES = {
    "invalid_event": "نام رویدادی که برای فیلتر آمده نامعتبر است.",
}
