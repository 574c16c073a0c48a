from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ostan.web"
    label = "web"
    verbose_name = "پوسته وب"

    def ready(self) -> None:
        # Each new database connection reports whether it commits durably (see ostan.durability).
        from ostan import durability  # noqa: F401
