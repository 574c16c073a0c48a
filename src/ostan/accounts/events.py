from ostan.auditlog.events import AuditEvent


class AccountsEvent(AuditEvent):
    ACCOUNT_CREATED = "accounts.account_created", "ساخت حساب"
    ACCOUNT_DEACTIVATED = "accounts.account_deactivated", "غیرفعال‌سازی حساب"
    ACCOUNT_REACTIVATED = "accounts.account_reactivated", "فعال‌سازی دوبارهٔ حساب"
    POST_REPLACED = "accounts.post_replaced", "تغییر نقش یا واحد"
    POST_ADDED = "accounts.post_added", "افزودن سمت"
    POST_ENDED = "accounts.post_ended", "پایان سمت"
    POST_CHOSEN = "accounts.post_chosen", "گزینش سمت برای کار"
    TEMPORARY_PASSWORD_SET = "accounts.temporary_password_set", "تعیین گذرواژهٔ موقت"
    PASSWORD_CHANGED = "accounts.password_changed", "تغییر گذرواژه به دست دارندهٔ حساب"
    LOCKOUT_CLEARED = "accounts.lockout_cleared", "باز کردن ورود بسته‌شده"
    SIGNED_IN = "accounts.signed_in", "ورود"
    SIGN_IN_LOCKED = "accounts.sign_in_locked", "قفل ورود پس از تلاش‌های ناموفق"
    OTP_REQUESTED = "accounts.otp_requested", "درخواست کد ورود پیامکی"
