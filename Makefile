# Kernenportaal. `make help` lists the targets.
# The first of these that runs and is Python 3.11 or newer.
PYTHON ?= $(shell for candidate in python3 python3.13 python3.12 python3.11; do \
	$$candidate -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { command -v $$candidate; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000
# The address links in e-mails, feeds and the API point at: where `make run` serves
# (HOST=8101 is 127.0.0.1:8101; 0.0.0.0 listens everywhere, links then say 127.0.0.1).
SERVED := $(if $(findstring :,$(HOST)),$(HOST),127.0.0.1:$(HOST))
BASE_URL ?= http://$(subst 0.0.0.0,127.0.0.1,$(SERVED))
# Test processes (pytest-xdist); each has its own test database.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

.DEFAULT_GOAL := help
.PHONY: help install run demo migrate test test-fast lint format messages reset-db clean bench load

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3 --version)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned requirements

migrate: install ## Apply database migrations
	$(MANAGE) migrate --no-input

demo: migrate ## Load the West Betuwe demo (idempotent) and print its address and logins
	BASE_URL=$(BASE_URL) $(MANAGE) load_demo

run: demo ## Install, migrate, load the demo and serve on http://127.0.0.1:8000 (HOST=...)
	BASE_URL=$(BASE_URL) $(MANAGE) runserver $(HOST)

test: install ## Run the whole suite, browser tests included (DATABASE_URL picks the database)
	$(PYTEST) --durations=20

test-fast: install ## The inner loop: everything but the browser and slow tests, on SQLite
	env -u DATABASE_URL $(PYTEST) -m "not browser and not slow"

lint: install ## Check code style (ruff) and that no migration is missing
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

format: install ## Format the code (ruff)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Update the Dutch and Polish catalogues and compile them (needs GNU gettext)
	$(MANAGE) makemessages --locale nl --locale pl --ignore '.venv/*' --ignore 'staticfiles/*' --no-obsolete
	$(MANAGE) compilemessages --locale nl --locale pl --ignore '.venv/*'

reset-db: ## Delete the SQLite database and media, then load the demo again
	rm -f db.sqlite3
	rm -rf media
	$(MAKE) demo

clean: ## Remove .venv, the SQLite database, media and collected static files
	rm -rf $(VENV) db.sqlite3 media staticfiles

bench: install ## Benchmark on PostgreSQL, demo and 52,000-page site (REBUILD=1: build the databases again)
	$(BIN)/python -m bench.run $(if $(REBUILD),--rebuild) $(BENCH_ARGS)

load: install ## Load test: 50 visitors and 2 editors on the large site (LOAD_DURATION=300 seconds)
	$(BIN)/python -m bench.load $(LOAD_ARGS)
