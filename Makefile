# The two commands for a fresh machine with only Python 3 and make:
#   make demo   set up .venv with the package alone and run the command line on the built-in data
#   make test   set up .venv with the test and docs tools too and run every check
#               (ruff, mypy --strict, pytest, mkdocs --strict)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The package and its four dependencies: all that the demo needs.
PACKAGE_STAMP := $(VENV)/.installed-package
# The package with the test and docs tools (a superset: it satisfies the demo too).
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest docs bench data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's metadata changes.
$(PACKAGE_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(PACKAGE_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	touch $(STAMP) $(PACKAGE_STAMP)

demo: $(PACKAGE_STAMP)
	$(BIN)/sanctionkit summary
	@echo
	$(BIN)/sanctionkit show kp-ru-ammunition
	@echo
	$(BIN)/sanctionkit demo

test: lint typecheck pytest docs

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

pytest: $(STAMP)
	$(BIN)/pytest

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

# The peers compared in benchmarks/ live in their own environment, so that
# the test environment never depends on them.
BENCH_VENV := .bench-venv
$(BENCH_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -e '.[bench,xlsx]'
	touch $@

# BENCH_ARGS picks benchmarks and options: make bench BENCH_ARGS="readers --against REV"
bench: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python benchmarks/run.py $(BENCH_ARGS)

# Regenerate the compiled country-name table (needs Babel).
data: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[build-data]'
	$(BIN)/python tools/build_country_names.py

clean:
	rm -rf $(VENV) $(BENCH_VENV) site .mypy_cache .ruff_cache .pytest_cache .hypothesis
