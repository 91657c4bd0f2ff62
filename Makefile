# Practice Exchange — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run install install-dev migrate demo test lint format pytest catalogues search-engine search-engine-stop index clean audit backup restore drill bench bench-quick bench-services

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-20s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python ## Install the runtime dependencies into .venv
	$(BIN)/pip install --quiet -r requirements.txt

install-dev: $(BIN)/python ## Install runtime and test dependencies into .venv
	$(BIN)/pip install --quiet -r requirements-dev.txt

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo corpus of real practices and the demo accounts (and index it when SEARCH_URL is set)
	$(MANAGE) load_demo
	@if [ -n "$$SEARCH_URL" ]; then $(MANAGE) search_index rebuild; fi

run: demo ## Install, migrate, load the demo corpus and serve on http://127.0.0.1:8000 (SQLite by default)
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install-dev ## ruff (format and check) and djhtml
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	find templates -name '*.html' -print0 | xargs -0 $(BIN)/djhtml --check

format: install-dev ## Apply ruff format, ruff's safe fixes and djhtml
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	find templates -name '*.html' -print0 | xargs -0 $(BIN)/djhtml

pytest: install-dev ## Only the pytest suite (pass ARGS=... for pytest options)
	$(BIN)/pytest $(ARGS)

test: lint pytest ## The full suite: lint, then every test (DATABASE_URL selects PostgreSQL)

ENGINE ?= opensearch
search-engine: ## Fetch (Maven Central) and start a search engine: make search-engine [ENGINE=opensearch|elasticsearch]
	scripts/search-engine start $(ENGINE)

search-engine-stop: ## Stop the search engine started by `make search-engine`
	scripts/search-engine stop $(ENGINE)

catalogues: install ## Extract the interface's strings into locale/ and compile them (needs GNU gettext)
	$(MANAGE) catalogues

index: install ## Rebuild the search index (needs SEARCH_URL)
	$(MANAGE) search_index rebuild

clean: ## Remove the virtualenv, the SQLite database, media and test artefacts
	rm -rf $(VENV) db.sqlite3 media .test-media test-artifacts staticfiles

audit: install-dev ## Audit the pinned dependencies for known vulnerabilities (pip-audit; needs PyPI's advisory API)
	scripts/audit

backup: install ## Back up the database and uploaded media into ./var/backups (or $BACKUP_DIR)
	$(MANAGE) backup

restore: install ## Restore a backup into an empty database: make restore BACKUP=var/backups/practice-exchange-…
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=<backup directory>"; exit 2; }
	$(MANAGE) restore "$(BACKUP)"

drill: install-dev ## Fault drills (docs/reliability.md): the search engine stopped under load, on both engines
	scripts/drill-engine-outage --engine opensearch
	scripts/drill-engine-outage --engine elasticsearch

bench-services: install-dev
	scripts/postgres start >/dev/null
	scripts/search-engine start opensearch >/dev/null
	scripts/search-engine start elasticsearch >/dev/null

bench: bench-services ## Benchmark (docs/performance.md): 1k, 10k and 100k synthetic practices on every backend → bench-results.json
	$(BIN)/python -m bench.run --sizes 1000,10000,100000

bench-quick: bench-services ## The same benchmark mix at 1,000 practices, shorter (a few minutes) → bench-results.json
	$(BIN)/python -m bench.run --sizes 1000 --quick
