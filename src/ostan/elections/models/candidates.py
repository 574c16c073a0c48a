"""Approved candidates and party lists of a constituency, as imported by the election office."""

from __future__ import annotations

from django.db import models

from ostan.elections.models.rounds import Constituency


class PartyList(models.Model):
    constituency = models.ForeignKey(
        Constituency, verbose_name="حوزه انتخابیه", on_delete=models.CASCADE, related_name="party_lists"
    )
    code = models.CharField("کد فهرست", max_length=12)
    name = models.CharField("نام فهرست", max_length=200)
    party = models.CharField("حزب یا جبهه", max_length=200, blank=True)

    class Meta:
        verbose_name = "فهرست انتخاباتی"
        verbose_name_plural = "فهرست‌های انتخاباتی"
        ordering = ["constituency", "code"]
        constraints = [models.UniqueConstraint(fields=["constituency", "code"], name="elections_list_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class Gender(models.TextChoices):
    FEMALE = "female", "زن"
    MALE = "male", "مرد"


class VettingStatus(models.TextChoices):
    PENDING = "pending", "در حال بررسی"
    APPROVED = "approved", "تأیید صلاحیت"
    REJECTED = "rejected", "رد صلاحیت"


class EducationLevel(models.IntegerChoices):
    # Same numbers as the counting core's Education: the Art. 17 tie-break ranks them (higher wins).
    NONE = 0, "بدون مدرک"
    BELOW_DIPLOMA = 1, "زیر دیپلم"
    DIPLOMA = 2, "دیپلم"
    ASSOCIATE = 3, "کاردانی"
    BACHELOR = 4, "کارشناسی"
    MASTER = 5, "کارشناسی ارشد"
    DOCTORATE = 6, "دکتری"


class Candidate(models.Model):
    constituency = models.ForeignKey(
        Constituency, verbose_name="حوزه انتخابیه", on_delete=models.CASCADE, related_name="candidates"
    )
    code = models.CharField("کد نامزد", max_length=12)
    national_code = models.CharField("کد ملی", max_length=10, blank=True)
    first_name = models.CharField("نام", max_length=100)
    last_name = models.CharField("نام خانوادگی", max_length=100)
    # A path under the media storage, checked on upload; the count never depends on it.
    photo_path = models.CharField("مسیر عکس", max_length=300, blank=True)
    gender = models.CharField("جنسیت", max_length=10, choices=Gender.choices, blank=True)
    is_veteran = models.BooleanField("ایثارگر", default=False)
    education = models.PositiveSmallIntegerField("تحصیلات", choices=EducationLevel.choices, default=0)
    vetting_status = models.CharField(
        "وضعیت صلاحیت", max_length=10, choices=VettingStatus.choices, default=VettingStatus.APPROVED
    )
    party_list = models.ForeignKey(
        PartyList,
        verbose_name="فهرست",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="candidates",
    )

    class Meta:
        verbose_name = "نامزد"
        verbose_name_plural = "نامزدها"
        ordering = ["constituency", "code"]
        constraints = [
            models.UniqueConstraint(fields=["constituency", "code"], name="elections_candidate_code_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.full_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"
