"""Synthetic but realistic candidates for demo elections: common Persian names, valid national codes.

Generation takes the caller's ``random.Random`` so every demo run produces the same people.
"""

from __future__ import annotations

import csv
import io
import random

from ostan.core import national_code
from ostan.core.text import normalize

FIRST_NAMES_MALE = (
    "محمد", "علی", "حسین", "رضا", "مهدی", "حسن", "امیر", "مصطفی", "سعید", "مجید",
    "احمد", "جواد", "حمید", "محسن", "مرتضی", "هادی", "کاظم", "ابراهیم", "یوسف", "بهروز",
)  # fmt: skip
FIRST_NAMES_FEMALE = (
    "فاطمه", "زهرا", "مریم", "معصومه", "سمیه", "زینب", "لیلا", "نرگس", "الهام", "مهناز",
    "سارا", "نسرین", "شیرین", "منیژه", "پروین", "طاهره", "اعظم", "راضیه", "فرزانه", "آزاده",
)  # fmt: skip
LAST_NAMES = (
    "محمدی", "حسینی", "احمدی", "رضایی", "موسوی", "کریمی", "جعفری", "صادقی", "رحیمی", "هاشمی",
    "قاسمی", "عباسی", "نوری", "کاظمی", "مرادی", "اکبری", "زارعی", "یزدانی", "شریفی", "طاهری",
    "سلطانی", "کامرانی", "نجفی", "فراهانی", "تهرانی", "اصفهانی", "شیرازی", "قربانی", "باقری", "ملکی",
)  # fmt: skip
EDUCATION = ("diploma", "associate", "bachelor", "bachelor", "master", "master", "doctorate")
HEADER = ("code", "national_code", "first_name", "last_name", "gender", "is_veteran", "education", "list_code")


def candidates_csv(rng: random.Random, codes: list[str], list_codes: list[str | None], serial_base: int) -> bytes:
    """A candidates file in the import format, one person per code (``list_codes`` aligned with ``codes``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for i, (code, list_code) in enumerate(zip(codes, list_codes, strict=True)):
        is_female = rng.random() < 0.35
        first = rng.choice(FIRST_NAMES_FEMALE if is_female else FIRST_NAMES_MALE)
        writer.writerow([
            code, national_code.from_serial(serial_base + i), normalize(first), normalize(rng.choice(LAST_NAMES)),
            "زن" if is_female else "مرد", "بله" if rng.random() < 0.1 else "خیر", rng.choice(EDUCATION),
            list_code or "",
        ])  # fmt: skip
    return out.getvalue().encode()
