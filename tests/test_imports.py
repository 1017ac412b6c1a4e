"""Start-up stays fast: no widget (nor the service, nor the core's import) pulls in TensorFlow."""

import os
import subprocess
import sys

import pytest

HEAVY = ("tensorflow", "keras", "matplotlib")


@pytest.mark.parametrize("module", ["mnist_gui.ui.main_window", "mnist_gui.ui.training_tab",
                                    "mnist_gui.ui.gallery_tab", "mnist_gui.ui.draw_tab", "mnist_gui.ui.inside_tab",
                                    "mnist_gui.core.inside", "mnist_gui.service",
                                    "mnist_gui.core.models", "mnist_gui.core.training", "mnist_gui.cli",
                                    "mnist_gui.core.export", "mnist_gui.core.litert", "mnist_gui.core.gallery_selection",
                                    "mnist_gui.core.codegen"])
def test_import_pulls_in_no_heavy_library(module):
    code = f"import sys, {module}; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"



def test_core_sets_its_xla_option_and_keeps_a_users_choice():
    code = "import os, mnist_gui.core; print(os.environ['XLA_FLAGS'])"
    env = {k: v for k, v in os.environ.items() if k != "XLA_FLAGS"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["--xla_cpu_copy_insertion_use_region_analysis=true"]
    env["XLA_FLAGS"] = "--xla_cpu_copy_insertion_use_region_analysis=false --xla_dump_to=/tmp/x"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == env["XLA_FLAGS"].split()
