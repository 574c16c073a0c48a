#!/usr/bin/env bash
# Runs every benchmark and prints its figures. DATABASE_URL must name a running PostgreSQL (make bench does it).
# bench_servicedesk.py loads 1,000,000 requests into the desk and into django-helpdesk (its own virtualenv under
# var/); BENCH_DESK_REQUESTS=300000 measures a smaller size.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for bench in bench/bench_*.py; do
  echo "=== $bench"
  .venv/bin/python "$bench" || status=1
done
exit $status
