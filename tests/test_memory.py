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


ARENAS_SCRIPT = textwrap.dedent("""
    import ctypes, os, sys, tempfile, threading
    if sys.argv[1] == "core":
        import mnist_gui.core  # noqa: F401  (caps the arenas, as every process of the app does)
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.fopen.restype = ctypes.c_void_p
    threads = 4 * max(2, os.cpu_count() or 1)
    together = threading.Barrier(threads + 1)

    def allocate():  # a thread's first malloc takes an arena of its own while the cap allows
        libc.malloc(1000)
        together.wait()
        together.wait()

    for _ in range(threads):
        threading.Thread(target=allocate).start()
    together.wait()
    with tempfile.NamedTemporaryFile(suffix=".xml") as report:
        fp = libc.fopen(report.name.encode(), b"w")
        libc.malloc_info(0, ctypes.c_void_p(fp))
        libc.fclose(ctypes.c_void_p(fp))
        print(open(report.name).read().count("<heap nr="))
    together.wait()
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_the_core_caps_the_heap_arenas_at_one_per_core():
    """Threads that allocate at once each get an arena of their own, up to glibc's eight per core;
    once mnist_gui.core is imported, up to one per core (at least two)."""
    import ctypes

    if not hasattr(ctypes.CDLL(None), "malloc_info"):
        pytest.skip("not glibc")
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    env["PYTHONPATH"] = str(REPO)
    cap = max(2, os.cpu_count() or 1)
    counts = {}
    for mode in ("plain", "core"):
        done = subprocess.run([sys.executable, "-c", ARENAS_SCRIPT, mode], env=env, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr[-2000:]
        counts[mode] = int(done.stdout.strip().splitlines()[-1])
    assert counts["plain"] > cap, counts  # the probe sees arenas multiply without the cap
    assert counts["core"] <= cap, counts
