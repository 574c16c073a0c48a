"""Persian alphabetical order: the sort key every list of Persian names uses.

Code-point order puts پ چ ژ گ (added to the Arabic script for Persian) after ی, and ک (U+06A9) far from
the Arabic letters; Persian dictionaries and the Academy's order place them after ب ج ز ک. The key:

1. The text is normalised first (:func:`ostan.core.text.normalize`): Arabic ي/ك sort as ی/ک, the three
   digit styles as one, diacritics and tatweel are dropped.
2. Primary order, letter by letter: space (words are compared word by word: «آب انبار» before «آباد»),
   then digits by value, then the 32 letters ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی
   (آ and ا are one letter, ء and ئ sort with ی), then any other character by code point, Latin
   case-folded. The zero-width non-joiner is ignored («می‌شود» and «میشود» meet).
3. Ties are broken by a secondary key (آ after ا, ئ after ی, ZWNJ after none), then by the text itself,
   so the order is total and stable across runs.
"""

from __future__ import annotations

from ostan.core.text import ZWNJ, normalize

ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_SPACE_RANK = 1
_DIGIT_BASE = 10
_LETTER_BASE = 100
_OTHER_BASE = 1000
_PRIMARY: dict[str, int] = {letter: _LETTER_BASE + i for i, letter in enumerate(ALPHABET)}
_PRIMARY.update({"\u0622": _PRIMARY["ا"], "\u0621": _PRIMARY["ی"], "\u0626": _PRIMARY["ی"], " ": _SPACE_RANK})
_PRIMARY.update({str(d): _DIGIT_BASE + d for d in range(10)})
# Letters that share a primary place with another are told apart at the secondary level.
_SECONDARY = {"\u0622": 1, "\u0621": 1, "\u0626": 2}

type SortKey = tuple[tuple[int, ...], tuple[int, ...], str]


def persian_sort_key(text: str) -> SortKey:
    """A key for :func:`sorted` that puts Persian text in alphabetical order (see the module docstring)."""
    folded = normalize(text).casefold()
    primary: list[int] = []
    secondary: list[int] = []
    for char in folded:
        if char == ZWNJ:
            secondary.append(3)
            continue
        primary.append(_PRIMARY.get(char, _OTHER_BASE + ord(char)))
        secondary.append(_SECONDARY.get(char, 0))
    return tuple(primary), tuple(secondary), text
