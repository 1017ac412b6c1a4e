"""`mnist-gui --smoke-test`, as the packaged app runs it: one line, exit 0; nonzero with the reason."""

import subprocess
import sys

import pytest

from mnist_gui import paths
from mnist_gui.core import storage


def _run(env_extra=None, tmp_path=None):
    import os

    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "mnist_gui", "--smoke-test"], capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.mark.skipif(not storage.list_models(paths.bundled_models_dir()), reason="no bundled models")
def test_smoke_test_passes_with_bundled_model():
    done = _run()
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("smoke-test ok: window with 5 tabs")
    assert "predicted 20/20" in lines[0] or "predicted 19/20" in lines[0]
    assert "trained 1 epoch in a training process in " in lines[0]


def test_smoke_test_fails_with_reason_when_no_model(monkeypatch, tmp_path, capsys):
    from mnist_gui import smoke

    monkeypatch.setattr(paths, "bundled_models_dir", lambda: tmp_path)
    assert smoke.run_smoke_test() == 1
    err = capsys.readouterr().err
    assert err.startswith("smoke-test FAILED: no bundled model in")
