"""File ▸ Save report… end to end: the real window and service, TensorFlow and a trained model; a job
writes the file off the UI thread and the status bar says where. (Failures and the menu's state:
tests/ui/test_report_action.py, over the fake host.)"""

import threading

from PySide6.QtWidgets import QFileDialog

from mnist_gui.core import report


def test_save_report_writes_the_file_off_the_ui_thread_and_says_so(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "centroids report"  # no suffix: the chosen filter's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF, all pages (*.pdf)"))
    action = window.save_report.action
    assert action.isEnabled() and action.text() == "Save &report…"
    threads, write = [], report.write
    monkeypatch.setattr(report, "write", lambda *a: threads.append(threading.get_ident()) or write(*a))
    action.trigger()  # the UI thread only sends the request (benchmarks/report_stall.py measures its stalls)
    reply = window.save_report.reply
    assert reply is not None and not action.isEnabled()  # one report at a time
    assert "Writing the report" in window.activity_label.text()
    with qtbot.waitSignal(reply.answered, timeout=120_000):
        pass
    written = out.with_suffix(".pdf")
    assert written.read_bytes().startswith(b"%PDF-")
    assert window.activity_label.text() == f"Saved the report (6 pages) to {written}"
    assert action.isEnabled()
    assert threads and threads[0] != threading.get_ident()  # drawn and written by a job, off the UI thread
