from ostan.auditlog.events import AuditEvent


class TerritoryEvent(AuditEvent):
    TREE_LOADED = "territory.tree_loaded", "بارگذاری تقسیمات کشوری"
    NEIGHBOURHOOD_CREATED = "territory.neighbourhood_created", "افزودن محله"
    POPULATION_SET = "territory.population_set", "ثبت جمعیت"
