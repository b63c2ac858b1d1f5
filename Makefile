# make run   : set up .venv if needed, then run every notebook on the seeds and write figures/
#              (ARGS="--corpus DIR --group-by category" passes options to corpus-tools run)
# make test  : set up .venv if needed, then lint and run the whole test suite
# make test-fast : the same, without the tests marked slow (notebook runs, JupyterLab, Dask)
# make lab   : open JupyterLab on notebooks/
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint typecheck lab bench clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,notebooks]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/corpus-tools run $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@if ls notebooks/*.ipynb >/dev/null 2>&1; then $(BIN)/nbstripout --verify notebooks/*.ipynb; fi

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	MPLBACKEND=Agg $(BIN)/python -m pytest

test-fast: lint typecheck
	MPLBACKEND=Agg $(BIN)/python -m pytest -m "not slow"

lab: $(STAMP)
	cd notebooks && ../$(BIN)/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root)

bench: $(STAMP)
	$(BIN)/python benchmarks/segmentation.py ../shared/eval/ud_vtb/vi_vtb-ud-dev.conllu

clean-venv:
	rm -rf $(VENV)
