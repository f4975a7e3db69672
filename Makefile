# Two entry points: `make demo` (embedded SQLite + eager Celery, serves the admin) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: demo test lint serve clean fuzz

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

demo: $(VENV)/.installed
	DEBUG=true $(PY) manage.py migrate --no-input -v0
	DEBUG=true $(PY) manage.py demo
	DEBUG=true $(PY) manage.py runserver $(HOST) --noreload

test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

# schemathesis against the API's own OpenAPI schema, in-process: >= 1000 generated requests.
fuzz: $(VENV)/.installed
	$(PY) -m pytest -m fuzz tests/api/test_fuzz.py $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 var
