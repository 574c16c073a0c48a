from ostan.auditlog.events import AuditEvent


class ServiceDeskEvent(AuditEvent):
    SERVICE_SAVED = "servicedesk.service_saved", "ثبت خدمت در فهرست خدمت‌ها"
    HOLIDAYS_LOADED = "servicedesk.holidays_loaded", "بارگذاری تعطیلات رسمی"
    HOLIDAYS_CORRECTED = "servicedesk.holidays_corrected", "ثبت یا اصلاح تعطیلات"
    REQUEST_FILED = "servicedesk.request_filed", "ثبت درخواست"
    REQUEST_ASSIGNED = "servicedesk.request_assigned", "ارسال درخواست به دستگاه"
    REQUEST_ACCEPTED = "servicedesk.request_accepted", "آغاز رسیدگی به درخواست"
    INFORMATION_REQUESTED = "servicedesk.information_requested", "پرسش از شهروند"
    INFORMATION_PROVIDED = "servicedesk.information_provided", "پاسخ شهروند به پرسش"
    REQUEST_ANSWERED = "servicedesk.request_answered", "پاسخ به درخواست"
    NOTE_ADDED = "servicedesk.note_added", "یادداشت داخلی"
    REQUEST_REFERRED = "servicedesk.request_referred", "ارجاع درخواست"
    REQUEST_RETURNED = "servicedesk.request_returned", "عودت درخواست به میز خدمت"
    REQUEST_DECLARED_NOT_OURS = "servicedesk.not_ours_declared", "اعلام خارج از صلاحیت"
    REQUEST_MERGED = "servicedesk.request_merged", "ادغام با درخواست تکراری"
    REQUEST_CLOSED = "servicedesk.request_closed", "بستن درخواست"
    REQUEST_REOPENED = "servicedesk.request_reopened", "بازگشایی درخواست"
    SURVEY_ANSWERED = "servicedesk.survey_answered", "پاسخ شهروند به نظرسنجی رضایت"
    OPEN311_KEY_CREATED = "servicedesk.open311_key_created", "ساخت کلید Open311"
    OPEN311_KEY_DEACTIVATED = "servicedesk.open311_key_deactivated", "از کار انداختن کلید Open311"
