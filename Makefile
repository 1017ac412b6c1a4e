# The two commands of the README: `make run` and `make test` (each sets everything up first).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)
export TF_CPP_MIN_LOG_LEVEL ?= 2

.PHONY: run test install data bench package package-test clean

run: install data
	$(VENV)/bin/mnist-gui

test: install data
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python >= 3.10 is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Gets MNIST into the per-user cache (or says how to provide it); fast once cached.
data: install
	$(VENV)/bin/mnist-gui data

bench: install data
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf build dist $(VENV)
