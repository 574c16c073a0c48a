"""Persian text normalisation: one spelling for letters and digits before validation, storage and search.

Source data and keyboards mix Arabic and Persian code points (ي/ی, ك/ک) and three digit sets.
``normalize`` gives the display form (ZWNJ kept: «می‌شود» stays readable); ``search_key`` folds
further (no ZWNJ, no spaces' variety, no hamza seat differences) so that spelling variants meet.
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"
TATWEEL = "\u0640"

_LETTERS = {
    "\u064a": "\u06cc",  # ي Arabic yeh → ی
    "\u0649": "\u06cc",  # ى alef maksura → ی
    "\u06d2": "\u06cc",  # ے yeh barree → ی
    "\u0643": "\u06a9",  # ك Arabic kaf → ک
    "\u0629": "\u0647",  # ة teh marbuta → ه
    "\u06c0": "\u0647",  # ۀ heh with yeh above → ه
    "\u0623": "\u0627",  # أ → ا
    "\u0625": "\u0627",  # إ → ا
    "\u0671": "\u0627",  # ٱ → ا
    "\u0624": "\u0648",  # ؤ → و
}
_DIGITS: dict[str, str | int | None] = {}
for _i in range(10):
    _DIGITS[chr(0x06F0 + _i)] = _DIGITS[chr(0x0660 + _i)] = str(_i)
_DIGITS_ONLY = str.maketrans(_DIGITS)
_TRANSLATE = str.maketrans({**_LETTERS, **_DIGITS, TATWEEL: None})
# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef) are dropped.
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_ZW_VARIANTS = re.compile("[\u200b\u200d\u200e\u200f\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_ZWNJ_RUN = re.compile(f"(?:{ZWNJ}\\s*)+|\\s+{ZWNJ}")
_PERSIAN_DIGITS = str.maketrans({str(i): chr(0x06F0 + i) for i in range(10)})
_ASCII_DIGITS_ONLY = re.compile(r"\d+")
_WORD_BREAK = re.compile(r"[\W_]+")  # anything but a letter or a digit (Persian «،؛؟» too) ends a word


def normalize(text: str) -> str:
    """The canonical display form: Persian letters, ASCII digits, no tatweel or diacritics, tidy spaces."""
    text = unicodedata.normalize("NFC", text)
    text = _ZW_VARIANTS.sub("", text)
    text = _DIACRITICS.sub("", text.translate(_TRANSLATE))
    text = _ZWNJ_RUN.sub(ZWNJ, text)
    text = _SPACES.sub(" ", text).strip()
    return text.strip(ZWNJ)


def search_key(text: str) -> str:
    """A folded key for matching: normalised, lower-cased, ZWNJ and spaces removed, آ folded to ا."""
    folded = normalize(text).replace(ZWNJ, "").replace("\u0622", "\u0627").casefold()
    return unicodedata.normalize("NFC", "".join(folded.split()))


def search_words(text: str) -> str:
    """The words of ``text`` for full-text and fuzzy search: folded as ``search_key`` folds (ZWNJ joins a word's
    parts, آ is ا, case folded) but with the words kept apart, one space between, punctuation a break."""
    folded = normalize(text).replace(ZWNJ, "").replace("\u0622", "\u0627").casefold()
    return " ".join(_WORD_BREAK.split(unicodedata.normalize("NFC", folded))).strip()


def normalize_digits(text: str) -> str:
    """Persian and Arabic-Indic digits → ASCII; nothing else changes."""
    return text.translate(_DIGITS_ONLY)


def to_persian_digits(value: object) -> str:
    """ASCII digits → Persian digits, for display."""
    return str(value).translate(_PERSIAN_DIGITS)


def format_number(value: int, *, persian: bool = True) -> str:
    """A whole number with the Persian thousands separator (٬) and Persian digits."""
    grouped = f"{value:,}".replace(",", "\u066c")
    return to_persian_digits(grouped) if persian else grouped


def only_digits(text: str) -> str | None:
    """The input with any digit style made ASCII, spaces and dashes removed; None if anything else remains."""
    cleaned = normalize_digits(text).strip().replace(" ", "").replace("-", "")
    return cleaned if _ASCII_DIGITS_ONLY.fullmatch(cleaned) else None
