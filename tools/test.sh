#!/usr/bin/env bash
# `make test`: every check, on a throwaway PostgreSQL, reporting all failures in one run.
set -uo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
status=0
step() { echo "==> $*"; "$@" || { echo "FAILED: $*"; status=1; }; }

make --no-print-directory setup browser || { echo "FAILED: setup"; exit 1; }
step make --no-print-directory lint
step make --no-print-directory typecheck
if tools/pg.sh up; then
  step make --no-print-directory pytest
  tools/pg.sh down
else
  echo "FAILED: PostgreSQL did not start"; status=1
fi
echo "make test: total $(( $(date +%s) - start )) s, exit $status"
exit $status
