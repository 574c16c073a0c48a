"""Station devices and their registered Ed25519 public keys. The private key never reaches the server."""

from __future__ import annotations

from django.db import models

from ostan.polling.models.stations import Station


class DeviceKind(models.TextChoices):
    AUTHENTICATION = "auth", "دستگاه احراز هویت"
    VOTING = "voting", "دستگاه رأی‌گیری"


class Device(models.Model):
    # The id the device signs (X-Ostan-Device): unique everywhere, so a moved device is always caught.
    device_id = models.CharField("شناسه دستگاه", max_length=64, unique=True)
    station = models.ForeignKey(Station, verbose_name="شعبه", on_delete=models.PROTECT, related_name="devices")
    kind = models.CharField("نوع", max_length=10, choices=DeviceKind.choices)
    public_key = models.CharField("کلید عمومی (hex)", max_length=64)
    # The highest request counter accepted: a request must carry a larger one (replays are refused).
    last_counter = models.BigIntegerField("آخرین شمارنده", null=True, blank=True)
    is_active = models.BooleanField("فعال", default=True)
    registered_at = models.DateTimeField("زمان ثبت", auto_now_add=True)

    class Meta:
        verbose_name = "دستگاه شعبه"
        verbose_name_plural = "دستگاه‌های شعبه"
        ordering = ["station", "device_id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.device_id}"

    @property
    def public_key_bytes(self) -> bytes:
        return bytes.fromhex(self.public_key)
