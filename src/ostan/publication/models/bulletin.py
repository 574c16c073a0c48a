"""The bulletin board: one hash chain for every published record (ostan.core.polling.bulletin)."""

from __future__ import annotations

from django.db import models


class Board(models.Model):
    """The chain's head, one row: appends lock it (SELECT ... FOR UPDATE), so they take turns."""

    head_seq = models.BigIntegerField("شمارهٔ آخرین مدخل", default=-1)
    head_hash = models.CharField("چکیدهٔ آخرین مدخل", max_length=64, default="0" * 64)
    public_key = models.CharField("کلید عمومی تابلو (hex)", max_length=64, blank=True)

    class Meta:
        verbose_name = "تابلوی اعلانات"
        verbose_name_plural = "تابلوی اعلانات"

    def __str__(self) -> str:
        return f"تابلو تا مدخل {self.head_seq}"


class BulletinEntry(models.Model):
    seq = models.BigIntegerField("شماره", primary_key=True)
    kind = models.CharField("نوع", max_length=32)
    # Canonical JSON as UTF-8 text: its bytes are what the entry hash covers.
    payload = models.TextField("محتوا")
    prev_hash = models.CharField("چکیدهٔ مدخل پیشین", max_length=64)
    entry_hash = models.CharField("چکیده", max_length=64, unique=True)
    signature = models.CharField("امضای تابلو (base64)", max_length=100)
    # What the entry is about (a station code, a constituency id, a purpose), for pages and lookups.
    subject = models.CharField("موضوع", max_length=100, blank=True, db_index=True)
    published_at = models.DateTimeField("زمان انتشار")

    class Meta:
        verbose_name = "مدخل تابلوی اعلانات"
        verbose_name_plural = "مدخل‌های تابلوی اعلانات"
        ordering = ["seq"]
        indexes = [models.Index(fields=["kind", "seq"], name="publication_entry_kind")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind}"

    @property
    def payload_bytes(self) -> bytes:
        return self.payload.encode("utf-8")
