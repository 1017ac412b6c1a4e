"""File ▸ Save report… on the real service over the fake host: a job writes the file, the status bar
says so; a failure is one error; the UI thread only sends the request."""

import threading

import pytest
from PySide6.QtCore import QElapsedTimer, QSettings
from PySide6.QtWidgets import QFileDialog

from mnist_gui.core import report
from mnist_gui.core.models import preset
from mnist_gui.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, service_with_model, tmp_path):
    win = MainWindow(service_with_model, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    return win


def test_save_report_writes_the_file_off_the_ui_thread_and_says_so(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "centroids report"  # no suffix: the chosen filter's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF, all pages (*.pdf)"))
    action = window.save_report.action
    assert action.isEnabled() and action.text() == "Save &report…"
    threads, write = [], report.write
    monkeypatch.setattr(report, "write", lambda *a: threads.append(threading.get_ident()) or write(*a))
    clock = QElapsedTimer()
    clock.start()
    action.trigger()
    assert clock.elapsed() < 50  # the UI thread only sends the request (benchmarks/report_stall.py measures the rest)
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


def test_a_report_that_cannot_be_written_is_one_error(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append((title, message)))
    window.save_report.save(str(tmp_path / "missing" / "r.pdf"))
    with qtbot.waitSignal(window.save_report.reply.failed, timeout=30_000):
        pass
    assert len(shown) == 1 and shown[0][0] == "Save report" and "\n" not in shown[0][1]
    assert "there is no folder" in shown[0][1] and window.save_report.action.isEnabled()


def test_save_report_waits_while_training(qtbot, window):
    service = window.service
    assert service.start_training(preset("mlp", epochs=1), train_size=500)
    assert not window.save_report.action.isEnabled()
    service.runner.run_batches()
    service.runner.end_epoch()
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()
    qtbot.waitUntil(window.save_report.action.isEnabled)
