# Two commands: `make demo` and `make test`. Everything else they need, they set up.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export TALLY_HOST ?= 127.0.0.1
export TALLY_PORT ?= 8000

.PHONY: demo test install openapi bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,postgres,dask]'
	touch $(STAMP)

install: $(STAMP)

var/demo-api-key:
	mkdir -p var
	$(BIN)/python -c "import secrets; print('demo-' + secrets.token_urlsafe(18))" > $@

demo: install var/demo-api-key
	$(BIN)/tally ingest seeds/
	@echo "Demo API key (for POST/DELETE): $$(cat var/demo-api-key)"
	@echo "Dashboard and API: http://$(TALLY_HOST):$(TALLY_PORT)/  (spec: /docs)"
	TALLY_API_KEYS="$$(cat var/demo-api-key)" $(BIN)/tally serve

test: install
	$(BIN)/python -m pytest

openapi: install
	$(BIN)/tally openapi > openapi/openapi.json

clean:
	rm -rf $(VENV) var .pytest_cache
