"""Persian names for audit events, for pages and the admin."""

from __future__ import annotations

# Persian names for the events people see most; other events show their code.
EVENT_LABELS = {
    "accounts.create": "ساخت حساب",
    "accounts.deactivate": "غیرفعال‌سازی حساب",
    "accounts.change_role": "تغییر نقش یا واحد",
    "accounts.login": "ورود",
    "accounts.lockout": "قفل ورود پس از تلاش‌های ناموفق",
    "accounts.otp_request": "درخواست کد ورود پیامکی",
}


def event_label(event: str) -> str:
    return EVENT_LABELS.get(event, event)
