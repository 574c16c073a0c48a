"""The county office does its meeting work from the pages: registers a stakeholder (Persian digits in the
phone, Arabic letters in the name), schedules a meeting inviting them, records the minutes with a decision
due on a Jalali day, and marks it done; bad input is refused in Persian and nothing is half-written."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from ostan.core.jalali import to_jalali
from ostan.core.text import to_persian_digits
from ostan.participation.models import Decision, Meeting, Stakeholder
from tests.participation.conftest import Offices


def _jalali(day: object) -> str:
    j = to_jalali(day)  # type: ignore[arg-type]
    return to_persian_digits(f"{j.year}/{j.month:02d}/{j.day:02d}")


def test_the_county_office_runs_a_meeting_from_the_pages(offices: Offices) -> None:
    o = offices
    client = Client()
    client.force_login(o.county_governor)
    response = client.post("/participation/stakeholders/new/", {
        "name": "انجمن كارآفرينان", "ring": "entrepreneur", "unit": o.world.city_a.code, "phone": "۰۹۱۲۳۴۵۶۷۸۹",
    }, follow=True)  # fmt: skip
    assert response.status_code == 200
    person = Stakeholder.objects.get()
    assert person.name == "انجمن کارآفرینان"  # ك and ي stored as ک and ی

    refused = client.post("/participation/meetings/new/", {"title": "", "kind": "meeting", "unit": "0001"})
    assert refused.status_code == 400
    assert not Meeting.objects.exists()
    today = timezone.localdate()
    response = client.post("/participation/meetings/new/", {
        "title": "نشست کارآفرینان", "kind": "meeting", "unit": o.world.county_a.code, "day": _jalali(today),
        "time": "۰۰:۰۰", "agenda": "اشتغال جوانان", "stakeholders": [str(person.pk)],
    })  # fmt: skip
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    response = client.post(f"/participation/meetings/{meeting.pk}/minutes/", {
        "minutes": "پیشنهادها شنیده شد.", "attended": [str(person.pk)],
        "decision_0": "معرفی وام اشتغال", "owner_0": "اداره کار", "due_0": _jalali(today),
    })  # fmt: skip
    assert response.status_code == 302
    decision = Decision.objects.get()
    page = client.get(f"/participation/meetings/{meeting.pk}/").content.decode()
    assert "معرفی وام اشتغال" in page
    assert "حاضر" in page
    client.post(f"/participation/decisions/{decision.pk}/done/", {"done_on": _jalali(today)})
    decision.refresh_from_db()
    assert decision.done_on == today
