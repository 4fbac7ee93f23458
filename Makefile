# Tessera tasks. `make run` starts Tessera on SQLite; `make test` runs the whole test suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: install run serve demo test test-sqlite test-postgres schema migrations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## Start Tessera on SQLite (migrated, demo brand loaded) at http://127.0.0.1:8000/graphql
run: install
	$(VENV)/bin/tessera migrate
	$(VENV)/bin/tessera seed-demo
	$(VENV)/bin/tessera serve

## Load the demo brand (accounts hq.admin / east.manager / sh001.clerk, password tessera-demo)
demo: install
	$(VENV)/bin/tessera migrate
	$(VENV)/bin/tessera seed-demo

## The whole suite: SQLite, then the real PostgreSQL (required when CI=true)
test: install test-sqlite test-postgres

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

## Generate migrations for SQLite and PostgreSQL from the models: make migrations NAME=add_cards
migrations: install
	$(VENV)/bin/tessera makemigrations $(NAME) --postgres-url "$(PG_TEST_URL)"

## Print the SDL into schema/schema.graphql
schema: install
	$(VENV)/bin/tessera export-schema

clean:
	rm -rf $(VENV) var .pytest_cache
