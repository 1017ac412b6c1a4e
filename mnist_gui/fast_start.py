"""The fast start's interpreter: a bundled model's LiteRT export answering until TensorFlow is ready
(and single Draw Pad images afterwards, where it is quicker than TensorFlow's compiled call)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import numpy as np

from . import jobs

log = logging.getLogger("mnist_gui.fast_start")


class LiteRTThread:
    """A LiteRTPredictor on a thread of its own (``jobs.OwnThread``); calls block until it answers.
    Calls come from the model thread one at a time, so answers cannot overtake each other."""

    def __init__(self, path):
        from .core.litert import LiteRTPredictor

        self.path = Path(path)
        self._thread = jobs.OwnThread("litert")
        self._predictor = self._thread(LiteRTPredictor, path)

    @classmethod
    def open(cls, path) -> "LiteRTThread | None":
        """The interpreter for ``path``, ready (one call made), or None if it cannot run here."""
        try:
            fast = cls(path)
        except Exception as exc:
            log.info("no LiteRT interpreter for %s: %s", path, exc)
            return None
        try:
            fast(np.zeros((28, 28), np.float32))
        except Exception as exc:
            log.info("the LiteRT export %s cannot predict: %s", path, exc)
            fast.close()
            return None
        return fast

    def __call__(self, images):
        return self._thread(self._predictor, images)

    def close(self):
        self._thread.close()


def faster_single(fast, predictor, repeats: int = 21) -> bool:
    """Whether the LiteRT interpreter answers one image sooner than the compiled TensorFlow call
    (medians, taking turns so that a slow spell of the machine falls on both)."""
    image = np.zeros((1, 28, 28), np.float32)
    times = {0: [], 1: []}
    try:
        for _ in range(repeats):
            for side, run in enumerate((fast, predictor)):
                started = time.perf_counter()
                run(image)
                times[side].append(time.perf_counter() - started)
    except Exception:
        return False
    return sorted(times[0])[repeats // 2] < sorted(times[1])[repeats // 2]
