"""Imported ballots. One row per ballot with its codes as one compact text ("12 305 4471", "" for a
blank ballot): counting streams a single narrow column, which keeps a Tehran-size count under seconds."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ostan.elections.models.rounds import Constituency


class BallotSource(models.TextChoices):
    # Values are the core's ``source`` argument of ``count``.
    MACHINE = "machine", "خروجی دستگاه رأی‌گیری"
    IMPORTED = "imported", "صورت‌جلسه یا برگه کاغذی"


class BallotBatch(models.Model):
    constituency = models.ForeignKey(
        Constituency, verbose_name="حوزه انتخابیه", on_delete=models.PROTECT, related_name="ballot_batches"
    )
    source = models.CharField("منبع", max_length=10, choices=BallotSource.choices)
    file_name = models.CharField("نام پرونده", max_length=255)
    sha256 = models.CharField("چکیده SHA-256", max_length=64)
    ballot_count = models.PositiveIntegerField("تعداد برگه")
    imported_at = models.DateTimeField("زمان ورود", auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="واردکننده", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "دسته برگه‌های رأی"
        verbose_name_plural = "دسته‌های برگه‌های رأی"
        ordering = ["constituency", "id"]
        constraints = [models.UniqueConstraint(fields=["constituency", "sha256"], name="elections_batch_once")]

    def __str__(self) -> str:
        return self.file_name


class Ballot(models.Model):
    batch = models.ForeignKey(BallotBatch, on_delete=models.CASCADE, related_name="ballots", db_index=False)
    codes = models.TextField("کدها", blank=True)

    class Meta:
        verbose_name = "برگه رأی"
        verbose_name_plural = "برگه‌های رأی"
        # Counting reads a batch in id order: this index serves both the filter and the order.
        indexes = [models.Index(fields=["batch", "id"], name="elections_ballot_batch_order")]

    def __str__(self) -> str:
        return self.codes or "سفید"
