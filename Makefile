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
	@# in a terminal, end with the web UI open on that ledger (a local account, its password
	@# in .demo-password); run from a script, stop here
	@if [ -t 0 ]; then \
	  test -s .demo-password || (umask 077; $(BIN)/python -c \
	    'import secrets; print(secrets.token_urlsafe(12))' > .demo-password); \
	  $(BIN)/intex user list --db $(DEMO_DB) | grep -qw demo || $(BIN)/intex user add demo \
	    --role analyst --clearance amber+strict --red --password-file .demo-password --db $(DEMO_DB); \
	  echo "Web UI: http://127.0.0.1:8000/?subject=North+Korea  (user demo, password" \
	    "$$(cat .demo-password)); Ctrl-C stops it"; \
	  $(BIN)/intex serve --db $(DEMO_DB); \
	fi

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
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .demo-password
