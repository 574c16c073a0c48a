from ostan.auditlog.events import AuditEvent


class AccessEvent(AuditEvent):
    ORGANISATION_CREATED = "access.organisation_created", "ثبت سازمان"
    ORGANISATION_CHANGED = "access.organisation_changed", "ویرایش سازمان"
    ORGANISATIONS_IMPORTED = "access.organisations_imported", "بارگذاری فهرست سازمان‌ها"
