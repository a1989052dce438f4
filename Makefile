# Contact Journal: `make run` starts the app, `make test` runs the whole suite.
# Both create .venv/ at the repository root on first use, with encryption (sqlcipher3) installed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run demo screenshots test bench dist install-desktop translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[encryption]'
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,encryption]'
	touch $(STAMP) $@

run: $(STAMP)
	$(BIN)/contact-journal $(ARGS)

demo: $(STAMP)
	$(BIN)/contact-journal --demo

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

test: $(TEST_STAMP)
	$(BIN)/ruff check journal tests bench tools
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(ARGS)

$(DIST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dist,encryption]'
	touch $(STAMP) $@

# One folder, dist/contact-journal/, whose contact-journal program needs no Python installed.
dist: $(DIST_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec

# Menu entry and icons for this user, running this checkout's venv.
install-desktop: $(STAMP)
	$(BIN)/python -m journal.desktop.integration install --exec "$(abspath $(BIN))/contact-journal"

# Re-scan journal/ui for tr() strings into the .ts files, then compile them to .qm.
translations: $(STAMP)
	$(BIN)/python tools/update_translations.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
