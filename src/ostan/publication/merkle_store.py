"""The ``MerkleNode`` table as the transparency core's node store, and the one way the tree grows:
``extend_tree``, called by ``board.append_many`` in the append's transaction under the head lock."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from ostan.core.transparency import append_leaves, frontier_at
from ostan.core.transparency.errors import MerkleNodeMissing
from ostan.core.transparency.leaves import bulletin_leaf_hash
from ostan.core.transparency.nodes import LevelRun, NodeId
from ostan.dialects import uses_postgresql
from ostan.publication.models import BulletinEntry, MerkleNode
from ostan.publication.models.transparency import node_key

NODE_BATCH = 2_000


class DbNodeStore:
    """:class:`ostan.core.transparency.nodes.NodeStore` over the ``MerkleNode`` table."""

    def nodes(self, ids: Sequence[NodeId]) -> list[bytes]:
        keys = [node_key(level, index) for level, index in ids]
        found = {k: bytes(h) for k, h in MerkleNode.objects.filter(key__in=set(keys)).values_list("key", "hash")}
        missing = [i for i, k in zip(ids, keys, strict=True) if k not in found]
        if missing:
            level, index = missing[0]
            raise MerkleNodeMissing(f"گره ({level}، {index}) درخت ذخیره نشده است.", details=[level, index])
        return [found[k] for k in keys]

    def add_runs(self, runs: Sequence[LevelRun]) -> None:
        rows = [(node_key(r.level, r.first_index + i), h) for r in runs for i, h in enumerate(r.hashes)]
        if not uses_postgresql():
            MerkleNode.objects.bulk_create([MerkleNode(key=k, hash=h) for k, h in rows], batch_size=NODE_BATCH)
            return
        table = connection.ops.quote_name(MerkleNode._meta.db_table)
        with connection.cursor() as cursor, cursor.copy(f'COPY {table} ("key", "hash") FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)


STORE = DbNodeStore()


def extend_tree(size: int, rows: Sequence[BulletinEntry]) -> None:
    """Add the leaves of ``rows`` (entries ``size``, ``size + 1``, …) to the tree of ``size`` leaves."""
    if not rows:
        return
    frontier = frontier_at(STORE, size)
    leaves = [bulletin_leaf_hash(r.seq, r.kind, r.payload_bytes, r.entry_hash) for r in rows]
    _, runs = append_leaves(frontier, leaves)
    STORE.add_runs(runs)
