"""Stored counts: the core's result JSON exactly as ``ostan count --json`` prints it, plus the hashes of
the two input files so that observers can download them and recount.

A count is either this app's own, over the ballots imported here, or the electronic count of election
day, computed by the publication app from the stations' ballots and published on the bulletin board:
that one is recorded here as counted, with where its ballots file is served and the board entry that
published it, so the results page and the board show the same result."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ostan.elections.models.rounds import Constituency


class CountOrigin(models.TextChoices):
    OWN = "own", "شمارش برگه‌های واردشده در همین سامانه"
    BULLETIN = "bulletin", "شمارش الکترونیکی منتشرشده در تابلوی اعلانات"


class CountRecord(models.Model):
    constituency = models.ForeignKey(
        Constituency, verbose_name="حوزه انتخابیه", on_delete=models.PROTECT, related_name="count_records"
    )
    counted_at = models.DateTimeField("زمان شمارش")
    counted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="شمارنده", null=True, blank=True, on_delete=models.PROTECT
    )
    source = models.CharField("منبع برگه‌ها", max_length=10)
    result = models.JSONField("نتیجه")
    # The constituency file as counted (the export serves it), so later edits cannot change what was counted.
    constituency_file = models.JSONField("پرونده حوزه")
    ballot_count = models.PositiveIntegerField("تعداد برگه")
    constituency_sha256 = models.CharField("چکیده پرونده حوزه", max_length=64)
    ballots_sha256 = models.CharField("چکیده پرونده برگه‌ها", max_length=64)
    inputs_sha256 = models.CharField("چکیده ورودی‌ها", max_length=64)
    origin = models.CharField("خاستگاه شمارش", max_length=10, choices=CountOrigin.choices, default=CountOrigin.OWN)
    # For a count made elsewhere: where the ballots file whose hash is ballots_sha256 is served, and the
    # hash of the bulletin board entry that published the result.
    ballots_url = models.CharField("نشانی پرونده برگه‌ها", max_length=200, blank=True)
    bulletin_entry_hash = models.CharField("چکیده مدخل تابلوی اعلانات", max_length=64, blank=True)

    class Meta:
        verbose_name = "شمارش"
        verbose_name_plural = "شمارش‌ها"
        ordering = ["-counted_at", "-id"]
        get_latest_by = ["counted_at", "id"]

    def __str__(self) -> str:
        return f"{self.constituency} — {self.counted_at:%Y-%m-%d %H:%M}"

    @property
    def is_electronic(self) -> bool:
        return self.origin == CountOrigin.BULLETIN
