from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "ostan.territory"
    label = "territory"
    verbose_name = "تقسیمات کشوری"

    def ready(self) -> None:
        # Registers the Persian collation on each new SQLite connection (PostgreSQL's comes from migration 0003).
        from ostan import ordering  # noqa: F401
