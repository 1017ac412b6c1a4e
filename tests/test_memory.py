"""Memory stays bounded over repeated training runs in one process (issue: +70 MB per run)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent("""
    import gc, json, sys
    import numpy as np
    from mnist_gui.core import run
    from mnist_gui.core.data import MnistData
    from mnist_gui.core.memory import release_free_memory
    from mnist_gui.core.models import preset
    from mnist_gui.core.training import Predictor

    RUNS = 14
    d = np.load(sys.argv[1])
    data = MnistData(d["x_train"][:1280], d["y_train"][:1280], d["x_test"][:500], d["y_test"][:500],
                     source="test", location=None, verified=False)
    rss = []
    for name in sys.argv[2:]:
        for _ in range(RUNS):
            outcome = run.train(preset(name, epochs=1), data, train_size=1280)
            Predictor(outcome.model)(data.x_test)  # as the app does with every new model
            del outcome
            gc.collect()
            release_free_memory()
            with open("/proc/self/statm") as f:
                rss.append(int(f.read().split()[1]) * 4096 / 2**20)
    print(json.dumps(rss))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_repeated_runs_do_not_grow_memory(mnist_path, tmp_path):
    """Fourteen short runs of each preset: after the first two (caches warming up), memory grows by
    under 3 MB a run (the CNN, augmented: 5 MB), by the least-squares slope. Before the trainer pool
    and shared predictors: 10 MB (Seed DNN) and 25 MB (CNN) every run. A slope, because a CNN run's
    resident memory can swing by ±25 MB from one run to the next without any trend."""
    import numpy as np

    env = {**os.environ, "PYTHONPATH": str(REPO), "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(mnist_path), "seed", "cnn"], env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    rss = json.loads(done.stdout.strip().splitlines()[-1])
    runs = len(rss) // 2
    for name, part, limit in (("seed", rss[:runs], 3.0), ("cnn", rss[runs:], 5.0)):
        slope = np.polyfit(np.arange(2, runs), part[2:], 1)[0]
        assert slope < limit, f"{name}: {slope:.1f} MB a run; {[round(r) for r in part]} MB"
