"""Quiet library calls for one-line command output: the C++ INFO lines of LiteRT and TensorFlow
("Created TensorFlow Lite XNNPACK delegate", "Assets written to"), Keras' Python warnings (an
optimizer's state skipped on load) go to a closed stderr while the call runs. Errors still reach the
caller as exceptions. ``TF_CPP_MIN_LOG_LEVEL=0`` shows everything, as for TensorFlow's start-up lines.
"""

from __future__ import annotations

import contextlib
import os
import sys
import warnings


@contextlib.contextmanager
def quiet():
    """Within: file descriptor 2 goes to /dev/null and Python warnings are ignored (one thread's
    command-line job; the app never calls this)."""
    if os.environ.get("TF_CPP_MIN_LOG_LEVEL") == "0":
        yield
        return
    try:
        sys.stderr.flush()
        saved, devnull = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    except OSError:  # no stderr to speak of: nothing to quieten
        yield
        return
    os.dup2(devnull, 2)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
