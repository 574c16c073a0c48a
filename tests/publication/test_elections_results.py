"""The electronic count, once published on the board, is the elections app's published count too: its
results page and API show the same winners, totals and input hashes as the board, and the two input
files they name recount to the same result."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.test import Client
from django.urls import reverse

from ostan.auditlog.models import Entry
from ostan.core import counting
from ostan.core.access import OutOfScope, Role
from ostan.core.errors import DomainError
from ostan.elections import actions as elections
from ostan.elections.models import Constituency, CountOrigin, CountRecord
from ostan.publication import actions as publication
from ostan.publication import selectors
from ostan.publication.documents import core_constituency
from ostan.publication.errors import AlreadyPublished
from ostan.publication.models import ConstituencyResult
from tests.actors import as_actor
from tests.elections.world import make_official
from tests.polling.world import PollingWorld
from tests.publication.world import publish_all, run_election_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def published() -> tuple[PollingWorld, ConstituencyResult]:
    pw, _ = run_election_day(stations=2, voters=14)
    _, stored = publish_all(pw)
    return pw, stored


def download(client: Client, url: str) -> bytes:
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]


def test_the_elections_results_match_the_bulletin_and_recount_from_their_inputs(published, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pw, stored = published
    city = Constituency.objects.get(pk=pw.city.pk)
    assert city.is_published
    record = CountRecord.objects.get(constituency=city)
    assert record.origin == CountOrigin.BULLETIN
    assert record.bulletin_entry_hash == stored.result_entry.entry_hash
    client = Client()  # anyone: the results are public
    on_board = json.loads(client.get(f"/api/results/entries/{stored.result_entry.seq}").json()["payload"])
    api = client.get(f"/api/elections/constituencies/{city.pk}/result").json()
    assert api == on_board == stored.result
    assert (api["members"], api["ballots"]["total"]) == (on_board["members"], 14)
    assert record.ballot_count == stored.ballots == 14

    page = client.get(reverse("elections:results", args=[city.pk])).content.decode()
    for digest in (record.constituency_sha256, record.ballots_sha256, record.inputs_sha256, record.bulletin_entry_hash):
        assert digest in page
    assert "شمارش الکترونیکی" in page
    assert "پیش‌نمایش" not in page
    assert "۱۴" in page  # the ballots total, as on the board's page
    board_page = client.get(f"/results/c/{city.pk}/", follow=True).content.decode()
    assert "۱۴" in board_page
    assert reverse("elections:results", args=[city.pk]) in board_page

    constituency_file = download(client, reverse("elections:constituency_json", args=[city.pk]))
    ballots_file = download(client, reverse("elections:ballots_jsonl", args=[city.pk]))  # served by the board
    assert hashlib.sha256(constituency_file).hexdigest() == record.constituency_sha256
    assert hashlib.sha256(ballots_file).hexdigest() == record.ballots_sha256 == stored.ballots_sha256
    core = counting.constituency_from_json(json.loads(constituency_file))
    ballots = counting.ballots_from_jsonl(ballots_file.decode().splitlines())
    assert counting.count(core, ballots).to_json() == api
    # The verifier recomputes the page's three digests from the board alone (docs/verification.md).
    from ostan.publication.export import export_publication
    from ostan.verify_cli import load, verify_export

    export_publication(tmp_path)
    (digests,) = verify_export(load(str(tmp_path))).inputs.values()
    assert digests == {"constituency_sha256": record.constituency_sha256, "ballots_sha256": record.ballots_sha256,
                       "inputs_sha256": record.inputs_sha256}  # fmt: skip


def test_publishing_twice_records_the_count_once(published) -> None:  # type: ignore[no-untyped-def]
    pw, _ = published
    with pytest.raises(AlreadyPublished):
        publication.publish_result(actor=as_actor(pw.official), constituency=pw.city)
    assert CountRecord.objects.filter(constituency=pw.city).count() == 1
    assert Entry.objects.filter(event="elections.external_count_recorded").count() == 1


def _again(pw: PollingWorld, stored: ConstituencyResult, **changes: object) -> CountRecord:
    result = _core_result(pw, stored)
    options: dict[str, object] = {
        "actor": as_actor(pw.official), "constituency": pw.city, "result": result,
        "ballots_sha256": stored.ballots_sha256,
        "ballots_url": f"/results/c/{pw.city.pk}/ballots.jsonl", "bulletin_entry_hash": stored.result_entry.entry_hash,
        **changes,
    }  # fmt: skip
    return elections.record_external_count(**options)  # type: ignore[arg-type]


def _core_result(pw: PollingWorld, stored: ConstituencyResult) -> counting.CountResult:
    """The published result as the counting core's value: the board's ballots counted again."""
    codes = selectors.published_ballot_codes(pw.city.pk)
    result = counting.count(core_constituency(pw.city.pk), (c.split() for c in codes))
    assert result.to_json() == stored.result
    return result


def test_recording_the_same_count_again_changes_nothing(published) -> None:  # type: ignore[no-untyped-def]
    pw, stored = published
    first = CountRecord.objects.get(constituency=pw.city)
    audit = Entry.objects.count()
    assert _again(pw, stored).pk == first.pk
    assert (CountRecord.objects.filter(constituency=pw.city).count(), Entry.objects.count()) == (1, audit)


def test_a_different_count_after_publication_is_refused_in_persian(published) -> None:  # type: ignore[no-untyped-def]
    pw, stored = published
    with pytest.raises(DomainError) as refused:
        _again(pw, stored, ballots_sha256="0" * 64)
    assert refused.value.code == "election_closed"
    assert "اعلام شده" in refused.value.message
    assert CountRecord.objects.filter(constituency=pw.city).count() == 1


def test_a_constituency_with_imported_ballots_refuses_and_nothing_is_published() -> None:
    pw, _ = run_election_day(stations=1, voters=5)
    for station in pw.stations:
        publication.publish_station(actor=as_actor(pw.official), station=station)
    elections.set_lot_seed(actor=as_actor(pw.official), constituency=pw.city, seed=selectors.board_head().head_hash)
    publication.aggregate_constituency(actor=as_actor(pw.official), constituency=pw.city)
    elections.import_ballots(actor=as_actor(pw.official), constituency=pw.city, file_name="paper.jsonl",
                             data=b'["101"]\n', source="imported")  # fmt: skip
    head = selectors.board_head().head_hash
    with pytest.raises(DomainError) as refused:
        publication.publish_result(actor=as_actor(pw.official), constituency=pw.city)
    assert refused.value.code == "ballots_imported"
    assert "برگه" in refused.value.message
    assert selectors.board_head().head_hash == head  # the board entry rolled back with the refusal
    assert not ConstituencyResult.objects.get(constituency=pw.city).is_published
    assert not Constituency.objects.get(pk=pw.city.pk).is_published


def test_only_an_official_over_the_constituency_records_its_count(published) -> None:  # type: ignore[no-untyped-def]
    pw, stored = published
    outsider = make_official("county_b", Role.COUNTY_ELECTION_OFFICIAL, pw.world.county_b)
    with pytest.raises(OutOfScope):
        _again(pw, stored, actor=as_actor(outsider))
    with pytest.raises(OutOfScope):
        publication.publish_result(actor=as_actor(outsider), constituency=pw.city)
