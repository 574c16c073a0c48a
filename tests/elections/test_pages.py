"""Results pages, downloads and what the public may see."""

from __future__ import annotations

import json

from django.test import Client

from ostan.accounts.models import User
from ostan.elections.models import Constituency, CountRecord


def test_public_cannot_see_unpublished_results(counted_city: Constituency) -> None:
    client = Client()
    pk = counted_city.pk
    for url in ("results/", "results.json", "results.csv", "constituency.json", "ballots.jsonl", ""):
        assert client.get(f"/elections/c/{pk}/{url}").status_code == 404, url
    assert client.get(f"/api/elections/constituencies/{pk}/result").status_code == 404
    assert client.get("/api/elections/constituencies").json() == []
    assert "اراک" not in client.get("/elections/").content.decode()


def test_official_previews_unpublished_results(counted_city: Constituency, official_a: User) -> None:
    client = Client()
    client.force_login(official_a)
    page = client.get(f"/elections/c/{counted_city.pk}/results/").content.decode()
    assert "پیش‌نمایش" in page


def test_results_page_shows_members_with_persian_digits(published_city: Constituency) -> None:
    response = Client().get(f"/elections/c/{published_city.pk}/results/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "علی محمدی" in page
    assert "زهرا حسینی" in page
    assert '<td class="num votes">۲۱</td>' in page  # 101's 21 votes
    assert '<td class="num">۱۰۱</td>' in page  # its code
    record = CountRecord.objects.get(constituency=published_city)
    assert record.inputs_sha256 in page
    assert record.ballots_sha256 in page
    assert "ostan count CONSTITUENCY.json BALLOTS.jsonl --json" in page


def test_json_and_csv_downloads(published_city: Constituency) -> None:
    client = Client()
    record = CountRecord.objects.get(constituency=published_city)
    as_json = client.get(f"/elections/c/{published_city.pk}/results.json")
    assert as_json["Content-Disposition"].startswith("attachment;")
    assert json.loads(as_json.content) == record.result
    rows = client.get(f"/elections/c/{published_city.pk}/results.csv").content.decode("utf-8-sig").splitlines()
    assert rows[0] == "رتبه,کد نامزد,نام,کد فهرست,رأی شخصی,رأی فهرست,جمع رأی,وضعیت"
    assert rows[1] == "1,101,علی محمدی,,21,0,21,عضو اصلی"
    assert json.loads(as_json.content)["candidates"][0]["status"] == "member"  # the machine keys stay in the JSON
    api = client.get(f"/api/elections/constituencies/{published_city.pk}/result").json()
    assert api == record.result


def test_recount_files_match_the_published_hashes(published_city: Constituency) -> None:
    import hashlib

    client = Client()
    record = CountRecord.objects.get(constituency=published_city)
    constituency_file = client.get(f"/elections/c/{published_city.pk}/constituency.json").content
    streamed = client.get(f"/elections/c/{published_city.pk}/ballots.jsonl")
    ballots = b"".join(streamed.streaming_content)  # type: ignore[attr-defined]
    assert hashlib.sha256(constituency_file).hexdigest() == record.constituency_sha256
    assert hashlib.sha256(ballots).hexdigest() == record.ballots_sha256
    assert ballots.splitlines()[0] == b"[]"


def test_home_lists_published_constituency(published_city: Constituency) -> None:
    page = Client().get("/elections/").content.decode()
    assert "نتایج اعلام‌شده" in page
    assert "اراک" in page
