"""Running tests/ui with TensorFlow and Keras unimportable: shared by the test that checks it passes
(tests/test_ui_without_tensorflow.py) and the benchmark that times it (benchmarks/ui_tests.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no CPU time of children
    resource = None

REPO = Path(__file__).resolve().parents[1]
BLOCKED = ("tensorflow", "keras")


def blocking_path(folder: Path) -> Path:
    """``folder``, holding packages that, first on the path, make ``import tensorflow`` and ``import keras`` fail."""
    for name in BLOCKED:
        (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / name / "__init__.py").write_text(
            f"raise ImportError('{name} is made unimportable for this test run')\n")
    return folder


def blocked_env(folder: Path, mnist_path) -> dict[str, str]:
    """The environment of a run that cannot import TensorFlow and finds the same MNIST as the caller."""
    blocked = blocking_path(folder)
    # One BLAS thread: the numpy models' small products gain nothing from more, and OpenBLAS's idle
    # threads spin, which counted a third of the run's CPU time.
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", MNIST_GUI_TEST_MNIST=str(mnist_path),
                OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
                PYTHONPATH=os.pathsep.join(filter(None, [str(blocked), os.environ.get("PYTHONPATH")])))


@dataclass
class UiRun:
    returncode: int
    summary: str          # pytest's last line: "202 passed in 38.72s"
    output: str
    cpu_s: float | None   # the run's CPU time (user + system); None where it cannot be read
    wall_s: float | None  # pytest's own figure

    @property
    def outcomes(self) -> dict[str, int]:
        return {kind: int(n) for n, kind in re.findall(r"(\d+) (\w+)", self.summary.split(" in ")[0])}


def _children_cpu_time() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_ui_tests(env: dict[str, str], *pytest_args: str) -> UiRun:
    before = _children_cpu_time() if resource else 0.0
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/ui", "-p", "no:cacheprovider", *pytest_args],
                         env=env, cwd=REPO, capture_output=True, text=True, timeout=900)
    cpu = _children_cpu_time() - before if resource else None
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    wall = re.search(r" in ([\d.]+)s", summary)
    return UiRun(run.returncode, summary, run.stdout[-5000:] + run.stderr[-2000:], cpu,
                 float(wall[1]) if wall else None)
