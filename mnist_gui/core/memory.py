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
