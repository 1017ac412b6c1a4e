# The two commands of the README: `make run` and `make test` (each sets everything up first).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)
export TF_CPP_MIN_LOG_LEVEL ?= 2

.PHONY: run test install data qt-libs bench package package-test dist desktop-tools bundled-exports translations clean

# The app's bytecode, once (quick when fresh): with PYTHONDONTWRITEBYTECODE set, every launch would
# compile ~80 modules again (0.08 s of the 0.5 s to the first prediction).
run: install data qt-libs
	@$(PY) -m compileall -q mnist_gui
	$(VENV)/bin/mnist-gui

# Qt's X11 plugin needs a few system libraries that minimal Linux installs lack.
QT_XCB_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
               libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0
qt-libs:
	@missing=; for lib in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxkbcommon-x11.so.0; do \
	  ldconfig -p 2>/dev/null | grep -q "$$lib" || missing="$$missing $$lib"; done; \
	if [ "$$(uname)" = Linux ] && command -v ldconfig >/dev/null && [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get install -y $(QT_XCB_LIBS) || { apt-get update && apt-get install -y $(QT_XCB_LIBS); }; \
	  else \
	    echo "Qt may need: sudo apt-get install $(QT_XCB_LIBS)"; \
	  fi; \
	fi

# Two pytest workers (pytest-xdist): most tests wait on one core (imports, Python, subprocesses),
# so two at once take 9.7 instead of 14.8 minutes on two cores. TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
test: install data
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(TEST_WORKERS)

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

# The bundled models' LiteRT exports (models/*.tflite, committed): the app predicts with them from
# launch until TensorFlow is ready. Each export records its .keras file's sha256 and must pass its
# parity check (test set and drawn digits); tests fail when one is stale. Re-run after retraining.
bundled-exports: install data
	for m in models/*.keras; do $(PY) -m mnist_gui export "$$m" --format litert --out "$${m%.keras}.tflite" || exit 1; done

# The app's languages (README: Languages): refresh translations/*.ts from the sources (new strings come
# in as unfinished, vanished ones go), then compile the committed resources/translations/*.qm.
# tests/test_translations.py fails, listing them, while a string has no translation.
LANGS := de fr
translations: install
	@mkdir -p translations resources/translations
	for l in $(LANGS); do \
	  $(VENV)/bin/pyside6-lupdate $$(find mnist_gui -name '*.py' | sort) -no-obsolete -locations none \
	    -source-language en -target-language $$l -ts translations/mnist_gui_$$l.ts || exit 1; \
	  $(VENV)/bin/pyside6-lrelease -silent translations/mnist_gui_$$l.ts -qm resources/translations/mnist_gui_$$l.qm || exit 1; \
	done

bench: install data
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# The desktop app as one folder, dist/mnist-gui/ (PyInstaller, build.spec; a few minutes on 2 cores),
# built from its own environment, $(PKG_VENV): the project's requirements with tensorflow-cpu (the
# same TensorFlow release as .venv's, without CUDA kernels) in place of tensorflow. The build
# includes models/ as it is now. It ends with the frozen app's own --smoke-test.
PKG_VENV  ?= .venv-package
PKG_PY    := $(PKG_VENV)/bin/python
PKG_STAMP := $(PKG_VENV)/.installed

$(PKG_STAMP): $(STAMP) pyproject.toml packaging/requirements.py
	test -x $(PKG_PY) || $(PYTHON) -m venv $(PKG_VENV)
	$(PKG_PY) -m pip install --quiet --upgrade pip
	$(PKG_PY) -m pip install --quiet --no-deps -e .
	$(PKG_PY) packaging/requirements.py package test \
	  --tensorflow-version "$$($(PY) -c 'import importlib.metadata as m; print(m.version("tensorflow"))')" \
	  > $(PKG_VENV)/requirements.txt
	$(PKG_PY) -m pip install --quiet -r $(PKG_VENV)/requirements.txt
	@! $(PKG_PY) -m pip show --quiet tensorflow 2>/dev/null || { echo "$(PKG_VENV) has tensorflow, not only tensorflow-cpu"; exit 1; }
	touch $(PKG_STAMP)

package: $(PKG_STAMP)
	$(PKG_PY) -m PyInstaller --noconfirm --clean build.spec
	dist/mnist-gui/mnist-gui --smoke-test
	$(PKG_PY) packaging/size_report.py dist/mnist-gui

# Builds (or reuses a build newer than every source) and tests the frozen app: tests/test_packaging.py,
# and the installable archive (make dist) installed into a temporary HOME: tests/test_desktop.py.
package-test: $(PKG_STAMP)
	$(PKG_PY) -m pytest -m packaging tests/test_packaging.py tests/test_desktop.py

# The installable Linux archive, dist/mnist-gui-VERSION-linux-ARCH.tar.gz: the packaged app with
# install.sh/uninstall.sh (per user, under ~/.local), the desktop entry, icons, metainfo and the model
# file type (packaging/linux/). Reuses dist/mnist-gui/ when it is newer than every source that goes
# into it (as tests/test_packaging.py does), else runs `make package` first.
APP_SOURCES := $(shell find mnist_gui packaging models resources -type f ! -path '*/__pycache__/*' \
                 ! -path 'packaging/linux/*' 2>/dev/null) build.spec pyproject.toml
dist/mnist-gui/mnist-gui: $(APP_SOURCES)
	$(MAKE) package

dist: dist/mnist-gui/mnist-gui
	sh packaging/linux/make_dist.sh dist/mnist-gui dist
	@du -sh dist/mnist-gui dist/mnist-gui-*-linux-*.tar.gz

# Optional: the validators tests/test_desktop.py runs when present (desktop-file-validate,
# appstreamcli); without them those two checks are skipped. Installs them with apt as root.
desktop-tools:
	@if command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get install -y desktop-file-utils appstream || { apt-get update && apt-get install -y desktop-file-utils appstream; }; \
	else echo "for the desktop entry and metainfo checks: sudo apt-get install desktop-file-utils appstream"; fi

clean:
	rm -rf build dist $(VENV) $(PKG_VENV)
