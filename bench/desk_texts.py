"""Realistic Persian request texts for the service desk's benchmark, from a fixed seed.

Each text names a problem of a service (water, power, gas, streets, waste, lighting, telephone), a place
(street, alley, neighbourhood, plate number), how long it has lasted and a plea, in the varied spelling citizens
type: a tenth use the Arabic ي and ك, some write the ZWNJ as a space or drop it, digits come in three scripts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SERVICES = {
    "water-outage": (
        "water_wastewater",
        ["قطعی آب", "افت فشار آب", "نشت لوله آب", "ترکیدگی لوله", "آب گل‌آلود", "کنتور آب خراب", "قبض آب سنگین"],
    ),
    "sewage": ("water_wastewater", ["گرفتگی فاضلاب", "پس زدن فاضلاب", "بوی بد فاضلاب", "دریچه فاضلاب شکسته"]),
    "power-outage": (
        "electricity",
        ["قطعی برق", "نوسان برق", "سیم برق آویزان", "تیر برق کج شده", "کنتور برق سوخته", "خاموشی مکرر"],
    ),
    "gas-leak": ("gas", ["بوی گاز", "نشت گاز", "افت فشار گاز", "قطعی گاز", "کنتور گاز خراب"]),
    "street-repair": (
        "municipality",
        ["چاله در آسفالت", "آسفالت خراب", "جدول شکسته", "پیاده‌رو ناهموار", "دریچه باز در خیابان"],
    ),
    "waste": ("municipality", ["زباله جمع‌آوری نشده", "مخزن زباله پر", "نخاله ساختمانی", "بوی زباله"]),
    "street-light": ("municipality", ["چراغ خیابان خاموش", "روشنایی پارک خاموش", "لامپ سوخته معبر"]),
    "telephone": ("telecommunications", ["قطعی تلفن ثابت", "قطعی اینترنت", "نویز خط تلفن", "کندی اینترنت"]),
}
SERVICE_NAMES = {
    "water-outage": "قطعی و کمبود آب", "sewage": "فاضلاب", "power-outage": "برق", "gas-leak": "گاز",
    "street-repair": "ترمیم معابر", "waste": "پسماند", "street-light": "روشنایی معابر", "telephone": "تلفن و اینترنت",
}  # fmt: skip
STREETS = [
    "امام خمینی", "آزادی", "انقلاب", "مطهری", "بهشتی", "طالقانی", "شریعتی", "مدرس", "باهنر", "رجایی",
    "چمران", "فاطمی", "حافظ", "سعدی", "فردوسی", "مولوی", "خیام", "نظامی", "عطار", "پروین اعتصامی",
    "جمهوری", "کشاورز", "ولیعصر", "بسیج", "شهدا", "ایثار", "فجر", "بهار", "نرگس", "لاله",
    "یاس", "اقاقیا", "صنوبر", "سرو", "کاج", "گلستان", "بوستان", "باغ ملی", "دانشگاه", "فرهنگ",
    "معلم", "کارگر", "کشاورزی", "صنعت", "ملت", "پاسداران", "سپاه", "ارتش", "شهید بابایی", "شهید همت",
]  # fmt: skip
PLACES = ["خیابان", "کوچه", "بلوار", "میدان", "بن‌بست", "محله", "شهرک", "خیابان فرعی"]
SINCE = ["از دیروز", "از صبح امروز", "از هفته گذشته", "چند روز است که", "از دو روز پیش", "بیش از یک ماه است",
         "هر شب", "از ابتدای ماه"]  # fmt: skip
EFFECT = ["اهالی در زحمت هستند", "سالمندان و کودکان آسیب می‌بینند", "مغازه‌داران ضرر می‌کنند",
          "خطر جانی برای رهگذران دارد",
          "ساکنان ساختمان ناراضی‌اند", "چند بار تماس گرفته‌ایم و پاسخی نگرفتیم"]  # fmt: skip
PLEA = ["لطفاً رسیدگی کنید", "تقاضای پیگیری فوری دارم", "خواهشمندم اقدام فرمایید", "منتظر پاسخ شما هستیم",
        "لطفاً کارشناس اعزام کنید", "با تشکر از زحمات شما"]  # fmt: skip
FIRST = ["محمد", "علی", "حسین", "رضا", "مهدی", "زهرا", "فاطمه", "مریم", "معصومه", "سارا", "امیر", "حمید",
         "نرگس", "الهام", "سعید", "مجید", "لیلا", "طاهره", "یوسف", "کاظم"]  # fmt: skip
LAST = ["احمدی", "محمدی", "حسینی", "رضایی", "کریمی", "موسوی", "جعفری", "کاظمی", "رحیمی", "قاسمی",
        "صادقی", "نوری", "عباسی", "یوسفی", "اکبری", "حیدری", "نجفی", "فراهانی", "عراقی", "کرمانی"]  # fmt: skip
_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})
_PERSIAN_DIGITS = str.maketrans({str(i): chr(0x06F0 + i) for i in range(10)})


@dataclass(frozen=True)
class Text:
    service: str
    text: str
    title: str  # the first words, for django-helpdesk's ticket title
    citizen_name: str


def texts(seed: int) -> random.Random:
    return random.Random(seed)


def make(rng: random.Random) -> Text:
    service = rng.choice(list(SERVICES))
    problem = rng.choice(SERVICES[service][1])
    place = f"{rng.choice(PLACES)} {rng.choice(STREETS)}"
    if rng.random() < 0.5:
        place += f"، {rng.choice(PLACES[:2])} {rng.choice(STREETS)}"
    plate = str(rng.randint(1, 400))
    plate = plate.translate(_PERSIAN_DIGITS) if rng.random() < 0.6 else plate
    text = (
        f"{problem} در {place} پلاک {plate}. {rng.choice(SINCE)} {problem} داریم و {rng.choice(EFFECT)}. "
        f"{rng.choice(PLEA)}."
    )
    if rng.random() < 0.1:
        text = text.translate(_ARABIC)
    if rng.random() < 0.15:
        text = text.replace("\u200c", " " if rng.random() < 0.5 else "")
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return Text(service=service, text=text, title=f"{problem} — {place}"[:200], citizen_name=name)


def queries(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """What an officer types: (kind of query, query). A problem and a street, a street alone, a citizen's name,
    and the same with one letter wrong."""
    found: list[tuple[str, str]] = []
    kinds = ["problem+street", "street", "name", "typo"]
    for i in range(count):
        kind = kinds[i % len(kinds)]
        service = rng.choice(list(SERVICES))
        problem, street = rng.choice(SERVICES[service][1]), rng.choice(STREETS)
        if kind == "problem+street":
            found.append((kind, f"{problem} {street}"))
        elif kind == "street":
            found.append((kind, f"خیابان {street}"))
        elif kind == "name":
            found.append((kind, f"{rng.choice(FIRST)} {rng.choice(LAST)}"))
        else:
            word = max(f"{problem} {street}".split(), key=len)
            at = rng.randrange(1, len(word) - 1)
            found.append((kind, f"{problem} {street}".replace(word, word[:at] + word[at + 1 :])))
    return found
