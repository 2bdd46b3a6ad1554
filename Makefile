# Dear Constituent: two commands to know — `make serve` and `make test`.
#
# Every target sets up .venv with the pinned dependencies first (once; again
# only when a requirements file changes), so a fresh clone needs nothing but
# Python 3.11+ and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup serve build check lint format test test-fast bench demo clean workflows

help:
	@echo "make serve      serve the site with live reload on http://127.0.0.1:8000"
	@echo "make test       validate letters, lint, type-check, build strictly, run all tests"
	@echo "make test-fast  the same without the slow tests (site builds, browser)"
	@echo "               (the browser tests need Chromium and npm: see README)"
	@echo "make build      build the site into site/"
	@echo "make check      validate letters and registers only"
	@echo "make workflows  check the GitHub workflows, Dependabot and issue forms (offline)"
	@echo "make format     reformat the Python code"
	@echo "make demo       serve the site with a few hundred fictional letters"
	@echo "make bench      run the benchmarks and print their figures"

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP)
	DC_SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python scripts/check_letters.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test-fast: check lint workflows
	$(BIN)/python -m pytest -m "not slow"

# The browser tests inject axe-core, pinned in package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent --ignore-scripts

test: check lint workflows build node_modules/.package-lock.json
	$(BIN)/python -m pytest

# The GitHub configuration, checked offline: the files against GitHub's schemas
# (and every job has a timeout), and the workflows and Dependabot settings for
# security problems; any finding of medium severity or above fails.
ISSUE_FORMS = $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
workflows: $(STAMP)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema custom.github-workflows-require-timeout .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(ISSUE_FORMS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml
	$(BIN)/zizmor --offline --min-severity medium .github/workflows .github/dependabot.yml

demo: $(STAMP)
	DC_SITE_URL=http://127.0.0.1:8000/ $(BIN)/python scripts/demo.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_search.py
	$(BIN)/python benchmarks/bench_templates.py
	$(BIN)/python benchmarks/bench_reuse.py
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_register.py

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache .hypothesis
