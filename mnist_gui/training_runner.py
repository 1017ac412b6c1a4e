"""The Qt adapter of one training run: ``core.run.train`` on its own thread, reported as signals.

The run's thread owns the model being trained and nothing else. At each epoch end it hands a copy
of the weights (and, once, an inference copy of the architecture built on this thread) to the
model thread, so predictions follow the run without touching the model being trained. Stop is a
``threading.Event`` the run checks after every step. Changes of the learning rate and augmentation
during the run reach it through ``core.live.LiveSettings``; at each epoch end its network's health
(``core.health``) is measured on this thread and handed over before the epoch's results.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .core.memory import release_free_memory
from .jobs import background_priority
from .session import RunRequest

log = logging.getLogger("mnist_gui.training")

BATCH_SIGNAL_INTERVAL = 0.05  # at most 20 batch-progress signals a second


class _TrainingWorker(QObject):
    """Runs one ``core.run.train`` on the training thread; reports through queued signals."""

    batch_progress = Signal(int, int, int, object)
    epoch_finished = Signal(int, object, object, object)   # epoch, logs, weights, live copy
    finished = Signal(object)                              # core.run.RunOutcome
    failed = Signal(str)
    health_measured = Signal(int, object)                  # epoch, core.health stats
    setting_changed = Signal(object)                       # a core.live change, as applied

    def __init__(self, request: RunRequest, data, model, stop_event: threading.Event, live=None):
        super().__init__()
        self.request, self.data, self.model, self.stop_event = request, data, model, stop_event
        self.live_copy = None  # (model, Predictor) of the same architecture, for the model thread
        self._last_emit = 0.0
        self.live, self.health = live, None
        if live is not None:
            live.on_applied = self.setting_changed.emit

    @Slot()
    def run(self):
        from .core import run, training
        from .core.models import ConfigError

        background_priority()
        progress = training.callback_progress(self._on_batch, self._on_epoch)
        try:
            r = self.request
            outcome = run.train(r.plan.config, self.data, model=self.model, prior=r.prior, epochs=r.plan.epochs,
                                train_size=r.train_size, progress=progress, stop_event=self.stop_event,
                                keep_optimizer=r.keep_optimizer, on_model=self._build_live_copy,
                                live=self.live, **r.run_args)
        except (ConfigError, training.TrainingError) as exc:
            self.failed.emit(str(exc))
        except MemoryError:
            self.failed.emit("Out of memory: try a smaller model or batch size.")
        except Exception as exc:
            log.error("training failed:\n%s", traceback.format_exc())
            self.failed.emit(f"Training failed: {exc}")
        else:
            self.model = self.data = None
            self.finished.emit(outcome)
        finally:
            self.model = self.data = self.request = None
            release_free_memory()  # after the signal: Stop reaches the UI first

    def _build_live_copy(self, model):
        # Built here, before training: built on the model thread at the first epoch end, beside this
        # thread's work, it kept the UI thread from the GIL for up to 50 ms.
        from .core.trainers import float32_clone
        from .core.training import Predictor

        copy = float32_clone(model)  # predicts as the model the run hands out will
        self.live_copy = (copy, Predictor(copy))
        self.health = _monitor(model, self.data)

    def _on_batch(self, epoch, done, total, logs):
        now = time.monotonic()
        if now - self._last_emit >= BATCH_SIGNAL_INTERVAL or done == total:
            self._last_emit = now
            self.batch_progress.emit(epoch, done, total, logs)

    def _on_epoch(self, epoch, logs, weights):
        if self.health is not None:
            try:
                self.health_measured.emit(epoch, self.health.measure(epoch))
            except Exception:  # informative only: the run goes on without it
                log.warning("training health not measured:\n%s", traceback.format_exc())
                self.health = None
        self.epoch_finished.emit(epoch, logs, weights, self.live_copy)


def _monitor(model, data):
    from .core.health import HealthMonitor

    try:
        return HealthMonitor(model, data.x_train, data.y_train)
    except Exception:
        log.warning("training health not measured:\n%s", traceback.format_exc())
        return None


class TrainingRunner(QObject):
    """One run at a time, on its own QThread; the UI side of it."""

    batch_progress = Signal(int, int, int, object)
    epoch_finished = Signal(int, object, object, object)
    finished = Signal(object)
    failed = Signal(str)
    health_measured = Signal(int, object)
    setting_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _TrainingWorker | None = None
        self.stop_event = threading.Event()

    @property
    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, request: RunRequest, data, model=None) -> None:
        """Train ``model`` (None: a new one from the plan's config) as ``request`` says."""
        from .core.live import LiveSettings

        self.stop_event = threading.Event()
        thread = QThread(self)
        thread.setObjectName("training")
        worker = _TrainingWorker(request, data, model, self.stop_event, LiveSettings(request.plan.config))
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.batch_progress.connect(self.batch_progress)
        worker.epoch_finished.connect(self.epoch_finished)
        worker.health_measured.connect(self.health_measured)
        worker.setting_changed.connect(self.setting_changed)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        thread.start()

    def stop(self):
        self.stop_event.set()

    def change_settings(self, **changes) -> None:
        """Learning rate (from the next step) or augmentation (next epoch): ``Session.live_change``."""
        if self._worker is not None and self._worker.live is not None:
            self._worker.live.request(**changes)

    @Slot(object)
    def _on_finished(self, outcome):
        self._end_thread()
        self.finished.emit(outcome)

    @Slot(str)
    def _on_failed(self, message):
        self._end_thread()
        self.failed.emit(message)

    def _end_thread(self):
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.live_copy = None
            worker.deleteLater()

    def shutdown(self, timeout_ms: int) -> bool:
        self.stop_event.set()
        thread = self._thread
        if thread is None:
            return True
        thread.quit()  # its event loop quits once run() returns
        return thread.wait(timeout_ms)
