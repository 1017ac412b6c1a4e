"""The copies of a run's model that the window's process predicts with while it trains (no Qt).

A run trains in a child process (``core.train_process``); each epoch's weights come back and are
loaded into a copy here, which the model thread predicts with. Making one — Keras layers from the
child's config (40-70 ms of Python), its forward pass traced (25-40 ms) and compiled for the batch
sizes it is asked (120-180 ms) — held the window's GIL in a run's first second and at its first
epoch end, where a drawing user's frames were missed. So copies are kept from one run to the next,
one per architecture, and each preset's own is made ahead of any run, while the app is idle.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections import OrderedDict

from .trainers import config_key

log = logging.getLogger("mnist_gui.training")

KEEP = 4  # architectures kept: the presets' and one more (a model from a file, an edited MLP)


def preset_architectures() -> list[dict]:
    """Each preset's model with its default settings, serialized as the training process sends it."""
    import keras

    from .models import PRESET_NAMES, PRESETS, build_model

    return [keras.saving.serialize_keras_object(build_model(PRESETS[name].defaults, compile=False, seeded=False))
            for name in PRESET_NAMES]


class LiveCopies:
    """(model, ``Predictor``) pairs by architecture. A pair taken for a run is loaded with its epochs'
    weights by the model thread alone; runs come one at a time, so a kept pair serves them in turn.
    Thread-safe."""

    def __init__(self, keep: int = KEEP):
        self.keep = keep
        self._lock = threading.Lock()
        self._copies: OrderedDict = OrderedDict()

    def __len__(self) -> int:
        return len(self._copies)

    def kept(self) -> list:
        with self._lock:
            return list(self._copies.values())

    def take(self, architecture: dict):
        """The pair for ``architecture`` (a serialized model): a kept one, else made now."""
        key = config_key(architecture)
        with self._lock:
            pair = self._copies.get(key) if key is not None else None
            if pair is not None:
                self._copies.move_to_end(key)
                return pair
        pair = _make(architecture)
        if key is not None:
            self._keep(key, pair)
        return pair

    def make_ahead(self, architectures, batch_sizes=(1,)) -> int:
        """Make and keep a pair for each architecture not kept yet, compiled for ``batch_sizes``;
        how many were made. Never raises: a copy not made ahead is made when a run needs it."""
        made = 0
        for architecture in architectures:
            key = config_key(architecture)
            with self._lock:
                if key is None or key in self._copies:
                    continue
            try:
                pair = _make(architecture, batch_sizes)
                _trace_overlay(pair[0])
            except Exception:
                log.warning("a live copy was not made ahead", exc_info=True)
                continue
            self._keep(key, pair)
            made += 1
        return made

    def _keep(self, key, pair) -> None:
        with self._lock:
            self._copies.setdefault(key, pair)
            self._copies.move_to_end(key)
            while len(self._copies) > self.keep:
                self._copies.popitem(last=False)


def _make(architecture: dict, batch_sizes=()):
    import numpy as np

    from .train_process import from_config
    from .training import Predictor

    model = from_config(copy.deepcopy(architecture))  # deserializing takes the config apart
    predictor = Predictor(model)
    for size in batch_sizes:  # each batch size is a program of its own
        predictor(np.zeros((size, 28, 28), np.float32))
    return model, predictor


def _trace_overlay(model) -> None:
    """The Draw Pad's overlay, traced while the app is idle rather than by the model thread at a
    run's first epoch end (0.5 s of Python in 5-ms GIL turns: the window missed frames there)."""
    from .inside import InsideError, warm_attribution

    try:
        warm_attribution(model)
    except InsideError:  # a model the overlay cannot explain: it says so when asked
        log.debug("no overlay traced for a live copy", exc_info=True)
