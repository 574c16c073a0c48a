"""Who may read the audit log: every staff post, each reading the entries of its own unit and below."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, grant
from ostan.core.access.roles import STAFF_ROLES

READ_ENTRIES = Capability(
    "auditlog.read_entries",
    "خواندن دفتر رویدادهای حوزهٔ خود",
    (grant(Reach.ROLE, *STAFF_ROLES),),
    is_write=False,
    refusal="دفتر رویدادها فقط برای کارکنان است.",
)
