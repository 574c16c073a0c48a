from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "ostan.access"
    label = "access"
    verbose_name = "سازمان‌ها و سمت‌ها"
