# Two commands get you going: `make serve` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
GUIDE := PYTHONPATH=scripts $(PY) -m guide

.PHONY: serve build check lint test clean

serve: $(VENV)/.installed node_modules/.installed
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed node_modules/.installed
	$(GUIDE) build

# Extra flags: make check FLAGS="--format github" or FLAGS="--strict-review --today 2027-01-01"
check: $(VENV)/.installed
	$(GUIDE) check $(FLAGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check scripts tests && $(VENV)/bin/ruff format --check scripts tests
	$(VENV)/bin/yamllint --strict content mkdocs.yml .github

test: $(VENV)/.installed node_modules/.installed
	node --test tests/js/ && $(PY) -m pytest

$(VENV)/.installed: requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

clean:
	rm -rf site .site-* site.old .pytest_cache
