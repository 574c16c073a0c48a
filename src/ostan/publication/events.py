from ostan.auditlog.events import AuditEvent


class PublicationEvent(AuditEvent):
    STATION_PUBLISHED = "publication.station_published", "انتشار شعبه روی تابلو"
    STATIONS_PUBLISHED = "publication.stations_published", "انتشار گروهی شعبه‌ها روی تابلو"
    CONSTITUENCY_AGGREGATED = "publication.constituency_aggregated", "تجمیع آرای حوزه"
    RESULT_PUBLISHED = "publication.result_published", "اعلام نتیجهٔ حوزه روی تابلو"
    RECHECK_DRAWN = "publication.recheck_drawn", "قرعه‌کشی شعبه‌های بازشماری"
    RECHECK_RECORDED = "publication.recheck_recorded", "ثبت نتیجهٔ بازشماری شعبه"
    ROUND_OPENED = "publication.round_opened", "ثبت شعبه‌ها و کلیدها و صدور بیانیهٔ انتخابات پیش از گشایش"
    ROLLUP_PUBLISHED = "publication.rollup_published", "انتشار جمع آرای شهرستان، استان یا کشور روی تابلو"
