"""Candidate photos: real PNG and JPEG accepted by their bytes, anything else or anything over 2 MB refused
with nothing written, and served only to officials in scope until the roster is public."""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from pytest_django.fixtures import Settings

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.elections import actions
from ostan.elections.models import Candidate, Constituency, ElectionRound, RoundStatus, VettingStatus
from ostan.elections.selectors import candidate_photo_url
from tests.actors import as_actor
from tests.elections.images import tiny_jpeg, tiny_png


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def candidate(city_with_candidates: Constituency) -> Candidate:
    return Candidate.objects.get(constituency=city_with_candidates, code="101")


def _upload(user: User, candidate: Candidate, name: str, data: bytes, content_type: str = "image/png") -> str:
    client = Client()
    client.force_login(user)
    url = f"/elections/c/{candidate.constituency_id}/candidates/{candidate.pk}/photo/"
    response = client.post(url, {"photo": SimpleUploadedFile(name, data, content_type=content_type)})
    return f"{response.status_code} {response.content.decode()}"


def _stored(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("name", "build", "kind"), [("portrait.png", tiny_png, "image/png"), ("chehreh.JPG", tiny_jpeg, "image/jpeg")]
)
def test_real_images_are_stored_under_a_random_name(
    candidate: Candidate, official_a: User, media: Path, name: str, build: object, kind: str
) -> None:
    data = build()  # type: ignore[operator]
    before = Entry.objects.count()
    assert _upload(official_a, candidate, name, data).startswith("302")
    candidate.refresh_from_db()
    assert candidate.photo_path.startswith("elections/candidates/")
    assert re.fullmatch(r"[0-9a-f]{32}\.(png|jpg)", Path(candidate.photo_path).name)
    with Image.open(media / candidate.photo_path) as stored, Image.open(io.BytesIO(data)) as sent:
        assert (stored.format, stored.size) == (sent.format, sent.size)  # the same picture, written anew
    assert Entry.objects.count() == before + 1
    client = Client()
    client.force_login(official_a)
    served = client.get(f"/elections/photo/{candidate.pk}/")
    assert served["Content-Type"] == kind
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == (media / candidate.photo_path).read_bytes()  # type: ignore[attr-defined]


def test_renamed_text_file_is_refused(candidate: Candidate, official_a: User, media: Path) -> None:
    before = Entry.objects.count()
    answer = _upload(official_a, candidate, "photo.png", b"<svg onload=alert(1)>not an image</svg>")
    assert answer.startswith("400")
    assert "فقط عکس JPEG یا PNG پذیرفته می‌شود" in answer
    candidate.refresh_from_db()
    assert candidate.photo_path == ""
    assert Entry.objects.count() == before
    assert _stored(media) == []


def test_oversized_photo_is_refused(candidate: Candidate, official_a: User, media: Path) -> None:
    big = tiny_png() + b"\x00" * (2 * 1024 * 1024)
    answer = _upload(official_a, candidate, "big.png", big)
    assert answer.startswith("400")
    assert "حجم عکس بیش از ۲ مگابایت است" in answer
    assert _stored(media) == []
    with pytest.raises(Exception, match="۲ مگابایت"):
        actions.set_candidate_photo(actor=as_actor(official_a), candidate=candidate, data=big)
    assert _stored(media) == []


def test_replacing_a_photo_removes_the_old_file_after_commit(
    candidate: Candidate, official_a: User, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    actions.set_candidate_photo(actor=as_actor(official_a), candidate=candidate, data=tiny_png())
    first = Candidate.objects.get(pk=candidate.pk).photo_path
    first_url = candidate_photo_url(Candidate.objects.get(pk=candidate.pk))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        actions.set_candidate_photo(actor=as_actor(official_a), candidate=candidate, data=tiny_jpeg())
    assert len(callbacks) == 1
    now = Candidate.objects.get(pk=candidate.pk)
    assert _stored(media) == [media / now.photo_path]
    assert first != now.photo_path
    assert candidate_photo_url(now) != first_url


def test_photo_is_public_only_for_approved_candidates_once_voting_starts(
    candidate: Candidate, official_a: User, official_b: User, national: User, election_round: ElectionRound
) -> None:
    assert candidate_photo_url(candidate) is None
    actions.set_candidate_photo(actor=as_actor(official_a), candidate=candidate, data=tiny_png())
    candidate.refresh_from_db()
    url = candidate_photo_url(candidate)
    assert url is not None
    assert url.startswith(f"/elections/photo/{candidate.pk}/?v=")
    foreign = Client()
    foreign.force_login(official_b)
    assert Client().get(url).status_code == 404
    assert foreign.get(url).status_code == 404
    actions.set_round_status(actor=as_actor(national), election_round=election_round, status=RoundStatus.VOTING)
    public = Client().get(url)
    assert public.status_code == 200
    assert public["Cache-Control"].startswith("public")
    Candidate.objects.filter(pk=candidate.pk).update(vetting_status=VettingStatus.REJECTED)
    assert Client().get(url).status_code == 404


def test_photos_appear_on_constituency_and_results_pages(published_city: Constituency, official_a: User) -> None:
    candidate = Candidate.objects.get(constituency=published_city, code="101")
    Candidate.objects.filter(pk=candidate.pk).update(photo_path="elections/candidates/x.png")
    candidate.refresh_from_db()
    url = candidate_photo_url(candidate)
    assert url is not None
    assert (
        f'src="{url}" alt="عکس علی محمدی"'
        in Client().get(f"/elections/c/{published_city.pk}/results/").content.decode()
    )


def _png_of_size(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` (a decompression bomb needs no more than that)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("cut.jpg", tiny_jpeg()[: len(tiny_jpeg()) // 2], "خوانده نشد"),
        ("script.jpg", b"\xff\xd8\xff\xe0<script>alert(document.cookie)</script>", "خوانده نشد"),
        ("huge.png", _png_of_size(12_000, 12_000), "پیکسل"),
    ],
)
def test_images_that_only_look_like_images_are_refused(
    candidate: Candidate, official_a: User, media: Path, name: str, data: bytes, said: str
) -> None:
    """Before, only the first bytes were checked and all three were stored."""
    answer = _upload(official_a, candidate, name, data, content_type="image/jpeg")
    assert answer.startswith("400")
    assert said in answer
    assert _stored(media) == []
    candidate.refresh_from_db()
    assert candidate.photo_path == ""


def test_a_stored_photo_keeps_no_metadata(candidate: Candidate, official_a: User, media: Path) -> None:
    picture = Image.new("RGB", (40, 30), (10, 120, 90))
    exif = Image.Exif()
    exif[0x8825] = {2: (35.0, 41.0, 0.0)}  # a GPS location
    sent = io.BytesIO()
    picture.save(sent, format="JPEG", exif=exif)
    assert _upload(official_a, candidate, "here.jpg", sent.getvalue(), "image/jpeg").startswith("302")
    candidate.refresh_from_db()
    with Image.open(media / candidate.photo_path) as stored:
        assert not stored.getexif()
