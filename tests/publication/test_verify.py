"""``ostan verify`` on real exports: a clean one passes; an altered ballot, minutes or chain entry fails
loudly with the right problems."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ostan.core.polling.bulletin import append as chain_append
from ostan.core.polling.bulletin import entry_from_json, entry_to_json
from ostan.core.polling.canonical import canonical_json
from ostan.polling.models import DeviceKind
from ostan.publication.export import CHAIN_FILE, export_publication
from ostan.verify_cli import load, run_verify, verify_export
from tests.publication.world import publish_all, publish_shared, run_election_day, run_shared_station_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path: Path) -> Path:
    pw, _ = run_election_day(stations=3, voters=24)
    publish_all(pw)
    export_publication(tmp_path)
    return tmp_path


def lines(export: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (export / CHAIN_FILE).read_text(encoding="utf-8").splitlines()]


def write(export: Path, entries: list[dict[str, object]]) -> None:
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    (export / CHAIN_FILE).write_text(text, encoding="utf-8")


def first(entries: list[dict[str, object]], kind: str) -> dict[str, object]:
    return next(e for e in entries if e["kind"] == kind)


def problem_codes(export: Path) -> set[str]:
    return {p.code for p in verify_export(load(str(export))).problems}


def test_a_clean_export_verifies(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_verify([str(export)]) == 0
    out = capsys.readouterr().out
    assert "همه چیز درست است" in out
    assert "everything checks" in out
    report = verify_export(load(str(export)))
    assert report.figures["ballots"] == 24
    assert report.figures["minutes"] == 3
    assert report.figures["results"] == 1


def test_an_altered_ballot_is_reported(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = lines(export)
    target = first(entries, "ballots")
    doc = json.loads(str(target["payload"]))
    doc["ballots"][0]["codes"] = ["110"] if doc["ballots"][0]["codes"] != ["110"] else ["109"]
    target["payload"] = canonical_json(doc).decode()
    write(export, entries)
    assert run_verify([str(export), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    codes = {p["code"] for p in report["problems"]}
    assert {"chain_broken", "minutes_mismatch", "result_mismatch"} <= codes
    assert report["ok"] is False


def test_an_altered_minutes_is_reported(export: Path) -> None:
    entries = lines(export)
    target = first(entries, "minutes")
    doc = json.loads(str(target["payload"]))
    doc["minutes"]["blank"] += 1
    doc["minutes"]["valid"] -= 1
    target["payload"] = canonical_json(doc).decode()
    write(export, entries)
    assert {"chain_broken", "minutes_signature_invalid", "minutes_mismatch"} <= problem_codes(export)


def test_an_altered_chain_entry_is_reported(export: Path) -> None:
    entries = lines(export)
    entries[1]["prev_hash"] = "f" * 64
    write(export, entries)
    assert run_verify([str(export)]) == 1
    report = verify_export(load(str(export)))
    assert any(p.code == "chain_broken" and "broken_link" in p.message for p in report.problems)


def test_a_dropped_last_entry_is_caught_by_the_announced_head(export: Path) -> None:
    write(export, lines(export)[:-1])
    report = verify_export(load(str(export)))
    assert any("head_mismatch" in p.message for p in report.problems)
    assert "result_missing" in {p.code for p in report.problems}


def test_a_chain_rebuilt_without_the_board_key_is_reported(export: Path) -> None:
    entries = lines(export)
    target = first(entries, "ballots")
    doc = json.loads(str(target["payload"]))
    doc["ballots"][0]["codes"] = ["110"] if doc["ballots"][0]["codes"] != ["110"] else ["109"]
    target["payload"] = canonical_json(doc).decode()
    rebuilt, head = [], None
    for e in entries:  # rehash everything: links hold, but the forger has no board key
        head = chain_append(head, str(e["kind"]), str(e["payload"]).encode())
        rebuilt.append(entry_to_json(head))
    write(export, rebuilt)
    report = verify_export(load(str(export), None), head=rebuilt[-1]["entry_hash"])  # type: ignore[arg-type]
    messages = " ".join(p.message for p in report.problems)
    assert "missing_signature" in messages
    assert {"minutes_mismatch", "result_mismatch"} <= {p.code for p in report.problems}


def test_an_unreadable_line_is_a_problem_not_a_crash(export: Path) -> None:
    with (export / CHAIN_FILE).open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    assert "unreadable_entry" in problem_codes(export)


def test_a_missing_export_exits_with_two(tmp_path: Path) -> None:
    assert run_verify([str(tmp_path / "nothing")]) == 2


def test_entries_read_back_exactly(export: Path) -> None:
    for e in lines(export):
        assert entry_to_json(entry_from_json(e)) == e


@pytest.fixture
def shared_export(tmp_path: Path) -> Path:
    publish_shared(run_shared_station_day())
    export_publication(tmp_path)
    return tmp_path


def ballots_entries(entries: list[dict[str, object]]) -> list[tuple[dict[str, object], dict[str, Any]]]:
    return [(e, json.loads(str(e["payload"]))) for e in entries if e["kind"] == "ballots"]


def test_a_station_serving_two_constituencies_publishes_and_verifies(shared_export: Path) -> None:
    entries = lines(shared_export)
    docs = [doc for _, doc in ballots_entries(entries)]
    assert {d["station_code"] for d in docs} == {"D001"}
    assert len({d["constituency_id"] for d in docs}) == 2
    assert all(b["constituency_id"] == d["constituency_id"] for d in docs for b in d["ballots"])
    minutes = [json.loads(str(e["payload"]))["minutes"] for e in entries if e["kind"] == "minutes"]
    assert {m["constituency_id"] for m in minutes} == {d["constituency_id"] for d in docs}
    report = verify_export(load(str(shared_export)))
    assert report.problems == ()
    assert (report.figures["minutes"], report.figures["results"], report.figures["ballots"]) == (2, 2, 13)


def test_a_ballot_moved_between_a_stations_two_constituencies_is_reported(
    shared_export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = lines(shared_export)
    (source_entry, source), (target_entry, target) = ballots_entries(entries)
    moved = source["ballots"].pop(0)
    moved["constituency_id"] = target["constituency_id"]
    target["ballots"] = sorted([*target["ballots"], moved], key=lambda b: b["ballot_id"])
    source_entry["payload"] = canonical_json(source).decode()
    target_entry["payload"] = canonical_json(target).decode()
    write(shared_export, entries)
    assert run_verify([str(shared_export)]) == 1
    out = capsys.readouterr().out
    for cid in (source["constituency_id"], target["constituency_id"]):
        assert f"[minutes_mismatch] D001: شعبهٔ D001، حوزهٔ {cid}:" in out
        assert f"[result_mismatch] {cid}:" in out


def test_one_constituencys_altered_minutes_at_a_shared_station_are_named(shared_export: Path) -> None:
    entries = lines(shared_export)
    target = next(e for e in entries if e["kind"] == "minutes")
    doc = json.loads(str(target["payload"]))
    doc["minutes"]["blank"] += 1
    doc["minutes"]["valid"] -= 1
    target["payload"] = canonical_json(doc).decode()
    write(shared_export, entries)
    report = verify_export(load(str(shared_export)))
    station_problems = [p for p in report.problems if p.code in {"minutes_signature_invalid", "minutes_mismatch"}]
    assert {p.code for p in station_problems} == {"minutes_signature_invalid", "minutes_mismatch"}
    named = f"شعبهٔ D001، حوزهٔ {doc['minutes']['constituency_id']}"
    assert all(named in p.message for p in station_problems)


def test_minutes_signed_by_two_devices_of_one_station_verify_with_each_key(tmp_path: Path) -> None:
    shared = run_shared_station_day(village_signer=DeviceKind.AUTHENTICATION)
    publish_shared(shared)
    export_publication(tmp_path)
    keys = json.loads((tmp_path / "keys.json").read_text(encoding="utf-8"))
    signers = keys["minutes_keys"]["D001"]
    assert sorted(signers.values()) == sorted([shared.auth.public_key_hex, shared.voting.public_key_hex])
    assert verify_export(load(str(tmp_path))).problems == ()
