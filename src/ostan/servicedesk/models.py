"""The service desk's tables: the catalogue of services, the holiday calendar, requests and their history.

A request's state, holder and deadline are columns written only by the actions, from what the pure core
(``ostan.core.servicedesk``) decides; its pauses are rows so the core can rebuild the deadline.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from ostan.core.servicedesk import HolidayKind, RequestKind, State
from ostan.core.servicedesk.alerts import AlertKind
from ostan.core.servicedesk.attachments import AttachmentKind
from ostan.core.servicedesk.deadlines import DEFAULT_WORKING_DAYS

KIND_CHOICES = [(kind.value, kind.label) for kind in RequestKind]
STATE_CHOICES = [(state.value, state.label) for state in State]
ATTACHMENT_KIND_CHOICES = [(kind.value, kind.label) for kind in AttachmentKind]
HOLIDAY_KIND_CHOICES = [(kind.value, kind.label) for kind in HolidayKind]
OPEN_STATES = (State.REGISTERED, State.ASSIGNED, State.IN_PROGRESS, State.AWAITING_CITIZEN, State.RETURNED)


class Channel(models.TextChoices):
    ONLINE = "online", "برخط"
    DESK = "desk", "حضوری در میز خدمت"
    PHONE = "phone", "تلفنی (۱۱۱)"
    LETTER = "letter", "نامه"
    OPEN311 = "open311", "سامانهٔ دیگر (Open311)"


class EntryKind(models.TextChoices):
    PUBLIC = "public", "پیام به شهروند"
    ANSWER = "answer", "پاسخ"
    QUESTION = "question", "پرسش از شهروند"
    CITIZEN = "citizen", "پیام شهروند"
    NOTE = "note", "یادداشت داخلی"
    REFERRAL = "referral", "ارجاع"


class Service(models.Model):
    code = models.SlugField("کد", max_length=60, unique=True)
    name = models.CharField("نام", max_length=200)
    search_key = models.CharField("کلید جست‌وجو", max_length=600, db_index=True)
    description = models.TextField("شرح", blank=True)
    kinds = models.JSONField("گونه‌های درخواست", default=list)
    # Routed to the organisation of this kind serving the unit (or the nearest above it), or to one organisation.
    organisation_kind = models.CharField("نوع دستگاه مسئول", max_length=30, blank=True)
    organisation = models.ForeignKey(
        "access.Organisation", verbose_name="دستگاه مسئول", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    required_documents = models.TextField("مدارک لازم (هر سطر یکی)", blank=True)
    steps = models.TextField("مراحل (هر سطر یکی)", blank=True)
    cost = models.CharField("هزینه", max_length=200, blank=True)
    working_days = models.PositiveSmallIntegerField("مهلت قانونی پاسخ (روز کاری)", default=DEFAULT_WORKING_DAYS)
    is_active = models.BooleanField("فعال", default=True)

    class Meta:
        verbose_name = "خدمت"
        verbose_name_plural = "خدمت‌ها"
        ordering = ["name"]
        constraints = [models.CheckConstraint(condition=models.Q(working_days__gte=1), name="servicedesk_days_ge_1")]

    def __str__(self) -> str:
        return self.name

    @property
    def document_lines(self) -> list[str]:
        return [line.strip() for line in self.required_documents.splitlines() if line.strip()]

    @property
    def step_lines(self) -> list[str]:
        return [line.strip() for line in self.steps.splitlines() if line.strip()]

    @property
    def kind_labels(self) -> list[str]:
        return [RequestKind(k).label for k in self.kinds if k in RequestKind._value2member_map_]


class Holiday(models.Model):
    date = models.DateField("تاریخ", db_index=True)
    name = models.CharField("مناسبت", max_length=200)
    kind = models.CharField("نوع", max_length=20, choices=HOLIDAY_KIND_CHOICES)
    is_provisional = models.BooleanField("موقت (قمری، تا اعلام رسمی)", default=False)

    class Meta:
        verbose_name = "تعطیل رسمی"
        verbose_name_plural = "تعطیلات رسمی"
        ordering = ["date", "name"]
        # Two holidays may share a day (Eid al-Ghadir on 14 Khordad in 1405): both are kept, by name.
        constraints = [models.UniqueConstraint(fields=["date", "name"], name="servicedesk_holiday_once")]

    def __str__(self) -> str:
        return self.name


class ServiceRequest(models.Model):
    # Null only inside the filing transaction, between the insert that gives the serial and the code made from it.
    tracking_code = models.CharField(  # noqa: DJ001
        "کد رهگیری", max_length=10, unique=True, null=True, editable=False
    )
    service = models.ForeignKey(Service, verbose_name="خدمت", on_delete=models.PROTECT, related_name="requests")
    kind = models.CharField("گونه", max_length=20, choices=KIND_CHOICES)
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    text = models.TextField("متن")
    search_key = models.TextField("کلید جست‌وجو", blank=True)
    # The text's and the citizen's name's words, folded (ostan.core.text.search_words), written by the actions:
    # full-text and trigram search run over it (indexes on PostgreSQL in migration 0004; ostan.servicedesk.search).
    search_text = models.TextField("واژه‌های جست‌وجو", blank=True, default="")
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="شهروند", null=True, blank=True, on_delete=models.PROTECT,
        related_name="service_requests",
    )  # fmt: skip
    citizen_name = models.CharField("نام شهروند", max_length=150, blank=True)
    citizen_national_code = models.CharField("کد ملی", max_length=10, blank=True)
    citizen_mobile = models.CharField("تلفن همراه", max_length=11, blank=True)
    channel = models.CharField("مجرای ثبت", max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="ثبت‌کننده از طرف شهروند", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    state = models.CharField("وضعیت", max_length=20, choices=STATE_CHOICES, default=State.REGISTERED)
    organisation = models.ForeignKey(
        "access.Organisation", verbose_name="دستگاه رسیدگی‌کننده", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    responsible_body = models.CharField("مرجع صالح (خارج از صلاحیت)", max_length=300, blank=True)
    registered_at = models.DateTimeField("زمان ثبت")
    deadline_started_at = models.DateTimeField("آغاز مهلت")  # registration, or the latest reopening
    working_days = models.PositiveSmallIntegerField("مهلت (روز کاری)")
    due_at = models.DateTimeField("پایان مهلت", null=True, blank=True)
    answered_at = models.DateTimeField("زمان پاسخ", null=True, blank=True)
    closed_at = models.DateTimeField("زمان بستن", null=True, blank=True)
    answer = models.TextField("پاسخ", blank=True)
    # The citizen's satisfaction survey after closing: 1 (very dissatisfied) to 5 (very satisfied), once.
    satisfaction = models.PositiveSmallIntegerField("رضایت", null=True, blank=True)
    satisfaction_comment = models.CharField("نظر شهروند", max_length=1000, blank=True)
    # Kept once set, for statistics: when the deadline job first found it past its deadline, and to which
    # inspection office it was escalated (ostan.servicedesk.alerts).
    overdue_at = models.DateTimeField("زمان دیرکرد", null=True, blank=True)
    escalated_to = models.ForeignKey(
        "access.Organisation", verbose_name="بازرسی", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = "درخواست"
        verbose_name_plural = "درخواست‌ها"
        ordering = ["-registered_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "state", "due_at"], name="servicedesk_inbox"),
            models.Index(fields=["citizen", "registered_at"], name="servicedesk_citizen"),
            # The open requests by deadline, for inboxes that reach many organisations (the desk, the inspection
            # office): counted and paged from this small index instead of the whole table (docs/performance.md).
            models.Index(
                fields=["due_at", "id", "unit", "organisation"],  # not INCLUDE: SQLite warns of it
                condition=models.Q(state__in=[s.value for s in OPEN_STATES]),
                name="servicedesk_open_due",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"درخواست {self.tracking_code or self.pk}"

    @property
    def state_value(self) -> State:
        return State(self.state)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_late(self) -> bool:
        """Past its deadline and still the organisation's to answer (a request awaiting the citizen is paused)."""
        return (
            self.is_open and self.state != State.AWAITING_CITIZEN and self.due_at is not None
            and timezone.now() >= self.due_at
        )  # fmt: skip


