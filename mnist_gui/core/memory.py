"""Giving freed memory back to the system."""

from __future__ import annotations

import ctypes
import os
import sys


def _glibc(name: str):
    """glibc's function ``name``, or None (not Linux, or another C library such as musl)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None


def release_free_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``; elsewhere nothing).

    A training run or a test-set pass frees hundreds of MB of tensors, spread over the heaps of
    many threads. glibc keeps such memory for reuse, so the process's resident size grew by 10-70
    MB with every run in one session although nothing was leaked. ctypes releases the GIL for
    the call: other Python threads go on meanwhile.
    """
    trim = _glibc("malloc_trim")
    if trim is not None:
        trim(0)


M_ARENA_MAX = -8  # glibc's mallopt parameter


def limit_heap_arenas() -> None:
    """Let glibc's malloc keep one heap arena per core (``mallopt(M_ARENA_MAX)``; elsewhere nothing).

    glibc makes up to eight arenas per core as threads ask, and TensorFlow's and tf.data's threads
    take them all. What a run frees leaves pages partly used in every arena, which ``malloc_trim``
    cannot give back: a process's resident size grew 1-6 MB a run (tests/test_memory.py's loop)
    while the bytes in use did not. With one arena per core it stays flat, and threads that run at
    once still rarely share one. Only arenas made later are capped: call it before TensorFlow
    starts its threads. A ``MALLOC_ARENA_MAX`` the user set is theirs.
    """
    mallopt = _glibc("mallopt")
    if mallopt is not None and "MALLOC_ARENA_MAX" not in os.environ:
        mallopt(M_ARENA_MAX, max(2, os.cpu_count() or 1))


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
