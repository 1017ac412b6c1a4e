"""Each tab on the real ModelService: real TensorFlow, real MNIST, real (small) training runs.

The tabs' behaviour in detail is tested on a fake service in tests/ui; these check that the real
service gives them what the fake does.
"""

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from mnist_gui.core.preprocess import prepare_digit
from mnist_gui.ui.draw_tab import UNSURE_BELOW, DrawTab
from mnist_gui.ui.gallery_tab import GalleryTab
from mnist_gui.ui.training_tab import TrainingTab

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def draw(qtbot, canvas, *points):
    """One stroke through ``points`` (widget coordinates): press, moves with the button held, release."""
    first, *rest = [QPoint(*p) for p in points]
    qtbot.mousePress(canvas, LEFT, NO_KEYS, first)
    for point in rest:
        qtbot.mouseMove(canvas, point)
    qtbot.mouseRelease(canvas, LEFT, NO_KEYS, rest[-1] if rest else first)


def test_gallery_shows_the_real_models_predictions(qtbot, service_with_model):
    service = service_with_model
    tab = GalleryTab(service)
    qtbot.addWidget(tab)
    tab.resize(1300, 900)
    tab.show()
    qtbot.waitExposed(tab)
    probs, y_test = service.test_probabilities, service.data.y_test
    predicted = probs.argmax(axis=1)
    assert np.mean(predicted == y_test) > 0.85  # a trained model, not noise
    wrong = np.flatnonzero(predicted != y_test)[:3].tolist()
    indices = [0, 1, 2, 3, 4] + wrong
    tab.show_indices(indices)
    for index, text in zip(indices, tab.cell_texts()):
        mark = "✓" if predicted[index] == y_test[index] else "✗"
        percent = round(100 * float(probs[index].max()))
        assert text == f"true {y_test[index]}\n{mark} pred {predicted[index]} {percent}%"
    expected = np.zeros((10, 10), int)
    np.add.at(expected, (y_test.astype(int), predicted), 1)
    np.testing.assert_array_equal(tab.confusion_counts(), expected)
    assert "Predictions of test MLP" in tab.state_label.text()


def test_a_drawn_stroke_is_read_by_the_real_model(qtbot, service_with_model):
    service = service_with_model
    tab = DrawTab(service)
    qtbot.addWidget(tab)
    tab.resize(800, 500)
    tab.show()
    qtbot.waitExposed(tab)
    canvas, left = tab.canvas, Qt.MouseButton.LeftButton
    qtbot.mousePress(canvas, left, Qt.KeyboardModifier.NoModifier, QPoint(150, 50))
    for i in range(1, 41):
        qtbot.mouseMove(canvas, QPoint(150, 50 + 5 * i))
    qtbot.mouseRelease(canvas, left, Qt.KeyboardModifier.NoModifier, QPoint(150, 250))
    digit = prepare_digit(canvas.image())
    probs = service.predict(digit[None])[0]
    qtbot.waitUntil(lambda: tab.bars.probabilities() is not None
                    and np.allclose(tab.bars.probabilities(), probs, rtol=1e-5), timeout=10_000)
    assert tab.predicted_digit == 1 == int(probs.argmax())
    assert tab.message_label.text() == (f"{probs.max():.1%} confident" if probs.max() >= UNSURE_BELOW
                                        else f"Not sure: 1 ({probs.max():.0%}) or {np.argsort(probs)[-2]} "
                                             f"({np.sort(probs)[-2]:.0%})")


def _training_tab(qtbot, service, *, epochs, images):
    tab = TrainingTab(service)
    qtbot.addWidget(tab)
    tab.show()
    tab.apply_preset("mlp")
    tab.epochs_spin.setValue(epochs)
    tab.train_size_spin.setValue(images)
    return tab


def test_train_from_the_button_shows_progress_charts_and_result(qtbot, service):
    tab = _training_tab(qtbot, service, epochs=2, images=2000)
    with qtbot.waitSignal(service.training_finished, timeout=120_000) as finished:
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
        assert tab.stop_button.isEnabled() and not tab.train_button.isEnabled()
    history, stopped = finished.args
    assert not stopped and len(history["loss"]) == 2
    assert tab.epoch_bar.value() == 2 and tab.batch_bar.value() == tab.batch_bar.maximum()
    assert tab.charts.history == history
    xs, ys = zip(*tab.charts.accuracy_chart.points("val_accuracy"))
    assert xs == (1, 2) and np.allclose(ys, 100 * np.array(history["val_accuracy"]))
    assert history["val_accuracy"][-1] > 0.7  # it learned
    log = tab.log_view.toPlainText()
    assert "Epoch 1/2" in log and "Epoch 2/2" in log
    assert tab.result_label.text() == f"Test accuracy: {history['val_accuracy'][-1]:.2%}"
    assert tab.train_button.isEnabled() and not tab.stop_button.isEnabled()


def test_predictions_follow_the_run_from_a_copy_and_stop_keeps_a_usable_model(qtbot, service, mnist):
    tab = _training_tab(qtbot, service, epochs=30, images=10000)
    live = []
    service.model_changed.connect(lambda info: live.append(info) if info.training else None)
    tab.start_training()
    qtbot.waitUntil(lambda: bool(live) and service.test_probabilities is not None
                    and service.model_info.training, timeout=60_000)
    assert service.is_training
    trained, inference = service.runner._worker.model, service.host.worker.model
    assert inference is not trained  # the model being trained is never called from another thread
    probs = service.predict(mnist.x_test[:100])
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-4)
    assert np.mean(probs.argmax(1) == mnist.y_test[:100]) > 0.5

    with qtbot.waitSignal(service.training_finished, timeout=60_000) as finished:
        qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    history, stopped = finished.args
    assert stopped and len(history["loss"]) < 30
    assert tab.result_label.text().startswith("Stopped during epoch")
    info = lambda: service.model_info  # noqa: E731
    qtbot.waitUntil(lambda: info() is not None and not info().training, timeout=30_000)
    probs = service.predict(mnist.x_test[:200])
    assert np.mean(probs.argmax(1) == mnist.y_test[:200]) > 0.5  # it keeps what it learned


