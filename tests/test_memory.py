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
    import ctypes, gc, json, sys
    import numpy as np
    from mnist_gui.core import run  # the core caps the C heap's arenas, as in the app and the CLI
    from mnist_gui.core.data import MnistData
    from mnist_gui.core.memory import release_free_memory
    from mnist_gui.core.models import preset
    from mnist_gui.core.training import Predictor

    RUNS = 14
    d = np.load(sys.argv[1])
    data = MnistData(d["x_train"][:1280], d["y_train"][:1280], d["x_test"][:500], d["y_test"][:500],
                     source="test", location=None, verified=False)

    class MallInfo2(ctypes.Structure):  # glibc >= 2.33
        _fields_ = [(field, ctypes.c_size_t) for field in
                    "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]

    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
        mallinfo2.restype = MallInfo2
    except (OSError, AttributeError):
        mallinfo2 = None

    rss, in_use = [], []
    for name in sys.argv[2:]:
        for _ in range(RUNS):
            outcome = run.train(preset(name, epochs=1), data, train_size=1280)
            Predictor(outcome.model)(data.x_test)  # as the app does with every new model
            del outcome
            gc.collect()
            release_free_memory()
            with open("/proc/self/statm") as f:
                rss.append(int(f.read().split()[1]) * 4096 / 2**20)
            if mallinfo2 is not None:  # the bytes malloc handed out and did not get back
                info = mallinfo2()
                in_use.append((info.uordblks + info.hblkhd) / 2**20)
    print(json.dumps({"rss": rss, "in_use": in_use}))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_repeated_runs_do_not_grow_memory(mnist_path, tmp_path):
    """Fourteen short runs of each preset: after the first two (caches warming up), the bytes the C
    heap has handed out grow by under 0.5 MB a run, and the resident size by under 3 MB (the CNN,
    augmented: 5 MB), by the least-squares slope. Before the trainer pool and shared predictors: 10
    MB (Seed DNN) and 25 MB (CNN) every run. The bytes in use are exact; the resident size of a CNN
    run swings by ±15 MB from one run to the next without any trend, hence its wider bound."""
    import numpy as np

    env = {**os.environ, "PYTHONPATH": str(REPO), "TF_CPP_MIN_LOG_LEVEL": "3"}
    env.pop("MALLOC_ARENA_MAX", None)
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(mnist_path), "seed", "cnn"], env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    for what, limits in (("rss", (3.0, 5.0)), ("in_use", (0.5, 0.5))):
        values = measured[what]
        if not values:
            continue  # no mallinfo2: not glibc, or older than 2.33
        runs = len(values) // 2
        for name, part, limit in (("seed", values[:runs], limits[0]), ("cnn", values[runs:], limits[1])):
            slope = np.polyfit(np.arange(2, runs), part[2:], 1)[0]
            assert slope < limit, f"{name}, {what}: {slope:.2f} MB a run; {[round(v, 1) for v in part]} MB"
