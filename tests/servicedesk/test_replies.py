"""Reply templates kept by an organisation's officer and picked into the text box, and the automatic first
answer that tells the citizen by which Jalali day to expect the reply."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ostan.core.access import OutOfScope
from ostan.core.jalali import TEHRAN, format_date
from ostan.servicedesk import replies
from ostan.servicedesk.models import Notification, ReplyTemplate
from tests.servicedesk.conftest import Desk


def _client(person: Any) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_the_first_answer_names_the_holder_and_the_jalali_deadline(desk: Desk) -> None:
    found = desk.file()
    assert found.due_at is not None
    due = format_date(found.due_at.astimezone(TEHRAN).date(), long=True)
    first = found.entries.get()
    assert first.is_public
    assert f"«{desk.water.name}»" in first.text
    assert due in first.text
    assert found.tracking_code is not None
    status = Client().get("/desk/track/", {"code": found.tracking_code}).content.decode()
    assert due in status
    assert f"پاسخ تا {due}" in Notification.objects.get().text


def test_an_officer_keeps_templates_and_picks_one_into_the_answer_box(desk: Desk) -> None:
    officer = _client(desk.water_officer)
    saved = officer.post("/desk/templates/", {
        "organisation": "ignored-for-an-officer", "step": "answer", "state": "in_progress", "title": "رفع قطعی",
        "text": "قطعی درخواست {کد} برطرف شد.",
    })  # fmt: skip
    assert saved.status_code == 302
    row = ReplyTemplate.objects.get()
    assert row.organisation == desk.water
    found = desk.file()
    page = officer.get(f"/desk/requests/{found.pk}/").content.decode()
    assert "رفع قطعی" not in page  # offered in progress only
    assert officer.post(f"/desk/requests/{found.pk}/accept/").status_code == 302
    page = officer.get(f"/desk/requests/{found.pk}/", {"template": row.pk}).content.decode()
    assert found.tracking_code is not None
    assert replies.filled(row.text, found) in page
    assert "{کد}" not in page
    assert "رفع قطعی" not in _client(desk.city_officer).get("/desk/templates/").content.decode()


def test_an_officer_cannot_write_another_organisations_templates(desk: Desk) -> None:
    with pytest.raises(OutOfScope):
        replies.save_reply_template(
            actor=desk.actor(desk.city_officer), organisation_code=desk.water.code, step="answer", state="",
            title="x", text="y",
        )  # fmt: skip


def test_an_organisations_own_first_answer_replaces_the_desks(desk: Desk) -> None:
    replies.save_reply_template(
        actor=desk.actor(desk.water_officer), organisation_code=desk.water.code, step="first", state="",
        title="نخست", text="آبفا درخواست {کد} را دریافت کرد و تا {مهلت} پاسخ می‌دهد.",
    )  # fmt: skip
    found = desk.file()
    assert found.entries.get().text == replies.filled("آبفا درخواست {کد} را دریافت کرد و تا {مهلت} پاسخ می‌دهد.", found)
