"""How long the UI thread's event loop stalls while a real training run goes on in the window.

The real MainWindow (offscreen) trains the Seed DNN (--preset: another preset, with its own
settings, augmentation included) on full MNIST from the Training tab; a 5 ms QTimer probe
records the gap between its ticks; a stall is a gap beyond the timer's interval.
The probe starts before Train is pressed, so the start of training (compiling) counts too.
The charts, progress bars, Gallery and Draw Pad updates all happen as in normal use.
The Training tab is in front (what a user watches while training); --tab gallery measures with the
Gallery in front instead, which then redraws its grid and confusion matrix at every epoch end;
--tab draw with the Draw Pad in front and a simulated user drawing on it all along (mouse moves at
60 Hz, strokes read live by the model thread, the pad cleared after every third stroke);
--tab inside with the Inside tab in front (--inside-view: which of its views, 0 = layer by layer)
while the same simulated user draws on the pad, so the tab follows the drawing live and every epoch;
--tab robustness with the Robustness tab in front and a simulated user dragging its sliders all along
(60 moves a second, every slider in turn: each drag asks for evaluations, the newest only while one
is computed), while its curves are measured again at every epoch end.
--gil-ticker adds a Python thread that sleeps 1 ms at a time: its late wake-ups are how long some
other thread held the GIL (or the CPU) meanwhile. --switch-interval MS sets sys.setswitchinterval (the
app's own value otherwise) to see what the GIL's hand-over costs the window. --gil-where prints, for
each hold over 12 ms, where the other threads were just after it (the holder is among them). Every
run prints the garbage collections (a full one holds the GIL throughout) and the UI's longest
stalls with how much of each was the UI thread's own CPU time.
Usage: python benchmarks/ui_stall.py [--seconds 30] [--tab training|gallery|draw|inside|robustness] [--inside-view N]
       [--preset seed|mlp|cnn] [--data PATH] [--gil-ticker [--gil-where]] [--switch-interval MS]
"""

import argparse
import gc
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QPoint, QPointF, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mnist_gui.core.models import PRESET_NAMES, PRESET_TITLES  # noqa: E402

PROBE_MS = 5
TABS = ("training", "gallery", "draw", "inside", "robustness")  # in the window's order
MOVE_MS = 16  # a mouse reports its moves at about 60 Hz


class DrawingUser:
    """Draws on the Draw Pad as a user would, with real mouse events: a round stroke of 30 moves,
    a short pause, another stroke; the pad is cleared after every third stroke."""

    def __init__(self, draw_tab):
        self.tab, self.canvas = draw_tab, draw_tab.canvas
        self.step, self.strokes = 0, 0
        self.timer = QTimer(interval=MOVE_MS, timeout=self._move)

    def _send(self, kind, point, buttons):
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        event = QMouseEvent(kind, QPointF(point), QPointF(self.canvas.mapToGlobal(point)), button,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.canvas, event)

    def _move(self):
        moves, pause = 30, 10
        i = self.step % (moves + pause)
        self.step += 1
        if i > moves:
            return
        w, h = self.canvas.width(), self.canvas.height()
        angle = 2 * np.pi * i / moves + self.strokes
        point = QPoint(int(w / 2 + 0.3 * min(w, h) * np.cos(angle)), int(h / 2 + 0.35 * min(w, h) * np.sin(angle)))
        if i == 0:
            self._send(QEvent.Type.MouseButtonPress, point, Qt.MouseButton.LeftButton)
        elif i < moves:
            self._send(QEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton)
        else:
            self._send(QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.NoButton)
            self.strokes += 1
            if self.strokes % 3 == 0:
                self.tab.clear_action.trigger()


def measure_cpu(obj, names, costs):
    """Wrap ``obj``'s (a class's) methods ``names`` to record the CPU time of each call (ms)."""
    import time

    for name in names:
        method = getattr(obj, name)

        def timed(*args, _method=method, _name=name, **kwargs):
            start = time.thread_time_ns()
            try:
                return _method(*args, **kwargs)
            finally:
                costs.setdefault(_name, []).append((time.thread_time_ns() - start) / 1e6)
        setattr(obj, name, timed)


