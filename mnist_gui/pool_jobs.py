"""The model host's jobs that must not wait behind the model: they run in its job pool (``jobs``)."""

from __future__ import annotations


def import_backend():
    import gc

    import keras  # noqa: F401  (the import is the work)
    import tensorflow  # noqa: F401

    gc.freeze()  # ~300,000 long-lived objects: full collections of them held the GIL for 100-300 ms


def build_model(config):
    from .core.models import build_model as build

    return build(config)


def prepare_image(source):
    """An image file (or grey pixels) made ready to read, in the pool: a 12-MP photo takes a while
    (and so does scaling its steps' pictures down for showing: not on the UI thread either)."""
    from .core.images import thumbnail
    from .core.numbers import prepare_image

    prepared = prepare_image(source() if callable(source) else source)  # a pasted image: converted here
    if prepared.steps is not None:
        prepared.thumbnails = {name: thumbnail(p, 240) for name, p in prepared.steps.steps.items()}
        prepared.thumbnails["pad"] = thumbnail(prepared.steps.steps["photo"], 720)
    return prepared


def load_dataset(path=None):
    from .core.data import load_mnist

    return load_mnist(path)
