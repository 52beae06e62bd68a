# Task runner: make test | lint | eval | bench | demo | serve
PY ?= python

test:
	pip install -q '.[test]' && $(PY) -m pytest -q

lint:
	ruff check src tests && ruff format --check src tests && mypy

eval:
	pressgraph evaluate ../shared/eval/dev

bench:
	PYTHONPATH=src $(PY) -m pressgraph bench

demo:
	pip install -q . && pressgraph demo

serve:
	PYTHONPATH=src $(PY) -m pressgraph serve
