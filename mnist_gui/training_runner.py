"""The Qt adapter of one training run: ``core.run.train`` in a child process
(``core.train_process``), reported as signals.

A thread here follows the child: it hands over the model to continue, receives the run's
progress, and takes (from the architecture the child sends) the live copy the model thread predicts
with, loading it with the weights of each epoch end; live copies are kept from run to run and the
presets' are made ahead (``core.live_copies``). Stop and the live setting changes
(``core.live``) cross to the child; a child that does not stop when asked is killed. A child is
made ahead of a run (``prepare``): starting one takes seconds (it imports TensorFlow).
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QObject, Qt, QThread, QThreadPool, QTimer, Signal, Slot

from .core.live_copies import LiveCopies
from .core.memory import release_free_memory
from .session import RunRequest

log = logging.getLogger("mnist_gui.training")

# A run asked to stop that is still going this long after is ended by force. A run stops after its
# current step, and a CNN's first step (traced and compiled) ends 2-4 s after Train here.
KILL_AFTER_MS = 10_000
STOPPED_BY_FORCE = ("Stopped: the training process did not answer within {seconds} s and was ended; the "
                    "run's result is lost.")


class _TrainingWorker(QObject):
    """Follows one run in its child process, on the runner's thread; reports through queued signals."""

    batch_progress = Signal(int, int, int, object)
    epoch_finished = Signal(int, object, object, object)   # epoch, logs, weights, live copy
    finished = Signal(object)                              # core.run.RunOutcome
    failed = Signal(str)
    health_measured = Signal(int, object)                  # epoch, core.health stats
    setting_changed = Signal(object)                       # a core.live change, as applied

    def __init__(self, request: RunRequest, data, model, child, live_copies):
        super().__init__()
        self.request, self.data, self.model, self.child = request, data, model, child
        self.live_copies = live_copies
        self.live_copy = None  # (model, Predictor) of the run's architecture, for the model thread

    @Slot()
    def run(self):
        from .core.train_process import TrainingProcessError
        from .core.training import TrainingError
        from .jobs import background_priority

        background_priority()
        r = self.request
        args = dict(config=r.plan.config, prior=r.prior, epochs=r.plan.epochs, train_size=r.train_size,
                    keep_optimizer=r.keep_optimizer, **r.run_args)
        try:
            outcome = self.child.run(self.data, args, self.model, on_model=self._build_live_copy,
                                     on_batch=self.batch_progress.emit, on_epoch=self._on_epoch,
                                     on_health=self.health_measured.emit, on_setting=self.setting_changed.emit)
        except (TrainingError, TrainingProcessError) as exc:
            self.failed.emit(str(exc))
        except MemoryError:
            self.failed.emit("Out of memory: try a smaller model or batch size.")
        except Exception as exc:
            log.error("training failed:\n%s", traceback.format_exc())
            self.failed.emit(f"Training failed: {exc}")
        else:
            self.finished.emit(outcome)
        finally:
            self.model = self.data = self.request = None
            release_free_memory()  # the model handed over and the one rebuilt here (after the signal)

    def _build_live_copy(self, architecture):
        # Here, before the first epoch ends: built on the model thread then, beside the epoch's
        # other work, it kept the UI thread from the GIL for up to 50 ms.
        self.live_copy = self.live_copies.take(architecture)

    def _on_epoch(self, epoch, logs, weights):  # after _build_live_copy: the child sends the model first
        self.epoch_finished.emit(epoch, logs, weights, self.live_copy)


def _stop(child) -> bool:
    """A run that has not begun ends at once, with nothing trained (False); one that has is asked to
    stop after its current step (True: it may not answer)."""
    if child.cancel():
        return False
    child.stop()
    return True


