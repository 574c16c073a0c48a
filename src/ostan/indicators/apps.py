from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "ostan.indicators"
    label = "indicators"
    verbose_name = "شاخص‌ها"
