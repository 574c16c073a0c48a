"""The board's transparency log on the database: the tree grows with every append, heads are signed
by the periodic task and the command, proofs are served by the API and checked offline (by our
verifier and by pymerkle, an independent RFC 9162 implementation), witnesses co-sign through the
API, refuse a forked board, and ``ostan verify`` checks the final head against their cosignatures."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from ostan.core.polling import bulletin
from ostan.core.transparency import (
    ConsistencyProof,
    InclusionProof,
    SignedTreeHead,
    TreeHead,
    consistency_proof,
    leaf_hash,
    root_at,
    sign_tree_head,
    signed_head_from_json,
    signed_head_to_json,
    verify_consistency,
    verify_inclusion,
    verify_tree_head,
)
from ostan.core.transparency.leaves import board_tree, bulletin_leaf
from ostan.core.transparency.witness import witness_state_from_json
from ostan.publication import board, tree
from ostan.publication.export import CHAIN_FILE, TREE_HEAD_FILE, export_publication
from ostan.publication.models import BulletinEntry
from ostan.publication.models import TreeHead as HeadRow
from ostan.publication.tasks import issue_tree_head
from ostan.verify_cli import Pins, load, run_verify, verify_export
from ostan.witness_cli import run_witness
from tests.publication.world import publish_all, run_election_day

pytestmark = pytest.mark.django_db
pymerkle = pytest.importorskip("pymerkle")


class ClientTransport:
    """The witness program's HTTP, through Django's test client."""

    def __init__(self) -> None:
        self.client = Client()

    def get_json(self, path: str) -> object:
        response = self.client.get(path)
        assert response.status_code == 200, response.content
        return response.json()

    def post_json(self, path: str, body: object) -> object:
        response = self.client.post(path, data=json.dumps(body), content_type="application/json")
        assert response.status_code == 200, response.content
        return response.json()


def leaves() -> list[bytes]:
    rows = BulletinEntry.objects.order_by("seq")
    return [bulletin_leaf(r.seq, r.kind, r.payload_bytes, r.entry_hash) for r in rows]


@pytest.fixture
def published():  # type: ignore[no-untyped-def]
    pw, casts = run_election_day(stations=2, voters=6)
    publish_all(pw)
    return pw, casts


def test_the_stored_tree_is_rfc_9162_and_its_proofs_check_offline_and_with_pymerkle(published) -> None:  # type: ignore[no-untyped-def]
    entries = leaves()
    n = len(entries)
    theirs = pymerkle.InmemoryTree(algorithm="sha256")
    for e in entries:
        theirs.append_entry(e)
    call_command("tree_heads", "--once")
    head = Client().get("/api/results/heads/latest").json()["head"]
    signed = signed_head_from_json(head)
    verify_tree_head(signed, board.public_key())
    assert signed.head.tree_size == n
    assert signed.head.root_hash == theirs.get_root(n) == root_at(board_tree_of_db(), n)
    for seq in range(n):
        proof = Client().get(f"/api/results/proofs/inclusion?seq={seq}&size={n}").json()
        assert proof["leaf"].encode() == entries[seq]
        path = tuple(bytes.fromhex(h) for h in proof["path"])
        verify_inclusion(leaf_hash(entries[seq]), InclusionProof(seq, n, path), signed.head.root_hash)
        their = theirs.prove_inclusion(seq + 1, n)
        assert their.path == [leaf_hash(entries[seq]), *path]  # byte for byte, their form starts with the leaf
        pymerkle.verify_inclusion(leaf_hash(entries[seq]), signed.head.root_hash, their)
    for m in range(1, n + 1):
        raw = Client().get(f"/api/results/proofs/consistency?first={m}&second={n}").json()
        ours = ConsistencyProof(m, n, tuple(bytes.fromhex(h) for h in raw["path"]))
        verify_consistency(theirs.get_root(m), signed.head.root_hash, ours)
        pymerkle.verify_consistency(
            root_at(board_tree_of_db(), m), signed.head.root_hash, theirs.prove_consistency(m, n)
        )


def board_tree_of_db():  # type: ignore[no-untyped-def]
    rows = BulletinEntry.objects.order_by("seq").values_list("seq", "kind", "payload", "entry_hash")
    store, _ = board_tree((s, k, p.encode(), h) for s, k, p, h in rows)
    return store


def test_a_receipt_has_an_inclusion_proof_checkable_offline(published) -> None:  # type: ignore[no-untyped-def]
    _, casts = published
    issue_tree_head.enqueue()  # the immediate backend signs one head and schedules nothing
    assert HeadRow.objects.count() == 1
    head = signed_head_from_json(Client().get("/api/results/heads/latest").json()["head"])
    proof = Client().get(f"/api/results/receipts/{casts[0].receipt_code}/proof").json()
    entry = proof["entry"]
    header = proof["leaf"].split("\n")
    assert header[3] == hashlib.sha256(entry["payload"].encode()).hexdigest()  # the payload behind the leaf
    assert casts[0].receipt_code in entry["payload"]
    path = tuple(bytes.fromhex(h) for h in proof["path"])
    verify_inclusion(
        leaf_hash(proof["leaf"].encode()), InclusionProof(proof["seq"], head.head.tree_size, path), head.head.root_hash
    )


def test_a_cosignature_that_does_not_verify_is_refused(published) -> None:  # type: ignore[no-untyped-def]
    row = tree.issue_head()
    body = {"public_key": "11" * 32, "signature": "A" * 86 + "=="}
    response = Client().post(
        f"/api/results/heads/{row.tree_size}/cosignatures", data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "cosignature_invalid"
    assert not row.cosignatures.exists()


def witness(tmp_path: Path, name: str, seed: int) -> list[str]:
    key = tmp_path / f"{name}.key"
    key.write_text((bytes([seed]) * 32).hex(), encoding="ascii")
    return ["--board-key", board.public_key().hex(), "--key", str(key), "--state", str(tmp_path / f"{name}.json")]


def test_two_witnesses_co_sign_and_verify_checks_the_final_head_against_them(published, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    transport = ClientTransport()
    a, b = witness(tmp_path, "a", 1), witness(tmp_path, "b", 2)
    tree.issue_head()
    assert run_witness(a, transport) == 0
    assert run_witness(b, transport) == 0
    board.append("notice", {"format": "ostan.test-notice/1", "text": "پس از نخستین سر"})
    tree.issue_head()
    assert run_witness(a, transport) == 0  # a consistency proof from the first head to the second
    assert run_witness(b, transport) == 0
    latest = Client().get("/api/results/heads/latest").json()
    assert len(latest["cosignatures"]) == 2
    export = tmp_path / "export"
    export_publication(export)
    keys = [bytes([s]) * 32 for s in (1, 2)]
    from ostan.core.transparency import public_key

    witness_keys = [public_key(k).hex() for k in keys]
    argv = [str(export), "--board-key", board.public_key().hex()]
    assert run_verify([*argv, "--witness-key", witness_keys[0], "--witness-key", witness_keys[1]]) == 0
    stranger = public_key(b"\x09" * 32).hex()
    outcome = verify_export(load(str(export)), pins=Pins(witness_keys=(bytes.fromhex(stranger),)))
    assert {p.code for p in outcome.problems} == {"witness_quorum_not_met"}
    # An insider rebuilds the chain after the witnessed head with one entry changed: the root differs.
    rows = [json.loads(line) for line in (export / CHAIN_FILE).read_text(encoding="utf-8").splitlines()]
    head = None
    lines = []
    for i, e in enumerate(rows):
        payload = e["payload"] if i != 1 else e["payload"].replace("A001", "A00X")
        head = bulletin.append(head, e["kind"], payload.encode(), private_key=board.private_key())
        lines.append(json.dumps(bulletin.entry_to_json(head)) + "\n")
    (export / CHAIN_FILE).write_text("".join(lines), encoding="utf-8")
    outcome = verify_export(load(str(export)), pins=Pins(head=head.entry_hash if head else None))
    assert "tree_root_mismatch" in {p.code for p in outcome.problems}


def test_two_witnesses_see_a_fork_and_both_refuse_to_co_sign(published, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    transport = ClientTransport()
    a, b = witness(tmp_path, "a", 1), witness(tmp_path, "b", 2)
    tree.issue_head()
    assert run_witness(a, transport) == 0
    assert run_witness(b, transport) == 0
    saved = {n: (tmp_path / f"{n}.json").read_text() for n in "ab"}
    forked = ForkedBoard(changed_seq=1, extra=1)
    for name, args in (("a", a), ("b", b)):
        assert run_witness(args, forked) == 1  # the forked history does not extend the co-signed head
        assert (tmp_path / f"{name}.json").read_text() == saved[name]  # the state is unchanged
    same_size = ForkedBoard(changed_seq=1, extra=0)
    for args in (a, b):
        assert run_witness(args, same_size) == 1  # two signed roots for one size: a fork, in the log's own words
    assert forked.posted == []
    assert same_size.posted == []
    state = witness_state_from_json(json.loads(saved["a"]))
    assert state.tree_size == BulletinEntry.objects.count()


class ForkedBoard:
    """The board's key serving another history: entry ``changed_seq`` altered, ``extra`` entries added."""

    def __init__(self, *, changed_seq: int, extra: int) -> None:
        rows = list(BulletinEntry.objects.order_by("seq").values_list("seq", "kind", "payload", "entry_hash"))
        entries = [(s, k, (p + " " if s == changed_seq else p).encode(), h) for s, k, p, h in rows]
        entries += [(len(rows) + i, "notice", b"{}", "0" * 64) for i in range(extra)]
        self.store, self.size = board_tree(entries)
        moment = HeadRow.objects.latest("issued_at").issued_at
        head = TreeHead(tree.log_id(), self.size, root_at(self.store, self.size), moment)
        self.signed: SignedTreeHead = sign_tree_head(head, board.private_key())
        self.posted: list[object] = []

    def get_json(self, path: str) -> object:
        if path.startswith("/api/results/heads/latest"):
            return {"format": "ostan.witnessed-head/1", "head": signed_head_to_json(self.signed), "cosignatures": []}
        first = int(path.split("first=")[1].split("&")[0])
        proof = consistency_proof(self.store, first, self.size)
        return {"first": first, "second": self.size, "path": [h.hex() for h in proof.path]}

    def post_json(self, path: str, body: object) -> object:
        self.posted.append(body)
        return {}


