"""Polling stations (شعبه اخذ رأی): where voters check in and vote, and whose minutes go up at close."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StationStatus(models.TextChoices):
    OPEN = "open", "باز"
    CLOSED = "closed", "بسته"


class Station(models.Model):
    election_round = models.ForeignKey(
        "elections.ElectionRound", verbose_name="دوره", on_delete=models.PROTECT, related_name="+"
    )
    # The code devices sign: unique in the round, ASCII letters, digits, dot, dash, underscore.
    code = models.CharField("کد شعبه", max_length=64)
    address = models.CharField("نشانی", max_length=500)
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    constituencies = models.ManyToManyField("elections.Constituency", verbose_name="حوزه‌های تحت پوشش", related_name="+")
    officials = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="اعضای شعبه", blank=True, related_name="polling_stations"
    )
    status = models.CharField("وضعیت", max_length=10, choices=StationStatus.choices, default=StationStatus.OPEN)
    opened_at = models.DateTimeField("زمان گشایش", null=True, blank=True)
    closed_at = models.DateTimeField("زمان بستن", null=True, blank=True)
    # Where the station is, for the voter's map (WGS 84 degrees); optional, the address is what counts.
    latitude = models.DecimalField("عرض جغرافیایی", max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField("طول جغرافیایی", max_digits=8, decimal_places=5, null=True, blank=True)

    class Meta:
        verbose_name = "شعبه اخذ رأی"
        verbose_name_plural = "شعبه‌های اخذ رأی"
        ordering = ["election_round", "code"]
        constraints = [models.UniqueConstraint(fields=["election_round", "code"], name="polling_station_code")]

    def __str__(self) -> str:
        return f"شعبه {self.code}"

    @property
    def is_open(self) -> bool:
        return self.status == StationStatus.OPEN
