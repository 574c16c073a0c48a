"""The board's periodic task: sign a tree head every ``OSTAN_TREE_HEAD_SECONDS`` on election day.

Run by the configured tasks backend (``settings.TASKS``): in production the database queue and
``manage.py db_worker``, where each run enqueues the next one ``OSTAN_TREE_HEAD_SECONDS`` later until
``until`` (an ISO time, the end of the count); a backend that cannot defer (the demo's and the tests'
immediate one) signs one head and stops, so nothing loops in the caller's process.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.tasks import task, task_backends
from django.utils import timezone

from ostan.publication import tree

log = logging.getLogger(__name__)


@task()
def issue_tree_head(until: str = "") -> int:
    """Sign the tree as it stands; schedule the next head while ``until`` is ahead. The head's size."""
    row = tree.issue_head()
    log.info("tree head %s signed at size %s", row.pk, row.tree_size)
    schedule_next(until)
    return row.tree_size


def schedule_next(until: str) -> bool:
    """Enqueue the next head ``OSTAN_TREE_HEAD_SECONDS`` from now, if before ``until`` and the backend defers."""
    if not until or not task_backends[issue_tree_head.backend].supports_defer:
        return False
    later = timezone.now() + dt.timedelta(seconds=settings.OSTAN_TREE_HEAD_SECONDS)
    if later > dt.datetime.fromisoformat(until):
        return False
    issue_tree_head.using(run_after=later).enqueue(until)
    return True
