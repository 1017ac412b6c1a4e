"""Gallery tab against a real ModelService: real MNIST, a trained MLP, real TensorFlow."""

import re
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mnist_gui.core.metrics import Predictions
from mnist_gui.ui.gallery_tab import GalleryTab

CAPTION = re.compile(r"true (\d)(?:\n([✓✗]) pred (\d) (\d+)%)?$")


def make_tab(qtbot, service):
    tab = GalleryTab(service)
    qtbot.addWidget(tab)
    tab.resize(1300, 900)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def parsed_captions(tab):
    """(true, mark, predicted, percent) per shown cell; the last three None without a prediction."""
    rows = []
    for text in tab.cell_texts():
        match = CAPTION.match(text)
        assert match, f"unexpected caption {text!r}"
        true, mark, predicted, percent = match.groups()
        rows.append((int(true), mark, None if predicted is None else int(predicted),
                     None if percent is None else int(percent)))
    return rows


def test_data_failed_shows_the_message(qtbot, tmp_path):
    from mnist_gui.service import ModelService

    service = ModelService()
    try:
        tab = make_tab(qtbot, service)
        assert "Loading" in tab.state_label.text()
        with qtbot.waitSignal(service.dataset_failed, timeout=10_000) as failed:
            service.load_dataset(tmp_path / "missing.npz")
        message = failed.args[0]
        assert "--data" in message
        assert "not available" in tab.state_label.text() and message in tab.state_label.text()
        assert tab.shown_indices() == [] and tab.confusion_counts() is None
        assert not tab.shuffle_button.isEnabled() and not tab.true_digit_combo.isEnabled()
    finally:
        assert service.shutdown()


def test_without_a_model_the_grid_shows_true_labels_only(qtbot, service):
    tab = make_tab(qtbot, service)
    y_test = service.data.y_test
    assert "No model yet" in tab.state_label.text()
    shown = tab.shown_indices()
    assert len(shown) == tab.capacity() == 25
    assert [row[0] for row in parsed_captions(tab)] == [int(y_test[i]) for i in shown]
    assert all(row[1:] == (None, None, None) for row in parsed_captions(tab))
    assert not tab.misclassified_check.isEnabled() and not tab.predicted_digit_combo.isEnabled()
    assert tab.confusion_counts() is None
    with pytest.raises(ValueError):
        tab.set_filters(misclassified=True)

    tab.set_filters(true_digit=3)  # filters on true labels work without a model
    np.testing.assert_array_equal(tab.selection_indices(), np.flatnonzero(y_test == 3))
    qtbot.mouseClick(tab.cell_widget(0), Qt.MouseButton.LeftButton)
    assert tab.detail_index() == tab.shown_indices()[0]
    assert "no model yet" in tab.detail_text() and tab.detail_probabilities() is None


def test_grid_shows_true_and_predicted_labels_for_known_indices(qtbot, service_with_model):
    service = service_with_model
    tab = make_tab(qtbot, service)
    probs, y_test = service.test_probabilities, service.data.y_test
    predicted = probs.argmax(axis=1)
    wrong = np.flatnonzero(predicted != y_test)[:3].tolist()
    indices = [0, 1, 2, 3, 4] + wrong
    tab.show_indices(indices)
    assert tab.shown_indices() == indices
    rows = parsed_captions(tab)
    assert [r[0] for r in rows[:5]] == [7, 2, 1, 0, 4]  # the known first test labels
    for index, (true, mark, pred, percent) in zip(indices, rows):
        assert true == y_test[index] and pred == predicted[index]
        assert mark == ("✓" if pred == true else "✗")
        assert percent == round(100 * float(probs[index].max()))
    assert [r[1] for r in rows[5:]] == ["✗"] * 3
    assert "Predictions of test MLP" in tab.state_label.text()
    with pytest.raises(ValueError):
        tab.show_indices(range(26))  # more than a 5×5 grid holds


@pytest.mark.parametrize("filters", [
    dict(misclassified=True),
    dict(true_digit=8),
    dict(predicted_digit=5),
    dict(true_digit=4, predicted_digit=9),
    dict(true_digit=2, misclassified=True),
])
def test_filters_select_exactly_the_matching_images(qtbot, service_with_model, filters):
    service = service_with_model
    tab = make_tab(qtbot, service)
    y_test, predicted = service.data.y_test, service.test_probabilities.argmax(axis=1)
    expected = np.ones(len(y_test), bool)
    if "true_digit" in filters:
        expected &= y_test == filters["true_digit"]
    if "predicted_digit" in filters:
        expected &= predicted == filters["predicted_digit"]
    if filters.get("misclassified"):
        expected &= predicted != y_test
    expected = np.flatnonzero(expected)

    tab.set_filters(**filters)
    np.testing.assert_array_equal(tab.selection_indices(), expected)
    shown = tab.shown_indices()
    assert len(shown) == min(len(expected), tab.capacity()) and set(shown) <= set(expected.tolist())
    assert f": {len(expected):,} image" in tab.selection_label.text()
    assert tab.reset_button.isEnabled()

    tab.reset_button.click()
    assert len(tab.selection_indices()) == len(y_test)
    assert tab.selection_label.text().startswith("All 10,000 test images")


