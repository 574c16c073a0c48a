"""``ostan verify`` on real exports: a clean one passes; an altered ballot, minutes or chain entry fails
loudly with the right problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ostan.core.polling.bulletin import append as chain_append
from ostan.core.polling.bulletin import entry_from_json, entry_to_json
from ostan.core.polling.canonical import canonical_json
from ostan.publication.export import CHAIN_FILE, export_publication
from ostan.verify_cli import load, run_verify, verify_export
from tests.publication.world import publish_all, run_election_day

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
