"""How long File ▸ Save report… takes, and how long the UI thread's event loop stalls meanwhile.

The real ModelService (model thread, job pool, TensorFlow) opens a bundled model and the test set;
then the report (core/report.py) is written --runs times, as the menu writes it
(``service.request_report``), while a 5 ms QTimer probe records the gap between its ticks. A quiet
stretch of the same length is probed first: on a busy machine the probe's gaps are not all ours.
Prints per run the seconds and the longest gap, then their medians.
Usage: python benchmarks/report_stall.py [--model models/mnist_cnn.keras] [--runs 3] [--format pdf] [--data PATH]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

PROBE_MS = 5


class Probe:
    def __init__(self):
        self.clock, self.gaps = QElapsedTimer(), []
        self.timer = QTimer(interval=PROBE_MS, timeout=self._tick)

    def _tick(self):
        self.gaps.append(self.clock.restart())

    def start(self):
        self.gaps = []
        self.clock.start()
        self.timer.start()

    def stop(self) -> int:
        self.timer.stop()
        return max(self.gaps[1:] or [0])


def wait(signal, seconds=600):
    loop = QEventLoop()
    got = []
    signal.connect(lambda *args: (got.append(args), loop.quit()))
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    if not got:
        raise SystemExit(f"timed out waiting for {signal}")
    return got[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(REPO / "models" / "mnist_cnn.keras"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="pdf", choices=("pdf", "png", "svg"))
    parser.add_argument("--data")
    args = parser.parse_args()
    app = QApplication([])  # noqa: F841
    from mnist_gui.service import ModelService

    service = ModelService()
    service.load_backend()
    wait(service.backend_ready)
    service.load_dataset(args.data)
    wait(service.dataset_ready)
    service.open_model(args.model)
    wait(service.test_predictions_ready)
    probe = Probe()
    seconds, stalls = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            probe.start()
            loop = QEventLoop()
            QTimer.singleShot(3000, loop.quit)
            loop.exec()
            idle = probe.stop()
            probe.start()
            started = time.perf_counter()
            reply = service.request_report(Path(folder) / f"r{run}.{args.format}")
            failed = []
            reply.failed.connect(lambda _, error: failed.append(error))
            wait(reply.answered if not failed else reply.failed)
            seconds.append(time.perf_counter() - started)
            stalls.append(probe.stop())
            worst = sorted(probe.gaps[1:])[-3:]
            print(f"run {run + 1}: {seconds[-1]:.1f} s, longest gap {stalls[-1]} ms (next: {worst[:-1]}); "
                  f"idle probe before it: {idle} ms", flush=True)
    print(f"median: {statistics.median(seconds):.1f} s a report, longest UI gap {statistics.median(stalls):.0f} ms "
          f"({Path(args.model).name}, {args.format}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})")
    service.shutdown()


if __name__ == "__main__":
    main()
