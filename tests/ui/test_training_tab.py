"""Training tab on the fake service: the test plays the training run, epoch by epoch (tests/ui/conftest.py)."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt

from mnist_gui.core import coach
from mnist_gui.ui.training_progress import format_duration
from mnist_gui.ui.training_tab import TrainingTab


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


def run_epochs(qtbot, service, epochs):
    """Play ``epochs`` epochs of the run the tab started: batch progress, then each epoch's end."""
    for _ in range(epochs):
        total = service.runner.plan.total_batches
        service.runner.run_batches(total // 3, 2 * total // 3, total)
        with qtbot.waitSignal(service.test_predictions_ready):
            service.runner.end_epoch()


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
    with qtbot.waitSignal(tab.service.training_started) as started:
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    plan = started.args[0]
    assert (plan.config, plan.n_train, plan.epochs) == (tab.config(), 2000, 2)
    assert tab.stop_button.isEnabled() and not tab.train_button.isEnabled()
    assert tab.batch_bar.maximum() == plan.total_batches == -(-2000 // tab.batch_spin.value())
    run_epochs(qtbot, tab.service, 2)
    tab.service.runner.finish_training()
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
    # The y axis spans the data, not 0-100%: accuracies of 65-80% are not squeezed at the top.
    accuracies = [100 * a for a in tab.charts.history["accuracy"] + tab.charts.history["val_accuracy"]]
    low, high = tab.charts.accuracy_chart.y_axis.min(), tab.charts.accuracy_chart.y_axis.max()
    assert low <= min(accuracies) and max(accuracies) <= high and high - low < 50
    assert tab.charts.loss_chart.x_axis.max() >= 2
    assert tab.save_chart_button.isEnabled()
    log = tab.log_view.toPlainText()
    assert "Epoch 1/2" in log and "Epoch 2/2" in log and "Test accuracy" in log
    final = tab.charts.history["val_accuracy"][-1]
    assert tab.result_label.text() == f"Test accuracy: {final:.2%}"
    assert tab.train_button.isEnabled() and not tab.stop_button.isEnabled()


def test_a_stop_before_the_run_began_says_nothing_was_trained(qtbot, tab):
    service = tab.service
    _small_mlp(tab, epochs=50, images=60000)
    before = service.model_info
    tab.start_training()
    qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(service.training_finished) as finished:
        service.runner.cancel_training()
    assert finished.args == [None, True]
    assert tab.result_label.text() == "Nothing trained: stopped before the first step"
    assert "Stopped. Nothing trained" in tab.log_view.toPlainText()
    assert "stopped_early" not in [h.kind for h in tab.coach.panel.hints]  # no Train more of the old model
    assert tab.train_button.isEnabled() and not tab.stop_button.isEnabled()
    qtbot.waitUntil(lambda: not service.busy)
    assert (service.model_info and service.model_info.name) == (before and before.name)
    assert service.outcome is None


def test_stop_ends_early_and_model_stays_usable(qtbot, tab):
    service = tab.service
    _small_mlp(tab, epochs=50, images=60000)
    tab.start_training()
    assert service.runner.plan.n_train == 60000  # the whole training set: no train_size
    run_epochs(qtbot, service, 2)
    service.runner.run_batches(100)
    assert tab.batch_bar.value() == 100 and tab.epoch_bar.value() == 2
    qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    assert service.runner.stop_requested
    with qtbot.waitSignal(service.training_finished) as finished:
        service.runner.finish_training()
    history, stopped = finished.args
    assert stopped and len(history["loss"]) == 2
    assert tab.result_label.text().startswith("Stopped during epoch 3 (test accuracy ")
    assert tab.result_label.text().endswith("after epoch 2)")
    assert "Stopped." in tab.log_view.toPlainText()
    assert tab.train_button.isEnabled() and not tab.stop_button.isEnabled()
    info = lambda: service.model_info  # noqa: E731
    qtbot.waitUntil(lambda: info() is not None and not info().training)
    assert info().name == "MLP (editable), 2 epochs"


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


def test_train_waits_for_tensorflow_and_the_data(qtbot, idle_service, mnist_path):
    tab = TrainingTab(idle_service)
    qtbot.addWidget(tab)
    assert not tab.train_button.isEnabled() and "Waiting" in tab.train_button.toolTip()
    with qtbot.waitSignal(idle_service.backend_ready):
        idle_service.load_backend()
    assert not tab.train_button.isEnabled()  # the data is still missing
    with qtbot.waitSignal(idle_service.dataset_ready):
        idle_service.load_dataset(mnist_path)
    assert tab.train_button.isEnabled() and "Ctrl+Enter" in tab.train_button.toolTip()


def test_failed_training_keeps_previous_model(qtbot, service_with_model):
    service = service_with_model
    before = service.model_info
    tab = TrainingTab(service)
    qtbot.addWidget(tab)
    tab.apply_preset("mlp")
    tab.epochs_spin.setValue(3)
    tab.train_size_spin.setValue(4000)
    tab.start_training()
    assert service.is_training and not tab.train_button.isEnabled()
    with qtbot.waitSignal(service.training_failed) as failed:
        service.runner.fail_training("Training diverged: the loss became NaN or infinite. Try a lower learning rate.")
    assert "diverged" in failed.args[0] and "previous model is kept" in failed.args[0]
    assert service.model_info.name == before.name
    assert tab.result_label.text() == "Training failed"
    assert f"Error: {failed.args[0]}" in tab.log_view.toPlainText()
    assert tab.train_button.isEnabled() and not tab.stop_button.isEnabled()


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


def test_progress_updates_repaint_only_what_changed(qtbot, tab, event_spy, settle):
    # Training updates the bars several times a second and the time label every second. The bars
    # are opaque, so they repaint alone; the label keeps its size, so no new layout repaints the tab.
    tab.resize(1100, 720)  # the window's size: the progress box in view
    tab.batch_bar.setRange(0, 1875)
    tab.batch_bar.setFormat("Batch %v / %m")
    tab.time_label.setText("Elapsed 0:00 · ETA 1:00")
    settle()
    chain, widget = [], tab.time_label
    while widget is not None and widget is not tab.parentWidget():  # the label up to the tab
        chain.append(widget)
        widget = widget.parentWidget()
    paints = event_spy(QEvent.Type.Paint, *chain)
    for done in (125, 250, 375):
        tab.batch_bar.setValue(done)
        tab.epoch_bar.setValue(done // 125)
        tab.time_label.setText(f"Elapsed 0:0{done // 125} · ETA 0:59")
        settle()
    assert tab.batch_bar.value() == 375
    label = QRect(tab.time_label.mapTo(tab, QPoint(0, 0)), tab.time_label.size())
    painted = [QRect(w.mapTo(tab, r.topLeft()), r.size()) for w, r in paints.seen]
    assert painted and all(label.contains(rect) for rect in painted)


def test_every_field_is_locked_while_training(qtbot, tab):
    _small_mlp(tab)
    editable = [w for w in tab.fields.values() if w.isEnabled()]
    assert tab.hidden_edit in editable and tab.lr_edit in editable and tab.dropout_spin in editable
    tab.start_training()
    assert tab.service.is_training
    assert not any(w.isEnabled() for w in tab.fields.values())
    assert not tab.preset_combo.isEnabled() and not tab.train_size_spin.isEnabled()
    assert not tab.more_button.isEnabled() and not tab.train_button.isEnabled()
    run_epochs(qtbot, tab.service, 2)
    tab.service.runner.finish_training()
    assert [w for w in tab.fields.values() if w.isEnabled()] == editable


@pytest.mark.parametrize("name", ["seed", "mlp", "cnn"])
def test_the_form_follows_the_presets_data(tab, name):
    from mnist_gui.core.models import PRESETS

    tab.apply_preset(name)
    p = PRESETS[name]
    assert tab.arch_note.text() == p.description
    for field, widget in tab.fields.items():
        conditional = {"momentum": tab.optimizer_combo.currentData() == "sgd",
                       "lr_decay": tab.schedule_combo.currentData() == "step"}.get(field, True)
        assert widget.isEnabled() == (field in p.editable and conditional), field
    assert tab.config() == p.defaults.replace(epochs=tab.epochs_spin.value())


def test_knobs_reach_the_config(tab):
    tab.apply_preset("mlp")
    tab.optimizer_combo.setCurrentIndex(tab.optimizer_combo.findData("sgd"))
    tab.momentum_spin.setValue(0.9)
    tab.weight_decay_spin.setValue(0.001)
    tab.dropout_spin.setValue(0.2)
    tab.schedule_combo.setCurrentIndex(tab.schedule_combo.findData("cosine"))
    config = tab.config()
    assert (config.momentum, config.weight_decay, config.dropout, config.schedule) == (0.9, 0.001, 0.2, "cosine")
    assert not tab.lr_decay_spin.isEnabled()  # the step schedule's only


def test_train_more_continues_the_model_and_extends_the_charts(qtbot, tab):
    service = tab.service
    _small_mlp(tab, epochs=2)
    tab.start_training()
    run_epochs(qtbot, service, 2)
    with qtbot.waitSignal(service.test_predictions_ready):
        service.runner.finish_training()
    assert tab.more_button.isEnabled()
    tab.more_spin.setValue(3)
    with qtbot.waitSignal(service.training_started):  # once the model thread hands the model over
        qtbot.mouseClick(tab.more_button, Qt.MouseButton.LeftButton)
    plan = service.runner.plan
    assert (plan.first_epoch, plan.end_epoch) == (2, 5) and plan.continued
    assert tab.charts.loss_chart.points("loss")[-1][0] == 2  # the first two epochs stay on the charts
    assert tab.charts.loss_chart.x_axis.max() == 5
    assert "epochs 3–5 (continued)" in tab.log_view.toPlainText()
    assert tab.epoch_bar.minimum() == 2 and tab.epoch_bar.maximum() == 5
    assert tab.epoch_bar.text() == "Epoch 2 / 5"  # not Qt's %m, the steps left (3)
    run_epochs(qtbot, service, 1)
    assert [round(x) for x, _ in tab.charts.loss_chart.points("loss")] == [1, 2, 3]
    assert "Epoch 3/5" in tab.log_view.toPlainText()


def test_after_a_run_the_user_picks_new_or_previous_in_one_click(qtbot, service_with_model):
    """A stopped run that scored lower does not silently replace a better model."""
    service = service_with_model
    tab = TrainingTab(service)
    qtbot.addWidget(tab)
    previous = service.model_info
    tab.apply_preset("mlp")
    tab.train_size_spin.setValue(2000)
    tab.start_training()
    run_epochs(qtbot, service, 1)  # epoch 1's model: centroids of 100 images, worse than the previous
    with qtbot.waitSignal(service.training_outcome):
        service.runner.finish_training(stopped=True)
    qtbot.waitUntil(lambda: service.model_info.name == previous.name)  # the better one stays in use
    assert "Keeping the previous model" in tab.outcome_label.text() and tab.outcome_label.isVisibleTo(tab)
    assert tab.switch_button.text().replace("&", "") == "Use new model"
    stopped_early = lambda: next(h for h in tab.coach.panel.hints if h.kind == "stopped_early")  # noqa: E731
    assert stopped_early().fix is None  # its Train more would train the previous model
    with qtbot.waitSignal(service.model_changed):
        qtbot.mouseClick(tab.switch_button, Qt.MouseButton.LeftButton)
    assert service.model_info.unsaved and service.model_info.name.startswith("MLP (editable), 1 epochs")
    assert stopped_early().fix == coach.TRAIN_MORE
    assert tab.switch_button.text().replace("&", "") == "Keep previous model"
    with qtbot.waitSignal(service.model_changed):
        qtbot.mouseClick(tab.switch_button, Qt.MouseButton.LeftButton)  # and back: undoable
    assert service.model_info.name == previous.name


def test_a_finished_run_shows_its_models_own_test_accuracy(qtbot, service_with_model):
    """The epochs' figure may be the bfloat16 twin's; once the model's own count is in, it is shown."""
    service = service_with_model
    tab = TrainingTab(service)
    qtbot.addWidget(tab)
    tab.apply_preset("mlp")
    tab.train_size_spin.setValue(2000)
    tab.start_training()
    run_epochs(qtbot, service, 1)
    service.runner.history["val_accuracy"][-1] -= 0.0123  # as a bfloat16 twin may score it
    with qtbot.waitSignal(service.training_outcome) as outcome:
        service.runner.finish_training()
    epochs_figure = service.runner.history["val_accuracy"][-1]
    own = outcome.args[0].new.test_accuracy
    assert own is not None and f"{own:.2%}" != f"{epochs_figure:.2%}"
    assert tab.result_label.text() == f"Test accuracy: {own:.2%}"
    assert f"Finished. Test accuracy: {epochs_figure:.2%}" in tab.log_view.toPlainText()  # the log keeps the run's


@pytest.mark.parametrize("name", ["seed", "mlp", "cnn"])
def test_augment_checkbox_follows_the_preset_and_reaches_the_config(tab, name):
    from mnist_gui.core.models import PRESETS

    tab.apply_preset(name)
    assert tab.augment_check.isChecked() == PRESETS[name].defaults.augment  # on for the CNN only
    assert tab.augment_check.isEnabled() and tab.augment_check.isVisibleTo(tab)
    tab.augment_check.toggle()
    assert tab.config().augment != PRESETS[name].defaults.augment
    assert tab.config().replace(augment=PRESETS[name].defaults.augment) == PRESETS[name].defaults  # nothing else moved
    tab.apply_preset(name)
    assert tab.augment_check.isChecked() == PRESETS[name].defaults.augment


def test_train_more_takes_the_augment_checkbox(qtbot, tab):
    service = tab.service
    _small_mlp(tab, epochs=1)
    tab.start_training()
    assert service.runner.plan.config.augment is False
    run_epochs(qtbot, service, 1)
    with qtbot.waitSignal(service.test_predictions_ready):
        service.runner.finish_training()
    tab.augment_check.setChecked(True)
    tab.more_spin.setValue(1)
    with qtbot.waitSignal(service.training_started):
        qtbot.mouseClick(tab.more_button, Qt.MouseButton.LeftButton)
    assert service.runner.plan.continued and service.runner.plan.config.augment is True


def test_augment_setting_survives_a_restart_and_bad_values_are_dropped(tab, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    tab.apply_preset("seed")
    tab.augment_check.setChecked(True)
    tab.save_settings(settings)
    settings.sync()
    tab.apply_preset("cnn")
    tab.restore_settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert tab.preset_combo.currentData() == "seed" and tab.augment_check.isChecked()
    settings.setValue("training/augment", "maybe")
    tab.restore_settings(settings)
    assert not tab.augment_check.isChecked()  # the preset's own default
    assert settings.value("training/augment") is None
