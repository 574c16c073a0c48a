"""The development council's committees (کارگروه‌ها), the kinds of action inside each, target groups and
the kinds of relief a crisis needs: code names in storage, Persian on the pages (governance.md §2).

A council has six standing committees and a crisis committee that is active only while a crisis covers
its unit. Categories belong to one committee each; related categories (an overlap's weaker signal) are
the pairs of :data:`RELATED_CATEGORIES`.
"""

from __future__ import annotations

from django.db import models

from ostan.core.network import category_relations


class CommitteeKind(models.TextChoices):
    HEALTH = "health", "سلامت"
    LIVELIHOOD = "livelihood", "معیشت و اشتغال"
    PUBLIC_SECURITY = "public_security", "امنیت عمومی"
    CULTURE = "culture", "فرهنگی و اجتماعی"
    CIVIL_WORKS = "civil_works", "عمران و خدمات محلی"
    ENVIRONMENT = "environment", "محیط زیست"
    CRISIS = "crisis", "مدیریت بحران"


STANDING_COMMITTEES = tuple(k for k in CommitteeKind if k is not CommitteeKind.CRISIS)

# (code, Persian name, committee)
CATEGORIES: tuple[tuple[str, str, CommitteeKind], ...] = (
    ("health_screening", "غربالگری و پایش سلامت", CommitteeKind.HEALTH),
    ("maternal_care", "مراقبت مادر و کودک", CommitteeKind.HEALTH),
    ("addiction_prevention", "پیشگیری از اعتیاد", CommitteeKind.HEALTH),
    ("food_aid", "بستهٔ معیشتی و غذایی", CommitteeKind.LIVELIHOOD),
    ("job_training", "آموزش مهارت و اشتغال", CommitteeKind.LIVELIHOOD),
    ("microcredit", "وام خرد و صندوق محله", CommitteeKind.LIVELIHOOD),
    ("neighbourhood_watch", "گشت و امنیت محله", CommitteeKind.PUBLIC_SECURITY),
    ("street_lighting", "روشنایی معابر", CommitteeKind.PUBLIC_SECURITY),
    ("education_support", "کمک آموزشی و لوازم التحریر", CommitteeKind.CULTURE),
    ("religious_cultural", "برنامهٔ فرهنگی و مذهبی", CommitteeKind.CULTURE),
    ("youth_sports", "ورزش نوجوانان و جوانان", CommitteeKind.CULTURE),
    ("road_repair", "ترمیم معابر و آسفالت", CommitteeKind.CIVIL_WORKS),
    ("housing_repair", "مرمت مسکن محرومان", CommitteeKind.CIVIL_WORKS),
    ("water_supply", "آب‌رسانی", CommitteeKind.CIVIL_WORKS),
    ("waste_cleanup", "پاک‌سازی و پسماند", CommitteeKind.ENVIRONMENT),
    ("tree_planting", "درختکاری و فضای سبز", CommitteeKind.ENVIRONMENT),
)
CATEGORY_NAMES = {code: name for code, name, _ in CATEGORIES}
CATEGORY_COMMITTEE = {code: committee for code, _, committee in CATEGORIES}
CATEGORY_CHOICES = [(code, name) for code, name, _ in CATEGORIES]
# Categories that serve the same need by other means: two such actions for one group may be one effort.
RELATED_CATEGORIES = category_relations(
    [
        ("food_aid", "microcredit"),
        ("job_training", "microcredit"),
        ("health_screening", "maternal_care"),
        ("neighbourhood_watch", "street_lighting"),
        ("housing_repair", "water_supply"),
        ("waste_cleanup", "tree_planting"),
    ]
)


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", "همهٔ اهالی"
    CHILDREN = "children", "کودکان"
    STUDENTS = "students", "دانش‌آموزان"
    YOUTH = "youth", "نوجوانان و جوانان"
    WOMEN_HEADS = "women_heads", "زنان سرپرست خانوار"
    ELDERLY = "elderly", "سالمندان"
    DISABLED = "disabled", "افراد دارای معلولیت"
    LOW_INCOME = "low_income", "خانواده‌های کم‌درآمد"
    UNEMPLOYED = "unemployed", "جویندگان کار"


class BudgetSource(models.TextChoices):
    PUBLIC = "public", "اعتبار دولتی"
    POPULAR = "popular", "ظرفیت مردمی"


class CrisisKind(models.TextChoices):
    FLOOD = "flood", "سیل"
    EARTHQUAKE = "earthquake", "زلزله"
    EPIDEMIC = "epidemic", "همه‌گیری"
    FIRE = "fire", "آتش‌سوزی"
    STORM = "storm", "طوفان"
    DROUGHT = "drought", "خشکسالی"
    OTHER = "other", "دیگر"


class ReliefKind(models.TextChoices):
    TENT = "tent", "چادر"
    BLANKET = "blanket", "پتو"
    WATER = "water", "آب آشامیدنی (لیتر)"
    FOOD_PACK = "food_pack", "بستهٔ غذایی"
    MEDICINE = "medicine", "دارو و اقلام بهداشتی"
    HEATER = "heater", "بخاری و سوخت"
    VOLUNTEER = "volunteer", "نیروی داوطلب (نفر)"
