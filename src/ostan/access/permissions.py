"""Who may see and keep the registry of organisations."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant
from ostan.core.access.roles import STAFF_ROLES

# The registry is public: a citizen looks up who answers for water or gas in their county.
READ_ORGANISATIONS = Capability(
    "access.read_organisations", "دیدن فهرست سازمان‌ها و راه‌های تماس", (grant(Reach.ANYONE),), is_write=False
)
# Contact people are named officials: their names are for staff, not the public page.
READ_ORGANISATION_CONTACTS = Capability(
    "access.read_organisation_contacts",
    "دیدن نام مسئول ارتباط سازمان‌ها",
    (grant(Reach.ROLE, *STAFF_ROLES),),
    is_write=False,
)
MANAGE_ORGANISATIONS = Capability(
    "access.manage_organisations",
    "ثبت، ویرایش و بارگذاری سازمان‌های واحد خود",
    (grant(Reach.UNIT, Role.SYSTEM_ADMINISTRATOR, Role.GOVERNOR, Role.GOVERNOR_OFFICE_STAFF),),
    refusal="ثبت سازمان‌ها در اختیار استانداری، فرمانداری‌ها و مدیر سامانه است.",
)
