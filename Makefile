# DPO Desk: `make run` sets everything up and serves on http://127.0.0.1:8000; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup system-packages test lint worker beat messages clean

run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_catalogue
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

setup: system-packages $(VENV)/.installed node_modules/.installed

system-packages:
	@scripts/install-system-packages.sh $(SYSTEM_PACKAGES_FLAGS)

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .

# A Celery worker and the periodic scheduler, for the production shape (REDIS_URL set).
worker: setup
	$(BIN)/celery -A config worker --loglevel=INFO

beat: setup
	$(BIN)/celery -A config beat --loglevel=INFO

messages: setup
	$(BIN)/python manage.py makemessages --all --ignore=node_modules --ignore=.venv

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
