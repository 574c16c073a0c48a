"""Forms of participation's pages: they collect text and files; the actions normalise, validate and decide."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from ostan.core.jalali import TEHRAN, InvalidJalaliDate, parse_date
from ostan.core.programs import Priority
from ostan.core.text import normalize_digits
from ostan.participation.models import CircularKind, MeetingKind, Ring

TIME_HELP = "ساعت به وقت تهران، مثلاً ۱۶:۳۰"


class JalaliDateField(forms.CharField):
    """«۱۴۰۵/۰۹/۲۰» in Persian, Arabic or ASCII digits → the Gregorian date."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "سال/ماه/روز خورشیدی، مثلاً ۱۴۰۵/۰۹/۲۰")
        kwargs.setdefault("widget", forms.TextInput(attrs={"dir": "ltr", "inputmode": "numeric", "maxlength": "20"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dt.date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        if len(text) > 20:
            raise forms.ValidationError("تاریخ را به شکل سال/ماه/روز وارد کنید؛ مثلاً ۱۴۰۵/۰۹/۲۰.")
        try:
            return parse_date(text)
        except InvalidJalaliDate as exc:
            raise forms.ValidationError(exc.message) from None


def moment(day: dt.date, time_text: str) -> dt.datetime:
    """A Tehran day and «HH:MM» as an aware moment."""
    hours, _, minutes = normalize_digits(time_text).strip().partition(":")
    try:
        at = dt.time(int(hours), int(minutes or 0))
    except ValueError:
        raise forms.ValidationError("ساعت را به شکل ۱۶:۳۰ وارد کنید.") from None
    return dt.datetime.combine(day, at, tzinfo=TEHRAN)


class TimeField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", TIME_HELP)
        kwargs.setdefault("widget", forms.TextInput(attrs={"dir": "ltr", "inputmode": "numeric"}))
        super().__init__(max_length=5, **kwargs)


class StakeholderForm(forms.Form):
    name = forms.CharField(label="نام شخص یا گروه", max_length=200)
    ring = forms.ChoiceField(label="گروه", choices=Ring.choices)
    unit = forms.CharField(label="کد واحد", max_length=40, widget=forms.TextInput(attrs={"dir": "ltr"}))
    affiliation = forms.CharField(label="وابستگی یا سمت", max_length=200, required=False)
    phone = forms.CharField(label="تلفن", max_length=20, required=False, widget=forms.TextInput(attrs={"dir": "ltr"}))
    email = forms.EmailField(label="رایانامه", required=False, widget=forms.EmailInput(attrs={"dir": "ltr"}))
    address = forms.CharField(label="نشانی", max_length=300, required=False)


class MeetingForm(forms.Form):
    title = forms.CharField(label="عنوان", max_length=200)
    kind = forms.ChoiceField(label="نوع", choices=MeetingKind.choices)
    unit = forms.CharField(label="کد واحد", max_length=40, widget=forms.TextInput(attrs={"dir": "ltr"}))
    day = JalaliDateField(label="روز برگزاری")
    time = TimeField(label="ساعت")
    place = forms.CharField(label="محل", max_length=200, required=False)
    agenda = forms.CharField(label="دستور جلسه", max_length=8000, widget=forms.Textarea(attrs={"rows": 4}))
    stakeholders = forms.MultipleChoiceField(label="دعوت‌شدگان", required=False, widget=forms.CheckboxSelectMultiple)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("day") and data.get("time"):
            try:
                data["held_at"] = moment(data["day"], data["time"])
            except forms.ValidationError as exc:
                self.add_error("time", exc)
        return data


DECISION_ROWS = 5


class MinutesForm(forms.Form):
    minutes = forms.CharField(label="متن صورتجلسه", max_length=8000, widget=forms.Textarea(attrs={"rows": 6}))
    attended = forms.MultipleChoiceField(label="حاضران", required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(DECISION_ROWS):
            self.fields[f"decision_{i}"] = forms.CharField(label=f"مصوبهٔ {i + 1}", max_length=300, required=False)
            self.fields[f"owner_{i}"] = forms.CharField(label="مسئول پیگیری", max_length=200, required=False)
            self.fields[f"due_{i}"] = JalaliDateField(label="مهلت", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rows = []
        for i in range(DECISION_ROWS):
            title, owner, due = data.get(f"decision_{i}"), data.get(f"owner_{i}"), data.get(f"due_{i}")
            if not (title or owner or due):
                continue
            if not (title and owner and due):
                self.add_error(f"decision_{i}", "برای هر مصوبه عنوان، مسئول و مهلت را بنویسید.")
                continue
            rows.append((title, owner, due))
        data["decision_rows"] = rows
        return data


class DecisionDoneForm(forms.Form):
    done_on = JalaliDateField(label="روز انجام")
    note = forms.CharField(label="گزارش انجام", max_length=300, required=False)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class CircularForm(forms.Form):
    kind = forms.ChoiceField(label="نوع", choices=CircularKind.choices)
    title = forms.CharField(label="عنوان", max_length=200)
    body = forms.CharField(label="متن", max_length=8000, widget=forms.Textarea(attrs={"rows": 6}))
    priority = forms.ChoiceField(label="فوریت", choices=[(p.value, p.label) for p in Priority])
    deadline_day = JalaliDateField(label="مهلت تأیید دریافت (روز)")
    deadline_time = TimeField(label="مهلت تأیید دریافت (ساعت)", initial="14:00")
    recipients = forms.MultipleChoiceField(label="گیرندگان", widget=forms.CheckboxSelectMultiple)
    attachments = MultipleFileField(
        label="پیوست‌ها", required=False, help_text="PDF، تصویر PNG/JPEG یا Word/Excel؛ هر کدام تا ۱۰ مگابایت"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("deadline_day") and data.get("deadline_time"):
            try:
                data["deadline_at"] = moment(data["deadline_day"], data["deadline_time"])
            except forms.ValidationError as exc:
                self.add_error("deadline_time", exc)
        return data


class AcknowledgeForm(forms.Form):
    note = forms.CharField(label="یادداشت (اختیاری)", max_length=300, required=False)


class StakeholderFilterForm(forms.Form):
    q = forms.CharField(label="جست‌وجوی نام", max_length=100, required=False)
    ring = forms.ChoiceField(label="گروه", choices=[("", "همه"), *Ring.choices], required=False)
