"""Training tab and My drawings: "+ my drawings" for Train and Train more, and Fine-tune with Undo."""

from PySide6.QtCore import Qt
from test_training_tab import run_epochs

from mnist_gui.ui.training_tab import TrainingTab


def make_tab(qtbot, service):
    tab = TrainingTab(service)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def add_drawings(service, n):
    for i in range(n):
        service.add_drawing(service.data.x_test[i], int(service.data.y_test[i]))


def test_including_my_drawings_oversamples_them_into_train_and_train_more(qtbot, service_with_model):
    service = service_with_model
    tab = make_tab(qtbot, service)
    assert not tab.drawings_check.isEnabled() and not tab.fine_tune_button.isEnabled()  # no drawings yet
    add_drawings(service, 10)
    assert tab.drawings_check.isEnabled() and tab.fine_tune_button.isEnabled()
    tab.apply_preset("mlp")
    tab.train_size_spin.setValue(2000)
    tab.drawings_check.setChecked(True)
    tab.drawings_share_spin.setValue(20)
    tab.start_training()
    assert service.runner.request.run_args["drawings_share"] == 0.2
    assert service.runner.plan.n_train == 2500  # 2,000 images + 10 drawings × 50 = 20%
    run_epochs(qtbot, service, 1)
    with qtbot.waitSignal(service.training_outcome):
        service.runner.finish_training()
    tab.drawings_check.setChecked(False)
    with qtbot.waitSignal(service.training_started):
        tab.train_more()
    assert "drawings" not in service.runner.request.run_args and service.runner.plan.n_train == 2000


def test_fine_tune_reports_before_and_after_and_undo_brings_the_previous_model_back(qtbot, service_with_model):
    service = service_with_model
    tab = make_tab(qtbot, service)
    add_drawings(service, 10)
    previous = service.model_info
    assert tab.fine_tune_button.isVisible() and tab.stop_button.isVisible()  # both in the buttons' row
    qtbot.mouseClick(tab.fine_tune_button, Qt.MouseButton.LeftButton)
    assert service.is_training
    qtbot.waitUntil(lambda: service.runner.is_running)  # the model comes from the model thread first
    assert service.runner.request.fine_tune is not None
    run_epochs(qtbot, service, 1)
    with qtbot.waitSignal(service.training_outcome):
        service.runner.finish_training()
    f = service.outcome.fine_tune
    text = tab.outcome_label.text()
    assert f"Held-out drawings ({f.held_out}): {f.held_out_before:.1%} → {f.held_out_after:.1%}" in text
    assert f"Test set: {f.mnist_before:.2%} → {f.mnist_after:.2%}" in text
    # The fake's fine-tuned model (centroids of 200 images) is far worse on MNIST: said, and undoable.
    assert f.mnist_dropped and text.startswith("⚠") and "Undo fine-tune" in text
    assert tab.switch_button.text().replace("&", "") == "Undo fine-tune"
    with qtbot.waitSignal(service.model_changed):
        qtbot.mouseClick(tab.switch_button, Qt.MouseButton.LeftButton)
    assert service.model_info.name == previous.name
    assert tab.switch_button.text().replace("&", "") == "Use fine-tuned model"


def test_fine_tune_needs_drawings(qtbot, service_with_model):
    service = service_with_model
    with qtbot.waitSignal(service.training_failed) as failed:
        assert not service.fine_tune()
    assert "Draw Pad" in failed.args[0]
