"""The administrative tree: country → province → county → district → city | rural district → village.

Cities divide into zones and neighbourhoods. Every unit stores a materialised ``path`` of codes so that
"this unit and everything under it" is one indexed prefix query, which is how territorial scope works.
"""

from __future__ import annotations

from django.db import models


class UnitKind(models.TextChoices):
    COUNTRY = "country", "کشور"
    PROVINCE = "province", "استان"
    COUNTY = "county", "شهرستان"
    DISTRICT = "district", "بخش"
    CITY = "city", "شهر"
    CITY_ZONE = "city_zone", "منطقه شهری"
    RURAL_DISTRICT = "rural_district", "دهستان"
    VILLAGE = "village", "آبادی"
    NEIGHBOURHOOD = "neighbourhood", "محله"


PATH_SEPARATOR = "/"


class Unit(models.Model):
    code = models.CharField("کد", max_length=32, unique=True)
    kind = models.CharField("نوع", max_length=20, choices=UnitKind.choices, db_index=True)
    name = models.CharField("نام", max_length=200)
    name_en = models.CharField("نام لاتین", max_length=200, blank=True)
    search_key = models.CharField("کلید جست‌وجو", max_length=200, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="واحد بالادست",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField("مسیر", max_length=255, unique=True)
    depth = models.PositiveSmallIntegerField("عمق")
    # None means "unknown": never guessed. Council seats depend on it, so officials must enter it.
    population = models.PositiveIntegerField("جمعیت", null=True, blank=True)
    population_year = models.PositiveSmallIntegerField("سال سرشماری", null=True, blank=True)
    population_source = models.CharField("منبع جمعیت", max_length=300, blank=True)
    source = models.CharField("منبع", max_length=300, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    is_user_created = models.BooleanField("ساخته‌شده به دست کاربر", default=False)

    class Meta:
        verbose_name = "واحد تقسیماتی"
        verbose_name_plural = "واحدهای تقسیماتی"
        indexes = [
            models.Index(fields=["path"], name="territory_unit_path_prefix", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["parent", "name"], name="territory_unit_children"),
            # Prefix search (LIKE 'key%') on PostgreSQL needs the pattern operator class; substring search
            # uses a trigram index that migration 0002 adds on PostgreSQL only.
            models.Index(fields=["search_key"], name="territory_unit_search_prefix", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def is_within(self, other: Unit) -> bool:
        """True when this unit is ``other`` or lies under it."""
        return self.path == other.path or self.path.startswith(other.path + PATH_SEPARATOR)
