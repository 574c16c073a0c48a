from django.apps import AppConfig


class PollingConfig(AppConfig):
    name = "ostan.polling"
    label = "polling"
    verbose_name = "روز رأی‌گیری"
