"""Forms of the desk's pages. They collect text; the actions normalise, validate and decide."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from django import forms

from ostan.core.servicedesk import RequestKind
from ostan.core.servicedesk.attachments import ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX, Upload
from ostan.core.text import to_persian_digits
from ostan.servicedesk import search
from ostan.servicedesk.errors import InvalidSearch
from ostan.servicedesk.models import STATE_CHOICES, Channel, Service

KIND_CHOICES = [(kind.value, kind.label) for kind in RequestKind]
ATTACHMENT_HELP = (
    f"تا {to_persian_digits(ATTACHMENTS_MAX)} پرونده PDF، JPEG، PNG یا Word (DOCX)، "
    f"هر یک تا {to_persian_digits(ATTACHMENT_MAX_BYTES // (1024 * 1024))} مگابایت؛ برای نامهٔ کاغذی، تصویر اسکن‌شدهٔ آن"
)
ON_BEHALF_CHANNELS = [(c.value, c.label) for c in (Channel.DESK, Channel.PHONE, Channel.LETTER)]


def _ltr(**attrs: str) -> forms.TextInput:
    return forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off", "spellcheck": "false", **attrs})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to the core's count of files, each read whole by the action (which checks their bytes)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "پیوست‌ها (اختیاری)")
        kwargs.setdefault("help_text", ATTACHMENT_HELP)
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.widget.attrs["accept"] = ".pdf,.jpg,.jpeg,.png,.docx"

    def clean(self, data: object, initial: object = None) -> list[object]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [found] if (found := single(data, initial)) else []


def uploads_of(cleaned: Mapping[str, Any]) -> list[Upload]:
    """A valid form's attached files as the actions take them."""
    return [Upload(f.name or "", f.read()) for f in cleaned.get("attachments") or []]


class SearchForm(forms.Form):
    q = forms.CharField(label="جست‌وجو در خدمت‌ها", max_length=100, required=False)


class TrackForm(forms.Form):
    code = forms.CharField(
        label="کد رهگیری", max_length=40, widget=_ltr(inputmode="numeric"),
        help_text="ده رقم، با رقم‌های فارسی یا لاتین",
    )  # fmt: skip


