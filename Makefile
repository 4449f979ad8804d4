# Two commands set up a fresh machine: `make serve` (build and preview) and `make test`.
# Both create .venv from the pinned requirements when it is missing or out of date.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build demo test test-js golden lint format check bench lighthouse clean sitediff

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent --ignore-scripts
	touch $@

# --dirty: after an edit only the pages it changes are rendered again, and the search
# index follows in the background (hooks/ici_mkdocs/dirty.py; bench/scale.py times it)
serve: $(VENV)/.installed  ## build the site and serve it on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --strict --dirty

build: $(VENV)/.installed  ## build the site into site/
	$(BIN)/mkdocs build --strict --clean

demo: $(VENV)/.installed  ## build the demonstration site (examples/ events and courses) into site-demo/
	$(BIN)/mkdocs build --strict --clean -f mkdocs-demo.yml

check: $(VENV)/.installed  ## validate data and content without building; translation status
	PYTHONPATH=hooks $(BIN)/python -m ici.check

lint: $(VENV)/.installed
	$(BIN)/ruff check hooks tests bench
	$(BIN)/ruff format --check hooks tests bench
	PYTHONPATH=hooks $(BIN)/python -m ici.yamlfmt --check

format: $(VENV)/.installed  ## fix what lint reports where it can: Python and YAML layout
	$(BIN)/ruff check --fix hooks tests bench
	$(BIN)/ruff format hooks tests bench
	PYTHONPATH=hooks $(BIN)/python -m ici.yamlfmt

# -n auto: one pytest-xdist worker per core; --dist loadfile keeps a module's tests (and
# its module-scoped builds and browser) on one worker, in the order tests/conftest.py
# gives (LONGEST_FIRST; --no-loadscope-reorder); the session builds are made once per run
# and shared by the workers (tests/sitebuild.py shared_build)
# PYTHONDONTWRITEBYTECODE emptied: the tests start a hundred Python processes (builds, checks,
# forks) that import hooks/ and tests/; compiled once, they load them from __pycache__
test: $(VENV)/.installed node_modules/.installed lint test-js  ## lint, then every test
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder

golden: $(VENV)/.installed  ## write tests/golden/ anew from the fixture site (review the diff)
	$(BIN)/python -m pytest tests/test_golden.py --update-golden -q

# Node.js tests (tests/js/): without node they are skipped on a workstation and fail in
# CI (CI set), as the browser tests do.
test-js:
	@if command -v node >/dev/null 2>&1; then \
		node --test tests/js/; \
	elif [ -n "$$CI" ]; then \
		echo "node not found: the JavaScript tests need Node.js 18+" >&2; exit 1; \
	else \
		echo "node not found: skipping the JavaScript tests (tests/js/)"; \
	fi

bench: $(VENV)/.installed  ## scale benchmark against plain MkDocs (N=2000; N=... to change)
	$(BIN)/python -m bench.run --n $(or $(N),2000)

sitediff: $(VENV)/.installed  ## build main's site and this tree's, list what differs (BASE=... to change)
	$(BIN)/python -m bench.sitediff --base $(or $(BASE),main)

lighthouse: $(VENV)/.installed node_modules/.installed  ## Lighthouse mobile on every page kind and language (bench/RESULTS.md)
	$(BIN)/python -m bench.lighthouse $(if $(NOTE),--note "$(NOTE)")

clean:
	rm -rf site site-demo .pytest_cache