def test_the_export_carries_the_latest_head(published, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tree.issue_head()
    export_publication(tmp_path)
    document = json.loads((tmp_path / TREE_HEAD_FILE).read_text(encoding="utf-8"))
    assert document["head"]["tree_size"] == BulletinEntry.objects.count()
    assert verify_export(load(str(tmp_path))).ok


def test_on_election_day_the_task_signs_a_head_and_queues_the_next_until_the_end(published, settings) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    until = (timezone.now() + dt.timedelta(hours=12)).isoformat()
    call_command("tree_heads", "--until", until)
    (queued,) = DBTaskResult.objects.all()
    assert queued.args_kwargs["args"] == [until]
    assert issue_tree_head.call(until) == BulletinEntry.objects.count()  # what the worker runs: a head now
    later = DBTaskResult.objects.exclude(pk=queued.pk).get()  # and the next one, five minutes on
    assert later.run_after is not None
    assert dt.timedelta(seconds=290) < later.run_after - timezone.now() <= dt.timedelta(seconds=300)
    past = (timezone.now() - dt.timedelta(minutes=1)).isoformat()
    issue_tree_head.call(past)  # the count is over: a last head, nothing more queued
    assert DBTaskResult.objects.count() == 2
    assert HeadRow.objects.count() == 2
