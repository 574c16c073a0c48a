"""The Merkle tree over entries published before it existed, and the same append-only guard as the
entries' (0002): a stored node never changes, so PostgreSQL refuses UPDATE, DELETE and TRUNCATE."""

from django.db import migrations

from ostan.core.transparency.leaves import board_tree

FORWARD = """
CREATE TRIGGER publication_node_append_only BEFORE UPDATE OR DELETE ON publication_merklenode
  FOR EACH ROW EXECUTE FUNCTION publication_refuse_change();
CREATE TRIGGER publication_node_no_truncate BEFORE TRUNCATE ON publication_merklenode
  FOR EACH STATEMENT EXECUTE FUNCTION publication_refuse_change();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS publication_node_no_truncate ON publication_merklenode;
DROP TRIGGER IF EXISTS publication_node_append_only ON publication_merklenode;
"""
LEVEL_SHIFT = 56


def backfill(apps, schema_editor):
    entry = apps.get_model("publication", "BulletinEntry")
    node = apps.get_model("publication", "MerkleNode")
    rows = entry.objects.order_by("seq").values_list("seq", "kind", "payload", "entry_hash")
    store, size = board_tree((s, k, p.encode("utf-8"), h) for s, k, p, h in rows.iterator(chunk_size=2000))
    found, level = [], 0
    while size >> level:  # level l holds the size >> l complete subtrees of 2^l leaves
        ids = [(level, i) for i in range(size >> level)]
        found += [node(key=(level << LEVEL_SHIFT) | i, hash=h) for (_, i), h in zip(ids, store.nodes(ids))]
        level += 1
    node.objects.bulk_create(found, batch_size=2000)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def unfill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("publication", "0004_transparency_log")]
    operations = [migrations.RunPython(backfill, unfill)]
