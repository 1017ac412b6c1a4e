"""Start-up stays fast: no widget (nor the service, nor the core's import) pulls in TensorFlow."""

import subprocess
import sys

import pytest

HEAVY = ("tensorflow", "keras", "matplotlib")


@pytest.mark.parametrize("module", ["mnist_gui.ui.main_window", "mnist_gui.ui.training_tab",
                                    "mnist_gui.ui.gallery_tab", "mnist_gui.ui.draw_tab", "mnist_gui.service",
                                    "mnist_gui.core.models", "mnist_gui.core.training", "mnist_gui.cli"])
def test_import_pulls_in_no_heavy_library(module):
    code = f"import sys, {module}; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

