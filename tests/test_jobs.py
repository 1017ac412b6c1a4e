"""Threads off the UI thread (mnist_gui/jobs.py): OwnThread, the LiteRT interpreter's thread."""

import threading

import pytest

from mnist_gui import jobs


def test_own_thread_answers_each_call_on_one_named_thread_in_order():
    own = jobs.OwnThread("litert-test")
    try:
        seen = [own(lambda i: (i, threading.current_thread().name, threading.get_ident()), i) for i in range(5)]
        assert [s[0] for s in seen] == list(range(5))
        assert {s[1] for s in seen} == {"litert-test"}
        assert len({s[2] for s in seen}) == 1 and seen[0][2] != threading.get_ident()
    finally:
        own.close()


def test_own_thread_hands_failures_back_and_keeps_answering():
    own = jobs.OwnThread("failing")
    try:
        with pytest.raises(ValueError, match="bad"):
            own(lambda: (_ for _ in ()).throw(ValueError("bad")))
        with pytest.raises(SystemExit):  # not only Exceptions: the caller must never wait forever
            own(lambda: (_ for _ in ()).throw(SystemExit(3)))
        assert own(lambda: 42) == 42
    finally:
        own.close()
    with pytest.raises(RuntimeError, match="after shutdown"):
        own(lambda: 1)


def test_own_thread_makes_no_qt_object(monkeypatch):
    """Made on the model thread: a QObject made there took one of Qt's locks with the GIL held and
    deadlocked the window against the UI thread at start-up."""
    from PySide6 import QtCore

    def no_qt(*args, **kwargs):
        raise AssertionError("OwnThread made a Qt object")

    monkeypatch.setattr(jobs, "QThreadPool", no_qt)
    monkeypatch.setattr(QtCore, "QThreadPool", no_qt)
    monkeypatch.setattr(QtCore, "QThread", no_qt)
    own = jobs.OwnThread("plain")
    try:
        assert own(lambda: "answered") == "answered"
    finally:
        own.close()
