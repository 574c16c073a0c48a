from ostan.auditlog.events import AuditEvent


class ElectionsEvent(AuditEvent):
    ROUND_CREATED = "elections.round_created", "تعریف دورهٔ انتخابات"
    ROUND_STATUS_SET = "elections.round_status_set", "تغییر وضعیت دورهٔ انتخابات"
    ROUND_SCHEDULE_SET = "elections.round_schedule_set", "تعیین ساعت‌های رأی‌گیری دوره"
    CONSTITUENCY_CREATED = "elections.constituency_created", "تعریف حوزهٔ انتخابیه"
    LOT_SEED_SET = "elections.lot_seed_set", "ثبت بذر قرعه"
    VOTING_SET = "elections.voting_set", "تعیین رأی‌گیری حوزه"
    CANDIDATE_ADDED = "elections.candidate_added", "افزودن نامزد"
    CANDIDATE_EDITED = "elections.candidate_edited", "ویرایش نامزد"
    CANDIDATE_PHOTO_SET = "elections.candidate_photo_set", "ثبت عکس نامزد"
    LIST_ADDED = "elections.list_added", "افزودن فهرست"
    LISTS_IMPORTED = "elections.lists_imported", "بارگذاری فهرست‌ها"
    CANDIDATES_IMPORTED = "elections.candidates_imported", "بارگذاری نامزدها"
    BALLOTS_IMPORTED = "elections.ballots_imported", "بارگذاری آرا"
    CONSTITUENCY_COUNTED = "elections.constituency_counted", "شمارش آرای حوزه"
    RESULTS_PUBLISHED = "elections.results_published", "اعلام نتیجهٔ حوزه"
    EXTERNAL_COUNT_RECORDED = "elections.external_count_recorded", "ثبت شمارش الکترونیکی حوزه"
