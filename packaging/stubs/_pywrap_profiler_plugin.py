"""Stand-in for TensorFlow's ``_pywrap_profiler_plugin`` extension in the packaged mnist-gui app.

The real extension (86 MB) is TensorFlow's *remote* profiler client: it backs only
``tf.profiler.experimental.client.trace`` and ``.monitor``, which profile a separate TensorFlow
server. ``import tensorflow`` imports it eagerly, so the packaged app ships this small module instead
(see packaging/trim.py). The app never profiles; calling either function raises a clear error.
"""


def _unavailable(*args, **kwargs):
    raise RuntimeError(
        "TensorFlow's remote profiler client (tf.profiler.experimental.client) is not included "
        "in the packaged mnist-gui app")


trace = _unavailable
monitor = _unavailable


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return _unavailable