class SearchWord(models.Model):
    """Every word the requests hold (folded), once: on PostgreSQL a mistyped word of a query is matched to the
    nearest of these by trigram similarity (ostan.servicedesk.search); the filing action adds a request's words."""

    word = models.CharField(max_length=60, primary_key=True)

    class Meta:
        verbose_name = "واژهٔ جست‌وجو"
        verbose_name_plural = "واژه‌های جست‌وجو"

    def __str__(self) -> str:
        return self.word


class Pause(models.Model):
    """While the request awaited the citizen: the deadline's clock stood still."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="pauses")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "pk"]

    def __str__(self) -> str:
        return f"توقف از {self.started_at:%Y-%m-%d}"


class Entry(models.Model):
    """One line of a request's history: public ones reach the citizen, notes stay inside."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=10, choices=EntryKind.choices)
    state = models.CharField(max_length=20, choices=STATE_CHOICES)  # the state it left the request in
    text = models.TextField(blank=True)
    is_public = models.BooleanField(default=False)
    author_label = models.CharField(max_length=300, blank=True)  # the post's label, never shown publicly
    organisation_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Open311Key(models.Model):
    """A key another system files requests with through Open311: only its hash is kept, never the key."""

    name = models.CharField("نام سامانه یا یکپارچه‌ساز", max_length=150, unique=True)
    organisation = models.ForeignKey(
        "access.Organisation", verbose_name="دستگاه صاحب کلید", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    key_hash = models.CharField("چکیدهٔ کلید", max_length=64, unique=True, editable=False)
    prefix = models.CharField("آغاز کلید", max_length=8, editable=False)  # to tell keys apart on the page
    is_active = models.BooleanField("فعال", default=True)
    created_at = models.DateTimeField("زمان ساخت", default=timezone.now)

    class Meta:
        verbose_name = "کلید Open311"
        verbose_name_plural = "کلیدهای Open311"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class NotificationKind(models.TextChoices):
    FILED = "filed", "ثبت درخواست"
    REFERRED = "referred", "ارجاع"
    ANSWERED = "answered", "پاسخ"
    CLOSED = "closed", "بسته شدن"


class Notification(models.Model):
    """A text message to the citizen about one event of a request, written in the event's transaction.

    ``key`` names the event (its kind and the history entry it wrote), so the same event never makes a second
    row; the background task sends a row only while ``sent_at`` is empty, under the row's lock, and marks it.
    """

    request = models.ForeignKey(ServiceRequest, verbose_name="درخواست", on_delete=models.CASCADE,
                                related_name="notifications")  # fmt: skip
    kind = models.CharField("رویداد", max_length=20, choices=NotificationKind.choices)
    key = models.CharField("کلید رویداد", max_length=80, unique=True)
    mobile = models.CharField("تلفن همراه", max_length=11)
    text = models.TextField("متن پیامک")
    created_at = models.DateTimeField("زمان ایجاد", default=timezone.now)
    sent_at = models.DateTimeField("زمان ارسال", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("تعداد تلاش", default=0)
    last_error = models.CharField("آخرین خطا", max_length=200, blank=True)
    gave_up_at = models.DateTimeField("زمان توقف تلاش", null=True, blank=True)

    class Meta:
        verbose_name = "پیامک شهروند"
        verbose_name_plural = "پیامک‌های شهروندان"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.request_id}"


class Attachment(models.Model):
    """A file sent with a step of a request (its filing, an answer, the citizen's reply), checked by its bytes
    (``ostan.core.servicedesk.attachments``) and kept under ``OSTAN_DESK_FILES_DIR`` with a random name: only
    ``ostan.servicedesk.views.attachments`` serves it, to those who may read the step it came with."""

    request = models.ForeignKey(ServiceRequest, verbose_name="درخواست", on_delete=models.CASCADE,
                                related_name="attachments")  # fmt: skip
    entry = models.ForeignKey(Entry, verbose_name="مرحله", on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField("نام پرونده", max_length=130)
    kind = models.CharField("نوع", max_length=10, choices=ATTACHMENT_KIND_CHOICES)
    size = models.PositiveIntegerField("حجم (بایت)")
    sha256 = models.CharField("چکیدهٔ SHA-256", max_length=64)
    stored_name = models.CharField("نام ذخیره", max_length=80, unique=True, editable=False)
    created_at = models.DateTimeField("زمان بارگذاری")

    class Meta:
        verbose_name = "پیوست"
        verbose_name_plural = "پیوست‌ها"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name


class ReplyStep(models.TextChoices):
    FIRST = "first", "پاسخ نخست خودکار (هنگام ثبت)"
    ANSWER = "answer", "پاسخ"
    ASK = "ask", "پرسش از شهروند"
    REFER = "refer", "ارجاع"


class ReplyTemplate(models.Model):
    """A text an organisation's officers start from at one step, offered while the request is in ``state``
    (any state when blank). ``{کد}`` and ``{مهلت}`` become the tracking code and the deadline's Jalali date."""

    organisation = models.ForeignKey("access.Organisation", verbose_name="دستگاه", on_delete=models.CASCADE,
                                     related_name="+")  # fmt: skip
    step = models.CharField("مرحله", max_length=10, choices=ReplyStep.choices)
    state = models.CharField("وضعیت درخواست", max_length=20, choices=STATE_CHOICES, blank=True)
    title = models.CharField("عنوان", max_length=120)
    text = models.TextField("متن")
    is_active = models.BooleanField("فعال", default=True)

    class Meta:
        verbose_name = "متن آماده"
        verbose_name_plural = "متن‌های آماده"
        ordering = ["organisation", "step", "title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "step", "title"], name="servicedesk_template_once")
        ]

    def __str__(self) -> str:
        return self.title


class DeadlineAlert(models.Model):
    """A reminder to the holding organisation or an escalation to the inspection office, raised once per request,
    kind and deadline (``deadline_started_at``: a reopening starts a new deadline) by the deadline job."""

    request = models.ForeignKey(ServiceRequest, verbose_name="درخواست", on_delete=models.CASCADE,
                                related_name="alerts")  # fmt: skip
    kind = models.CharField("نوع", max_length=12, choices=[(k.value, k.label) for k in AlertKind])
    deadline_started_at = models.DateTimeField("آغاز مهلت")
    due_at = models.DateTimeField("پایان مهلت")
    organisation = models.ForeignKey(
        "access.Organisation", verbose_name="دستگاه رسیدگی‌کننده", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    escalated_to = models.ForeignKey(
        "access.Organisation", verbose_name="بازرسی", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField("زمان")

    class Meta:
        verbose_name = "هشدار مهلت"
        verbose_name_plural = "هشدارهای مهلت"
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "kind", "deadline_started_at"], name="servicedesk_alert_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.request_id}"
