from django.apps import AppConfig


class AuditlogConfig(AppConfig):
    name = "ostan.auditlog"
    label = "auditlog"
    verbose_name = "دفتر رویدادها"
