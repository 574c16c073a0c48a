"""Station minutes (صورتجلسه, forms 29/31): the core's JSON as signed by the station's device, and the
officials' confirmations."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StationMinutes(models.Model):
    station = models.ForeignKey(
        "polling.Station", verbose_name="شعبه", on_delete=models.PROTECT, related_name="minutes"
    )
    constituency = models.ForeignKey(
        "elections.Constituency", verbose_name="حوزه", on_delete=models.PROTECT, related_name="+"
    )
    form = models.PositiveSmallIntegerField("فرم")
    document = models.JSONField("صورتجلسه (ostan.minutes/1)")
    digest = models.CharField("چکیده SHA-256", max_length=64)
    signature = models.CharField("امضا (base64)", max_length=100, blank=True)
    signed_by = models.ForeignKey(
        "polling.Device", verbose_name="دستگاه امضاکننده", null=True, blank=True, on_delete=models.PROTECT
    )
    signed_at = models.DateTimeField("زمان امضا", null=True, blank=True)
    created_at = models.DateTimeField("زمان تهیه", auto_now_add=True)

    class Meta:
        verbose_name = "صورتجلسه شعبه"
        verbose_name_plural = "صورتجلسه‌های شعبه"
        constraints = [
            models.UniqueConstraint(fields=["station", "constituency"], name="polling_minutes_once"),
        ]

    def __str__(self) -> str:
        return f"صورتجلسه {self.station_id}/{self.constituency_id}"

    @property
    def is_signed(self) -> bool:
        return bool(self.signature)


class MinutesConfirmation(models.Model):
    minutes = models.ForeignKey(StationMinutes, on_delete=models.PROTECT, related_name="confirmations")
    official = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="عضو شعبه", on_delete=models.PROTECT)
    confirmed_at = models.DateTimeField("زمان تأیید")

    class Meta:
        verbose_name = "تأیید صورتجلسه"
        verbose_name_plural = "تأییدهای صورتجلسه"
        constraints = [
            models.UniqueConstraint(fields=["minutes", "official"], name="polling_minutes_confirm_once"),
        ]

    def __str__(self) -> str:
        return f"{self.official_id} ✓ {self.minutes_id}"
