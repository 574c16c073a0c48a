"""Upload and seed forms of the constituency page."""

from __future__ import annotations

from typing import Any

from django import forms

from ostan.core.tables import MAX_UPLOAD_BYTES
from ostan.elections.models import BallotSource

ROSTER_EXTENSIONS = (".csv", ".xlsx")
BALLOT_EXTENSIONS = (".csv", ".txt", ".jsonl", ".json", ".ndjson")
BALLOT_UPLOAD_BYTES = 200 * 1024 * 1024


def _checked(upload: Any, extensions: tuple[str, ...], limit: int, kinds: str) -> Any:
    if not (upload.name or "").lower().endswith(extensions):
        raise forms.ValidationError(f"فقط پرونده {kinds} پذیرفته می‌شود.")
    if (upload.size or 0) > limit:
        raise forms.ValidationError("حجم پرونده بیش از حد مجاز است.")
    return upload


class RosterUploadForm(forms.Form):
    file = forms.FileField(label="پرونده (CSV یا XLSX)")

    def clean_file(self) -> Any:
        return _checked(self.cleaned_data["file"], ROSTER_EXTENSIONS, MAX_UPLOAD_BYTES, "CSV یا XLSX")


class BallotUploadForm(forms.Form):
    file = forms.FileField(label="پرونده برگه‌ها (CSV یا JSON Lines)")
    source = forms.ChoiceField(label="منبع", choices=BallotSource.choices, initial=BallotSource.MACHINE)

    def clean_file(self) -> Any:
        return _checked(self.cleaned_data["file"], BALLOT_EXTENSIONS, BALLOT_UPLOAD_BYTES, "CSV یا JSON Lines")


class LotSeedForm(forms.Form):
    seed = forms.CharField(label="بذر قرعه", max_length=200)
