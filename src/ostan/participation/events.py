from ostan.auditlog.events import AuditEvent


class ParticipationEvent(AuditEvent):
    STAKEHOLDER_SAVED = "participation.stakeholder_saved", "ثبت یا اصلاح ذی‌نفع"
    MEETING_SCHEDULED = "participation.meeting_scheduled", "ثبت جلسه و دعوت‌ها"
    MINUTES_RECORDED = "participation.minutes_recorded", "ثبت صورتجلسه، حضور و مصوبه‌ها"
    DECISION_COMPLETED = "participation.decision_completed", "ثبت انجام مصوبه"
    CIRCULAR_SENT = "participation.circular_sent", "ارسال بخشنامه یا گزارش"
    CIRCULAR_OPENED = "participation.circular_opened", "خواندن بخشنامه"
    CIRCULAR_ACKNOWLEDGED = "participation.circular_acknowledged", "تأیید دریافت بخشنامه"
    REMINDERS_QUEUED = "participation.reminders_queued", "صف کردن یادآوری بخشنامه‌ها"
