from django.apps import AppConfig


class SimulationConfig(AppConfig):
    name = "ostan.simulation"
    label = "simulation"
    verbose_name = "شبیه‌سازی روز رأی‌گیری"
