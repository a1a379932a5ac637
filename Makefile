# The two commands of the README: `make serve` and `make test`. Each does all set-up it needs on a
# fresh machine (Python packages in .venv, `npm ci`, Debian's chromium for the browser tests).
PY := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-fast test-repeat build validate lint bench setup-python setup-node setup-browser setup-language

# The preview (hooks/preview.py): MkDocs' server, which shows in the browser why the site cannot be built.
PORT ?= 8000
serve: setup-python setup-node
	$(PY) -m hooks.preview --port $(PORT)

# The publishing build: SITE_URL is the address the site is served from (README, Hosting).
build: setup-python setup-node
	$(PY) -m mkdocs build --strict

test: lint setup-node setup-browser setup-language
	$(PY) -m pytest

# The unit tests only (no build, no browser, no Pyodide): a writer's or a developer's quick loop.
test-fast: setup-python
	$(PY) -m pytest -m "not browser and not build and not pyodide and not slow"

validate: setup-python
	$(PY) -m checker validate

# Python: ruff and mypy. JavaScript: tsc --checkJs over the checker's scripts' JSDoc (TypeScript pinned
# in package.json), against the answer's types made from checker/model.py.
lint: setup-python setup-node
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m hooks.model_types .cache/types/model.d.ts
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.worker.json

# The real-browser tests three times in a row: a test that waits on luck instead of an event fails one.
test-repeat: setup-python setup-node setup-browser
	for run in 1 2 3; do $(PY) -m pytest -q -m browser || exit 1; done

# The benchmark of issue 5 (not part of the tests): writes bench/RESULTS.md.
bench: setup-python setup-node setup-browser bench/node_modules/.package-lock.json
	$(PY) -m bench.run

bench/node_modules/.package-lock.json: bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --ignore-scripts

# Every Python package at the version and hashes of requirements.lock (made from pyproject.toml by
# pip-compile, see WRITING.md), then the project itself without resolving anything again.
setup-python: .venv/.installed
.venv/.installed: pyproject.toml requirements.lock
	python3 -m venv .venv
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@# setuptools always adds a notice to an editable install ("be careful with folders in your working
	@# directory with the same name as your package": that is the point here): shown only if it fails.
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
		> .venv/install-project.log 2>&1 || { cat .venv/install-project.log; exit 1; }
	touch $@

setup-node: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts

setup-browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# The language gate (tests/test_language.py): Grammalecte and Hunspell, Debian's packages, offline.
setup-language:
	@command -v grammalecte-cli >/dev/null && test -e /usr/share/hunspell/fr_CA.dic && test -e /usr/share/hunspell/en_US.dic || { apt-get update -qq && apt-get install -y -qq grammalecte-cli hunspell hunspell-fr hunspell-en-us >/dev/null; }
