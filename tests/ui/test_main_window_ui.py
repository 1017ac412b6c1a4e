"""The main window on the fake service: quitting with a trained, unsaved model; About's versions."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from mnist_gui.core.models import preset
from mnist_gui.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_real_dialog(monkeypatch):
    """pytest-qt closes the window after each test: a real question box would block it forever."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def _train_a_model(qtbot, service):
    assert service.start_training(preset("mlp", epochs=1), train_size=2000)
    service.runner.run_batches()
    service.runner.end_epoch()
    with qtbot.waitSignal(service.training_outcome):
        service.runner.finish_training()
    with qtbot.waitSignal(service.model_changed):
        service.use_new_model() if not service.outcome.using_new else service.model_changed.emit(service.model_info)
    assert service.has_unsaved_model


@pytest.mark.parametrize("answer, closes", [(QMessageBox.StandardButton.Cancel, False),
                                            (QMessageBox.StandardButton.Discard, True)])
def test_quitting_with_an_unsaved_trained_model_asks(qtbot, window, monkeypatch, answer, closes):
    service = window.service
    _train_a_model(qtbot, service)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or answer)
    window.close()
    assert asked and service.model_info.name in asked[0]
    assert window.isVisible() != closes
    window.ask_to_save = lambda: True
    window.close()


def test_quitting_without_a_trained_model_does_not_ask(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    window.close()
    assert not window.isVisible()


def test_the_status_bar_says_a_model_is_not_saved(qtbot, window):
    _train_a_model(qtbot, window.service)
    assert "(not saved)" in window.model_label.text()


def test_about_names_versions_without_importing_tensorflow(window):
    import re
    from pathlib import Path

    text = window.about_text()
    assert "Python" in text and "Qt" in text and "TensorFlow" in text
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    version = re.search(r'^version\s*=\s*"([^"]+)"', pyproject, re.MULTILINE).group(1)
    assert f"mnist-gui {version}<br>" in text  # the one version, pyproject.toml's


def test_about_names_the_models_clean_and_drawn_accuracy(qtbot, window):
    from dataclasses import replace

    from mnist_gui.session import ModelInfo

    service = window.service
    service.session.model_info = ModelInfo("mnist_cnn", 7, preset="cnn", test_accuracy=0.9961, drawn_accuracy=0.9903)
    text = window.about_text()
    assert "Model: mnist_cnn, right on 99.61% of the MNIST test images and 99.03% of the mouse-style drawings" in text
    service.session.model_info = replace(service.model_info, drawn_accuracy=None)
    assert "99.61% of the MNIST test images" in window.about_text() and "drawings" not in window.about_text()


def test_file_export_goes_through_the_service_and_shows_the_parity_line(qtbot, window, monkeypatch, tmp_path):
    from dataclasses import replace

    from PySide6.QtWidgets import QFileDialog

    service = window.service
    assert window.export_action.isEnabled()
    out = tmp_path / "digits.tflite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "digits"), "LiteRT / TensorFlow Lite (*.tflite)"))
    with qtbot.waitSignal(service.model_exported) as done:
        window.export_action.trigger()
        assert not window.export_action.isEnabled()  # one export at a time
    message, line = done.args
    assert out.is_file() and line.startswith("agreement=1.0000 max_prob_diff=")
    assert window.activity_label.text() == f"{message}: {line}" and window.export_action.isEnabled()

    # A SavedModel is a folder: the default name's suffix is dropped.
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "m.tflite"), "TensorFlow SavedModel folder (*)"))
    asked = []
    monkeypatch.setattr(service, "export_model", lambda path, fmt: asked.append((path, fmt)))
    window.export_action.trigger()
    assert asked == [(str(tmp_path / "m"), "savedmodel")]

    # The fast start's LiteRT stand-in is not the model to export: the action waits for TensorFlow's.
    service.session.model_info = replace(service.model_info, fast_start=True)
    service.model_changed.emit(service.model_info)
    assert not window.export_action.isEnabled() and not window.save_model_action.isEnabled()


