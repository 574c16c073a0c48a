from ostan.auditlog.events import AuditEvent


class IndicatorEvent(AuditEvent):
    INDICATOR_SAVED = "indicators.indicator_saved", "ثبت یا ویرایش شاخص"
    RULE_SAVED = "indicators.rule_saved", "ثبت قاعدهٔ اعتبارسنجی شاخص"
    VALUES_RECORDED = "indicators.values_recorded", "ثبت مقدار شاخص‌ها"
    VALUES_IMPORTED = "indicators.values_imported", "بارگذاری مقدار شاخص‌ها از پرونده"
    TARGET_SET = "indicators.target_set", "تعیین هدف شاخص"
