# The two commands of the README: `make demo` and `make test`. Both set everything up.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: demo test docs bench screenshots clean

$(BIN)/intex: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# ingest the sample corpus (reports on North Korean troops, the seed retold among them)
# into an embedded SQLite ledger, then ask it who said how many troops, when
demo: $(BIN)/intex
	$(BIN)/intex ingest --db $(DEMO_DB) tests/corpus/dev/a*
	$(BIN)/intex claims --db $(DEMO_DB) --subject "North Korea"

test: $(BIN)/intex
	$(BIN)/python -m pytest -q tests

docs: $(BIN)/intex
	$(BIN)/python -m intex.cli.reference > docs/cli.md

# PNGs of the web UI's main pages (needs Debian's chromium: apt-get install chromium)
screenshots: $(BIN)/intex
	$(BIN)/python -m tests.web.screenshots docs/screenshots

bench: $(BIN)/intex
	$(BIN)/python bench/ingest_bench.py --text 2000 --html 300

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
