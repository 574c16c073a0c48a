"""Forms of the election-day pages: they parse what officials type (any digit style, spaces in keys);
the actions decide scope and roles and write."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from ostan.core.errors import DomainError
from ostan.core.text import normalize, normalize_digits, to_persian_digits
from ostan.elections.forms.entries import REQUIRED, NumberField
from ostan.polling.actions.devices import DEVICE_ID
from ostan.polling.models import DeviceKind
from ostan.polling.roll_files import MAX_ROLL_BYTES

ROLL_EXTENSIONS = (".csv", ".xlsx")
KEY_SEPARATORS = re.compile(r"[\s\u200c\u200f\u200e:-]+")
HEX_KEY = re.compile(r"[0-9a-f]{64}")
# A demo roll is made in one request: larger rolls belong to the generate_roll command.
SYNTHETIC_MAX = 100_000
# Which field an action's refusal belongs next to, by its code.
FIELD_OF_CODE = {
    "station_exists": "code",
    "station_place_invalid": "latitude",
    "device_exists": "device_id",
    "invalid_key": "public_key",
    "token_not_found": "token",
    "token_already_used": "token",
    "short_code_mistyped": "token",
    "invalid_national_code": "national_code",
    "check_in_not_found": "national_code",
    "no_unspent_token": "national_code",
}


class ScopedChoiceField(forms.TypedChoiceField):
    """Offers the choices of the user's scope but accepts any id: the action, not the form, refuses
    what lies outside the scope (a 403 page, nothing written)."""

    def valid_value(self, value: Any) -> bool:
        return str(value).isdigit()


class ScopedMultipleChoiceField(forms.TypedMultipleChoiceField):
    def valid_value(self, value: Any) -> bool:
        return str(value).isdigit()


def show_refusal(form: forms.Form, exc: DomainError) -> None:
    field = FIELD_OF_CODE.get(exc.code)
    form.add_error(field if field in form.fields else None, exc.message)


def ascii_identifier(value: str) -> str:
    """Station codes and device ids: Persian or Arabic digits become ASCII, spaces go."""
    return normalize_digits(normalize(value)).replace(" ", "")


class StationForm(forms.Form):
    code = forms.CharField(label="کد شعبه", max_length=64, error_messages=REQUIRED,
                           help_text="حرف و رقم لاتین، نقطه، خط تیره یا زیرخط؛ مثلاً A001")  # fmt: skip
    address = forms.CharField(label="نشانی", max_length=500, error_messages=REQUIRED)
    unit = ScopedChoiceField(label="واحد محل شعبه", coerce=int, error_messages=REQUIRED)
    constituencies = ScopedMultipleChoiceField(
        label="حوزه‌های تحت پوشش", coerce=int, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "دست‌کم یک حوزهٔ انتخابیه را برگزینید."},
    )  # fmt: skip
    officials = ScopedMultipleChoiceField(
        label="اعضای شعبه",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="اختیاری؛ اعضا را بعداً هم در صفحهٔ شعبه می‌توان افزود.",
    )

    def __init__(
        self,
        *args: Any,
        units: Iterable[tuple[int, str]] = (),
        constituencies: Iterable[tuple[int, str]] = (),
        officials: Iterable[tuple[int, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—"), *units]  # type: ignore[attr-defined]
        self.fields["constituencies"].choices = list(constituencies)  # type: ignore[attr-defined]
        self.fields["officials"].choices = list(officials)  # type: ignore[attr-defined]

    latitude = forms.CharField(label="عرض جغرافیایی (اختیاری)", max_length=20, required=False,
                               help_text="به درجه، مثلاً ۳۴٫۰۹۱۷؛ برای نشان دادن شعبه روی نقشهٔ رأی‌دهندگان",
                               widget=forms.TextInput(attrs={"dir": "ltr", "inputmode": "decimal"}))  # fmt: skip
    longitude = forms.CharField(label="طول جغرافیایی (اختیاری)", max_length=20, required=False,
                                help_text="به درجه، مثلاً ۴۹٫۶۸۹۲",
                                widget=forms.TextInput(attrs={"dir": "ltr", "inputmode": "decimal"}))  # fmt: skip

    def clean_code(self) -> str:
        return ascii_identifier(self.cleaned_data["code"])

    def clean_latitude(self) -> Decimal | None:
        return degrees(self.cleaned_data["latitude"])

    def clean_longitude(self) -> Decimal | None:
        return degrees(self.cleaned_data["longitude"])


def degrees(text: str) -> Decimal | None:
    """Degrees typed in any digit style, with «٫», «.» or «/» as the decimal mark; None when empty."""
    cleaned = normalize_digits(text).strip().replace("٫", ".").replace("/", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise forms.ValidationError("درجه را به عدد بنویسید، مثلاً ۳۴٫۰۹۱۷.") from None
    if not value.is_finite():
        raise forms.ValidationError("درجه را به عدد بنویسید، مثلاً ۳۴٫۰۹۱۷.")
    return value.quantize(Decimal("0.00001"))


class DeviceForm(forms.Form):
    device_id = forms.CharField(
        label="شناسهٔ دستگاه", max_length=64, error_messages=REQUIRED,
        help_text="همان شناسه‌ای که در بخش جفت‌کردن دستگاه وارد می‌شود؛ مثلاً A001-auth",
    )  # fmt: skip
    kind = forms.ChoiceField(label="نوع دستگاه", choices=DeviceKind.choices, error_messages=REQUIRED)
    public_key = forms.CharField(
        label="کلید عمومی دستگاه", max_length=200, error_messages=REQUIRED,
        help_text="۶۴ رقم شانزده‌شانزدهی که دستگاه در بخش «جفت‌کردن» نشان می‌دهد؛ فاصله و حروف بزرگ اشکالی ندارد.",
    )  # fmt: skip

    def clean_device_id(self) -> str:
        device_id = ascii_identifier(self.cleaned_data["device_id"])
        if not DEVICE_ID.fullmatch(device_id):
            raise forms.ValidationError("شناسهٔ دستگاه فقط حرف و رقم لاتین، نقطه، خط تیره و زیرخط دارد.")
        return device_id

    def clean_public_key(self) -> str:
        key = KEY_SEPARATORS.sub("", normalize_digits(self.cleaned_data["public_key"])).lower()
        if not HEX_KEY.fullmatch(key):
            raise forms.ValidationError(
                "کلید عمومی باید دقیقاً ۶۴ رقم شانزده‌شانزدهی (۰ تا ۹ و a تا f) باشد؛ "
                f"{to_persian_digits(len(key))} نویسه وارد شده است."
            )
        return key


class OfficialForm(forms.Form):
    official = ScopedChoiceField(label="عضو شعبه", coerce=int, error_messages=REQUIRED)

    def __init__(self, *args: Any, officials: Iterable[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["official"].choices = [("", "—"), *officials]  # type: ignore[attr-defined]


class RollUploadForm(forms.Form):
    unit = ScopedChoiceField(label="واحد", coerce=int, error_messages=REQUIRED,
                             help_text="محل سکونت همهٔ رأی‌دهندگان پرونده باید در این واحد باشد.")  # fmt: skip
    file = forms.FileField(label="پروندهٔ فهرست (CSV یا XLSX)", error_messages={"required": "پرونده را برگزینید."})

    def __init__(self, *args: Any, units: Iterable[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—"), *units]  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(ROLL_EXTENSIONS):
            raise forms.ValidationError("فقط پروندهٔ CSV یا XLSX پذیرفته می‌شود.")
        if (upload.size or 0) > MAX_ROLL_BYTES:
            raise forms.ValidationError("حجم پروندهٔ فهرست رأی‌دهندگان بیش از حد مجاز است.")
        return upload


class SyntheticRollForm(forms.Form):
    unit = ScopedChoiceField(label="واحد", coerce=int, error_messages=REQUIRED)
    size = NumberField(label="تعداد رأی‌دهندگان", min_value=1, max_value=SYNTHETIC_MAX, initial=1000)
    seed = NumberField(label="بذر", min_value=0, max_value=2**31 - 1, initial=1405,
                       help_text="با بذر یکسان، همان فهرست دوباره ساخته می‌شود.")  # fmt: skip

    def __init__(self, *args: Any, units: Iterable[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—"), *units]  # type: ignore[attr-defined]
