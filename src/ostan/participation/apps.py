from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "ostan.participation"
    label = "participation"
    verbose_name = "مشارکت و بخشنامه‌ها"