class FilingForm(forms.Form):
    service = forms.ChoiceField(label="خدمت")
    kind = forms.ChoiceField(label="گونهٔ درخواست", choices=KIND_CHOICES)
    unit = forms.CharField(
        label="محل (نام یا کد شهر، روستا یا شهرستان)", max_length=100,
        widget=forms.TextInput(attrs={"list": "places", "autocomplete": "off"}),
    )  # fmt: skip
    text = forms.CharField(label="متن درخواست", max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))
    attachments = AttachmentsField()

    def __init__(self, *args: object, on_behalf: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        cast(forms.ChoiceField, self.fields["service"]).choices = [("", "— برگزینید —")] + [
            (s.code, s.name) for s in Service.objects.filter(is_active=True).order_by("name")
        ]
        if on_behalf:
            self.fields["channel"] = forms.ChoiceField(label="مجرای ثبت", choices=ON_BEHALF_CHANNELS)
            self.fields["citizen_name"] = forms.CharField(label="نام و نام خانوادگی شهروند", max_length=150)
            self.fields["national_code"] = forms.CharField(label="کد ملی شهروند", max_length=20, widget=_ltr())
            self.fields["mobile"] = forms.CharField(
                label="تلفن همراه شهروند", max_length=20, required=False, widget=_ltr(type="tel")
            )


class InboxFilterForm(forms.Form):
    """The inbox's search: words or a tracking code, and filters. ``criteria`` is what the search asks for."""

    q = forms.CharField(label="جست‌وجو در متن، نام شهروند یا کد رهگیری", max_length=100, required=False,
                        widget=forms.TextInput(attrs={"type": "search"}))  # fmt: skip
    state = forms.ChoiceField(label="وضعیت", required=False)
    overdue = forms.BooleanField(label="فقط دیرکردها", required=False)
    organisation = forms.ChoiceField(label="دستگاه", required=False)
    unit = forms.CharField(label="واحد (و زیرمجموعه‌ها)", max_length=100, required=False,
                           help_text="نام یا کد شهرستان، شهر یا روستا")  # fmt: skip
    service = forms.ChoiceField(label="خدمت", required=False)
    kind = forms.ChoiceField(label="گونه", required=False, choices=[("", "همه"), *KIND_CHOICES])
    registered_from = forms.CharField(label="ثبت از تاریخ", max_length=20, required=False,
                                      widget=_ltr(placeholder="۱۴۰۵/۰۱/۰۱"))  # fmt: skip
    registered_to = forms.CharField(label="تا تاریخ", max_length=20, required=False,
                                    widget=_ltr(placeholder="۱۴۰۵/۱۲/۲۹"))  # fmt: skip

    def __init__(self, *args: object, organisations: Sequence[tuple[str, str]] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = cast(forms.ChoiceField, self.fields["state"])
        choices.choices = [("", "همهٔ درخواست‌های باز"), (search.EVERY_STATE, "همهٔ وضعیت‌ها"), *STATE_CHOICES]
        cast(forms.ChoiceField, self.fields["organisation"]).choices = [("", "همه"), *organisations]
        cast(forms.ChoiceField, self.fields["service"]).choices = [("", "همه")] + [
            (s.code, s.name) for s in Service.objects.filter(is_active=True).order_by("name")
        ]
        self.criteria = search.Criteria()

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        try:
            self.criteria = search.criteria_from(
                query=data.get("q") or "", organisation=data.get("organisation") or "", unit=data.get("unit") or "",
                service=data.get("service") or "", kind=data.get("kind") or "", state=data.get("state") or "",
                overdue=bool(data.get("overdue")), registered_from=data.get("registered_from") or "",
                registered_to=data.get("registered_to") or "",
            )  # fmt: skip
        except InvalidSearch as exc:
            field = exc.details.get("field") if isinstance(exc.details, dict) else None
            self.add_error(field if field in self.fields else None, exc.message)
        return data


class EmptyForm(forms.Form):
    pass


class TextForm(forms.Form):
    text = forms.CharField(label="متن", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class TextFilesForm(TextForm):
    """An answer or the citizen's reply: the text and files that go with it."""

    attachments = AttachmentsField()


class ReasonForm(forms.Form):
    reason = forms.CharField(label="دلیل", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class ReferForm(forms.Form):
    organisation = forms.ChoiceField(label="دستگاه مقصد")
    reason = forms.CharField(label="دلیل ارجاع", max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    organisation = forms.ChoiceField(label="دستگاه مسئول")


class ResponsibleForm(forms.Form):
    responsible_body = forms.CharField(label="مرجع مسئول", max_length=300, help_text="نام دستگاه یا مرجعی که پاسخگوست")


class SurveyForm(forms.Form):
    score = forms.TypedChoiceField(
        label="رضایت شما از رسیدگی", coerce=int, widget=forms.RadioSelect,
        choices=[(5, "خیلی راضی"), (4, "راضی"), (3, "متوسط"), (2, "ناراضی"), (1, "خیلی ناراضی")],
    )  # fmt: skip
    comment = forms.CharField(label="نظر شما (اختیاری)", max_length=1000, required=False)


class HolidaysForm(forms.Form):
    text = forms.CharField(
        label="تعطیلات (هر سطر: تاریخ خورشیدی، مناسبت، نوع)", max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text="مثلاً: ۱۴۰۵/۰۹/۲۰،تعطیلی به‌علت آلودگی هوا،اعلامی — تاریخ قمری اعلام‌شده جای تاریخ موقت را می‌گیرد.",
    )  # fmt: skip


class HolidayYearForm(forms.Form):
    year = forms.IntegerField(label="سال خورشیدی", min_value=1390, max_value=1500)


class MergeForm(forms.Form):
    original = forms.CharField(label="کد رهگیری درخواست اصلی", max_length=40, widget=_ltr(inputmode="numeric"))


class Open311KeyForm(forms.Form):
    name = forms.CharField(label="نام سامانه یا یکپارچه‌ساز", max_length=150)
    organisation = forms.CharField(label="کد دستگاه صاحب کلید (اختیاری)", max_length=40, required=False,
                                   widget=_ltr())  # fmt: skip


class ReplyTemplateForm(forms.Form):
    organisation = forms.CharField(label="کد دستگاه", max_length=40, widget=_ltr())
    step = forms.ChoiceField(label="مرحله")
    state = forms.ChoiceField(label="در وضعیت", required=False)
    title = forms.CharField(label="عنوان", max_length=120)
    text = forms.CharField(
        label="متن", max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="«{کد}» جای کد رهگیری و «{مهلت}» جای تاریخ پایان مهلت می‌نشیند.",
    )  # fmt: skip

    def __init__(self, *args: object, fixed_organisation: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        from ostan.servicedesk.models import STATE_CHOICES, ReplyStep

        cast(forms.ChoiceField, self.fields["step"]).choices = ReplyStep.choices
        cast(forms.ChoiceField, self.fields["state"]).choices = [("", "هر وضعیتی"), *STATE_CHOICES]
        if fixed_organisation:  # an officer writes for their own organisation only
            self.fields["organisation"].initial = fixed_organisation
            self.fields["organisation"].widget = forms.HiddenInput()
