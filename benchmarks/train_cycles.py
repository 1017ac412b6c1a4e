"""Start/stop training cycles through the ModelService, as the app runs them: does memory stay bounded,
and does Stop land quickly?

Each cycle presses Train (ModelService.start_training), waits until batches are running (past the
first compile), presses Stop, and waits for the run to report that it ended. Each run trains in a
training process of its own (as in the app, one waits ready for the next run). It prints, per preset,
the window's process's resident memory after each cycle (and the waiting training process's) and then
    rss_growth_per_cycle_mb=X.X stop_latency_max_s=X.XX
where the growth is the mean over the cycles after the second (the first ones warm caches up) and
the stop latency is from stop_training() to the end being reported on the UI thread.
Goals: growth <= 10 MB per cycle, stop <= 1.0 s, for the Seed DNN and the CNN.
Usage: python benchmarks/train_cycles.py [--cycles 10] [--preset seed cnn] [--batches 30] [--data PATH]
"""

import argparse
import gc
import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402


def rss_mb(pid="self") -> float:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return float("nan")


def wait_until(app, condition, timeout_s: float):
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def cycles(service, app, preset_name: str, n: int, batches: int):
    from mnist_gui.core.models import preset

    config = preset(preset_name)
    rss, latencies = [], []
    for i in range(n):
        seen = {"batches": 0, "ended": None}
        on_batch = lambda epoch, done, total, logs: seen.__setitem__("batches", epoch * total + done)  # noqa: E731
        on_end = lambda *args: seen.__setitem__("ended", time.monotonic())  # noqa: E731
        service.batch_progress.connect(on_batch)
        service.training_finished.connect(on_end)
        service.training_failed.connect(on_end)
        assert service.start_training(config), "training did not start"
        wait_until(app, lambda: seen["batches"] >= batches, 300)
        stopped_at = time.monotonic()
        service.stop_training()
        wait_until(app, lambda: seen["ended"] is not None and not service.is_training, 120)
        latencies.append(seen["ended"] - stopped_at)
        for signal, slot in ((service.batch_progress, on_batch), (service.training_finished, on_end),
                             (service.training_failed, on_end)):
            signal.disconnect(slot)
        wait_until(app, lambda: not service.busy, 120)  # the model thread installed the result
        gc.collect()
        rss.append(rss_mb())
        child = service.runner.process_id
        print(f"  {preset_name} cycle {i + 1}: rss={rss[-1]:.0f} MB stop={latencies[-1]:.2f} s "
              f"(training process waiting: {rss_mb(child) if child else float('nan'):.0f} MB)", flush=True)
    growth = (rss[-1] - rss[1]) / (len(rss) - 2) if len(rss) > 2 else float("nan")
    return growth, max(latencies)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=10)
    parser.add_argument("--preset", nargs="+", default=["seed", "cnn"])
    parser.add_argument("--batches", type=int, default=30, help="batches to run before pressing Stop")
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()

    from mnist_gui.service import ModelService

    app = QCoreApplication.instance() or QCoreApplication([])
    service = ModelService()
    service.prepare_training()
    ready = {"backend": False, "data": False}
    service.backend_ready.connect(lambda: ready.__setitem__("backend", True))
    service.dataset_ready.connect(lambda _: ready.__setitem__("data", True))
    service.load_backend()
    service.load_dataset(args.data if Path(args.data).exists() else None)
    wait_until(app, lambda: all(ready.values()), 300)
    try:
        for name in args.preset:
            growth, stop_max = cycles(service, app, name, args.cycles, args.batches)
            print(f"{name}: rss_growth_per_cycle_mb={growth:.1f} stop_latency_max_s={stop_max:.2f}", flush=True)
    finally:
        service.shutdown()
    QTimer.singleShot(0, app.quit)


if __name__ == "__main__":
    main()