def test_a_diverging_run_keeps_the_previous_model(qtbot, service_with_model):
    service = service_with_model
    before = service.model_info
    tab = _training_tab(qtbot, service, epochs=3, images=4000)
    tab.hidden_edit.setText("512,512,512")
    tab.lr_edit.setText("10")  # SGD at lr 10 on a wide ReLU net blows up within an epoch
    tab.optimizer_combo.setCurrentIndex(tab.optimizer_combo.findData("sgd"))
    with qtbot.waitSignal(service.training_failed, timeout=120_000) as failed:
        tab.start_training()
    assert "diverged" in failed.args[0]
    assert service.model_info.name == before.name
    assert "Training failed" in tab.result_label.text()


def test_preview_shows_the_attribution_after_each_stroke(qtbot, service_with_model):
    from mnist_gui.core import inside

    svc = service_with_model
    tab = DrawTab(svc)
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    tab.show()
    qtbot.waitExposed(tab)
    inside_answers = []
    tab._overlays.answered.connect(lambda result, args: inside_answers.append(result.method))
    draw(qtbot, tab.canvas, (150, 50), *[(150, 50 + 10 * i) for i in range(1, 21)])
    qtbot.waitUntil(lambda: tab._overlay is not None, timeout=10_000)
    assert len(inside_answers) == 1  # one, after the stroke, not one per mouse move
    digit = prepare_digit(tab.canvas.image())
    expected = inside.attribution(svc.host.worker.model, digit).maps[0]
    np.testing.assert_allclose(tab._overlay, expected, rtol=1e-4, atol=1e-6)
    shown = tab.preview.pixmap().toImage().convertToFormat(QImage.Format.Format_RGB888)
    rgb = np.frombuffer(shown.constBits(), np.uint8).reshape(shown.height(), shown.bytesPerLine())
    rgb = rgb[:, :3 * shown.width()].reshape(shown.height(), shown.width(), 3).astype(int)
    assert (np.abs(rgb[..., 0] - rgb[..., 2]) > 60).any()  # red or blue where the ink mattered
    # A new stroke starts: the map of the old drawing goes; it comes back when the stroke ends.
    qtbot.mousePress(tab.canvas, LEFT, NO_KEYS, QPoint(100, 100))
    assert tab._overlay is None
    qtbot.mouseRelease(tab.canvas, LEFT, NO_KEYS, QPoint(100, 100))
    qtbot.waitUntil(lambda: tab._overlay is not None, timeout=10_000)


def test_robustness_tab_on_the_real_model_thread_with_the_model_from_before_a_run(qtbot, service_with_model):
    from mnist_gui.core import robustness as rb
    from mnist_gui.core.models import preset
    from mnist_gui.ui.robustness_tab import RobustnessTab

    service = service_with_model
    tab = RobustnessTab(service, sample_size=200)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    done = lambda: tab.evaluation is not None and not tab._requests["evaluate"].busy and not tab._requests["evaluate"].waiting
    tab.set_distortion(rotation=30, thickness=1)
    qtbot.waitUntil(lambda: done() and tab.evaluation.distortion == tab.distortion(), timeout=60_000)
    e = tab.evaluation
    images = rb.run(rb.distort(tab.sample, rb.Distortion(rotation=30, thickness=1)))
    direct = service.predict(images)
    np.testing.assert_allclose(e.probabilities["current"], direct, atol=1e-4)
    assert e.names == {"current": "test MLP"} and 0.3 < e.accuracy() < 0.95

    # After a run the service keeps the model from before it: both are measured, on the same images.
    with qtbot.waitSignal(service.training_outcome, timeout=120_000):
        assert service.start_training(preset("mlp", epochs=1), train_size=2000)
    qtbot.waitUntil(lambda: done() and "other" in tab.evaluation.probabilities, timeout=60_000)
    e = tab.evaluation
    outcome = service.outcome
    in_use, kept = (outcome.new, outcome.previous) if outcome.using_new else (outcome.previous, outcome.new)
    assert e.names == {"current": in_use.name, "other": kept.name}
    assert not np.allclose(e.probabilities["current"], e.probabilities["other"], atol=1e-3)  # two models
    np.testing.assert_allclose(e.probabilities["current"], service.predict(images), atol=1e-4)
    tab.curve_combo.setCurrentIndex(tab.curve_combo.findData("noise"))
    qtbot.waitUntil(lambda: tab.curves is not None and tab.curves.complete and not any(r.busy for r in tab._requests.values()), timeout=120_000)
    assert set(tab.curves.names) == {"current", "other"}
    tab.reset()
    qtbot.waitUntil(lambda: done() and tab.evaluation.distortion.is_identity(), timeout=60_000)
    clean = tab.evaluation
    for role in ("current", "other"):  # every curve passes through the undistorted accuracy
        assert {dict(tab.curves.points(role, a.name))[0] for a in rb.AXES} == {clean.accuracy(role)}
