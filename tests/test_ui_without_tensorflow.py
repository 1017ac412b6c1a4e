"""The widget tests (tests/ui) need no TensorFlow: they pass with it unimportable.
How long they take is measured by benchmarks/ui_tests.py (issue 16's 30-s criterion), not here: a
timed assert fails on a slower CPU for no fault of the code."""

import subprocess
import sys

from without_tensorflow import BLOCKED, REPO, blocked_env, run_ui_tests


def test_widget_tests_pass_without_tensorflow(tmp_path, mnist_path):
    env = blocked_env(tmp_path / "blocked", mnist_path)
    for name in BLOCKED:  # the block works: the run below cannot reach the real libraries
        probe = subprocess.run([sys.executable, "-c", f"import {name}"], env=env, cwd=REPO,
                               capture_output=True, text=True)
        assert probe.returncode != 0 and "made unimportable" in probe.stderr

    run = run_ui_tests(env)
    cpu = "?" if run.cpu_s is None else f"{run.cpu_s:.1f}"
    print(f"tests/ui without TensorFlow: {run.summary} (CPU time {cpu} s)")
    assert run.returncode == 0, run.output
    assert set(run.outcomes) <= {"passed", "warning", "warnings"}, f"not every test passed: {run.summary!r}"
    assert run.outcomes.get("passed", 0) >= 40  # the whole tests/ui, not a remnant of it
