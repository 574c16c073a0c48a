"""Citizens sign in with their national code and a one-time code sent by SMS to their mobile.

The first successful sign-in creates the citizen's account (username = national code). A national
code already bound to a mobile number only receives codes on that number.

Production note: nothing here proves that the mobile belongs to the person with the national code
(Iran's operators answer that through the Shahkar service). Until such a check is plugged in, the
first number that signs in for a national code claims it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from ostan.access.actors import actor_for
from ostan.accounts import lockouts, sms
from ostan.accounts.errors import CitizenSignInRefused
from ostan.accounts.events import AccountsEvent
from ostan.accounts.models import OtpChallenge, User
from ostan.auditlog.actions import record
from ostan.core import national_code, otp
from ostan.core.access import Actor
from ostan.core.phone import mask, normalize_mobile
from ostan.core.text import to_persian_digits

MESSAGE = "سامانه استان\nکد ورود شما: {code}\nاین کد تا {minutes} دقیقه معتبر است. آن را به کسی ندهید."


OTP_SYSTEM = Actor.system("ارسال کد ورود پیامکی به شهروند")


@dataclass(frozen=True)
class CodeSent:
    national_code: str
    masked_mobile: str
    expires_in_seconds: int


def _key() -> bytes:
    return settings.SECRET_KEY.encode()


def _existing(code: str) -> User | None:
    return User.objects.filter(national_code=code).first() or User.objects.filter(username=code).first()


def _ensure_citizen(user: User | None, mobile: str | None = None) -> None:
    if user is None:
        return
    if user.is_staff:
        raise CitizenSignInRefused(
            "این کد ملی به حساب کارکنان تعلق دارد؛ از صفحه ورود کارکنان استفاده کنید.", code="staff_account"
        )
    if not user.is_active:
        raise CitizenSignInRefused("این حساب غیرفعال شده است.", code="account_inactive")
    if mobile is not None and user.mobile and user.mobile != mobile:
        raise CitizenSignInRefused("این شماره همراه با شماره ثبت‌شده برای این کد ملی یکی نیست.", code="mobile_mismatch")


def request_code(*, national_code_raw: str, mobile_raw: str, address: str) -> CodeSent:
    """Validate, apply the request limits, store the code's digest and send the code after commit."""
    code = national_code.parse(national_code_raw or "")
    mobile = normalize_mobile(mobile_raw or "")
    at = lockouts.now()
    lockouts.OTP_BY_NATIONAL_CODE.ensure_open(code, at)
    lockouts.OTP_BY_ADDRESS.ensure_open(address, at)
    # Counted before the account checks, so probing which number a national code is bound to is limited too.
    lockouts.OTP_BY_NATIONAL_CODE.hit(code, at)
    lockouts.OTP_BY_ADDRESS.hit(address, at)
    _ensure_citizen(_existing(code), mobile)
    secret = otp.generate_code(secrets.randbelow)
    challenge = otp.issue(secret, key=_key(), subject=code, now=at)
    text = MESSAGE.format(code=secret, minutes=to_persian_digits(int(otp.LIFETIME.total_seconds() // 60)))
    with transaction.atomic(durable=True):
        row = OtpChallenge.objects.create(
            national_code=code,
            mobile=mobile,
            digest=challenge.digest,
            issued_at=challenge.issued_at,
            expires_at=challenge.expires_at,
        )
        record(
            actor=OTP_SYSTEM,
            event=AccountsEvent.OTP_REQUESTED,
            obj=row,
            object_label=f"{code} {mask(mobile)}",
            after={"national_code": code, "mobile": mask(mobile), "address": address},
        )
        transaction.on_commit(lambda: sms.get_backend().send(mobile, text))
    return CodeSent(code, mask(mobile), int(otp.LIFETIME.total_seconds()))


def verify_code(*, national_code_raw: str, typed: str, address: str) -> User:
    """The citizen for this national code, created on first sign-in, if ``typed`` is the latest code.

    A refused try still counts against the code (stored before the refusal is raised), and writes no
    audit entry; a successful one writes exactly one, «accounts.signed_in».
    """
    code = national_code.parse(national_code_raw or "")
    with transaction.atomic(durable=True):
        row = OtpChallenge.objects.select_for_update().filter(national_code=code).order_by("-issued_at", "-id").first()
        if row is None:
            raise otp.OtpExpired("برای این کد ملی کدی فرستاده نشده یا منقضی شده است؛ کد تازه‌ای درخواست کنید.")
        stored = otp.Challenge(row.digest, row.issued_at, row.expires_at, row.attempts, row.is_used)
        checked, error = otp.check(stored, typed or "", key=_key(), subject=code, now=lockouts.now())
        if checked != stored:
            row.attempts, row.is_used = checked.attempts, checked.is_used
            row.save(update_fields=["attempts", "is_used"])
        user = None if error else _sign_up_or_find(code, row.mobile)
        if user is not None:
            record(
                actor=actor_for(user),
                event=AccountsEvent.SIGNED_IN,
                obj=user,
                after={"method": "otp", "address": address},
            )
    if error is not None:
        raise error
    assert user is not None
    return user


def _sign_up_or_find(code: str, mobile: str) -> User:
    user = _existing(code)
    _ensure_citizen(user)
    if user is None:
        user = User(username=code, national_code=code, mobile=mobile)
        user.set_unusable_password()
        user.save()
    elif not user.mobile:
        user.mobile = mobile
        user.save(update_fields=["mobile"])
    return user
