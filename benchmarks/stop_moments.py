"""Stop pressed at every moment of a run, through the ModelService as the app runs it: how soon is the
end reported, and does the window's process keep its memory?

Each run presses Train (a new model of the preset), waits DELAY seconds and presses Stop; "fresh"
presses Stop at once without waiting for a training process to be ready (the moment just after the
previous run ended). It prints one line per run:
    stop at DELAY: finished|failed MESSAGE in X.XX s; model=NAME; rss=N MB
(the time from stop_training() to the end reported on the UI thread; the window's process's
resident memory once the result is installed).
Usage: python benchmarks/stop_moments.py [--preset cnn] [--delays 0 0.01 0.1 0.5 1 2 4 8 fresh 0 3 15 fresh]
"""

import argparse
import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DELAYS = ["0", "0.01", "0.1", "0.5", "1", "2", "4", "8", "fresh", "0", "3", "15", "fresh"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="cnn")
    parser.add_argument("--delays", nargs="+", default=DELAYS)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication

    from mnist_gui.core.models import preset
    from mnist_gui.service import ModelService
    from train_cycles import rss_mb, wait_until

    app = QCoreApplication.instance() or QCoreApplication([])
    service = ModelService()
    service.prepare_training()  # as the app does

    def wait(condition, timeout_s):
        try:
            wait_until(app, condition, timeout_s)
        except (TimeoutError, AssertionError, RuntimeError):
            pass

    service.load_backend()
    service.load_dataset(args.data if Path(args.data).exists() else None)
    wait(lambda: service.backend_is_ready and service.data is not None, 300)
    ended = []
    service.training_finished.connect(lambda history, stopped: ended.append(("finished", stopped, time.monotonic())))
    service.training_failed.connect(lambda message: ended.append(("failed", message, time.monotonic())))
    try:
        for delay in args.delays:
            if delay != "fresh":
                wait(lambda: service.runner.process_ready, 60)
            ended.clear()
            assert service.start_training(preset(args.preset)), "training did not start"
            if delay != "fresh" and float(delay):
                wait(lambda: False, float(delay))
            pressed = time.monotonic()
            service.stop_training()
            wait(lambda: ended and not service.is_training, 60)
            wait(lambda: not service.busy, 60)
            if ended:
                kind, what, at = ended[0]
                line = f"{kind} {str(what)[:90]} in {at - pressed:.2f} s"
            else:
                line = "no end reported in 60 s"
            name = service.model_info.name if service.model_info else None
            print(f"stop at {delay}: {line}; model={name}; rss={rss_mb():.0f} MB", flush=True)
    finally:
        service.shutdown()


if __name__ == "__main__":
    main()
