# Two commands set up a fresh machine: `make serve` (build and preview) and `make test`.
# Both create .venv from the pinned requirements when it is missing or out of date.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint format check bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

serve: $(VENV)/.installed  ## build the site and serve it on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --strict

build: $(VENV)/.installed  ## build the site into site/
	$(BIN)/mkdocs build --strict --clean

check: $(VENV)/.installed  ## validate data and content without building; translation status
	PYTHONPATH=hooks $(BIN)/python -m ici.check

lint: $(VENV)/.installed
	$(BIN)/ruff check hooks tests
	$(BIN)/ruff format --check hooks tests
	PYTHONPATH=hooks $(BIN)/python -m ici.yamlfmt --check

format: $(VENV)/.installed  ## fix what lint reports where it can: Python and YAML layout
	$(BIN)/ruff check --fix hooks tests
	$(BIN)/ruff format hooks tests
	PYTHONPATH=hooks $(BIN)/python -m ici.yamlfmt

test: $(VENV)/.installed lint  ## lint, then every test
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
