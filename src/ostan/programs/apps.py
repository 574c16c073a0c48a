from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "ostan.programs"
    label = "programs"
    verbose_name = "کارهای شاخص و برنامه‌ها"
