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
WEB_DEPS := web/node_modules/.installed
CHROMIUM := /usr/bin/chromium
NGINX    := /usr/sbin/nginx
# The trained model; MODEL_PATH in the environment moves it (as for assistant/config.py).
MODEL_PATH ?= models/mala.tar.gz
MODEL   := $(MODEL_PATH)
KNOWLEDGE_FILES := $(shell find knowledge -name '*.yml' 2>/dev/null)
TRAINING_FILES  := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null)

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PYTHONDONTWRITEBYTECODE := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_TELEMETRY_ENABLED := false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: help setup run test lint lock kb train

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

# Loaded again when the content or the tables' layout (models.py) changes.
$(KB): $(DEPS) $(KNOWLEDGE_FILES) assistant/kb/models.py
	$(BIN)/assistant kb load
	@touch $@

# Training takes minutes on 2 cores: only when training data, config or domain changed.
$(MODEL): $(TRAINING_FILES) | $(DEPS) $(SPACY)
	$(BIN)/rasa train --fixed-model-name $(notdir $(MODEL:.tar.gz=)) --out $(dir $(MODEL))
	@touch $@

# The chat widget (rasa-webchat) from the npm registry, served from the site itself.
$(WEB_DEPS): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@

# The browser tests drive Debian's Chromium (Playwright never downloads one).
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# `assistant serve --replicas N` puts Debian's nginx in front of the Rasa servers.
$(NGINX):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx

setup: $(DEPS) $(SPACY) $(WEB_DEPS) $(NGINX)

kb: $(KB)

train: $(MODEL)

lint: $(DEPS)
	$(BIN)/ruff check .

test: setup lint $(MODEL) $(KB) $(CHROMIUM)
	$(BIN)/assistant kb validate
	$(BIN)/assistant nlu sync --check
	$(BIN)/rasa data validate --fail-on-warnings
	$(PY) -m pytest
	$(BIN)/rasa test core --stories tests/stories --model $(MODEL) --out results/core \
		--fail-on-prediction-errors
	$(PY) benchmarks/nlu_eval.py

run: setup $(KB) $(MODEL)
	$(BIN)/assistant serve --web

lock: $(DEPS)
	{ head -n 2 requirements.lock; $(PY) -m pip freeze --exclude-editable | sort -f; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
