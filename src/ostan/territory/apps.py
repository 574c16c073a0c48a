from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "ostan.territory"
    label = "territory"
    verbose_name = "تقسیمات کشوری"
