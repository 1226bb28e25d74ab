# Coproduce: `make run` sets everything up and serves the demo; `make test` runs the suite.
# DATABASE_URL selects the database for every target (default: SQLite under var/).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# Tests run on every core (pytest-xdist); PYTEST_ARGS="-n 0 -k ..." for one process.
PYTEST_ARGS ?= -n auto

.PHONY: run install assets migrate seed test test-fast lint format bench clean messages

run: install assets migrate seed
	$(BIN)/python manage.py runserver $(HOST)

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/coproduce.css: node_modules/.installed frontend/build.mjs $(wildcard frontend/scss/*.scss)
	npm run --silent build

assets: static/build/coproduce.css

migrate: install
	@mkdir -p var
	$(BIN)/python manage.py migrate --verbosity 0

seed: migrate
	$(BIN)/python manage.py seed_demo

test: install assets
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install assets
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

lint: install
	@mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run --verbosity 0

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m bench

messages: install
	$(BIN)/python manage.py makemessages --all --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules static/build staticfiles
