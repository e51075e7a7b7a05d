# `make generate` and `make test` set up .venv (and node_modules for the contract tests) on first use:
# on a fresh machine they are the whole set-up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Prism, the mock server of the contract tests, pinned in package-lock.json
NODE_STAMP := node_modules/.installed

SPEC := specs/firecrawl-v2.yaml
OUT := generated/firecrawl
PACKAGE := firecrawl

.PHONY: generate check test regen-golden typecheck differences

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

generate: $(STAMP)
	$(PY) -m generator generate $(SPEC) --output $(OUT) --package-name $(PACKAGE)

check: $(STAMP)
	$(PY) -m generator check $(SPEC) --output $(OUT) --package-name $(PACKAGE)

test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest

# Rewrite every stored golden output (generated/ and tests/features/*/expected) from the specs.
regen-golden: generate
	$(PY) -m tests.golden

typecheck: $(STAMP)
	$(PY) -m mypy

# Rerun the differential test's scenario (firecrawl-py beside the preset's client) and rewrite
# examples/firecrawl/differences.toml and the table of examples/firecrawl/README.md from it.
differences: $(STAMP)
	$(PY) -m tests.differential.refresh
