"""How long the Gallery takes to show new images: Shuffle (Ctrl+R) on a full grid, layout and paint included.

The real MainWindow (offscreen) with the start-up model and its test-set predictions, the Gallery
in front; each shuffle shows images not shown before, so every pixmap is drawn, not cached.
Goal: median <= 0.1 s for the largest grid (the UI thread does all of it).
Usage: python benchmarks/gallery_shuffle.py [--runs 15] [--data PATH]
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

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

GOAL_SECONDS = 0.1


def wait(predicate, timeout_s):
    loop = QEventLoop()
    poll = QTimer(interval=50, timeout=lambda: predicate() and loop.quit())
    poll.start()
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    poll.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()

    from mnist_gui.service import ModelService
    from mnist_gui.ui.main_window import MainWindow

    app = QApplication([])  # noqa: F841
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    service = ModelService()
    window = MainWindow(service, settings=settings)
    window.resize(1280, 900)
    window.show()
    window.start(args.data if Path(args.data).exists() else None)
    wait(lambda: service.data is not None and service.test_probabilities is not None, 120)
    if service.test_probabilities is None:
        print("no model predictions after 120 s: is there a bundled model and the data?")
        return 1
    gallery = window.gallery_tab
    window.tabs.setCurrentWidget(gallery)
    wait(lambda: False, 0.5)  # the tab shown and painted

    for size in sorted({gallery.grid_size_combo.itemData(i) for i in range(gallery.grid_size_combo.count())}):
        gallery.grid_size_combo.setCurrentIndex(gallery.grid_size_combo.findData(size))
        QApplication.processEvents()
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            gallery.shuffle()
            QApplication.processEvents()  # layout and paint included
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(f"shuffle, {size}×{size} grid ({len(gallery.shown_indices())} images): median {median * 1000:.1f} ms "
              f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, {args.runs} runs)")
    print(f"goal: median <= {GOAL_SECONDS * 1000:.0f} ms for the largest grid: "
          f"{'met' if median <= GOAL_SECONDS else 'MISSED'}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
