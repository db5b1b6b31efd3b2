# One entry point: `make run` serves the archive, `make test` runs the whole suite. Both use
# PostgreSQL: DATABASE_URL when set, else a project-local server under var/ (tooling/localdb.py).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WITH_DB := $(BIN)/python -m tooling.localdb run --
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate import export browser clean resilience resilience-quick screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the machine's Java is used.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

install: $(VENV)/.installed

# The browser tests need Debian's Chromium and the npm checkers (Nu HTML Checker, axe-core); the
# bench's load test needs wrk.
browser: node_modules/.package-lock.json
	.ci/install-browser

migrate: install
	$(WITH_DB) $(BIN)/python manage.py migrate --noinput

import: migrate
	$(WITH_DB) $(BIN)/python manage.py import_seeds seeds/

export: install
	$(WITH_DB) $(BIN)/python manage.py export_articles

# Ctrl-C stops the web server and then the project-local database.
run: install
	$(WITH_DB) sh -c '$(BIN)/python manage.py migrate --noinput && $(BIN)/python manage.py import_seeds seeds/ \
		&& exec $(BIN)/python manage.py runserver $(HOST):$(PORT)'

# RabbitMQ for the queue tests: started when installed, or named as missing before any test runs.
test: install browser
	$(BIN)/python -m tooling.services
	$(WITH_DB) $(BIN)/python -m pytest $(PYTEST_ARGS)

# The README's screenshots (docs/screenshots), from the browser walks; `make test` writes its own to var/.
screenshots: install browser
	BROWSER_SCREENSHOTS_DIR=docs/screenshots $(WITH_DB) $(BIN)/python -m pytest articles/tests/browser/test_reader_paths.py articles/tests/browser/test_admin_mentions.py articles/tests/browser/test_annotation.py articles/tests/browser/test_curator_screens.py

# Bad input, fuzzing, fault drills (PostgreSQL on 127.0.0.1:5432), 60 s of load and a PostgreSQL
# restart on a throwaway cluster (port 5442); prints the figures. About 7 minutes.
resilience: install
	$(WITH_DB) $(BIN)/python -m tooling.resilience.run

# The quick part for CI: the bad-input corpus and fuzzing with 100 examples per property.
resilience-quick: install
	$(WITH_DB) $(BIN)/python -m tooling.resilience.run --quick

clean:
	rm -rf $(VENV) var node_modules
