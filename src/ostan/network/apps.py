from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "ostan.network"
    label = "network"
    verbose_name = "شبکه مدیریت محله‌محور"
