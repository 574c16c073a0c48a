"""The real, shipped reference data loads whole, with the published counts."""

from __future__ import annotations

import pytest
from django.db.models import Count

from ostan.territory.loading import load_territory
from ostan.territory.models import Unit

pytestmark = pytest.mark.django_db

PUBLISHED_COUNTS = {
    "country": 1,
    "province": 31,
    "county": 448,
    "district": 1099,
    "rural_district": 2637,
    "city": 1354,
    "city_zone": 200,
    "village": 98100,
}


def test_the_whole_country_loads_with_the_published_counts() -> None:
    report = load_territory()
    counts = dict(Unit.objects.values_list("kind").annotate(n=Count("id")).order_by())
    assert counts == PUBLISHED_COUNTS
    assert counts["city"] + counts["city_zone"] == 1554
    assert dict(report.created) == PUBLISHED_COUNTS
    assert Unit.objects.get(code="IR").population == 79_926_270
    assert Unit.objects.filter(kind="province", population__isnull=True).count() == 0
    assert Unit.objects.filter(kind="county", population__isnull=False).count() == 429
    assert Unit.objects.filter(kind="city", population__isnull=False).count() == 81
    assert Unit.objects.filter(kind="city_zone", parent__kind="city").count() == 198
    assert Unit.objects.filter(kind="village", source__contains="abadi_block").count() == 3915
    assert Unit.objects.get(code="0001021101").path == "IR/00/0001/000102/0001021101"
