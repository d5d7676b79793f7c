# newsfuse: `make demo` and `make test` are the whole quick start.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= newsfuse.db

.PHONY: help setup setup-dev setup-browser setup-postgres demo serve test lint format bench-datelines bench-cluster clean

help:
	@echo "make demo   - install into $(VENV), ingest examples/ into $(DEMO_DB), show what was stored"
	@echo "make serve  - serve the demo database at http://127.0.0.1:8000/"
	@echo "make test   - install with the dev extras into $(VENV) and run the whole test suite"
	@echo "make lint   - ruff check and format check"
	@echo "make setup-browser - install Debian's chromium for the browser tests (make test does it)"
	@echo "make setup-postgres - install Debian's PostgreSQL server for the PostgreSQL tests (make test does it)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

# The browser tests drive Debian's chromium through Playwright (no `playwright install`).
# Installed with apt-get when missing (sudo unless root); where that is impossible we say
# so and go on, and the browser tests then fail (CI) or skip saying what to install.
# Without recommends it still renders text: fontconfig pulls in fonts-dejavu-core.
CHROMIUM ?= /usr/bin/chromium
setup-browser:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "setup-browser: no apt-get here; install chromium yourself (browser tests need $(CHROMIUM))"; exit 0; \
	fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=; \
	elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
	else echo "setup-browser: not root and no sudo; run as root: apt-get install chromium"; exit 0; fi; \
	echo "setup-browser: installing Debian's chromium for the browser tests"; \
	if $$sudo apt-get update -q && \
	   $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
	then echo "setup-browser: installed Debian's chromium"; \
	else echo "setup-browser: could not install chromium (apt-get install chromium); the browser tests will fail or skip"; fi

# The PostgreSQL tests (tests/test_postgres.py) start a throwaway server of their own from
# Debian's postgresql (initdb and pg_ctl in /usr/lib/postgresql/NN/bin; no service is used).
# Installed with apt-get when missing, as chromium above: where that is impossible we say
# so and go on, and those tests then fail (CI) or skip saying what to install.
POSTGRES_BIN ?= /usr/lib/postgresql/*/bin
setup-postgres:
	@if ls $(POSTGRES_BIN)/initdb >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "setup-postgres: no apt-get here; install a PostgreSQL server yourself (the tests need initdb and pg_ctl; NEWSFUSE_PG_BIN may name their directory)"; exit 0; \
	fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=; \
	elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
	else echo "setup-postgres: not root and no sudo; run as root: apt-get install postgresql"; exit 0; fi; \
	echo "setup-postgres: installing Debian's postgresql for the PostgreSQL tests"; \
	if $$sudo apt-get update -q && \
	   $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql; \
	then echo "setup-postgres: installed Debian's postgresql"; \
	else echo "setup-postgres: could not install postgresql (apt-get install postgresql); the PostgreSQL tests will fail or skip"; fi

demo: setup
	$(BIN)/newsfuse ingest examples/ --db $(DEMO_DB)
	@echo
	$(BIN)/newsfuse articles --db $(DEMO_DB)
	$(BIN)/newsfuse duplicates --db $(DEMO_DB)
	$(BIN)/newsfuse rejects --db $(DEMO_DB)
	$(BIN)/newsfuse actors --db $(DEMO_DB) --limit 10
	$(BIN)/newsfuse stories --db $(DEMO_DB)
	$(BIN)/newsfuse story frontier-wire --db $(DEMO_DB)
	@echo
	@echo "Stored in $(DEMO_DB). Try: $(BIN)/newsfuse article frontier-wire --db $(DEMO_DB)"
	@echo "See it in a browser: run 'make serve' (or $(BIN)/newsfuse serve --db $(DEMO_DB))"
	@echo "and open http://127.0.0.1:8000/ : stories, the frontier story, events, actors, map."

serve: setup
	$(BIN)/newsfuse serve --db $(DEMO_DB)

test: setup-dev setup-browser setup-postgres
	$(BIN)/ruff check newsfuse tests benchmarks tools
	$(BIN)/python -m pytest

lint: setup-dev
	$(BIN)/ruff check newsfuse tests benchmarks tools
	$(BIN)/ruff format --check newsfuse tests benchmarks tools

format: setup-dev
	$(BIN)/ruff format newsfuse tests benchmarks tools
	$(BIN)/ruff check --fix newsfuse tests benchmarks tools

bench-datelines: setup
	$(BIN)/newsfuse eval datelines ../shared/corpus/reuters21578

bench-cluster: setup
	$(BIN)/python benchmarks/cluster_scaling.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
