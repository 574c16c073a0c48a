"""Voting tokens and cast ballots: no voter, no check-in, no time, and no link between the two.

A token row says "one ballot may be cast at this station"; a ballot row says "this was cast at this
station". Ballot ids are 128 random bits, so id order is no casting order; publication sorts by id.
"""

from __future__ import annotations

from django.db import models


class VotingToken(models.Model):
    # SHA-256 of the token the authentication device made (the token itself never reaches the server).
    token_hash = models.CharField("چکیده رمز", max_length=64, primary_key=True)
    # Tokens are only ever found by their hash; an index per foreign key would be written at every
    # check-in and read by nothing (only deleting a station or constituency scans, and that is refused).
    # On PostgreSQL the two columns together reference the station's own constituencies, as a cast
    # ballot's do (migration 0008): one key check per token, on a row of the station.
    station = models.ForeignKey(
        "polling.Station", verbose_name="شعبه", on_delete=models.PROTECT, related_name="+", db_index=False,
        db_constraint=False,
    )  # fmt: skip
    # The voter's constituency decides which ballot the token opens; it names no one at a station.
    constituency = models.ForeignKey(
        "elections.Constituency", verbose_name="حوزه", on_delete=models.PROTECT, related_name="+", db_index=False,
        db_constraint=False,
    )  # fmt: skip
    is_redeemed = models.BooleanField("مصرف‌شده", default=False)

    class Meta:
        verbose_name = "رمز رأی"
        verbose_name_plural = "رمزهای رأی"

    def __str__(self) -> str:
        return self.token_hash[:12]


class CastBallot(models.Model):
    ballot_id = models.CharField("شناسه برگه", max_length=32, primary_key=True)
    # On PostgreSQL the two columns together reference the station's own constituencies (the
    # polling_station_constituencies row; migration 0007): one key check per stored ballot instead of
    # one per column, on a row of the station rather than on the constituency row that every station's
    # uploads lock at once. That key also says more: a ballot's constituency is one its station serves.
    # Indexed by polling_ballot_station (station, constituency), whose prefix serves station lookups.
    station = models.ForeignKey(
        "polling.Station", verbose_name="شعبه", on_delete=models.PROTECT, related_name="ballots", db_index=False,
        db_constraint=False,
    )  # fmt: skip
    constituency = models.ForeignKey(
        "elections.Constituency", verbose_name="حوزه", on_delete=models.PROTECT, related_name="+",
        db_constraint=False,
    )  # fmt: skip
    # Codes as confirmed, space-separated ("" is a blank ballot), like the elections app's ballots.
    codes = models.TextField("کدها", blank=True)
    receipt_code = models.CharField("کد رسید", max_length=12, unique=True)

    class Meta:
        verbose_name = "برگه رأی الکترونیکی"
        verbose_name_plural = "برگه‌های رأی الکترونیکی"
        indexes = [models.Index(fields=["station", "constituency"], name="polling_ballot_station")]

    def __str__(self) -> str:
        return self.receipt_code

    @property
    def code_list(self) -> list[str]:
        return self.codes.split()
