from ostan.auditlog.events import AuditEvent


class ProgramsEvent(AuditEvent):
    PROJECT_CREATED = "programs.project_created", "تعریف کار شاخص"
    PROGRESS_REPORTED = "programs.progress_reported", "ثبت گزارش پیشرفت کار شاخص"
    DEPRIVATION_SET = "programs.deprivation_set", "ثبت محرومیت واحد"
    OUTCOME_RECORDED = "programs.outcome_recorded", "ثبت هدف یا عملکرد شاخص برنامه"
    ACHIEVEMENTS_PUBLISHED = "programs.achievements_published", "انتشار دستاوردها"
    EXPERIENCE_PUBLISHED = "programs.experience_published", "انتشار تجربهٔ موفق"
    EXPERIENCE_ADOPTED = "programs.experience_adopted", "به‌کارگیری تجربهٔ موفق"
    CRITIQUE_LINKED = "programs.critique_linked", "ثبت انتقاد یا پیشنهاد دربارهٔ کار شاخص یا دفتر"
