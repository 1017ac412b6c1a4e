"""The main window: four tabs on one service, status bar, menus' actions, settings, clean close."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from mnist_gui import paths
from mnist_gui.core import storage
from mnist_gui.service import ModelService
from mnist_gui.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    service = ModelService()
    win = MainWindow(service, settings=settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    service.shutdown()


def test_five_tabs_and_title(window):
    assert [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())] == [
        "Training", "Gallery", "Draw Pad", "Inside", "Robustness"]
    view = window.menuBar().actions()[1].menu()
    # The tabs' entries first (View ▸ Language and others follow them)
    assert [a.shortcut().toString() for a in view.actions()[:5]] == [f"Alt+{i}" for i in range(1, 6)]
    view.actions()[4].trigger()
    assert window.tabs.currentWidget() is window.robustness_tab
    assert window.windowTitle() == "MNIST Digits"
    assert not window.windowIcon().isNull()


def test_status_bar_follows_loading(qtbot, window, mnist_path):
    seen = []  # (status, whether a model can already predict)
    window.service.status_changed.connect(lambda text: seen.append((text, window.service.model_info is not None)))
    with qtbot.waitSignal(window.service.dataset_ready, timeout=60_000):
        window.start(str(mnist_path))
    qtbot.waitUntil(lambda: window.service.backend_is_ready, timeout=60_000)
    loading = [entry for entry in seen if entry[0].startswith("Loading")]
    assert [text for text, _ in loading[:2]] == ["Loading TensorFlow…", "Loading data…"], seen
    # The bundled model's fast start came first, alone: TensorFlow and the data began loading after it.
    assert seen[0][0].startswith("Model: ") and all(ready for _, ready in loading[:2]), seen
    assert window.data_label.text() == "Data: path (verified)"
    assert window.data_label.toolTip() == str(mnist_path)


@pytest.mark.skipif(not storage.list_models(paths.bundled_models_dir()), reason="no bundled models")
def test_bundled_model_loads_at_start_and_predicts(qtbot, window, mnist_path, mnist):
    best = storage.list_models(paths.bundled_models_dir())[0][0]
    assert window.startup_model_path() == str(best)
    with qtbot.waitSignal(window.service.test_predictions_ready, timeout=90_000):
        window.start(str(mnist_path))
    info = window.service.model_info
    assert info.path == str(best) and info.test_accuracy > 0.96
    assert "test accuracy" in window.model_label.text()
    samples = np.load(paths.resources_dir() / "sample_digits.npz")
    probs = window.service.predict(samples["images"])
    assert np.mean(probs.argmax(1) == samples["labels"]) >= 0.9


def test_settings_round_trip(qtbot, settings, mnist_path):
    service = ModelService()
    win = MainWindow(service, settings=settings)
    qtbot.addWidget(win)
    win.resize(700, 500)  # within the offscreen screen (800×600)
    win.tabs.setCurrentIndex(2)
    win.training_tab.apply_preset("mlp")
    win.training_tab.hidden_edit.setText("64,32")
    win.training_tab.epochs_spin.setValue(7)
    win._data_path = str(mnist_path)
    settings.setValue("data/path", str(mnist_path))
    win.save_settings()
    service.shutdown()

    service2 = ModelService()
    again = MainWindow(service2, settings=settings)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == (700, 500)
    assert again.training_tab.preset_combo.currentData() == "mlp"
    assert again.training_tab.hidden_edit.text() == "64,32"
    assert again.training_tab.epochs_spin.value() == 7
    assert again.startup_data_path() == str(mnist_path)
    service2.shutdown()


def test_open_bad_dataset_shows_error_and_keeps_data(qtbot, window, mnist_path, tmp_path):
    with qtbot.waitSignal(window.service.dataset_ready, timeout=60_000):
        window.open_dataset(str(mnist_path))
    data_before = window.service.data
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    with qtbot.waitSignal(window.service.dataset_failed, timeout=30_000):
        window.open_dataset(str(bad))
    assert window.service.data is data_before
    assert window.error_box is not None and "broken.npz" in window.error_box.text()
    assert window.data_label.text().startswith("Data: path")
    assert window.settings.value("data/path") == str(mnist_path)


def test_open_bad_model_keeps_current_model(qtbot, service_with_model, settings, tmp_path):
    win = MainWindow(service_with_model, settings=settings)
    qtbot.addWidget(win)
    before = service_with_model.model_info
    bad = tmp_path / "junk.keras"
    bad.write_bytes(b"definitely not a model")
    with qtbot.waitSignal(service_with_model.model_failed, timeout=30_000):
        win.open_model(str(bad))
    assert service_with_model.model_info == before
    assert "junk.keras" in win.error_box.text()
    assert service_with_model.predict(np.zeros((1, 28, 28))) is not None


def test_save_and_reopen_model(qtbot, service_with_model, settings, tmp_path, mnist):
    win = MainWindow(service_with_model, settings=settings)
    qtbot.addWidget(win)
    target = tmp_path / "mine.keras"
    with qtbot.waitSignal(service_with_model.model_saved, timeout=30_000):
        service_with_model.save_model(str(target))
    expected = service_with_model.predict(mnist.x_test[:50])
    with qtbot.waitSignal(service_with_model.test_predictions_ready, timeout=30_000):
        win.open_model(str(target))
    assert service_with_model.model_info.path == str(target)
    np.testing.assert_allclose(service_with_model.predict(mnist.x_test[:50]), expected, rtol=1e-5, atol=1e-7)
    assert settings.value("model/last_path") == str(target)


def test_close_during_training_is_clean(qtbot, window, mnist_path, qtlog):
    with qtbot.waitSignal(window.service.dataset_ready, timeout=60_000):
        window.start(str(mnist_path))
    qtbot.waitUntil(lambda: window.service.backend_is_ready, timeout=60_000)
    window.training_tab.apply_preset("seed")
    window.training_tab.start_training()
    qtbot.waitUntil(lambda: window.training_tab.batch_bar.value() > 0, timeout=60_000)  # past the compile
    window.close()  # how long this takes is measured by benchmarks/close_while_training.py
    assert window.service.shutdown(30_000)  # every thread ends
    assert not [m for m in qtlog.records if "Destroyed while thread" in m.message]


def test_about_names_versions_and_mnist_credit(qtbot, window):
    import keras
    import tensorflow as tf

    with qtbot.waitSignal(window.service.backend_ready, timeout=60_000):
        window.service.load_backend()
    text = window.about_text()
    assert f"TensorFlow {tf.__version__}" in text and f"Keras {keras.__version__}" in text
    assert "Qt 6." in text and "LeCun" in text


def test_keyboard_reaches_the_training_form_in_order(qtbot, window):
    from PySide6.QtCore import Qt

    window.tabs.setCurrentIndex(0)
    window.activateWindow()
    tab = window.training_tab
    tab.apply_preset("mlp")
    tab.preset_combo.setFocus()
    order = [tab.preset_combo]
    for _ in range(11):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        order.append(window.focusWidget())
    # (Train comes next once TensorFlow and the data are ready; disabled fields and buttons take
    # no focus: momentum is SGD's, the decay factor the step schedule's.)
    assert order == [tab.preset_combo, tab.hidden_edit, tab.activation_combo, tab.dropout_spin,
                     tab.optimizer_combo, tab.lr_edit, tab.weight_decay_spin, tab.schedule_combo,
                     tab.epochs_spin, tab.batch_spin, tab.augment_check, tab.train_size_spin]


def test_shortcuts_switch_tabs(qtbot, window):
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == 2
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == 3
    assert window.open_model_action.shortcut().toString() == "Ctrl+O"
    assert window.save_model_action.shortcut().toString() == "Ctrl+S"


GARBAGE_SETTINGS = {
    "window/tab": "abc", "window/geometry": "not bytes",
    "training/preset": "mlp", "training/epochs": "abc", "training/batch_size": "1e999",
    "training/train_size": "-5", "training/lr": "nan", "training/hidden": "x" * 10_000,
    "training/activation": "rm -rf", "training/optimizer": "42", "charts/last_dir": "",
}


def test_garbage_settings_never_stop_the_window(qtbot, settings):
    """Every value is type-checked and clamped; a bad one falls back to the default."""
    for key, value in GARBAGE_SETTINGS.items():
        settings.setValue(key, value)
    service = ModelService()
    try:
        win = MainWindow(service, settings=settings)
        qtbot.addWidget(win)
        tab = win.training_tab
        assert win.tabs.currentIndex() == 0
        assert tab.preset_combo.currentData() == "mlp"
        assert (tab.epochs_spin.value(), tab.batch_spin.value()) == (10, 64)  # the MLP preset's
        assert tab.train_size_spin.value() == tab.train_size_spin.minimum()  # -5 clamped
        assert tab.lr_edit.text() == "0.001" and tab.activation_combo.currentText() == "relu"
        assert tab.is_valid
        assert settings.value("training/epochs") is None  # dropped, not kept to fail again
    finally:
        service.shutdown()


def test_settings_file_of_random_bytes(qtbot, tmp_path):
    path = tmp_path / "settings.ini"
    path.write_bytes(np.random.default_rng(1).integers(0, 256, 4000, dtype=np.uint8).tobytes())
    service = ModelService()
    try:
        win = MainWindow(service, settings=QSettings(str(path), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        assert win.training_tab.preset_combo.currentData() == "seed"
    finally:
        service.shutdown()


def test_out_of_range_numbers_are_clamped(qtbot, settings):
    settings.setValue("window/tab", 7)
    settings.setValue("training/preset", "seed")
    settings.setValue("training/epochs", 10**9)
    service = ModelService()
    try:
        win = MainWindow(service, settings=settings)
        qtbot.addWidget(win)
        assert win.tabs.currentIndex() == win.tabs.count() - 1
        assert win.training_tab.epochs_spin.value() == win.training_tab.epochs_spin.maximum()
    finally:
        service.shutdown()


@pytest.mark.skipif(not storage.list_models(paths.bundled_models_dir()), reason="no bundled models")
def test_broken_remembered_model_falls_back_to_the_bundled_one(qtbot, window, mnist_path, tmp_path):
    broken = tmp_path / "mine.keras"
    broken.write_bytes(b"PK\x03\x04 damaged")
    window.settings.setValue("model/last_path", str(broken))
    best = storage.list_models(paths.bundled_models_dir())[0][0]
    with qtbot.waitSignal(window.service.model_changed, timeout=90_000,
                          check_params_cb=lambda info: info.path == str(best)):
        window.start(str(mnist_path))
    assert window.settings.value("model/last_path") == str(best)  # the broken path is forgotten
    assert window.error_box is None  # one status-bar line, no dialog at every launch
    assert "mine.keras" in window.activity_label.text() or window.service.model_info.path == str(best)


def test_missing_remembered_paths_are_dropped(qtbot, window, tmp_path):
    window.settings.setValue("model/last_path", str(tmp_path / "gone.keras"))
    window.settings.setValue("data/path", str(tmp_path / "gone.npz"))
    assert window.startup_data_path() is None and window.settings.value("data/path") is None
    assert "gone.npz" in window.activity_label.text()
    assert window.startup_model_path() != str(tmp_path / "gone.keras")
    assert window.settings.value("model/last_path") is None


def test_broken_remembered_dataset_falls_back(qtbot, window, tmp_path, monkeypatch, mnist_path):
    import shutil

    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(mnist_path, cache / "mnist.npz")
    monkeypatch.setenv("MNIST_GUI_DATA_DIR", str(cache))
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"garbage")
    window.settings.setValue("data/path", str(broken))
    with qtbot.waitSignal(window.service.dataset_ready, timeout=60_000):
        window.start()
    assert window.service.dataset_info.source == "cache"
    assert window.settings.value("data/path") is None and window.error_box is None


def test_inside_tab_explains_the_drawing_or_the_gallery_image_and_opens_images_in_the_gallery(
        qtbot, window, monkeypatch):
    digit = np.zeros((28, 28), np.float32)
    digit[5:20, 12:15] = 255
    window.inside_tab  # made (it is made when first shown or asked for), then the pad draws
    window.draw_tab.digit_changed.emit(digit)
    assert window.inside_tab.current_input() is digit
    assert "your drawing" in window.inside_tab.source_label.text()
    window.gallery_tab.detail_changed.emit(3)
    assert window.inside_tab.source == "gallery"
    opened = []
    monkeypatch.setattr(window.gallery_tab, "show_detail", opened.append)  # the window has no data
    window.inside_tab.open_in_gallery.emit(8)
    assert opened == [8]
    assert window.tabs.currentWidget() is window.gallery_tab


def test_a_models_drawn_accuracy_comes_from_its_sidecar(qtbot, service_with_model, tmp_path):
    import json

    from mnist_gui.core.storage import sidecar_path

    target = tmp_path / "mine.keras"
    with qtbot.waitSignal(service_with_model.model_saved, timeout=30_000):
        service_with_model.save_model(str(target))
    sidecar = sidecar_path(target)
    for recorded, shown in ((0.987, 0.987), ("very good", None)):
        meta = json.loads(sidecar.read_text())
        sidecar.write_text(json.dumps({**meta, "drawn_accuracy": recorded}))
        with qtbot.waitSignal(service_with_model.test_predictions_ready, timeout=30_000):
            service_with_model.open_model(str(target))
        assert service_with_model.model_info.drawn_accuracy == shown
