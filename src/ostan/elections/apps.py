from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    name = "ostan.elections"
    label = "elections"
    verbose_name = "انتخابات شوراها"
