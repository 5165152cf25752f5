# Transparenca: `make run` serves the demo site, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export ELASTICSEARCH_URL ?= http://127.0.0.1:9200

.PHONY: test-postgres help install system-deps vendor es-start es-stop es-status pg-start pg-stop migrate demo run \
        lint format check test pytest translations worker

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/.installed: requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

install: $(VENV)/.installed ## create .venv and install the pinned requirements

system-deps: ## install missing Debian packages (Chromium, Maven, JRE, dictionaries)
	scripts/system-deps

vendor: ## fetch axe-core from the npm registry into .cache/vendor
	scripts/vendor-assets

es-start: ## start the local Elasticsearch node (idempotent)
	scripts/elasticsearch start

es-stop: ## stop the local Elasticsearch node
	scripts/elasticsearch stop

es-status:
	scripts/elasticsearch status

pg-start: ## start the private PostgreSQL server for tests (127.0.0.1:5433)
	scripts/postgres start

pg-stop:
	scripts/postgres stop

translations: install ## compile the .po catalogues
	$(MANAGE) compilemessages -v 0 --ignore .venv --ignore .cache --ignore node_modules

migrate: install translations
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) createcachetable -v 0

demo: migrate ## load the demo content (idempotent)
	$(MANAGE) load_demo_content

run: install system-deps ## set up and serve the demo site on http://127.0.0.1:8000/
	@scripts/elasticsearch start || { \
	  echo; echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	  echo "!! run: ELASTICSEARCH DID NOT START (the reason is printed above)."; \
	  echo "!! The site falls back to the DATABASE search: no diacritic-free, Cyrillic/Latin"; \
	  echo "!! or typo-tolerant matching, and /api/search/ answers degraded: true."; \
	  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; echo; }
	@$(MAKE) --no-print-directory demo
	@echo "Transparenca: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, demo users: editor, moderator, translator-sr, officer, admin; password transparenca-demo)"
	@mkdir -p .cache
	@echo "Background worker (text extraction, Wagtail's index updates): log in .cache/worker.log"
	@$(MANAGE) tasks_worker --no-reload --interval 0.2 > .cache/worker.log 2>&1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT)

worker: migrate ## run the background task worker alone (what `make run` starts beside the site)
	$(MANAGE) tasks_worker --no-reload --interval 0.2

lint: install ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install translations ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

pytest: install translations
	$(VENV)/bin/pytest $(PYTEST_ARGS)

POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5433/transparenca

test: install system-deps vendor es-start pg-start lint check ## set up and run the whole test suite
	$(VENV)/bin/pytest $(if $(CI),--create-db,--reuse-db) $(PYTEST_ARGS)
ifdef CI
	@$(MAKE) --no-print-directory test-postgres
endif

test-postgres: install pg-start ## the database-dependent tests again, on PostgreSQL
	DATABASE_URL=$(POSTGRES_TEST_URL) $(VENV)/bin/pytest --create-db -m "not browser" \
	  -p no:cacheprovider tests/core tests/reports tests/localization tests/access_requests tests/hardening \
	  --ignore=tests/core/test_elasticsearch_script.py --ignore=tests/core/test_production.py \
	  --ignore=tests/access_requests/test_concurrency.py $(PYTEST_POSTGRES_ARGS)

# Plone 6 add-on demo: a local Plone 6.2 (own venv under .cache/plone, never in
# the Django process) with transparenca.plone and a directorate's content,
# registered as the source "urbanizmi" of the demo hub (`make run`).
PLONE_PORT ?= 8080
PLONE_SECRET ?= plone-demo-webhook-secret
.PHONY: plone-demo
plone-demo: migrate ## local Plone 6.2 on 127.0.0.1:8080 with the add-on and demo content, as a hub source
	scripts/plone install
	scripts/plone start --port $(PLONE_PORT)
	scripts/plone create-site --port $(PLONE_PORT) --source-slug urbanizmi --secret $(PLONE_SECRET) \
	  --hub-url http://$(HOST):$(PORT)/api/sources/urbanizmi/webhook/
	$(MANAGE) add_source plone --slug urbanizmi --name "Drejtoria e Urbanizmit" \
	  --url http://127.0.0.1:$(PLONE_PORT)/Plone --municipality gjilan --municipality-name Gjilan \
	  --secret $(PLONE_SECRET)
	$(VENV)/bin/python plone/demo_content.py --url http://127.0.0.1:$(PLONE_PORT)/Plone
	@echo "Plone: http://127.0.0.1:$(PLONE_PORT)/Plone (admin/admin); stop it with scripts/plone stop"
