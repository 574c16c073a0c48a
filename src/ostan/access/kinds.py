"""The kinds of organisation an official can work for, in three groups (governance.md §1–2).

Government offices run the territory (the governorate and its county and district offices, and the
governorate's inspection office that watches deadlines); executive agencies (دستگاه‌های اجرایی) answer
citizens' requests; institutions (نهادها) act in neighbourhoods and villages.
"""

from __future__ import annotations

from django.db import models


class OrganisationCategory(models.TextChoices):
    GOVERNMENT_OFFICE = "government_office", "دستگاه حاکمیتی"
    AGENCY = "agency", "دستگاه اجرایی"
    INSTITUTION = "institution", "نهاد"


class OrganisationKind(models.TextChoices):
    GOVERNORATE = "governorate", "استانداری"
    COUNTY_OFFICE = "county_office", "فرمانداری"
    DISTRICT_OFFICE = "district_office", "بخشداری"
    INSPECTION_OFFICE = "inspection_office", "دفتر بازرسی، مدیریت عملکرد و امور حقوقی"
    MUNICIPALITY = "municipality", "شهرداری"
    RURAL_MUNICIPALITY = "rural_municipality", "دهیاری"
    WATER_WASTEWATER = "water_wastewater", "شرکت آب و فاضلاب"
    ELECTRICITY = "electricity", "شرکت توزیع نیروی برق"
    GAS = "gas", "شرکت گاز"
    EDUCATION = "education", "آموزش و پرورش"
    HEALTH = "health", "دانشگاه علوم پزشکی و شبکه بهداشت"
    WELFARE = "welfare", "بهزیستی"
    ROADS = "roads", "راه و شهرسازی"
    AGRICULTURE = "agriculture", "جهاد کشاورزی"
    TELECOMMUNICATIONS = "telecommunications", "مخابرات"
    ENVIRONMENT = "environment", "حفاظت محیط زیست"
    SPORTS_YOUTH = "sports_youth", "ورزش و جوانان"
    LABOUR_WELFARE = "labour_welfare", "تعاون، کار و رفاه اجتماعی"
    INDUSTRY = "industry", "صنعت، معدن و تجارت"
    CULTURE = "culture", "فرهنگ و ارشاد اسلامی"
    OTHER_AGENCY = "other_agency", "دستگاه اجرایی دیگر"
    MOSQUE = "mosque", "مسجد"
    BASIJ_BASE = "basij_base", "پایگاه بسیج"
    RED_CRESCENT = "red_crescent", "جمعیت هلال احمر"
    RELIEF_COMMITTEE = "relief_committee", "کمیته امداد امام خمینی"
    SCHOOL = "school", "مدرسه"
    JIHADI_GROUP = "jihadi_group", "گروه جهادی"
    CHARITY = "charity", "خیریه"
    OTHER_INSTITUTION = "other_institution", "نهاد دیگر"


GOVERNMENT_OFFICE_KINDS = frozenset(
    {
        OrganisationKind.GOVERNORATE,
        OrganisationKind.COUNTY_OFFICE,
        OrganisationKind.DISTRICT_OFFICE,
        OrganisationKind.INSPECTION_OFFICE,
    }
)
INSTITUTION_KINDS = frozenset(
    {
        OrganisationKind.MOSQUE,
        OrganisationKind.BASIJ_BASE,
        OrganisationKind.RED_CRESCENT,
        OrganisationKind.RELIEF_COMMITTEE,
        OrganisationKind.SCHOOL,
        OrganisationKind.JIHADI_GROUP,
        OrganisationKind.CHARITY,
        OrganisationKind.OTHER_INSTITUTION,
    }
)


def category_of(kind: str) -> OrganisationCategory:
    if kind in GOVERNMENT_OFFICE_KINDS:
        return OrganisationCategory.GOVERNMENT_OFFICE
    if kind in INSTITUTION_KINDS:
        return OrganisationCategory.INSTITUTION
    return OrganisationCategory.AGENCY
