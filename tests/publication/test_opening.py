"""The opening from the pages: the country's election official anchors a round's stations and keys and
issues its manifest; anyone downloads the signed manifest and prints it; no one else may open."""

from __future__ import annotations

import pytest
from django.test import Client

from ostan.core.polling.anchors import read_manifest
from ostan.publication import board
from ostan.publication.manifest_pdf import manifest_pdf
from ostan.publication.models import BulletinEntry, ElectionManifest
from tests.elections.world import PASSWORD
from tests.polling.pdf_reading import text as pdf_text
from tests.polling.world import make_polling_world

pytestmark = pytest.mark.django_db


def signed_in(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_the_country_official_opens_the_round_from_the_pages_and_anyone_prints_its_manifest() -> None:
    pw = make_polling_world(stations=2, voters=2)
    member = signed_in(pw.members[0].username)
    assert 'data-step="open_round"' not in member.get("/results/opening/").content.decode()
    assert member.post(f"/results/opening/{pw.election_round.pk}/", {"confirm": "on"}).status_code in {302, 403}
    assert not BulletinEntry.objects.exists()
    hq = signed_in(pw.hq.username)
    page = hq.get("/results/opening/").content.decode()
    assert 'data-step="open_round"' in page
    confirm = hq.get(f"/results/opening/{pw.election_round.pk}/")
    assert "ثبت روی تابلو و صدور بیانیه" in confirm.content.decode()
    assert hq.post(f"/results/opening/{pw.election_round.pk}/", {}).status_code == 400  # not ticked: nothing
    assert not ElectionManifest.objects.exists()
    done = hq.post(f"/results/opening/{pw.election_round.pk}/", {"confirm": "on"})
    assert done.status_code == 302
    kinds = list(BulletinEntry.objects.order_by("seq").values_list("kind", flat=True))
    assert kinds == ["constituency", "station", "station", "opening", "manifest"]
    public = Client()
    assert 'data-step="manifest_pdf"' in public.get("/results/opening/").content.decode()
    manifest = read_manifest(public.get("/results/manifest.json").json(), board_public_key=board.public_key())
    opening = BulletinEntry.objects.get(kind="opening")
    assert (manifest.opening_seq, manifest.opening_hash) == (opening.seq, opening.entry_hash)
    assert sorted(manifest.stations) == ["A001", "A002"]
    pdf = public.get("/results/manifest.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    printed = pdf_text(manifest_pdf(ElectionManifest.objects.get().document, compress=False))
    assert opening.entry_hash in printed.visual  # the opening head and the key's fingerprint, as text
    assert str(ElectionManifest.objects.get().document["manifest"]["board_key_fingerprint"]) in printed.visual
