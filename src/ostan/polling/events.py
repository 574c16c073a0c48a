from ostan.auditlog.events import AuditEvent


class PollingEvent(AuditEvent):
    STATION_CREATED = "polling.station_created", "تعریف شعبه"
    STATION_OFFICIAL_ADDED = "polling.station_official_added", "افزودن عضو شعبه"
    DEVICE_REGISTERED = "polling.device_registered", "ثبت دستگاه"
    DEVICE_DEACTIVATED = "polling.device_deactivated", "غیرفعال‌سازی دستگاه"
    ROLL_IMPORTED = "polling.roll_imported", "بارگذاری فهرست رأی‌دهندگان"
    ROLL_GENERATED = "polling.roll_generated", "ساخت فهرست آزمایشی رأی‌دهندگان"
    CHECKED_IN = "polling.checked_in", "احراز هویت رأی‌دهنده"
    BALLOT_CAST = "polling.ballot_cast", "ثبت رأی"
    BALLOTS_UPLOADED = "polling.ballots_uploaded", "بارگذاری دفتر آرای دستگاه"
    TOKEN_REPLACED = "polling.token_replaced", "باطل‌کردن رمز رأی خراب و صدور رمز تازه"
    TOKEN_VOIDED = "polling.token_voided", "باطل‌کردن رمز رأی گم‌شده و صدور رمز تازه"
    SHORT_CODE_ISSUED = "polling.short_code_issued", "صدور کد کوتاه رمز رأی"
    STATION_CLOSED = "polling.station_closed", "بستن شعبه"
    MINUTES_SIGNED = "polling.minutes_signed", "امضای صورتجلسه به دست دستگاه"
    MINUTES_CONFIRMED = "polling.minutes_confirmed", "تأیید صورتجلسه به دست عضو شعبه"
