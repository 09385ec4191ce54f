# Relais: `make run` sets everything up and serves both sites; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
ADDRESS ?= 127.0.0.1:8000
PORT := $(lastword $(subst :, ,$(ADDRESS)))
PYTEST_WORKERS ?= auto

.PHONY: run install migrate demo serve test lint check-migrations messages clean bench load

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Relais needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

serve: install
	@echo "Public website: http://localhost:$(PORT)/   Intranet: http://intranet.localhost:$(PORT)/"
	$(BIN)/python manage.py runserver $(ADDRESS)

run: demo serve

lint: install
	$(BIN)/ruff check .

check-migrations: install
	$(BIN)/python manage.py makemigrations --check --dry-run

test: lint check-migrations
	$(BIN)/pytest -n $(PYTEST_WORKERS)

# Anonymous pages through gunicorn (two workers), page cache off then on, against a bare Django
# view; a few minutes once its database (.bench/, 10,000 pages, 20,000 events) is seeded.
# See README, "Speed".
bench: install
	$(BIN)/python bench/site_bench.py

# 60 s at 64 connections while an editor publishes, then Elasticsearch, Redis and the mail
# server down: pages keep serving, e-mails wait in the outbox. See README, "Speed".
load: install
	$(BIN)/python bench/load.py

# Refresh the French catalogue after changing texts (needs GNU gettext), then compile it.
messages: install
	$(BIN)/python manage.py makemessages --locale fr --ignore ".venv/*" --ignore "tests/*" --no-obsolete
	$(BIN)/python manage.py compilemessages --locale fr --ignore ".venv/*"

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media media_private static_collected .bench
