"""People who use Ostan. What a staff member may do comes from their posts (``ostan.access.models.Post``):
a role at a unit, for an organisation or none; a citizen holds no post."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person. ``is_staff`` marks a staff account (made on the staff pages, signing in with a password,
    holding posts); a citizen's account is made at their first SMS sign-in and never has it."""

    national_code = models.CharField("کد ملی", max_length=10, unique=True, null=True, blank=True)
    mobile = models.CharField("تلفن همراه", max_length=11, blank=True)
    # Set when someone else chose the password (a new account, a reset): the next sign-in must replace it.
    must_change_password = models.BooleanField("باید گذرواژه را عوض کند", default=False)
    # The end of the current sign-in lockout, copied from the attempt counters (which live in the cache)
    # so that lists can filter locked accounts; a past moment means no lockout.
    login_locked_until = models.DateTimeField("ورود بسته تا", null=True, blank=True)

    class Meta:
        verbose_name = "کاربر"
        verbose_name_plural = "کاربران"


class OtpChallenge(models.Model):
    """A one-time code sent to a citizen: only its keyed digest is kept, never the code itself."""

    national_code = models.CharField("کد ملی", max_length=10)
    mobile = models.CharField("تلفن همراه", max_length=11)
    digest = models.CharField("چکیده کد", max_length=64)
    issued_at = models.DateTimeField("زمان صدور")
    expires_at = models.DateTimeField("زمان انقضا")
    attempts = models.PositiveSmallIntegerField("تعداد تلاش", default=0)
    is_used = models.BooleanField("مصرف‌شده", default=False)

    class Meta:
        verbose_name = "کد یک‌بارمصرف"
        verbose_name_plural = "کدهای یک‌بارمصرف"
        indexes = [models.Index(fields=["national_code", "-issued_at"], name="accounts_otp_latest")]

    def __str__(self) -> str:
        return f"{self.national_code} {self.issued_at:%Y-%m-%d %H:%M}"