def test_filters_through_the_controls(qtbot, service_with_model):
    service = service_with_model
    tab = make_tab(qtbot, service)
    y_test, predicted = service.data.y_test, service.test_probabilities.argmax(axis=1)
    tab.misclassified_check.setChecked(True)
    tab.true_digit_combo.setCurrentIndex(tab.true_digit_combo.findText("7"))
    expected = np.flatnonzero((predicted != y_test) & (y_test == 7))
    np.testing.assert_array_equal(tab.selection_indices(), expected)
    assert all(r[0] == 7 and r[1] == "✗" for r in parsed_captions(tab))


def test_clicking_an_image_opens_its_detail(qtbot, service_with_model):
    service = service_with_model
    tab = make_tab(qtbot, service)
    target = tab.cell_widget(3)
    index = tab.shown_indices()[3]
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert tab.detail_index() == index
    probs = tab.detail_probabilities()
    assert probs.shape == (10,) and probs.sum() == pytest.approx(1.0, abs=1e-4)
    np.testing.assert_allclose(probs, service.test_probabilities[index], rtol=1e-6)
    true, predicted = int(service.data.y_test[index]), int(probs.argmax())
    assert f"#{index}" in tab.detail_text()
    assert f"predicted {predicted}" in tab.detail_text() and f"true {true}" in tab.detail_text()
    assert not tab.detail_image.pixmap().isNull()


