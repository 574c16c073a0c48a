# One recipe per habit. `make demo` and `make test` are the two a newcomer needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON_VERSION := $(shell cat .python-version)
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.8
PG_URL = $(shell tools/pg.sh url)
# The demo runs background tasks at once in its own process (no worker), so its text messages print in the console.
DEMO_ENV := env -u DATABASE_URL OSTAN_DEBUG=1 OSTAN_TASKS_BACKEND=django.tasks.backends.immediate.ImmediateBackend
export DJANGO_SETTINGS_MODULE := ostan.settings

help:  ## list the recipes
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.synced-%: requirements/%.lock pyproject.toml
	@command -v python$(PYTHON_VERSION) >/dev/null || { echo "Python $(PYTHON_VERSION) is required (python$(PYTHON_VERSION) not found)"; exit 1; }
	@test -x $(PY) || python$(PYTHON_VERSION) -m venv $(VENV)
	@test -x $(UV) || $(PY) -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) pip sync -q --python $(PY) requirements/$*.lock
	$(UV) pip install -q --python $(PY) --no-build-isolation --no-deps -e .
	@rm -f $(VENV)/.synced-*; touch $@

setup: $(VENV)/.synced-dev  ## create the environment with everything tests need

setup-app: $(VENV)/.synced-app

demo:  ## set up, load the territory tree and demo data into SQLite, serve on 127.0.0.1:8000
	@test -f $(VENV)/.synced-dev || $(MAKE) --no-print-directory setup-app
	$(DEMO_ENV) $(PY) manage.py migrate --no-input
	$(DEMO_ENV) $(PY) manage.py createcachetable
	$(DEMO_ENV) $(PY) manage.py load_territory
	$(DEMO_ENV) $(PY) manage.py load_demo
	$(DEMO_ENV) $(PY) manage.py runserver 127.0.0.1:8000

browser:  ## install Debian's Chromium if it is missing
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "Chromium is missing: sudo apt-get install chromium chromium-driver"; exit 1; fi; }

db-up:  ## start a throwaway PostgreSQL 15 server under /tmp
	@tools/pg.sh up

db-down:  ## stop and remove it
	@tools/pg.sh down

lint: setup  ## ruff (lint and format), import-linter contracts, migrations in step with models
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

typecheck: setup  ## mypy: strict on the cores, django-stubs on the apps
	$(VENV)/bin/mypy src

# One test process per core (pytest-xdist); PYTEST_WORKERS=0 runs them all in this process.
PYTEST_WORKERS ?= auto
pytest: setup  ## the test suite on the running PostgreSQL server (make db-up first)
	DATABASE_URL=$(PG_URL) DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test:  ## everything: environment, Chromium, PostgreSQL, lint, types, all tests
	@tools/test.sh

bench: setup  ## run every benchmark in bench/ and print its figures
	$(UV) pip sync -q --python $(PY) requirements/bench.lock
	$(UV) pip install -q --python $(PY) --no-build-isolation --no-deps -e .
	@rm -f $(VENV)/.synced-*
	OSTAN_PG_PORT=54331 OSTAN_PG_DURABLE=1 tools/pg.sh up
	DATABASE_URL=$$(OSTAN_PG_PORT=54331 tools/pg.sh url) bench/run_all.sh; status=$$?; OSTAN_PG_PORT=54331 tools/pg.sh down; exit $$status

lock:  ## recompile the hashed requirement locks from requirements/*.in
	for f in app dev bench; do $(UV) pip compile -q --python-version $(PYTHON_VERSION) --generate-hashes \
	  --no-emit-index-url --no-emit-find-links --no-header requirements/$$f.in -o requirements/$$f.lock; done

clean:  ## remove the environment and local data
	rm -rf $(VENV) var

.PHONY: help setup setup-app demo browser db-up db-down lint typecheck pytest test bench lock clean
