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

# Re-install whenever pyproject.toml changes. The gazetteer's index is built once here
# (about 10 s and 0.7 GB, from the packages' GeoNames data) into ~/.cache/newsfuse
# ($$NEWSFUSE_CACHE), so that no ingest pays for it later.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -c 'from newsfuse.geo.geonames import warm; print(warm())'
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -c 'from newsfuse.geo.geonames import warm; print(warm())'
	@touch $@ $(VENV)/.installed

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

# The browser tests drive Debian's chromium through Playwright (no `playwright install`).
# Installed with apt-get when missing (sudo unless root); where that is impossible we say
# so and go on, and the browser tests then fail (CI) or skip saying what to install.
# Without recommends it still renders text: fontconfig pulls in fonts-dejavu-core.
CHROMIUM ?= /usr/bin/chromium
setup-browser:
	@sh tools/apt-install setup-browser chromium '[ -x "$(CHROMIUM)" ]'

# The PostgreSQL tests (tests/test_postgres.py) start a throwaway server of their own from
# Debian's postgresql (initdb and pg_ctl in /usr/lib/postgresql/NN/bin; no service is used).
# Installed with apt-get when missing, as chromium above: where that is impossible we say
# so and go on, and those tests then fail (CI) or skip saying what to install.
POSTGRES_BIN ?= /usr/lib/postgresql/*/bin
setup-postgres:
	@sh tools/apt-install setup-postgres postgresql 'ls $(POSTGRES_BIN)/initdb || command -v pg_ctl'

demo: setup
	$(BIN)/newsfuse alerts add arm-deals --type AGREE --actor ARM --min-sources 2 --replace --db $(DEMO_DB)
	$(BIN)/newsfuse ingest examples/ --db $(DEMO_DB)
	@echo
	$(BIN)/newsfuse articles --db $(DEMO_DB)
	$(BIN)/newsfuse duplicates --db $(DEMO_DB)
	$(BIN)/newsfuse rejects --db $(DEMO_DB)
	$(BIN)/newsfuse actors --db $(DEMO_DB) --limit 10
	$(BIN)/newsfuse stories --db $(DEMO_DB)
	$(BIN)/newsfuse story frontier-wire --db $(DEMO_DB)
	$(BIN)/newsfuse storylines --db $(DEMO_DB)
	$(BIN)/newsfuse storyline frontier-wire --db $(DEMO_DB)
	$(BIN)/newsfuse alerts matches arm-deals --db $(DEMO_DB)
	@echo
	@echo "Stored in $(DEMO_DB). Try: $(BIN)/newsfuse article frontier-wire --db $(DEMO_DB)"
	@echo "See it in a browser: run 'make serve' (or $(BIN)/newsfuse serve --db $(DEMO_DB))"
	@echo "and open http://127.0.0.1:8000/ : stories, storylines, the frontier story, events, actors, map, alerts."

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
