# Two commands get you going: `make serve` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
GUIDE := PYTHONPATH=scripts $(PY) -m guide

.PHONY: serve build build-zensical check lint test bench review-pack changes clean

# Served at the root (http://127.0.0.1:8000/, Spanish /es/), not under site_url's path.
serve: $(VENV)/.installed node_modules/.installed
	SITE_URL=http://127.0.0.1:8000/ $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed node_modules/.installed
	$(GUIDE) build

# The same site built by Zensical, Material's successor, which skips hooks: every edition from
# Markdown on disk (English first, then each language into its folder of the site), then the output
# boundary that scripts/guide/boundary_hook.py runs under MkDocs: every file checked, policies and
# _headers. A site that fails the check is removed, so nothing unchecked is left to publish.
build-zensical: $(VENV)/.installed
	rm -rf build/zensical
	for config in $$(PYTHONPATH=scripts $(PY) -m guide.plain build/zensical); do \
	  $(VENV)/bin/zensical build --strict -f $$config || exit 1; done
	PYTHONPATH=scripts $(PY) -m guide.boundary build/zensical/site || { rm -rf build/zensical/site; exit 1; }

# Extra flags: make check FLAGS="--format github" or FLAGS="--strict-review --today 2027-01-01"
check: $(VENV)/.installed
	$(GUIDE) check $(FLAGS)

# The document a clinician signs off page by page: claims, sources, fact-sheet lines, changes.
# The fact sheets are read from ../shared/research; elsewhere: make review-pack FACTS=path/to/research
# make review-pack LANG=es writes the one a translator signs off instead (build/review-pack.es.md). Only a
# LANG given on the command line counts: the shell's own LANG (a locale such as C.UTF-8) does not.
review-pack: $(VENV)/.installed
	$(GUIDE) review-pack $(if $(filter command line,$(origin LANG)),--lang "$(LANG)",$(if $(FACTS),--facts "$(FACTS)"))

# What readers will see differently from BASE (a branch, tag or commit) to the working tree: build/changes.md.
# The base's build is kept in build/changes/, so a second run builds only the working tree.
BASE ?= main
changes: $(VENV)/.installed node_modules/.installed
	$(GUIDE) changes --base $(BASE) $(FLAGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check scripts tests && $(VENV)/bin/ruff format --check scripts tests
	$(VENV)/bin/yamllint --strict content mkdocs.yml .github

# Both cores: one built site and one browser per worker, long tests first (tests/conftest.py); the
# JavaScript tests run beside them and print when pytest is done.
test: $(VENV)/.installed node_modules/.installed
	@mkdir -p build; node --test tests/js/ > build/js-tests.log 2>&1 & js=$$!; \
	$(PY) -m pytest -n auto --dist worksteal; py=$$?; wait $$js; node=$$?; \
	cat build/js-tests.log; echo "JavaScript tests: exit $$node"; exit $$(( py || node ))

# Prints build times, growth with content, page weights and Lighthouse scores (a few minutes).
bench: $(VENV)/.installed node_modules/.installed
	$(PY) scripts/bench.py

$(VENV)/.installed: requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

clean:
	rm -rf site .site-* site.old build .pytest_cache
