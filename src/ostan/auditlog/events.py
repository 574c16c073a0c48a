"""Persian names for audit events, for pages and the admin."""

from __future__ import annotations

# Persian names for the events people see most; other events show their code.
EVENT_LABELS = {
    "accounts.create": "ساخت حساب",
    "accounts.deactivate": "غیرفعال‌سازی حساب",
    "accounts.change_role": "تغییر نقش یا واحد",
    "accounts.reactivate": "فعال‌سازی دوبارهٔ حساب",
    "accounts.set_temporary_password": "تعیین گذرواژهٔ موقت",
    "accounts.change_password": "تغییر گذرواژه به دست دارندهٔ حساب",
    "accounts.clear_lockout": "باز کردن ورود بسته‌شده",
    "accounts.login": "ورود",
    "accounts.lockout": "قفل ورود پس از تلاش‌های ناموفق",
    "accounts.otp_request": "درخواست کد ورود پیامکی",
}


def event_label(event: str) -> str:
    return EVENT_LABELS.get(event, event)