class TrainingRunner(QObject):
    """One run at a time, in a child process followed from a QThread; the UI side of it."""

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
        self._child = None          # core.train_process.TrainingChild: the running one, or one ready
        self._running_child = None
        self._prepared_data = None  # set by prepare(): after each run a new child waits with it
        self.live_copies = LiveCopies()
        self._made_ahead = False
        self._killed_on_stop = False
        self.kill_after_ms = KILL_AFTER_MS
        self._kill_timer = QTimer(self, singleShot=True,
                                  timerType=Qt.TimerType.PreciseTimer)  # a coarse one fires up to 5% early
        self._kill_timer.timeout.connect(self._kill)

    @property
    def is_running(self) -> bool:
        return self._thread is not None

    @property
    def process_id(self) -> int | None:
        """The training process's id: the running run's, else the one waiting for a run."""
        child = self._running_child or self._child
        return None if child is None else child.process.pid

    @property
    def process_ready(self) -> bool:
        """A training process waits, TensorFlow imported: Train starts at once."""
        return self._child is not None and self._child.is_ready()

    def prepare(self, data) -> None:
        """Have a child ready (TensorFlow imported, ``data`` given) for the next run, and after every run."""
        self._prepared_data = data
        if self._thread is not None:
            return  # the next one is made when this run ends
        try:
            if self._child is None:
                self._child = self._new_child()
            self._child.give_data(data)
        except Exception:  # the run itself will say why, when asked for
            log.warning("no training process made ahead:\n%s", traceback.format_exc())
            self._child = None
        self._make_live_copies_ahead()

    def _make_live_copies_ahead(self) -> None:
        """Once, in the job pool: the presets' live copies, so that no run's first second makes one."""
        if self._made_ahead:
            return
        self._made_ahead = True
        from . import jobs
        from .core.live_copies import preset_architectures
        from .core.training import EVAL_BATCH

        copies = self.live_copies
        # compiled for what an epoch end asks: a drawing, and the test set in calls of EVAL_BATCH
        jobs.start(QThreadPool.globalInstance(), lambda: copies.make_ahead(preset_architectures(), (1, EVAL_BATCH)))

    def _new_child(self):
        from .core.train_process import TrainingChild

        return TrainingChild()

    def start(self, request: RunRequest, data, model=None) -> None:
        """Train ``model`` (None: a new one from the plan's config) as ``request`` says."""
        child, self._child = self._child, None
        if child is not None and not child.process.is_alive():  # e.g. ended by the system while it waited
            child = None
        try:
            child = child or self._new_child()
        except Exception as exc:  # said as the run's failure, once the caller has seen it start
            message = str(exc)
            QTimer.singleShot(0, lambda: self.failed.emit(message))
            return
        thread = QThread(self)
        thread.setObjectName("training")
        worker = _TrainingWorker(request, data, model, child, self.live_copies)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.batch_progress.connect(self.batch_progress)
        worker.epoch_finished.connect(self.epoch_finished)
        worker.health_measured.connect(self.health_measured)
        worker.setting_changed.connect(self.setting_changed)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker, self._running_child = thread, worker, child
        thread.start()

    def stop(self):
        if self._running_child is not None and _stop(self._running_child):
            self._kill_timer.start(self.kill_after_ms)

    def change_settings(self, **changes) -> None:
        """Learning rate (from the next step) or augmentation (next epoch): ``Session.live_change``."""
        if self._running_child is not None:
            self._running_child.change(**changes)

    def _kill(self):
        if self._running_child is not None:
            log.warning("the training process did not stop when asked: ended by force")
            self._killed_on_stop = True
            self._running_child.kill()

    @Slot(object)
    def _on_finished(self, outcome):
        self._end_thread()
        self.finished.emit(outcome)

    @Slot(str)
    def _on_failed(self, message):
        if self._killed_on_stop:
            message = STOPPED_BY_FORCE.format(seconds=f"{self.kill_after_ms / 1000:g}")
        self._end_thread()
        self.failed.emit(message)

    def _end_thread(self):
        self._kill_timer.stop()
        self._killed_on_stop = False
        thread, worker = self._thread, self._worker
        self._thread = self._worker = self._running_child = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.live_copy = None
            worker.deleteLater()
        if self._prepared_data is not None:
            QTimer.singleShot(0, lambda: self.prepare(self._prepared_data))

    def shutdown(self, timeout_ms: int) -> bool:
        """Stop the run (its child is killed if it has not ended in ``timeout_ms``) and any idle child."""
        self._prepared_data = None
        if self._child is not None:
            self._child.close()
            self._child = None
        thread, child = self._thread, self._running_child
        if thread is None:
            return True
        _stop(child)
        thread.quit()  # its event loop quits once run() returns
        if thread.wait(timeout_ms):
            return True
        child.kill()
        return thread.wait(5_000)
