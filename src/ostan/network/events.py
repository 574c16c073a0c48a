from ostan.auditlog.events import AuditEvent


class NetworkEvent(AuditEvent):
    COUNCIL_FORMED = "network.council_formed", "تشکیل شورا"
    MEMBER_ADDED = "network.member_added", "افزودن عضو شورا"
    BOUNDARY_IMPORTED = "network.boundary_imported", "ثبت مرز محله"
    PLAN_CREATED = "network.plan_created", "ثبت برنامهٔ اقدام"
    ACTION_ADDED = "network.action_added", "ثبت اقدام"
    PROGRESS_REPORTED = "network.progress_reported", "گزارش پیشرفت اقدام"
    OVERLAPS_DETECTED = "network.overlaps_detected", "یافتن هم‌پوشانی‌ها"
    OVERLAP_RESOLVED = "network.overlap_resolved", "تصمیم دربارهٔ هم‌پوشانی"
    CRISIS_DECLARED = "network.crisis_declared", "اعلام بحران"
    CRISIS_NEED_RECORDED = "network.crisis_need_recorded", "ثبت نیاز در بحران"
    CRISIS_RESOURCE_RECORDED = "network.crisis_resource_recorded", "ثبت منبع در بحران"
    CRISIS_TASK_ASSIGNED = "network.crisis_task_assigned", "سپردن کار در بحران"
    CRISIS_TASK_COMPLETED = "network.crisis_task_completed", "انجام کار در بحران"
    CRISIS_CLOSED = "network.crisis_closed", "بستن بحران"
