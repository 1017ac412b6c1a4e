"""The benchmarks and tools import the app's names inside their functions, after argument parsing:
a name moved or renamed in mnist_gui breaks them only when they run (litert_single.py failed so
for a whole round). Every ``from mnist_gui... import NAME`` in them must resolve."""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted([*ROOT.glob("benchmarks/*.py"), *ROOT.glob("tools/*.py")])


def _app_imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "mnist_gui":
            for alias in node.names:
                yield node.module, alias.name


def _resolves(module_name: str, name: str) -> bool:
    module = importlib.import_module(module_name)
    if hasattr(module, name):
        return True
    try:  # a submodule: from mnist_gui.core import storage
        importlib.import_module(f"{module_name}.{name}")
        return True
    except ImportError:
        return False


def test_the_scripts_are_found():
    names = {p.name for p in SCRIPTS}
    assert {"litert_single.py", "ui_stall.py", "time_to_accuracy.py", "train_bundled.py"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_app_name_a_script_imports_exists(script):
    missing = [f"from {m} import {n}" for m, n in _app_imports(script) if not _resolves(m, n)]
    assert not missing, f"{script.name}: {missing}"
