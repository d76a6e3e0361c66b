# Trellis: `make demo` serves it with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: demo serve test test-fast lint browser-deps node-deps interop-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"
	touch $@

demo: $(VENV)/.installed
	@mkdir -p "$${TRELLIS_VAR_DIR:-var}"
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py load_builtin_content
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py collectstatic --no-input -v0
	bin/serve

serve: $(VENV)/.installed
	bin/serve

browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# The interop tests (Digital Bazaar's verifier) are not browser tests: test-fast needs them too.
interop-deps:
	@[ interop/node_modules/.package-lock.json -nt interop/package-lock.json ] || npm ci --prefix interop --no-audit --no-fund --silent

node-deps: interop-deps
	@[ tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ] || npm ci --prefix tests/browser --no-audit --no-fund --silent

test: $(VENV)/.installed browser-deps node-deps
	$(BIN)/pytest -n auto -q

test-fast: $(VENV)/.installed interop-deps
	$(BIN)/pytest -n auto -q -m "not browser"

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf var $(VENV)
