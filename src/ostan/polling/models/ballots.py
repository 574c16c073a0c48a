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


class TokenHolder(models.Model):
    """Which check-in holds an unspent token, so that a LOST token can be voided for its voter.

    This is the one row that joins a voter to a token, so it lives only while the token is unspent: it
    is made when the check-in device asks for the token's short code, and deleted in the same statement
    that spends the token (every ballot path), when the token is voided, and when the station closes.
    A ballot never carries a token, so even while it lives it joins no voter to a ballot.
    """

    token_hash = models.CharField("چکیده رمز", max_length=64, primary_key=True)
    check_in = models.OneToOneField(
        "polling.CheckIn", verbose_name="پذیرش", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    station = models.ForeignKey(
        "polling.Station", verbose_name="شعبه", on_delete=models.PROTECT, related_name="+", db_constraint=False
    )

    class Meta:
        verbose_name = "دارندهٔ رمز مصرف‌نشده"
        verbose_name_plural = "دارندگان رمزهای مصرف‌نشده"

    def __str__(self) -> str:
        return self.token_hash[:12]


class VoidReason(models.TextChoices):
    SPOILT = "spoilt", "رمز خراب"
    LOST = "lost", "رمز گم‌شده"


class VoidedToken(models.Model):
    """One voided token, for the station's minutes: the station, the constituency and why; no token,
    no voter and no time (the audit log names the member who voided it)."""

    station = models.ForeignKey("polling.Station", verbose_name="شعبه", on_delete=models.PROTECT, related_name="+")
    constituency = models.ForeignKey(
        "elections.Constituency", verbose_name="حوزه", on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField("علت", max_length=10, choices=VoidReason.choices)

    class Meta:
        verbose_name = "رمز رأی باطل‌شده"
        verbose_name_plural = "رمزهای رأی باطل‌شده"

    def __str__(self) -> str:
        return f"{self.station_id}: {self.reason}"
