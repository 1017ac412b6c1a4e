"""The coach, Training health and changes during a run on the Training tab, over the real service and
the fake training thread (tests/ui/fake_host.py): the test plays the epochs, the health stats and
the moment a change takes effect."""


import pytest
from PySide6.QtCore import Qt

from mnist_gui.core import coach
from mnist_gui.ui.training_tab import TrainingTab


@pytest.fixture
def tab(qtbot, service):
    widget = TrainingTab(service)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def start(qtbot, tab, preset="mlp", epochs=3, augment=None):
    tab.apply_preset(preset)
    tab.epochs_spin.setValue(epochs)
    tab.train_size_spin.setValue(2000)
    if augment is not None:
        tab.augment_check.setChecked(augment)
    with qtbot.waitSignal(tab.service.training_started):
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)


def end_epoch(qtbot, service):
    with qtbot.waitSignal(service.test_predictions_ready):
        service.runner.end_epoch()


LAYERS = [{"name": "dense", "kind": "Dense", "units": 256, "activation": "relu", "grad_rms": 1e-4,
           "weight_rms": 0.05, "update_ratio": 2e-3, "change": 0.4, "dead": 0.7, "saturated": None,
           "edges": (-0.5, 0.5), "hist": [1, 5, 30, 5, 1], "hist_start": [0, 8, 26, 8, 0]},
          {"name": "dense_1", "kind": "Dense", "units": 10, "activation": "softmax", "grad_rms": 3e-3,
           "weight_rms": 0.1, "update_ratio": 0.03, "change": 0.2, "dead": None, "saturated": None,
           "edges": (-0.4, 0.4), "hist": [2, 4, 6, 4, 2], "hist_start": [1, 5, 6, 5, 1]}]


def test_dead_relus_show_as_a_hint_whose_fix_lowers_the_rate_of_the_running_run(qtbot, tab):
    service = tab.service
    start(qtbot, tab)
    assert tab.coach.live_controls.isVisible() and tab.coach.live_controls.lr_edit.isEnabled()
    assert not tab.coach.live_controls.augment_check.isEnabled()  # an MLP started without: compiled chunks
    end_epoch(qtbot, service)
    service.runner.measure_health(LAYERS)
    # The health view shows the epoch's layers, the dead share marked.
    view = tab.coach.health_view
    assert view.table.horizontalHeaderItem(5).text() == "Dead"
    assert view.table.rowCount() == 2 and view.table.item(0, 5).text() == "70%"
    assert view.histogram.layer["name"] == "dense"
    hints = tab.coach.panel.hints
    dead = next(h for h in hints if h.kind == "dead_relu")
    assert dead.evidence["share"] == 0.7 and dead.fix == coach.LOWER_LR
    label, button = tab.coach.panel.cards[hints.index(dead)]
    assert "70%" in label.text() and "dense" in label.text() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert service.runner.pending == {"learning_rate": pytest.approx(0.00033)}
    # The run takes it at its next step: the log, the charts and the sidecar say so.
    with qtbot.waitSignal(service.settings_changed):
        applied = service.runner.apply_changes()
    assert applied == [{"epoch": 2, "learning_rate": pytest.approx(0.00033)}]
    assert "Learning rate changed to 0.00033 during epoch 2" in tab.log_view.toPlainText()
    for chart in (tab.charts.loss_chart, tab.charts.accuracy_chart):
        assert [(p.x()) for p in chart.markers.points()] == [1.5]
    end_epoch(qtbot, service)
    end_epoch(qtbot, service)
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()
    qtbot.waitUntil(lambda: not service.model_info.training)
    assert service.model_info.metadata["changes"] == applied
    assert service.session.save_record("m.keras")["changes"] == applied
    assert not tab.coach.live_controls.isVisible()
    # Train more draws the earlier run's change again on the continued charts.
    qtbot.waitUntil(lambda: tab.more_button.isEnabled())
    with qtbot.waitSignal(service.training_started):
        qtbot.mouseClick(tab.more_button, Qt.MouseButton.LeftButton)
    assert [p.x() for p in tab.charts.loss_chart.markers.points()] == [1.5]
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()


def test_apply_now_changes_rate_and_augmentation_and_refuses_what_cannot_change(qtbot, tab):
    service = tab.service
    start(qtbot, tab, "mlp", augment=True)  # started with augmentation: it may be switched off
    live = tab.coach.live_controls
    assert live.augment_check.isEnabled() and live.augment_check.isChecked()
    live.lr_edit.setText("0.01")
    live.augment_check.setChecked(False)
    qtbot.mouseClick(live.apply_button, Qt.MouseButton.LeftButton)
    assert service.runner.pending == {"learning_rate": 0.01, "augment": False}
    with qtbot.waitSignals([service.settings_changed] * 2):
        service.runner.apply_changes()
    assert "Augmentation off from epoch 1" in tab.log_view.toPlainText()
    live.lr_edit.setText("50")  # beyond the range
    with qtbot.waitSignal(service.settings_refused) as refused:
        qtbot.mouseClick(live.apply_button, Qt.MouseButton.LeftButton)
    assert "learning rate" in refused.args[0] and "learning rate" in tab.error_label.text()
    assert service.runner.pending == {}
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()


def test_the_seed_dnn_keeps_its_rate_during_a_run(qtbot, tab):
    service = tab.service
    start(qtbot, tab, "seed", epochs=2)
    assert not tab.coach.live_controls.lr_edit.isEnabled()
    with qtbot.waitSignal(service.settings_refused) as refused:
        assert not service.change_settings(learning_rate=0.01)
    assert "cannot change" in refused.args[0]
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()
    with qtbot.waitSignal(service.settings_refused):
        assert not service.change_settings(learning_rate=0.01)  # no run any more


def test_after_the_run_too_few_epochs_offers_train_more(qtbot, tab):
    service = tab.service
    start(qtbot, tab, epochs=2)
    end_epoch(qtbot, service)
    end_epoch(qtbot, service)
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()
    hints = tab.coach.panel.hints
    more = next(h for h in hints if h.kind == "too_few_epochs")  # the centroids improve every epoch
    _, button = tab.coach.panel.cards[hints.index(more)]
    assert button.isEnabled()
    qtbot.waitUntil(lambda: tab.more_button.isEnabled())
    with qtbot.waitSignal(service.training_started) as started:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert started.args[0].continued


def test_a_stop_gives_the_stopped_early_hint_and_fixes_wait_for_the_end(qtbot, tab):
    service = tab.service
    start(qtbot, tab, epochs=5)
    end_epoch(qtbot, service)
    end_epoch(qtbot, service)
    tab.coach.apply_fix(coach.SWITCH_CNN, None)  # ignored while the run goes on
    assert tab.preset_combo.currentData() == "mlp"
    qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()
    hint = next(h for h in tab.coach.panel.hints if h.kind == "stopped_early")
    assert (hint.evidence["epochs"], hint.evidence["planned"]) == (2, 5)
    tab.coach.apply_fix(coach.SWITCH_CNN, None)
    assert tab.preset_combo.currentData() == "cnn"
    tab.coach.apply_fix(coach.LOWER_LR, 0.001)
    assert tab.lr_edit.text() == "0.001"
