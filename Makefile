# `make run` and `make test` do all the set-up on a fresh machine: the Python 3.10
# virtual environment, pinned dependencies (reinstalled only when pyproject.toml or
# requirements.lock change), the spaCy pipeline and the knowledge database.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    ?= .venv
PY      := $(VENV)/bin/python
BIN     := $(VENV)/bin
DEPS    := $(VENV)/.deps-installed
SPACY   := var/spacy/sv/config.cfg
KB      := var/.kb-loaded
KNOWLEDGE_FILES := $(shell find knowledge -name '*.yml' 2>/dev/null)

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PYTHONDONTWRITEBYTECODE := 1
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: help setup run test lint lock kb

help:
	@echo "make run    start the assistant (and its web page)"
	@echo "make test   run every check and test"
	@echo "make kb     validate and load knowledge/ into the database"

$(PY):
	@py=$$(scripts/find-python310) && echo "creating $(VENV) with $$py" && "$$py" -m venv $(VENV)

$(DEPS): pyproject.toml requirements.lock | $(PY)
	@echo "installing pinned dependencies into $(VENV) (once; again only when they change)"
	$(PY) -m pip install --quiet "pip==24.0"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

$(SPACY): $(DEPS) assistant/nlu/spacy_model.py
	$(PY) -m assistant.nlu.spacy_model var/spacy/sv

$(KB): $(DEPS) $(KNOWLEDGE_FILES)
	$(BIN)/assistant kb load
	@touch $@

setup: $(DEPS) $(SPACY)

kb: $(KB)

lint: $(DEPS)
	$(BIN)/ruff check .

test: setup lint
	$(BIN)/assistant kb validate
	$(PY) -m pytest

run: setup $(KB)
	@echo "run: the conversation layer comes with the next milestone; knowledge is loaded."

lock: $(DEPS)
	{ head -n 2 requirements.lock; $(PY) -m pip freeze --exclude-editable | sort -f; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
