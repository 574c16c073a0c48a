"""One candidate or party list typed by hand, and a candidate's photo."""

from __future__ import annotations

from typing import Any

from django import forms

from ostan.core.errors import DomainError
from ostan.elections.entries import NAME_MAX_LENGTH, CandidateEntry, ListEntry
from ostan.elections.forms.entries import REQUIRED
from ostan.elections.models import Candidate, EducationLevel, Gender, PartyList, VettingStatus
from ostan.elections.photos import PHOTO_MAX_BYTES, checked_photo
from ostan.elections.rosters import MAX_CODE_DIGITS

INDEPENDENT = ("", "منفرد (بدون فهرست)")


class CandidateForm(forms.Form):
    code = forms.CharField(label="کد نامزد", max_length=MAX_CODE_DIGITS * 2, error_messages=REQUIRED)
    first_name = forms.CharField(label="نام", max_length=NAME_MAX_LENGTH, error_messages=REQUIRED)
    last_name = forms.CharField(label="نام خانوادگی", max_length=NAME_MAX_LENGTH, error_messages=REQUIRED)
    national_code = forms.CharField(label="کد ملی", max_length=20, required=False)
    gender = forms.ChoiceField(label="جنسیت", choices=[("", "—"), *Gender.choices], required=False)
    is_veteran = forms.BooleanField(label="ایثارگر", required=False)
    education = forms.TypedChoiceField(label="تحصیلات", choices=EducationLevel.choices, coerce=int)
    vetting_status = forms.ChoiceField(label="وضعیت صلاحیت", choices=VettingStatus.choices,
                                       initial=VettingStatus.APPROVED)  # fmt: skip
    list_code = forms.ChoiceField(label="فهرست", choices=[INDEPENDENT], required=False)

    def __init__(self, *args: Any, party_lists: list[PartyList] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if party_lists is None:
            del self.fields["list_code"]  # plurality constituencies have no lists
        else:
            choices = [INDEPENDENT, *((p.code, f"{p.code} — {p.name}") for p in party_lists)]
            self.fields["list_code"].choices = choices  # type: ignore[attr-defined]

    @staticmethod
    def initial_of(candidate: Candidate) -> dict[str, object]:
        fields = ("code", "first_name", "last_name", "national_code", "gender", "is_veteran", "education",
                  "vetting_status")  # fmt: skip
        return {f: getattr(candidate, f) for f in fields} | {
            "list_code": candidate.party_list.code if candidate.party_list else ""
        }

    def entry(self) -> CandidateEntry:
        data = self.cleaned_data
        return CandidateEntry(
            code=data["code"], first_name=data["first_name"], last_name=data["last_name"],
            national_code=data["national_code"], gender=data["gender"], is_veteran=data["is_veteran"],
            education=data["education"], vetting_status=data["vetting_status"],
            list_code=data.get("list_code", ""),
        )  # fmt: skip


class PartyListForm(forms.Form):
    code = forms.CharField(label="کد فهرست", max_length=MAX_CODE_DIGITS * 2, error_messages=REQUIRED)
    name = forms.CharField(label="نام فهرست", max_length=200, error_messages=REQUIRED)
    party = forms.CharField(label="حزب یا جبهه", max_length=200, required=False)

    def entry(self) -> ListEntry:
        return ListEntry(code=self.cleaned_data["code"], name=self.cleaned_data["name"],
                         party=self.cleaned_data["party"])  # fmt: skip


class PhotoForm(forms.Form):
    photo = forms.FileField(label="عکس (JPEG یا PNG، حداکثر ۲ مگابایت)", error_messages={
        "required": "پرونده عکس را انتخاب کنید.", "empty": "پرونده عکس خالی است."})  # fmt: skip

    def clean_photo(self) -> bytes:
        upload = self.cleaned_data["photo"]
        if (upload.size or 0) > PHOTO_MAX_BYTES:
            raise forms.ValidationError("حجم عکس بیش از ۲ مگابایت است.")
        data: bytes = upload.read()
        try:
            checked_photo(data)
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from None
        return data
