"""The voters' roll of one round: one row per (round, national code), with the constituency the
residence rule gives, computed once at import so check-in needs no tree walk."""

from __future__ import annotations

from django.db import models


class RollVoter(models.Model):
    election_round = models.ForeignKey(
        "elections.ElectionRound", verbose_name="دوره", on_delete=models.PROTECT, related_name="+"
    )
    national_code = models.CharField("کد ملی", max_length=10)
    first_name = models.CharField("نام", max_length=100)
    last_name = models.CharField("نام خانوادگی", max_length=100)
    birth_date = models.DateField("تاریخ تولد")
    gender = models.CharField("جنسیت", max_length=10)
    # A territory path, not a foreign key: rolls are bulk-copied and a path is what eligibility reads.
    residence_unit_path = models.CharField("محل سکونت", max_length=255)
    residence_since = models.DateField("ساکن از", null=True, blank=True)
    # The constituency whose unit contains the residence (None: no constituency of the round does).
    constituency = models.ForeignKey(
        "elections.Constituency",
        verbose_name="حوزه انتخابیه",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "رأی‌دهنده"
        verbose_name_plural = "فهرست رأی‌دهندگان"
        constraints = [
            # The code first, as for check-ins: the check-in lookup finds a voter by code whatever the
            # planner believes about rounds when it prepares the statement.
            models.UniqueConstraint(fields=["national_code", "election_round"], name="polling_roll_voter_once"),
        ]

    def __str__(self) -> str:
        return f"{self.national_code} {self.first_name} {self.last_name}"
