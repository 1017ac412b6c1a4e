"""Training tab with a real ModelService and real (small) training runs."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt

from mnist_gui.ui.training_tab import TrainingTab, format_duration


@pytest.fixture
def tab(qtbot, service):
    widget = TrainingTab(service)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _small_mlp(tab, epochs=2, images=2000):
    tab.apply_preset("mlp")
    tab.epochs_spin.setValue(epochs)
    tab.train_size_spin.setValue(images)


def test_seed_preset_shows_the_notebook_settings(tab):
    tab.apply_preset("seed")
    assert tab.hidden_edit.text() == "200,100,60,30"
    assert tab.activation_combo.currentText() == "sigmoid"
    assert tab.optimizer_combo.currentData() == "sgd"
    assert float(tab.lr_edit.text()) == 0.03
    assert tab.epochs_spin.value() == 50 and tab.batch_spin.value() == 32
    assert not tab.hidden_edit.isEnabled()  # the notebook's architecture is fixed
    assert tab.charts.loss_chart.x_axis.max() == 50  # the empty charts show the planned run
    config = tab.config()
    assert (config.preset, config.hidden, config.learning_rate) == ("seed", (200, 100, 60, 30), 0.03)


def test_click_train_runs_and_fills_charts_and_log(qtbot, tab):
    _small_mlp(tab)
    assert tab.train_button.isEnabled()
    # The empty charts already span the planned epochs: pressing Train changes no axis (each
    # change lays a chart out again); the first epoch's points set the y axes.
    assert tab.charts.loss_chart.x_axis.max() == tab.charts.accuracy_chart.x_axis.max() == 2
    axis_changes = []  # epochs ended at each change
    for chart in (tab.charts.loss_chart, tab.charts.accuracy_chart):
        for axis in (chart.x_axis, chart.y_axis):
            axis.rangeChanged.connect(lambda *_: axis_changes.append(len(tab.charts.history.get("loss", []))))
    with qtbot.waitSignal(tab.service.training_finished, timeout=120_000):
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
        assert tab.stop_button.isEnabled() and not tab.train_button.isEnabled()
    assert axis_changes and 0 not in axis_changes
    assert tab.epoch_bar.value() == 2 and tab.batch_bar.value() == tab.batch_bar.maximum()
    assert len(tab.charts.history["loss"]) == 2 and len(tab.charts.history["val_accuracy"]) == 2
    # The charts show every epoch as it ends: accuracy in percent, loss as is.
    xs, ys = zip(*tab.charts.accuracy_chart.points("val_accuracy"))
    assert xs == (1, 2) and np.allclose(ys, 100 * np.array(tab.charts.history["val_accuracy"]))
    xs, ys = zip(*tab.charts.loss_chart.points("loss"))
    assert xs == (1, 2) and np.allclose(ys, tab.charts.history["loss"])
    low, high = tab.charts.loss_chart.y_axis.min(), tab.charts.loss_chart.y_axis.max()
    assert all(low <= y <= high for y in tab.charts.history["loss"] + tab.charts.history["val_loss"])
    # The y axis spans the data, not 0-100%: accuracies of 85-95% are not squeezed at the top.
    accuracies = [100 * a for a in tab.charts.history["accuracy"] + tab.charts.history["val_accuracy"]]
    low, high = tab.charts.accuracy_chart.y_axis.min(), tab.charts.accuracy_chart.y_axis.max()
    assert low <= min(accuracies) and max(accuracies) <= high and high - low < 50
    assert tab.charts.loss_chart.x_axis.max() >= 2
    assert tab.save_chart_button.isEnabled()
    log = tab.log_view.toPlainText()
    assert "Epoch 1/2" in log and "Epoch 2/2" in log and "Test accuracy" in log
    assert "Test accuracy" in tab.result_label.text()
    assert tab.train_button.isEnabled() and not tab.stop_button.isEnabled()


def test_stop_ends_early_and_model_stays_usable(qtbot, tab, mnist):
    _small_mlp(tab, epochs=50, images=60000)
    with qtbot.waitSignal(tab.service.training_finished, timeout=120_000) as finished:
        tab.start_training()
        qtbot.waitUntil(lambda: tab.batch_bar.value() > 0, timeout=60_000)
        qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    history, stopped = finished.args
    assert stopped and len(history["loss"]) < 50
    assert "stopped" in tab.result_label.text()
    info = lambda: tab.service.model_info  # noqa: E731
    qtbot.waitUntil(lambda: info() is not None and not info().training, timeout=30_000)
    probs = tab.service.predict(mnist.x_test[:200])
    assert np.mean(probs.argmax(1) == mnist.y_test[:200]) > 0.5  # it learned before it stopped


def test_invalid_fields_disable_train(qtbot, tab):
    tab.apply_preset("mlp")
    assert tab.train_button.isEnabled()
    tab.hidden_edit.setText("200,abc")
    assert not tab.train_button.isEnabled()
    assert "hidden" in tab.error_label.text()
    assert "border" in tab.hidden_edit.styleSheet()
    tab.hidden_edit.setText("128,64")
    assert tab.train_button.isEnabled()
    tab.lr_edit.setText("-1")
    assert not tab.train_button.isEnabled() and "learning rate" in tab.error_label.text()
    tab.lr_edit.setText("0.01")
    assert tab.train_button.isEnabled() and tab.error_label.text() == ""


def test_predictions_during_training_come_from_the_inference_copy(qtbot, tab, mnist):
    service = tab.service
    _small_mlp(tab, epochs=30, images=20000)
    live = []
    service.model_changed.connect(lambda info: live.append(info) if info.training else None)
    tab.start_training()
    qtbot.waitUntil(lambda: bool(live) and service.test_probabilities is not None
                    and service.model_info.training, timeout=60_000)
    assert service.is_training
    trained, inference = service._trainer.model, service._worker.model
    assert inference is not trained  # the model being trained is never called from another thread
    probs = service.predict(mnist.x_test[:100])
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-4)
    assert np.mean(probs.argmax(1) == mnist.y_test[:100]) > 0.5
    with qtbot.waitSignal(service.training_finished, timeout=60_000):
        service.stop_training()


def test_failed_training_keeps_previous_model(qtbot, service_with_model):
    service = service_with_model
    before = service.model_info
    tab = TrainingTab(service)
    qtbot.addWidget(tab)
    tab.apply_preset("mlp")
    tab.hidden_edit.setText("512,512,512")
    tab.lr_edit.setText("10")  # SGD at lr 10 on a wide ReLU net blows up within an epoch
    tab.optimizer_combo.setCurrentIndex(tab.optimizer_combo.findData("sgd"))
    tab.epochs_spin.setValue(3)
    tab.train_size_spin.setValue(4000)
    with qtbot.waitSignal(service.training_failed, timeout=120_000) as failed:
        tab.start_training()
    assert "diverged" in failed.args[0]
    assert service.model_info.name == before.name
    assert "Training failed" in tab.result_label.text()


def test_format_duration():
    assert format_duration(None) == "–"
    assert format_duration(65) == "1:05"
    assert format_duration(3725) == "1:02:05"


def test_save_chart_writes_the_curves_and_reports_bad_names(qtbot, tab, tmp_path):
    assert not tab.save_chart_button.isEnabled()  # nothing to draw before training
    tab.charts.clear(3)
    for loss, acc in ((0.9, 0.7), (0.5, 0.85), (0.3, 0.9)):
        tab.charts.add_epoch({"loss": loss, "accuracy": acc, "val_loss": loss + 0.1, "val_accuracy": acc - 0.02})
    assert tab.charts.accuracy_chart.points("accuracy") == [(1, 70), (2, 85), (3, 90)]
    for name in ("curves.png", "curves.svg", "curves.pdf"):
        assert tab.save_chart(tmp_path / name)
    assert (tmp_path / "curves.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / "curves.svg").read_bytes()[:2000]
    assert (tmp_path / "curves.pdf").read_bytes()[:5] == b"%PDF-"
    with qtbot.waitSignal(tab.error) as error:
        assert not tab.save_chart(tmp_path / "curves.txt")
    assert ".png" in error.args[1] and not (tmp_path / "curves.txt").exists()
    with qtbot.waitSignal(tab.error) as error:
        assert not tab.save_chart(tmp_path / "missing-folder" / "curves.png")
    assert "Could not save curves.png" in error.args[1]


def test_chart_axes_are_set_by_the_first_epoch_and_then_rarely_change(tab):
    # Each axis change lays the chart out again on the UI thread: an improving run changes the y
    # axes once, at its first epoch; accuracy's axis ends at 100%, loss's starts at 0.
    charts = tab.charts
    charts.clear(10)
    changed_at = {"loss": set(), "accuracy": set()}  # epochs at which each y axis changed
    for chart in (charts.loss_chart, charts.accuracy_chart):
        chart.y_axis.rangeChanged.connect(
            lambda *_, m=chart.metric: changed_at[m].add(len(charts.history.get("loss", []))))
    for epoch in range(10):
        loss = 0.6 / (epoch + 1)
        charts.add_epoch({"loss": loss, "accuracy": 0.85 + 0.012 * epoch,
                          "val_loss": loss * 0.8, "val_accuracy": 0.9 + 0.008 * epoch})
    assert changed_at == {"loss": {1}, "accuracy": {1}}
    loss_axis, accuracy_axis = charts.loss_chart.y_axis, charts.accuracy_chart.y_axis
    assert loss_axis.min() == 0 and 0.6 <= loss_axis.max() < 1
    assert accuracy_axis.max() == 100 and 75 <= accuracy_axis.min() <= 85
    # A point outside widens the axis, keeping the rest in view.
    charts.add_epoch({"loss": 0.05, "accuracy": 0.99, "val_loss": 0.9, "val_accuracy": 0.6})
    assert changed_at == {"loss": {1, 11}, "accuracy": {1, 11}}
    assert loss_axis.min() == 0 and loss_axis.max() >= 0.9
    assert accuracy_axis.min() <= 60 and accuracy_axis.max() == 100


def test_progress_updates_repaint_only_what_changed(qtbot, tab, event_spy):
    # Training updates the bars several times a second and the time label every second. The bars
    # are opaque, so they repaint alone; the label keeps its size, so no new layout repaints the tab.
    tab.batch_bar.setRange(0, 1875)
    tab.batch_bar.setFormat("Batch %v / %m")
    tab.time_label.setText("Elapsed 0:00 · ETA 1:00")
    qtbot.wait(20)
    paints = event_spy(QEvent.Type.Paint, tab)
    for done in (125, 250, 375):
        tab.batch_bar.setValue(done)
        tab.epoch_bar.setValue(done // 125)
        tab.time_label.setText(f"Elapsed 0:0{done // 125} · ETA 0:59")
        qtbot.wait(20)
    assert tab.batch_bar.value() == 375
    label = QRect(tab.time_label.mapTo(tab, QPoint(0, 0)), tab.time_label.size())
    painted = paints.rects()
    assert painted and all(label.contains(rect) for rect in painted)


def test_augment_checkbox_follows_the_preset_and_reaches_the_config(tab):
    tab.apply_preset("seed")
    assert not tab.augment_check.isChecked() and not tab.config().augment
    tab.apply_preset("cnn")
    assert tab.augment_check.isChecked() and tab.config().augment
    tab.augment_check.setChecked(False)
    assert tab.config().augment is False and tab.config().preset == "cnn"
    tab.apply_preset("mlp")
    tab.augment_check.setChecked(True)
    assert tab.config().augment is True


def test_augment_setting_is_kept(tab, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.conf"), QSettings.Format.IniFormat)
    tab.apply_preset("seed")
    tab.augment_check.setChecked(True)
    tab.save_settings(settings)
    tab.apply_preset("cnn")
    tab.augment_check.setChecked(False)
    tab.restore_settings(settings)
    assert tab.preset_combo.currentData() == "seed" and tab.augment_check.isChecked()
