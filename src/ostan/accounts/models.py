"""People who use Ostan, each bound to a role and (for staff) a territorial unit."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    CITIZEN = "citizen", "شهروند"
    SERVICE_DESK_CLERK = "service_desk_clerk", "کارشناس میز خدمت"
    AGENCY_OFFICER = "agency_officer", "کارشناس دستگاه اجرایی"
    INSTITUTION_REPRESENTATIVE = "institution_representative", "نماینده نهاد"
    STATION_OFFICIAL = "station_official", "عضو شعبه اخذ رأی"
    CONSTITUENCY_ELECTION_OFFICIAL = "constituency_election_official", "مسئول انتخابات حوزه"
    COUNTY_ELECTION_OFFICIAL = "county_election_official", "مسئول انتخابات شهرستان"
    PROVINCE_ELECTION_OFFICIAL = "province_election_official", "مسئول انتخابات استان"
    COUNTRY_ELECTION_OFFICIAL = "country_election_official", "مسئول ستاد انتخابات کشور"
    GOVERNOR_OFFICE_STAFF = "governor_office_staff", "کارشناس دفتر استاندار/فرماندار"
    OBSERVER = "observer", "ناظر"
    SYSTEM_ADMINISTRATOR = "system_administrator", "مدیر سامانه"


class User(AbstractUser):
    role = models.CharField("نقش", max_length=40, choices=Role.choices, default=Role.CITIZEN)
    # Staff see and act on this unit and everything under it; citizens have none.
    unit = models.ForeignKey(
        "territory.Unit", verbose_name="واحد محل خدمت", null=True, blank=True, on_delete=models.PROTECT
    )
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

    @property
    def is_staff_role(self) -> bool:
        return self.role != Role.CITIZEN

    @property
    def can_manage_accounts(self) -> bool:
        """Whether the staff-accounts pages are open to this user (each account is still scope-checked)."""
        from ostan.accounts import roles  # roles.py reads Role from this module

        return bool(self.is_active and (self.is_superuser or roles.manages_accounts(self.role)))


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
