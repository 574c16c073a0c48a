"""The board's Merkle tree (RFC 9162) over its entries, its signed tree heads and the witnesses'
cosignatures, and the election manifest signed before the polls open (docs/transparency.md)."""

from __future__ import annotations

from django.db import models

LEVEL_SHIFT = 56  # node key = level << 56 | index: leaves up to 2⁵⁶, levels up to 63


def node_key(level: int, index: int) -> int:
    return (level << LEVEL_SHIFT) | index


class MerkleNode(models.Model):
    """The hash of the complete subtree over leaves [index·2^level, (index+1)·2^level): never changes."""

    key = models.BigIntegerField("کلید گره", primary_key=True)  # node_key(level, index)
    hash = models.BinaryField("چکیده", max_length=32)

    class Meta:
        verbose_name = "گرهٔ درخت مرکل"
        verbose_name_plural = "گره‌های درخت مرکل"

    def __str__(self) -> str:
        return f"({self.key >> LEVEL_SHIFT}, {self.key & ((1 << LEVEL_SHIFT) - 1)})"


class TreeHead(models.Model):
    """A signed tree head: the board's statement that its first ``tree_size`` entries have this root."""

    log_id = models.CharField("شناسهٔ دفتر", max_length=128)
    tree_size = models.BigIntegerField("اندازهٔ درخت", db_index=True)
    root_hash = models.CharField("ریشه", max_length=64)
    issued_at = models.DateTimeField("زمان صدور", db_index=True)
    signature = models.CharField("امضای تابلو (base64)", max_length=100)

    class Meta:
        verbose_name = "سرِ درخت امضاشده"
        verbose_name_plural = "سرهای درخت امضاشده"
        ordering = ["tree_size", "issued_at"]

    def __str__(self) -> str:
        return f"{self.log_id} @ {self.tree_size}"


class Cosignature(models.Model):
    """A witness's cosignature of a head, accepted only when it verifies under the key it names."""

    head = models.ForeignKey(TreeHead, on_delete=models.PROTECT, related_name="cosignatures")
    key_id = models.CharField("شناسهٔ کلید گواه", max_length=16)
    public_key = models.CharField("کلید عمومی گواه (hex)", max_length=64)
    signature = models.CharField("امضا (base64)", max_length=100)
    received_at = models.DateTimeField("زمان دریافت")

    class Meta:
        verbose_name = "هم‌امضای گواه"
        verbose_name_plural = "هم‌امضاهای گواهان"
        constraints = [models.UniqueConstraint(fields=["head", "public_key"], name="publication_cosign_once")]

    def __str__(self) -> str:
        return f"{self.key_id} → {self.head_id}"


class ElectionManifest(models.Model):
    """The signed manifest of a round (``ostan.signed-manifest/1``), fixed at the opening."""

    election_round = models.OneToOneField(
        "elections.ElectionRound", verbose_name="دوره", on_delete=models.PROTECT, related_name="+"
    )
    document = models.JSONField("بیانیهٔ امضاشده")
    opening_entry = models.ForeignKey(
        "publication.BulletinEntry", on_delete=models.PROTECT, related_name="+", verbose_name="مدخل گشایش"
    )
    created_at = models.DateTimeField("زمان صدور")

    class Meta:
        verbose_name = "بیانیهٔ انتخابات"
        verbose_name_plural = "بیانیه‌های انتخابات"

    def __str__(self) -> str:
        return f"بیانیهٔ دوره {self.election_round_id}"
