"""The one way the app runs work off the UI thread besides its two long-lived threads (the model
thread and the training thread): jobs in a ``QThreadPool``, and ``OwnThread`` for the LiteRT
interpreter. Nothing else starts a thread but ``core.train_process``, for the training process it
talks to (sending it the data, waiting for its end).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QRunnable, QThreadPool

log = logging.getLogger("mnist_gui.jobs")

BACKGROUND_NICE = 10


def background_priority(nice: int = BACKGROUND_NICE) -> None:
    """Let the calling worker thread, and every thread it starts later, yield the CPU to the UI thread.

    On two cores TensorFlow's compute threads otherwise keep the UI thread waiting for a core for
    tens of milliseconds at a time. All TensorFlow work starts on worker threads, so its thread
    pools inherit this too. Linux only: there each thread has its own nice value, and raising it
    needs no privileges.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), nice))
    except OSError:  # e.g. a sandbox that forbids it: only smoothness is lost
        log.debug("could not lower the priority of a worker thread", exc_info=True)


class _Job(QRunnable):
    def __init__(self, fn, report, nice: int):
        super().__init__()
        self.fn, self.report, self.nice = fn, report, nice

    def run(self):
        background_priority(self.nice)
        try:
            result, ok = self.fn(), True
        except Exception as exc:  # reported to the asker, never a crash
            log.debug("job failed", exc_info=True)
            result, ok = exc, False
        if self.report is not None:
            self.report(ok, result)


def start(pool: QThreadPool, fn, report=None, nice: int = BACKGROUND_NICE) -> None:
    """Run ``fn()`` in ``pool``; ``report(ok, result or exception)`` is called on the pool's thread
    (emit a queued signal there to come back to the UI thread)."""
    pool.start(_Job(fn, report, nice))


class OwnThread:
    """A thread of its own that never expires: calls block until it has answered.

    For the LiteRT interpreter, which must never run on the model thread: once it had, that thread
    crashed (SIGSEGV) at its first TensorFlow operation when TensorFlow was imported later on
    another thread (ai-edge-litert 2.3 and TensorFlow 2.21 each bring their own runtime).

    A ``ThreadPoolExecutor``'s thread, no Qt object: it is made on the model thread, and a
    ``QThreadPool`` made there deadlocked the window at start-up. Its constructor makes a connection, which takes one of
    Qt's signal-slot locks while the thread holds the GIL; the UI thread, destroying an animation,
    held that lock and waited for the GIL (PySide looks for a Python override under it).
    """

    def __init__(self, name: str):
        self.name = name
        self._pool = ThreadPoolExecutor(max_workers=1, initializer=self._started)

    def _started(self):
        threading.current_thread().name = self.name  # for logs and tests: which thread ran it
        background_priority()

    def __call__(self, fn, *args):
        """``fn(*args)`` on the thread; its exception, if any, is raised here (RuntimeError once closed)."""
        return self._pool.submit(fn, *args).result()

    def close(self):
        """The thread ends after the call it is answering, if any."""
        self._pool.shutdown(wait=False)
