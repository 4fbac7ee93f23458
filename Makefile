# Tessera tasks. `make run` starts Tessera on SQLite; `make test` runs the whole test suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
# The admin SPA (frontend/): rebuilt when its sources, lock file or the GraphQL schema change.
NPM ?= npm
FRONTEND_DEPS := frontend/node_modules/.package-lock.json
FRONTEND_BUILD := frontend/dist/index.html
FRONTEND_SOURCES := $(shell find frontend/src -type f -not -name '*.generated.ts' -not -path '*/src/generated/*' 2>/dev/null) \
	frontend/index.html frontend/vite.config.ts frontend/codegen.ts frontend/tsconfig.app.json schema/schema.graphql
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install run serve demo test test-sqlite test-postgres test-frontend test-e2e frontend chromium schema migrations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

$(FRONTEND_DEPS): frontend/package.json frontend/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "The admin console needs Node.js 20.19+ and npm (https://nodejs.org)"; exit 1; }
	cd frontend && $(NPM) ci --no-audit --no-fund

$(FRONTEND_BUILD): $(FRONTEND_DEPS) $(FRONTEND_SOURCES)
	cd frontend && $(NPM) run build

## Build the admin console into frontend/dist (served at /admin/)
frontend: $(FRONTEND_BUILD)

## Start Tessera on SQLite (migrated, demo brand loaded): console at http://127.0.0.1:8000/admin/
run: install frontend
	$(VENV)/bin/tessera migrate
	$(VENV)/bin/tessera seed-demo
	$(VENV)/bin/tessera serve

## Load the demo brand (accounts hq.admin / east.manager / sh001.clerk, password tessera-demo)
demo: install
	$(VENV)/bin/tessera migrate
	$(VENV)/bin/tessera seed-demo

## The whole suite: SQLite, then the real PostgreSQL (required when CI=true), then the console's
## unit tests and its browser end-to-end run
test: install test-sqlite test-postgres test-frontend test-e2e

test-sqlite: install
	env -u TESSERA_TEST_DATABASE_URL $(PY) -m pytest -q

test-postgres: install
	@if $(PY) -m tests.postgres_check "$(PG_TEST_URL)"; then \
		TESSERA_TEST_DATABASE_URL="$(PG_TEST_URL)" PGDATABASE=postgres $(PY) -m pytest -q; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI requires PostgreSQL at $(PG_TEST_URL)"; exit 1; \
	else \
		echo "PostgreSQL unreachable at $(PG_TEST_URL): PostgreSQL suite not run"; \
	fi

## The console's unit tests (Vitest)
test-frontend: $(FRONTEND_DEPS)
	cd frontend && $(NPM) test

## Debian's Chromium for the browser tests (never a downloaded browser), and a Chinese font so the
## screenshots are readable
chromium:
	@{ test -x $(CHROMIUM) && fc-list :lang=zh | grep -q . ; } 2>/dev/null || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei; }

## The console in headless Chromium against a real server with a throwaway database and the demo brand
test-e2e: install frontend chromium
	cd frontend && CHROMIUM=$(CHROMIUM) TESSERA_PYTHON=$(abspath $(PY)) $(NPM) run e2e

## Generate migrations for SQLite and PostgreSQL from the models: make migrations NAME=add_cards
migrations: install
	$(VENV)/bin/tessera makemigrations $(NAME) --postgres-url "$(PG_TEST_URL)"

## Print the SDL into schema/schema.graphql
schema: install
	$(VENV)/bin/tessera export-schema

clean:
	rm -rf $(VENV) var .pytest_cache frontend/node_modules frontend/dist
