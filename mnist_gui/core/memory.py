"""Giving freed memory back to the system."""

from __future__ import annotations

import ctypes
import sys


def release_free_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``; elsewhere nothing).

    A training run or a test-set pass frees hundreds of MB of tensors, spread over the heaps of
    many threads. glibc keeps such memory for reuse, so the process's resident size grew by 10-70
    MB with every run in one session although nothing was leaked. ctypes releases the GIL for
    the call: other Python threads go on meanwhile.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, ...)
        return
    trim(0)


_frozen_once = False


def freeze_long_lived_once() -> None:
    """Move every object alive now out of the garbage collector's reach, once (``gc.freeze``).

    Called when start-up is over (TensorFlow and the first model in): what exists then lives as
    long as the app. Python's full collections otherwise scanned it all with the GIL held: 15-28 ms
    every ~15 s of a CNN run, a stall of the window as long (benchmarks/ui_stall.py --gil-ticker).
    Only once: freezing a run's objects would keep its garbage for ever.
    """
    global _frozen_once
    if not _frozen_once:
        _frozen_once = True
        import gc

        gc.freeze()