@pytest.mark.parametrize("fmt, suffix", [("script", ".py"), ("notebook", ".ipynb")])
def test_export_as_code_writes_the_current_models_run(qtbot, window, tmp_path, fmt, suffix):
    service = window.service
    with qtbot.waitSignal(service.model_changed):
        service.use_model(service.host.worker.model, "centroids", preset("mlp", epochs=3))
    assert window.export_code_action.isEnabled()
    path = tmp_path / f"run{suffix}"
    assert window.export_code(str(path), fmt)
    text = path.read_text()
    assert "test_accuracy=" in text and "Dense" in text and str(path) in window.activity_label.text()


def test_export_as_code_needs_a_model_the_app_built(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    assert not window.export_code_action.isEnabled()  # the fixture's model has no app settings
    assert not window.export_code(str(tmp_path / "run.py"), "script")
    assert len(shown) == 1 and "\n" not in shown[0] and not (tmp_path / "run.py").exists()


def _fresh_window(qtbot, service, tmp_path):
    win = MainWindow(service, settings=QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_model_given_on_the_command_line_opens_at_start_up(qtbot, service, tmp_path, mnist_path):
    """mnist-gui FILE (or a .keras file opened from the file manager): that model, not the last one used."""
    from fake_host import NumpyModel, trained_model

    remembered, given = tmp_path / "last.keras", tmp_path / "given.keras"
    NumpyModel.untrained().save(remembered)
    trained_model(service.data).save(given)
    win = _fresh_window(qtbot, service, tmp_path)
    win.settings.setValue("model/last_path", str(remembered))
    with qtbot.waitSignal(service.model_changed, timeout=10_000):
        win.start(str(mnist_path), model_path=str(given))
    assert service.model_info.path == str(given) and service.model_info.name == "given"
    assert win.settings.value("model/last_path") == str(given)  # as if opened with File ▸ Open


def _start_with_a_model_without_export(qtbot, service, tmp_path, mnist_path):
    from fake_host import load_dataset, trained_model

    given = tmp_path / "given.keras"  # no .tflite beside it: no fast start
    trained_model(load_dataset(mnist_path)).save(given)
    win = _fresh_window(qtbot, service, tmp_path)
    seen = []
    service.status_changed.connect(seen.append)
    win.start(str(mnist_path), model_path=str(given))
    return win, given, seen


def test_without_a_fast_start_tensorflow_and_the_data_begin_loading_at_once(qtbot, idle_service, tmp_path, mnist_path):
    _, given, seen = _start_with_a_model_without_export(qtbot, idle_service, tmp_path, mnist_path)
    assert seen[:2] == ["Loading TensorFlow…", "Loading data…"]  # asked before start() returned
    qtbot.waitUntil(lambda: idle_service.model_info is not None and idle_service.data is not None, timeout=10_000)
    assert idle_service.model_info.path == str(given)


def test_a_fast_start_that_never_answers_holds_tensorflow_back_only_briefly(
        qtbot, idle_service, tmp_path, mnist_path, monkeypatch):
    """With a fast start, TensorFlow and the data load once its model is in (it loads alone: they
    held the GIL beside it); one whose model never comes holds them back FAST_START_WAIT_MS at most."""
    import time

    from mnist_gui.ui import main_window

    monkeypatch.setattr(idle_service, "start_fast", lambda path: True)  # begun, and never installed
    began = time.monotonic()
    _, given, seen = _start_with_a_model_without_export(qtbot, idle_service, tmp_path, mnist_path)
    assert seen == []  # nothing loads beside the fast start
    qtbot.waitUntil(lambda: seen[:2] == ["Loading TensorFlow…", "Loading data…"], timeout=5_000)
    assert time.monotonic() - began >= 0.9 * main_window.FAST_START_WAIT_MS / 1000  # a coarse timer may fire early
    qtbot.waitUntil(lambda: idle_service.model_info is not None, timeout=10_000)
    assert idle_service.model_info.path == str(given)  # the model given, once TensorFlow is in


def test_a_window_closed_while_its_fast_start_loads_asks_nothing_more_of_the_service(
        qtbot, idle_service, tmp_path, mnist_path, monkeypatch):
    from mnist_gui.ui import main_window

    monkeypatch.setattr(idle_service, "start_fast", lambda path: True)  # begun, and never installed
    win, _, seen = _start_with_a_model_without_export(qtbot, idle_service, tmp_path, mnist_path)
    win.close()
    qtbot.wait(main_window.FAST_START_WAIT_MS + 200)
    assert seen == [] and not idle_service.backend_is_ready  # TensorFlow not imported for a closed window


def test_a_broken_model_given_on_the_command_line_is_shown_and_the_last_model_stays_remembered(
        qtbot, service, tmp_path, mnist_path, monkeypatch):
    from fake_host import NumpyModel

    remembered, broken = tmp_path / "last.keras", tmp_path / "broken.keras"
    NumpyModel.untrained().save(remembered)
    broken.write_bytes(b"not a model")
    monkeypatch.setattr(MainWindow, "bundled_model_path", staticmethod(lambda: None))
    win = _fresh_window(qtbot, service, tmp_path)
    win.settings.setValue("model/last_path", str(remembered))
    with qtbot.waitSignal(service.model_failed, timeout=10_000):
        win.start(str(mnist_path), model_path=str(broken))
    assert win.error_box is not None and "Could not open broken.keras; no model loaded." in win.error_box.text()
    assert win.settings.value("model/last_path") == str(remembered)  # the user's choice, not a stale setting


def test_the_tabs_not_opened_yet_are_made_when_first_shown_and_take_what_the_window_has(qtbot, window):
    from test_draw_tab import draw

    assert set(window.unbuilt_tabs()) == {"gallery_tab", "inside_tab", "robustness_tab"}  # none cost start-up
    window.tabs.setCurrentWidget(window.draw_tab)
    qtbot.waitExposed(window)
    canvas = window.draw_tab.canvas
    x, y = canvas.width() // 2, canvas.height() // 2  # a V across the pad's middle
    draw(qtbot, canvas, (x - 40, y - 50), (x, y + 50), (x + 40, y - 50))
    qtbot.waitUntil(lambda: window.draw_tab.digit is not None)
    window.tabs.setCurrentIndex(3)  # Inside, made now: it explains the drawing made before it
    assert window.unbuilt_tabs() == ["gallery_tab", "robustness_tab"]
    assert window.tabs.currentWidget() is window.inside_tab and window.inside_tab.isVisible()
    assert window.inside_tab.current_input() is window.draw_tab.digit
    window.tabs.setCurrentIndex(1)  # the Gallery, made now: the test images and their predictions
    gallery = window.gallery_tab
    assert window.tabs.currentWidget() is gallery and window.tabs.indexOf(gallery) == 1
    qtbot.waitUntil(lambda: len(gallery.shown_indices()) > 0)
    gallery.detail_changed.emit(5)  # the Inside tab, made before the Gallery, still follows it
    assert window.inside_tab.source == "gallery"
    window.robustness_tab.open_in_gallery.emit(7)  # asked for by name: made, not shown
    assert window.unbuilt_tabs() == [] and window.tabs.currentWidget() is gallery


@pytest.mark.background_tabs
def test_the_tabs_not_opened_are_made_soon_after_start_up_one_at_a_time(qtbot, window):
    from mnist_gui.ui import main_window

    assert len(window.unbuilt_tabs()) == 3
    qtbot.waitUntil(lambda: len(window.unbuilt_tabs()) == 2, timeout=main_window.TABS_AFTER_MS + 3000)
    assert len(window.unbuilt_tabs()) == 2  # one at a time: the next comes TABS_APART_MS later
    qtbot.waitUntil(lambda: not window.unbuilt_tabs(),
                    timeout=main_window.TABS_AFTER_MS + 3 * main_window.TABS_APART_MS + 3000)
    assert window.tabs.currentWidget() is window.training_tab  # made in the background, not shown


def test_the_first_window_fits_a_small_screen(window):
    # No saved geometry: 1100×720 where there is room, else the screen's size (offscreen: 800×800).
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert (window.width(), window.height()) == (min(1100, screen.width()), min(720, screen.height()))
