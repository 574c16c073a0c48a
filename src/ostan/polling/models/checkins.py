"""Check-ins: the voter's one acceptance of the round, at one station. The unique constraint on
(round, national code) is what stops a second vote, whichever station and however many retries.

Nothing here points at a token or a ballot, and nothing there points back (see models/__init__).
"""

from __future__ import annotations

from django.db import models


class CheckIn(models.Model):
    # Both keys below are the first column of an index of their own (polling_checkin_once,
    # polling_checkin_station), so a single-column index would only be one more write per check-in.
    # On PostgreSQL the keys are two, each on a row of the check-in's own station (migration 0008):
    # (station, round) references the station, so the round is the station's; (station, constituency)
    # references the station's own constituencies. Checked per row at commit, one key per column had
    # every check-in of the country lock the same round and constituency rows.
    election_round = models.ForeignKey(
        "elections.ElectionRound", verbose_name="دوره", on_delete=models.PROTECT, related_name="+", db_index=False,
        db_constraint=False,
    )  # fmt: skip
    # Plain, not hashed: the roll holds the code anyway, and a refused voter is told where and when.
    national_code = models.CharField("کد ملی", max_length=10)
    station = models.ForeignKey(
        "polling.Station", verbose_name="شعبه", on_delete=models.PROTECT, related_name="check_ins", db_index=False,
        db_constraint=False,
    )  # fmt: skip
    constituency = models.ForeignKey(
        "elections.Constituency", verbose_name="حوزه", on_delete=models.PROTECT, related_name="+", db_constraint=False
    )
    # The device's id for this attempt: a retry carries the same id and gets the same outcome.
    request_id = models.CharField("شناسه درخواست", max_length=64)
    checked_in_at = models.DateTimeField("زمان پذیرش")

    class Meta:
        verbose_name = "پذیرش رأی‌دهنده"
        verbose_name_plural = "پذیرش رأی‌دهندگان"
        constraints = [
            # The code first: a lookup by code can only use it by the code, whatever the planner believes
            # about rounds (a prepared plan made on a young table once scanned the whole round per voter).
            models.UniqueConstraint(fields=["national_code", "election_round"], name="polling_checkin_once"),
        ]
        indexes = [models.Index(fields=["station", "constituency"], name="polling_checkin_station")]

    def __str__(self) -> str:
        return f"{self.national_code} @ {self.station_id}"