class SliderUser:
    """Drags the Robustness tab's sliders as a user would: a 1-s drag of one slider across part of
    its range (a move every 16 ms), a short pause, then the next slider."""

    def __init__(self, tab):
        self.tab, self.step, self.drags = tab, 0, 0
        self.timer = QTimer(interval=MOVE_MS, timeout=self._move)

    def _move(self):
        moves, pause = 60, 20
        i = self.step % (moves + pause)
        self.step += 1
        if i >= moves:
            return
        names = list(self.tab.sliders)
        slider = self.tab.sliders[names[self.drags % len(names)]]
        span = slider.maximum() - slider.minimum()
        slider.setValue(slider.minimum() + round(span * (0.5 + 0.4 * np.sin(2 * np.pi * i / moves))))
        if i == moves - 1:
            self.drags += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--tab", choices=TABS, default="training")
    parser.add_argument("--inside-view", type=int, default=0)
    parser.add_argument("--preset", choices=PRESET_NAMES, default="seed", help="what to train (default: the Seed DNN)")
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    parser.add_argument("--gil-ticker", action="store_true", help="also measure GIL holds with a 1-ms ticker thread")
    parser.add_argument("--gil-where", action="store_true",
                        help="with --gil-ticker: where every other thread was after each hold over 12 ms")
    parser.add_argument("--switch-interval", type=float, metavar="MS", help="sys.setswitchinterval, in ms")
    args = parser.parse_args()

    from mnist_gui.service import ModelService
    from mnist_gui.ui.main_window import MainWindow
    from mnist_gui.ui.robustness_tab import RobustnessTab

    tab_costs = {}
    if args.tab == "robustness":  # the tab's own work on the UI thread, per slider move and per answer
        measure_cpu(RobustnessTab, ("_on_slider", "_on_ready"), tab_costs)

    app = QApplication([])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    service = ModelService()
    service.prepare_training()  # as the app does: a training process waits for Train
    window = MainWindow(service, settings=settings)
    window.show()

    def wait(predicate, timeout_s):
        # An event loop polled by a timer (PySide6 6.12's processEvents(flags, ms) corrupts None's
        # reference count when called in a tight loop).
        loop = QEventLoop()
        poll = QTimer(interval=50, timeout=lambda: predicate() and loop.quit())
        poll.start()
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        loop.exec()
        poll.stop()

    window.start(args.data if Path(args.data).exists() else None)
    # Started up: TensorFlow, the data, the startup model and its test-set predictions.
    wait(lambda: service.backend_is_ready and service.data is not None
         and service.test_probabilities is not None and service.runner.process_ready, 120)
    window.training_tab.apply_preset(args.preset)
    window.tabs.setCurrentIndex(TABS.index(args.tab))
    window.inside_tab.views.setCurrentIndex(args.inside_view)
    wait(lambda: False, 0.5)  # the tab shown and painted

    gaps = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick():
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        stamps.append(now / 1e9)
        cpu = time.thread_time()
        busy.append((cpu - last_cpu[0]) * 1000)  # the UI thread's own CPU time in the gap
        last[0], last_cpu[0] = now, cpu

    stamps, busy, last_cpu = [], [], [time.thread_time()]
    gc_pauses = []  # (seconds from Train, ms, generation): a collection holds the GIL throughout
    gc_started = {}

    def on_gc(phase, info):
        if phase == "start":
            gc_started[threading.get_ident()] = time.perf_counter()
        elif threading.get_ident() in gc_started:
            ms = (time.perf_counter() - gc_started.pop(threading.get_ident())) * 1000
            gc_pauses.append((clock.nsecsElapsed() / 1e9, ms, info["generation"]))

    gc.callbacks.append(on_gc)

    probe = QTimer(interval=PROBE_MS, timeout=tick)
    probe.start()
    if args.switch_interval is not None:
        sys.setswitchinterval(args.switch_interval / 1000)
    ticker_gaps, ticking, holders = [], threading.Event(), []
    if args.gil_ticker:
        def ticker():
            before = time.perf_counter()
            me = threading.get_ident()
            while not ticking.is_set():
                time.sleep(0.001)
                now = time.perf_counter()
                ticker_gaps.append(((now - before) * 1000, clock.nsecsElapsed() / 1e9))
                if (now - before) * 1000 > 12:  # where the other threads are just after the long hold
                    names = {t.ident: t.name for t in threading.enumerate()}
                    where = []
                    for ident, frame in sys._current_frames().items():
                        if ident != me:
                            stack = traceback.extract_stack(frame)[-3:]
                            where.append(f"{names.get(ident, ident)}@" + " < ".join(
                                f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack)))
                    holders.append((clock.nsecsElapsed() / 1e9, (now - before) * 1000, where))
                before = now

        threading.Thread(target=ticker, daemon=True).start()
    epochs = []
    service.epoch_finished.connect(lambda e, logs: epochs.append(e))
    QTimer.singleShot(0, window.training_tab.start_training)  # as if Train were clicked now
    user = DrawingUser(window.draw_tab)
    if args.tab in ("draw", "inside"):
        user.timer.start()
    slider_user = SliderUser(window.robustness_tab)
    if args.tab == "robustness":
        slider_user.timer.start()
    # Counted where each tab's requests are answered (each request's answer goes to its asker alone).
    robustness = []
    for kind, request in window.robustness_tab._requests.items():
        request.answered.connect(lambda result, args, kind=kind: robustness.append(kind))
        request.partial.connect(lambda result, args, kind=kind: robustness.append(kind))
    inside_shown = []
    for kind in ("layers", "attribution", "weights", "histograms", "map", "network", "data"):
        window.inside_tab._request(kind).answered.connect(lambda result, args, kind=kind: inside_shown.append(kind))
    answers = []
    window.draw_tab._predictions.answered.connect(lambda probs, args: answers.append(probs is not None))
    loop = QEventLoop()  # the real event loop, as in the app
    QTimer.singleShot(int(args.seconds * 1000), loop.quit)
    loop.exec()
    probe.stop()
    ticking.set()
    user.timer.stop()
    slider_user.timer.stop()
    window.close()

    stalls = np.maximum(np.array(gaps) - PROBE_MS, 0)
    print(f"probe: {len(gaps)} ticks of {PROBE_MS} ms over {args.seconds:.0f} s from pressing Train "
          f"({PRESET_TITLES[args.preset]}) with the {args.tab.title()} tab in front; {len(epochs)} epochs ended meanwhile")
    if args.tab == "inside":
        print(f"Inside view {window.inside_tab.views.tabText(args.inside_view).replace('&', '')!r}: "
              f"{len(inside_shown)} results from the model thread")
    if args.tab == "robustness":
        print(f"sliders: {slider_user.drags} drags, {robustness.count('evaluate')} evaluations and "
              f"{robustness.count('curves')} curve results (parts included) from the model thread")
        for name, ms in tab_costs.items():
            print(f"tab's own UI-thread CPU time in {name}: {len(ms)} calls, median {np.median(ms):.2f} ms, "
                  f"max {max(ms):.2f} ms")
    if args.tab in ("draw", "inside"):
        print(f"drawing: {user.strokes} strokes, {sum(answers)} live predictions shown")
    print(f"switch interval {sys.getswitchinterval() * 1000:.1f} ms")
    if ticker_gaps:
        late = np.maximum(np.array([g for g, _ in ticker_gaps]) - 1, 0)
        print(f"GIL ticker (1-ms sleeps): late by p99 {np.percentile(late, 99):.1f} ms, max {late.max():.1f} ms")
        worst = sorted(range(len(late)), key=lambda i: -late[i])[:6]
        print("  its longest waits (s from Train: ms): "
              + ", ".join(f"{ticker_gaps[i][1]:.2f}: {late[i]:.1f}" for i in sorted(worst)))
    if args.gil_where:
        for t, ms, where in holders:
            print(f"  ticker {ms:.1f} ms late at {t:.2f} s; threads then:")
            for w in where:
                print("     " + w)
    gc.callbacks.remove(on_gc)
    if gc_pauses:
        longest = sorted(gc_pauses, key=lambda p: -p[1])[:5]
        print(f"garbage collections: {len(gc_pauses)}, longest (s from Train: ms, generation): "
              + ", ".join(f"{t:.2f}: {ms:.1f} g{g}" for t, ms, g in sorted(longest)))
    worst = sorted(range(len(stalls)), key=lambda i: -stalls[i])[:6]
    print("UI's longest stalls (s from Train: ms, of which the UI thread's own CPU): "
          + ", ".join(f"{stamps[i]:.2f}: {stalls[i]:.1f} ({busy[i]:.1f})" for i in sorted(worst)))
    print(f"UI stall beyond the probe interval: p99 {np.percentile(stalls, 99):.1f} ms, "
          f"max {stalls.max():.1f} ms; goal: max <= 50 ms")


if __name__ == "__main__":
    main()
