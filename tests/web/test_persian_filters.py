"""Template filters that show numbers and dates the Persian way."""

from __future__ import annotations

import datetime as dt

from django.template import Context, Template


def render(source: str, **context: object) -> str:
    return Template(source).render(Context(context))


def test_fa_digits_and_numbers() -> None:
    assert render("{{ n|fa_digits }}", n=1405) == "۱۴۰۵"
    assert render("{{ n|fa_number }}", n=8693706) == "۸٬۶۹۳٬۷۰۶"
    assert render("{{ n|fa_number }}", n=None) == "نامعلوم"


def test_jalali_filters() -> None:
    assert render("{{ d|jdate }}", d=dt.date(2026, 11, 22)) == "۱۴۰۵/۰۹/۰۱"
    assert render('{{ d|jdate:"long" }}', d=dt.date(2026, 11, 22)) == "۱ آذر ۱۴۰۵"
    moment = dt.datetime(2026, 11, 22, 10, 30, tzinfo=dt.UTC)
    assert render("{{ m|jdatetime }}", m=moment) == "۱۴۰۵/۰۹/۰۱ ۱۴:۰۰"


def test_values_are_escaped() -> None:
    assert render("{{ s|fa_digits }}", s="<b>1</b>") == "&lt;b&gt;۱&lt;/b&gt;"
