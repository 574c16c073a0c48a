"""What the board published for each station and constituency, and the supervisory re-checks."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ostan.publication.models.bulletin import BulletinEntry


class StationPublication(models.Model):
    station = models.ForeignKey("polling.Station", verbose_name="شعبه", on_delete=models.PROTECT, related_name="+")
    constituency = models.ForeignKey(
        "elections.Constituency", verbose_name="حوزه", on_delete=models.PROTECT, related_name="+"
    )
    minutes_entry = models.ForeignKey(BulletinEntry, on_delete=models.PROTECT, related_name="+")
    ballots_entry = models.ForeignKey(BulletinEntry, on_delete=models.PROTECT, related_name="+")
    # The figures of the published minutes, for pages and dashboards without parsing payloads.
    checked_in = models.PositiveIntegerField("احراز هویت‌شدگان")
    ballots_cast = models.PositiveIntegerField("آرای مأخوذه")
    published_at = models.DateTimeField("زمان انتشار")

    class Meta:
        verbose_name = "انتشار شعبه"
        verbose_name_plural = "انتشار شعبه‌ها"
        constraints = [
            models.UniqueConstraint(fields=["station", "constituency"], name="publication_station_once"),
        ]

    def __str__(self) -> str:
        return f"{self.station_id}/{self.constituency_id}"


class ConstituencyResult(models.Model):
    constituency = models.OneToOneField(
        "elections.Constituency", verbose_name="حوزه", on_delete=models.PROTECT, related_name="+"
    )
    result = models.JSONField("نتیجه (ostan.count/1)")
    stations = models.PositiveIntegerField("شعبه‌های شمرده‌شده")
    ballots = models.PositiveIntegerField("برگه‌ها")
    # SHA-256 of the counted ballots as the elections app's JSON Lines file, in ballot-id order (the
    # publication order): the input hash the elections results page shows beside this result.
    ballots_sha256 = models.CharField("چکیده پرونده برگه‌ها", max_length=64, blank=True)
    aggregated_at = models.DateTimeField("زمان تجمیع")
    aggregated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="تجمیع‌کننده", null=True, blank=True, on_delete=models.PROTECT
    )
    constituency_entry = models.ForeignKey(
        BulletinEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    result_entry = models.ForeignKey(BulletinEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "نتیجهٔ حوزه"
        verbose_name_plural = "نتایج حوزه‌ها"

    def __str__(self) -> str:
        return f"نتیجهٔ {self.constituency_id}"

    @property
    def is_published(self) -> bool:
        return self.result_entry_id is not None


class Recheck(models.Model):
    """The supervisory board's sample: drawn from a seed published on the board after every minutes."""

    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    election_round = models.ForeignKey(
        "elections.ElectionRound", verbose_name="دوره", on_delete=models.PROTECT, related_name="+"
    )
    seed = models.CharField("بذر", max_length=64)
    size = models.PositiveIntegerField("اندازهٔ نمونه")
    sample = models.JSONField("شعبه‌های نمونه")
    seed_entry = models.ForeignKey(BulletinEntry, on_delete=models.PROTECT, related_name="+")
    sample_entry = models.ForeignKey(BulletinEntry, on_delete=models.PROTECT, related_name="+")
    drawn_at = models.DateTimeField("زمان قرعه")

    class Meta:
        verbose_name = "بازشماری نمونه"
        verbose_name_plural = "بازشماری‌های نمونه"

    def __str__(self) -> str:
        return f"بازشماری {self.unit_id} ({self.seed[:8]})"


class RecheckOutcome(models.Model):
    recheck = models.ForeignKey(Recheck, on_delete=models.PROTECT, related_name="outcomes")
    station = models.ForeignKey("polling.Station", verbose_name="شعبه", on_delete=models.PROTECT, related_name="+")
    discrepancies = models.JSONField("اختلاف‌ها")
    entry = models.ForeignKey(BulletinEntry, on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField("زمان بازشماری")

    class Meta:
        verbose_name = "نتیجهٔ بازشماری شعبه"
        verbose_name_plural = "نتایج بازشماری شعبه‌ها"
        constraints = [models.UniqueConstraint(fields=["recheck", "station"], name="publication_recheck_once")]

    def __str__(self) -> str:
        return f"{self.recheck_id}/{self.station_id}"

    @property
    def is_agreed(self) -> bool:
        return not self.discrepancies
