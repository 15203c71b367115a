# Borderlinks. Two commands for a new user: `make run` and `make test`.
# Each sets itself up on a fresh machine: venv, packages, the store, Chromium.

PY_SYS  ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
DB      ?= data/borderlinks.duckdb
HOST    ?= 127.0.0.1
PORT    ?= 8501
REPLICAS ?= $(shell nproc 2>/dev/null || echo 2)
CHROMIUM ?= /usr/bin/chromium
DEJAVU  := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
# Never let Playwright download a browser: tests drive Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test test-fast test-browser test-load bench store snapshot lint format venv system-deps clean \
  catalogs messages serve serve-deps

run: venv catalogs system-deps store
	$(VENV)/bin/streamlit run dashboard.py --server.address $(HOST) --server.port $(PORT) \
	  --server.fileWatcherType none

# A room: REPLICAS Streamlit processes behind HAProxy on $(HOST):$(PORT) (deploy/serve.py).
# All share the store and a cookie secret ($$BORDERLINKS_COOKIE_SECRET, else one per run).
serve: venv catalogs system-deps serve-deps store
	$(PY) deploy/serve.py --replicas $(REPLICAS) --host $(HOST) --port $(PORT) --db $(DB)

test: venv catalogs system-deps serve-deps
	$(PY) -m pytest -n 2 --dist loadfile -m "not load" -q

test-fast: venv catalogs
	$(PY) -m pytest -n 2 --dist loadfile -m "not load and not browser" -q

test-browser: venv catalogs system-deps serve-deps
	$(PY) -m pytest -m browser -q

test-load: venv catalogs system-deps store
	$(PY) -m pytest -m load -q -p no:xdist

bench: venv catalogs system-deps serve-deps
	$(PY) bench/run_all.py

venv: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PY_SYS) >/dev/null 2>&1 || { echo "error: no python3.11 found; Borderlinks needs Python 3.11"; exit 1; }
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $(STAMP)

# UI strings: gettext catalogs locale/<lang>/LC_MESSAGES/messages.po, compiled to .mo
# (build outputs, git-ignored). The app also compiles a missing or stale .mo on start.
MO := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/messages.po))

catalogs: $(MO)

locale/%.mo: locale/%.po | $(STAMP)
	$(VENV)/bin/pybabel -q compile -i $< -o $@

# After adding t("area.key") in the code: extract the keys (babel.cfg; keywords t, N_),
# merge them into messages.pot and the three .po (new ones arrive empty: fill en, es, fr).
# See CONTRIBUTING.md, "Translations".
messages: venv
	$(PY) -m components.catalogs update

# Debian's Chromium (browser tests, PNG export) and DejaVu fonts (PDF brief).
system-deps:
	@if [ ! -x $(CHROMIUM) ] || [ ! -f $(DEJAVU) ]; then \
	  echo "installing Debian packages: chromium fonts-dejavu-core"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null \
	    || { echo "error: could not install chromium/fonts-dejavu-core with apt-get"; exit 1; }; \
	fi
	@test -x $(CHROMIUM) || { echo "error: $(CHROMIUM) missing after install"; exit 1; }

# HAProxy for `make serve` and its tests (Debian package).
serve-deps:
	@if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then \
	  echo "installing Debian package: haproxy"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq haproxy >/dev/null \
	    || { echo "error: could not install haproxy with apt-get"; exit 1; }; \
	fi

store: $(DB)

$(DB): venv $(wildcard data/*.csv data/*.yaml data/initiatives/*.yaml data/codes/*.csv) ingest/schema.sql
	$(PY) -m ingest build --db $(DB)

snapshot: venv
	$(PY) -m ingest snapshot --shared ../shared/data --out data
	$(PY) -m geo.boundaries
	$(PY) -m geo.detail
	$(PY) -m geo.cities
	$(PY) -m geo.centres

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) $(DB) artifacts .pytest_cache
	rm -f locale/*/LC_MESSAGES/*.mo
