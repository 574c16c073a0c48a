"""One circular across several district offices: delivery, reading, acknowledgement tracked per office,
reminders made once per step for those still waiting, and the signed record on the board's chain verified —
with an election on the same board still passing ``ostan verify``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from ostan.core.access import Role
from ostan.core.errors import PermissionRefused
from ostan.core.programs import Stage
from ostan.participation import actions, record, selectors
from ostan.participation.attachments import Upload
from ostan.participation.errors import AlreadyAcknowledged, InvalidAttachment, InvalidCircularEntry
from ostan.participation.models import Attachment, Circular, Reminder
from ostan.publication.demo import create_demo_publication
from ostan.publication.export import export_publication
from ostan.publication.models import BulletinEntry
from ostan.territory.actions import set_population
from ostan.verify_cli import run_verify
from tests.actors import SYSTEM, as_actor, make_person
from tests.participation.conftest import Offices

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_acknowledgements_are_tracked_per_office_reminded_once_and_recorded(
    offices: Offices, django_capture_on_commit_callbacks: Any
) -> None:
    o = offices
    circular = o.send(o.county_a, o.district_1, o.district_2, uploads=(Upload("دستورالعمل.pdf", PDF),))
    states = {s.copy.office.code: s.state.stage for s in selectors.recipient_states(circular)}
    assert states == dict.fromkeys((o.county_a.code, o.district_1.code, o.district_2.code), Stage.DELIVERED)

    first = selectors.inbox(o.actor(o.district_1_governor)).get()
    actions.mark_read(actor=o.actor(o.district_1_governor), copy_id=first.pk)
    actions.acknowledge(actor=o.actor(o.district_1_governor), copy_id=first.pk, note="ابلاغ شد")
    with pytest.raises(AlreadyAcknowledged):
        actions.acknowledge(actor=o.actor(o.district_1_governor), copy_id=first.pk)
    county_copy = selectors.inbox(o.actor(o.county_governor)).get(office=o.county_a)
    actions.acknowledge(actor=o.actor(o.county_governor), copy_id=county_copy.pk)

    # The county office sees its districts' copies but cannot acknowledge one for them.
    second = selectors.inbox(o.actor(o.county_governor)).get(office=o.district_2)
    with pytest.raises(PermissionRefused):
        actions.acknowledge(actor=o.actor(o.county_governor), copy_id=second.pk)

    waiting = list(selectors.not_acknowledged(o.actor(o.directorate)))
    assert [r.office.code for r in waiting] == [o.district_2.code]

    # Before half the time nothing is due; at half time one reminder for the one office still waiting.
    assert actions.queue_reminders(actor=SYSTEM, at=circular.sent_at + dt.timedelta(hours=1)) == []
    half = circular.sent_at + dt.timedelta(hours=25)
    with django_capture_on_commit_callbacks(execute=True):
        made = actions.queue_reminders(actor=SYSTEM, at=half)
    assert [(r.recipient.office.code, r.step) for r in made] == [(o.district_2.code, "half_time")]
    assert actions.queue_reminders(actor=SYSTEM, at=half + dt.timedelta(minutes=5)) == []  # never twice
    sent = Reminder.objects.get()
    assert sent.sent_at is not None
    assert sent.sent_to == 1

    assert record.problems(Circular.objects.get(pk=circular.pk)) == []
    kinds = list(BulletinEntry.objects.filter(subject=f"circular:{circular.pk}").values_list("kind", flat=True))
    assert kinds == ["circular", "circular_ack", "circular_ack"]
    payloads = "".join(BulletinEntry.objects.values_list("payload", flat=True))
    assert circular.title not in payloads
    assert "دستورالعمل" not in payloads

    # The sender's page shows who has not acknowledged, and that the record holds.
    client = Client()
    client.force_login(o.directorate)
    page = client.get(f"/participation/circulars/{circular.pk}/").content.decode()
    assert "۱ دفتر هنوز تأیید نکرده‌اند" in page
    assert "زنجیرهٔ امضاشدهٔ تابلو سالم است" in page


def test_a_changed_record_is_reported(offices: Offices) -> None:
    circular = offices.send(offices.district_1)
    Circular.objects.filter(pk=circular.pk).update(deadline_at=circular.deadline_at + dt.timedelta(days=1))
    assert record.problems(Circular.objects.get(pk=circular.pk)) != []


def test_the_election_verifier_still_passes_with_circulars_on_the_board(offices: Offices, tmp_path: Path) -> None:
    o = offices
    admin = make_person("admin", Role.SYSTEM_ADMINISTRATOR, o.world.country)
    set_population(actor=as_actor(admin), unit=o.world.city_b, population=30_000, year=1395, reason="آزمایشی")
    o.send(o.district_1)
    create_demo_publication(province="00")
    copy = selectors.inbox(o.actor(o.district_1_governor)).get()
    actions.acknowledge(actor=o.actor(o.district_1_governor), copy_id=copy.pk)
    export_publication(tmp_path)
    assert run_verify([str(tmp_path)]) == 0


def test_bad_circulars_are_refused_whole(offices: Offices, tmp_path: Path) -> None:
    o = offices
    with pytest.raises(InvalidAttachment):
        o.send(o.district_1, uploads=(Upload("x.pdf", b"MZ\x90\x00 not a pdf"),))
    with pytest.raises(InvalidCircularEntry):
        o.send(o.county_b, o.governorate)  # a circular goes down only
    with pytest.raises(InvalidCircularEntry):
        o.send(o.district_1, hours=-1)
    assert not Circular.objects.exists()
    assert not Attachment.objects.exists()
    # A district office reports up to its county office and the governorate.
    report = actions.send_circular(
        actor=o.actor(o.district_2_governor),
        entry=actions.CircularEntry(
            "گزارش بارندگی", "خسارت سیل در دو روستا", "immediate", timezone.now() + dt.timedelta(hours=6),
            (o.county_a.code, o.governorate.code), kind="report",
        ),
    )  # fmt: skip
    # Each office above receives its own copy; the governorate also sees the county office's.
    assert {c.office.code for c in selectors.inbox(o.actor(o.directorate))} == {o.governorate.code, o.county_a.code}
    assert {c.office.code for c in selectors.inbox(o.actor(o.county_governor))} == {o.county_a.code}
    assert report.kind == "report"