def test_confusion_matrix_matches_numpy_and_a_cell_click_shows_its_images(qtbot, service_with_model):
    service = service_with_model
    tab = make_tab(qtbot, service)
    y_test, predicted = service.data.y_test.astype(int), service.test_probabilities.argmax(axis=1)
    expected = np.zeros((10, 10), int)
    np.add.at(expected, (y_test, predicted), 1)
    counts = tab.confusion_counts()
    assert counts.sum() == 10000
    np.testing.assert_array_equal(counts, expected)
    table = tab.confusion_table
    assert sum(int(table.item(r, c).text()) for r in range(10) for c in range(10)) == 10000
    assert f"{np.mean(predicted == y_test):.2%}" in tab.accuracy_label.text()
    assert table.item(3, 10).text() == f"{expected[3, 3] / expected[3].sum():.1%}"

    tab.grid_size_combo.setCurrentIndex(tab.grid_size_combo.findData(8))
    off_diagonal = expected * (1 - np.eye(10, dtype=int))
    true, pred = np.unravel_index(np.argmax(np.where(off_diagonal <= 64, off_diagonal, 0)), (10, 10))
    assert expected[true, pred] > 1
    cell = table.visualRect(table.model().index(true, pred)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    in_cell = np.flatnonzero((y_test == true) & (predicted == pred))
    assert sorted(tab.shown_indices()) == in_cell.tolist()
    assert tab.selection_label.text() == (f"Showing true {true} predicted {pred}: "
                                          f"{len(in_cell)} image{'s' if len(in_cell) > 1 else ''}")
    assert all(r[0] == true and r[2] == pred for r in parsed_captions(tab))

    tab.reset_button.click()
    assert len(tab.shown_indices()) == 64 and len(tab.selection_indices()) == 10000


def test_model_change_refreshes_predictions_and_ignores_stale_ones(qtbot, service_with_model):
    from mnist_gui.core.models import build_model, preset

    service = service_with_model
    tab = make_tab(qtbot, service)
    old_version = service.model_info.version
    tab.show_indices(range(25))
    before = [r[2] for r in parsed_captions(tab)]

    with qtbot.waitSignal(service.test_predictions_ready, timeout=30_000):
        service.use_model(build_model(preset("mlp")), "untrained MLP")
    new_predicted = service.test_probabilities.argmax(axis=1)
    after = [r[2] for r in parsed_captions(tab)]
    assert tab.shown_indices() == list(range(25))  # same images, new labels
    assert after == new_predicted[:25].tolist() and after != before
    np.testing.assert_array_equal(tab.confusion_counts().sum(axis=0), np.bincount(new_predicted, minlength=10))
    assert "untrained MLP" in tab.state_label.text()

    # A late answer for the old model must not replace the new one.
    service.test_predictions_ready.emit(old_version, Predictions.of(np.eye(10, dtype=np.float32)[np.zeros(10000, int)]))
    assert [r[2] for r in parsed_captions(tab)] == after


def test_shuffle_by_button_and_key_and_grid_refill_is_fast(qtbot, service_with_model):
    tab = make_tab(qtbot, service_with_model)
    assert "Ctrl+R" in tab.shuffle_button.toolTip()
    tab.grid_size_combo.setCurrentIndex(tab.grid_size_combo.findData(8))
    assert len(tab.shown_indices()) == 64

    before = tab.shown_indices()
    tab.shuffle_button.click()
    assert tab.shown_indices() != before
    with qtbot.waitActive(tab):  # the shortcut works in the active window
        tab.activateWindow()
    before = tab.shown_indices()
    qtbot.keyClick(tab, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert tab.shown_indices() != before

    timings = []
    for _ in range(5):  # new images each time, so pixmaps are drawn, not cached
        start = time.perf_counter()
        tab.shuffle()
        QApplication.processEvents()  # layout and paint included
        timings.append(time.perf_counter() - start)
    assert sorted(timings)[2] < 0.1, timings  # a few tens of ms is the goal; slack for a busy machine


def test_hidden_tab_takes_new_predictions_only_when_shown(qtbot, service_with_model):
    """While training on another tab, predictions come every epoch: a hidden gallery defers them."""
    from mnist_gui.core.models import build_model, preset

    service = service_with_model
    tab = make_tab(qtbot, service)
    tab.show_indices(range(25))
    before = [r[2] for r in parsed_captions(tab)]
    tab.hide()
    with qtbot.waitSignal(service.test_predictions_ready, timeout=30_000):
        service.use_model(build_model(preset("mlp")), "untrained MLP")
    assert [r[2] for r in parsed_captions(tab)] == before  # nothing redrawn while hidden
    tab.show()
    new_predicted = service.test_probabilities.argmax(axis=1)
    assert [r[2] for r in parsed_captions(tab)] == new_predicted[:25].tolist() != before
    np.testing.assert_array_equal(tab.confusion_counts().sum(axis=0), np.bincount(new_predicted, minlength=10))
    assert "Predictions of untrained MLP" in tab.state_label.text()


def test_while_training_the_state_line_follows_each_epoch_without_flickering(qtbot, service_with_model):
    # Each epoch's model comes a moment before its predictions: the line does not switch to
    # "updating" and back at every epoch end (a line changing length relays the whole tab out).
    from mnist_gui.core.models import preset

    service = service_with_model
    tab = make_tab(qtbot, service)
    texts = []
    set_text = tab.state_label.setText
    tab.state_label.setText = lambda text: (texts.append(text), set_text(text))
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        assert service.start_training(preset("mlp", epochs=3), train_size=2000)
    qtbot.waitUntil(lambda: "training" not in tab.state_label.text() and service.test_predictions is not None,
                    timeout=30_000)
    run = [i for i, t in enumerate(texts) if "training:" in t]  # the lines shown while training
    during = texts[run[0]:run[-1] + 1]
    assert len(run) >= 3 and during == [texts[i] for i in run]  # nothing else in between
    assert [r[2] for r in parsed_captions(tab)] == service.test_predictions.labels[tab.shown_indices()].tolist()


def test_new_predictions_repaint_only_the_cells_that_changed(qtbot, service_with_model, event_spy):
    # Training sends predictions every epoch; most cells then look as before and need no repaint.
    from PySide6.QtCore import QEvent

    service = service_with_model
    tab = make_tab(qtbot, service)
    tab.show_indices(range(25))
    qtbot.wait(20)
    paints = event_spy(QEvent.Type.Paint, *(tab.cell_widget(position) for position in range(25)))
    probabilities = service.test_probabilities.copy()
    version = service.model_info.version
    tab._on_test_predictions_ready(version, Predictions.of(probabilities.copy()))  # the same again
    qtbot.wait(20)
    assert paints.count == 0

    # Image 3 becomes a confident wrong answer: only its cell repaints, with its new caption.
    wrong = (int(service.data.y_test[3]) + 1) % 10
    probabilities[3] = np.eye(10, dtype=np.float32)[wrong]
    tab._on_test_predictions_ready(version, Predictions.of(probabilities))
    qtbot.wait(20)
    assert {cell.index for cell in paints.widgets()} == {3}
    assert parsed_captions(tab)[3] == (int(service.data.y_test[3]), "✗", wrong, 100)


def test_header_shows_clean_and_drawn_accuracy_from_the_sidecar(qtbot, service_with_model, trained_mlp_model, tmp_path):
    import json

    from mnist_gui.core.storage import save_model

    path = save_model(trained_mlp_model, tmp_path / "robust.keras",
                      {"preset": "mlp", "test_accuracy": 0.9961, "drawn_accuracy": 0.9905})
    tab = make_tab(qtbot, service_with_model)
    with qtbot.waitSignal(service_with_model.test_predictions_ready, timeout=30_000):
        service_with_model.open_model(str(path))
    qtbot.waitUntil(lambda: "robust" in tab.state_label.text(), timeout=10_000)
    # The test accuracy is the service's own count; the drawn one can only come from the sidecar.
    assert re.search(r"robust: \d+\.\d\d% of the test images right, 99\.05% of mouse-style drawings$",
                     tab.state_label.text())
    assert service_with_model.model_info.drawn_accuracy == 0.9905
    # Saved again, the model keeps what it is known to do.
    service_with_model.save_model(str(tmp_path / "again.keras"))
    qtbot.waitUntil(lambda: (tmp_path / "again.json").exists(), timeout=30_000)
    assert json.loads((tmp_path / "again.json").read_text())["drawn_accuracy"] == 0.9905
