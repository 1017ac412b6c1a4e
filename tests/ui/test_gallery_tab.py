"""Gallery tab on the fake service: real MNIST, the fake's numpy predictions (tests/ui/conftest.py)."""

import re
import time

import numpy as np
import pytest
from fake_host import NumpyModel, make_service
from PySide6.QtCore import Qt

from mnist_gui.core.metrics import Predictions
from mnist_gui.ui.gallery_tab import MATRIX_AFTER_MS, GalleryTab

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
    service = make_service(qtbot)
    try:
        tab = make_tab(qtbot, service)
        assert "Loading" in tab.state_label.text()
        with qtbot.waitSignal(service.dataset_failed) as failed:
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
    assert "Predictions of centroids" in tab.state_label.text()
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


def test_new_predictions_reach_the_matrix_after_the_grid_is_painted(qtbot, service_with_model, settle):
    # Grid and matrix in one slot held the window 19-27 ms at every epoch end: the grid comes
    # first and is painted, the matrix in a later turn of its own.
    service = service_with_model
    tab = make_tab(qtbot, service)
    table = tab.confusion_table
    before = [[table.item(r, c).text() for c in range(10)] for r in range(10)]
    seen_in_slot = []
    service.test_predictions_ready.connect(
        lambda *_: seen_in_slot.append(([r[2] for r in parsed_captions(tab)],
                                        [[table.item(r, c).text() for c in range(10)] for r in range(10)])))
    with qtbot.waitSignal(service.test_predictions_ready):
        service.use_model(NumpyModel.untrained(), "untrained model")
    predicted = service.test_probabilities.argmax(axis=1)
    captions, matrix_in_slot = seen_in_slot[0]
    assert captions == predicted[tab.shown_indices()].tolist()  # the grid in the same slot
    assert matrix_in_slot == before  # the matrix not yet
    started = time.monotonic()
    settle()  # the grid's layout and repaint: still not the matrix, unless settling took that long
    if time.monotonic() - started < MATRIX_AFTER_MS / 1000:
        assert [[table.item(r, c).text() for c in range(10)] for r in range(10)] == before
    expected = np.zeros((10, 10), int)
    np.add.at(expected, (service.data.y_test.astype(int), predicted), 1)
    qtbot.waitUntil(lambda: [[int(table.item(r, c).text()) for c in range(10)] for r in range(10)]
                    == expected.tolist())


def test_a_smaller_grid_shows_the_first_page_of_what_was_shown(qtbot, service_with_model):
    # From 8 × 8 to 4 × 4 the refit re-showed all 64 images: "64 images do not fit a 4² grid" was
    # raised in the slot, and the grid went on showing 64 cells in four columns.
    tab = make_tab(qtbot, service_with_model)
    tab.grid_size_combo.setCurrentIndex(tab.grid_size_combo.findData(8))
    before = tab.shown_indices()
    assert len(before) == 64
    tab.grid_size_combo.setCurrentIndex(tab.grid_size_combo.findData(4))
    shown = tab.shown_indices()
    assert tab.capacity() == 16 and shown == before[:16] and tab.detail_index() in shown
    assert sum(tab.cell_widget(position).isVisible() for position in range(64)) == 16
    assert tab.selection_label.text() == "All 10,000 test images; 1–16 in random order, page 1 of 625"


def test_an_image_opened_from_another_tab_stays_when_the_window_is_resized(qtbot, service_with_model):
    # The images re-shown at their new size used to select the grid's first image instead, and tell
    # the Inside tab so: the image opened from the Robustness or Inside tab was lost.
    tab = make_tab(qtbot, service_with_model)
    opened = next(i for i in range(10_000) if i not in tab.shown_indices())
    changed = []
    tab.detail_changed.connect(changed.append)
    tab.show_test_image(opened)
    before = tab.image_size()
    tab.resize(700, 500)
    qtbot.waitUntil(lambda: tab.image_size() != before)
    assert tab.detail_index() == opened and f"#{opened}" in tab.detail_text() and changed == [opened]


def test_model_change_refreshes_predictions_and_ignores_stale_ones(qtbot, service_with_model):
    service = service_with_model
    tab = make_tab(qtbot, service)
    old_version = service.model_info.version
    tab.show_indices(range(25))
    before = [r[2] for r in parsed_captions(tab)]

    with qtbot.waitSignal(service.test_predictions_ready):
        service.use_model(NumpyModel.untrained(), "untrained model")
    new_predicted = service.test_probabilities.argmax(axis=1)
    after = [r[2] for r in parsed_captions(tab)]
    assert tab.shown_indices() == list(range(25))  # same images, new labels
    assert after == new_predicted[:25].tolist() and after != before
    np.testing.assert_array_equal(tab.confusion_counts().sum(axis=0), np.bincount(new_predicted, minlength=10))
    assert "untrained model" in tab.state_label.text()

    # A late answer for the old model must not replace the new one.
    service.test_predictions_ready.emit(old_version, Predictions.of(np.eye(10, dtype=np.float32)[np.zeros(10000, int)]))
    assert [r[2] for r in parsed_captions(tab)] == after


def test_shuffle_by_button_and_key(qtbot, service_with_model):
    # How fast a shuffle refills the grid is measured by benchmarks/gallery_shuffle.py.
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


def test_hidden_tab_takes_new_predictions_only_when_shown(qtbot, service_with_model):
    """While training on another tab, predictions come every epoch: a hidden gallery defers them."""
    service = service_with_model
    tab = make_tab(qtbot, service)
    tab.show_indices(range(25))
    before = [r[2] for r in parsed_captions(tab)]
    tab.hide()
    with qtbot.waitSignal(service.test_predictions_ready):
        service.use_model(NumpyModel.untrained(), "untrained model")
    assert [r[2] for r in parsed_captions(tab)] == before  # nothing redrawn while hidden
    tab.show()
    new_predicted = service.test_probabilities.argmax(axis=1)
    assert [r[2] for r in parsed_captions(tab)] == new_predicted[:25].tolist() != before
    np.testing.assert_array_equal(tab.confusion_counts().sum(axis=0), np.bincount(new_predicted, minlength=10))
    assert "Predictions of untrained model" in tab.state_label.text()


def test_while_training_the_state_line_follows_each_epoch_without_flickering(qtbot, service_with_model):
    # Each epoch's model comes a moment before its predictions: the line does not switch to
    # "updating" and back at every epoch end (a line changing length relays the whole tab out).
    from mnist_gui.core.models import preset

    service = service_with_model
    tab = make_tab(qtbot, service)
    texts = []
    set_text = tab.state_label.setText
    tab.state_label.setText = lambda text: (texts.append(text), set_text(text))
    assert service.start_training(preset("mlp", epochs=3), train_size=2000)
    for _ in range(3):
        service.runner.run_batches()
        with qtbot.waitSignal(service.test_predictions_ready):
            service.runner.end_epoch()
    with qtbot.waitSignal(service.test_predictions_ready):
        service.runner.finish_training()
    assert "training" not in tab.state_label.text()
    run = [i for i, t in enumerate(texts) if "training:" in t]  # the lines shown while training
    during = texts[run[0]:run[-1] + 1]
    assert len(run) >= 3 and during == [texts[i] for i in run]  # nothing else in between
    assert [r[2] for r in parsed_captions(tab)] == service.test_predictions.labels[tab.shown_indices()].tolist()
    # The model in use after the run: the new one or, when it scored lower, the previous one.
    qtbot.waitUntil(lambda: service.test_predictions is not None and not service.busy)
    assert service.model_info.name in ("MLP (editable), 3 epochs", "centroids")
    assert tab.state_label.text() == (f"Predictions of {service.model_info.name}: "
                                      f"{service.model_info.test_accuracy:.2%} of the test images right")


def test_new_predictions_repaint_only_the_cells_that_changed(qtbot, service_with_model, event_spy, settle):
    # Training sends predictions every epoch; most cells then look as before and need no repaint.
    from PySide6.QtCore import QEvent

    service = service_with_model
    tab = make_tab(qtbot, service)
    tab.show_indices(range(25))
    settle()
    paints = event_spy(QEvent.Type.Paint, *(tab.cell_widget(position) for position in range(25)))
    probabilities = service.test_probabilities.copy()
    version = service.model_info.version
    tab._on_test_predictions_ready(version, Predictions.of(probabilities.copy()))  # the same again
    settle()
    assert paints.count == 0

    # Image 3 becomes a confident wrong answer: only its cell repaints, with its new caption.
    wrong = (int(service.data.y_test[3]) + 1) % 10
    probabilities[3] = np.eye(10, dtype=np.float32)[wrong]
    tab._on_test_predictions_ready(version, Predictions.of(probabilities))
    qtbot.waitUntil(lambda: paints.count > 0)
    settle()
    assert {cell.index for cell in paints.widgets()} == {3}
    assert parsed_captions(tab)[3] == (int(service.data.y_test[3]), "✗", wrong, 100)


def test_detail_changed_only_when_another_image_is_shown(qtbot, mnist):
    from types import SimpleNamespace

    from PySide6.QtCore import QObject, Signal

    from mnist_gui.core.metrics import Predictions
    from mnist_gui.ui.gallery_tab import GalleryTab

    class Service(QObject):
        dataset_ready = Signal(object)
        dataset_failed = Signal(str)
        model_changed = Signal(object)
        test_predictions_ready = Signal(int, object)
        drawings_changed = Signal()
        drawing_predictions_ready = Signal(int, object)
        drawings_failed = Signal(str)

        def __init__(self):
            super().__init__()
            self.data, self.model_info, self.test_predictions = mnist, SimpleNamespace(name="m", version=1, test_accuracy=None, training=False, epoch=None), None

    service = Service()
    tab = GalleryTab(service)
    qtbot.addWidget(tab)
    tab.show()
    shown = []
    tab.detail_changed.connect(shown.append)
    tab.show_detail(4)
    tab.show_detail(4)
    probs = np.full((len(mnist.x_test), 10), 0.1, np.float32)
    service.test_predictions_ready.emit(1, Predictions.of(probs))  # an epoch end re-shows image 4
    assert "predicted 0" in tab.detail_text()
    tab.show_detail(9)
    assert shown == [4, 9]


def test_header_shows_the_drawn_accuracy_when_the_sidecar_has_it(qtbot, service_with_model):
    from dataclasses import replace

    service = service_with_model
    tab = make_tab(qtbot, service)
    assert "of the test images right" in tab.state_label.text()
    assert "drawings" not in tab.state_label.text()
    service.session.model_info = replace(service.model_info, drawn_accuracy=0.9912)
    service.model_changed.emit(service.model_info)
    qtbot.waitUntil(lambda: "99.12% of mouse-style drawings" in tab.state_label.text())


def test_a_new_confusion_matrix_changes_only_the_cells_whose_counts_changed(qtbot):
    from mnist_gui.ui.confusion_matrix import ACCURACY_COLUMN, ConfusionPanel

    panel = ConfusionPanel()
    qtbot.addWidget(panel)
    table = panel.table
    before = np.diag(np.full(10, 98)) + np.eye(10, k=1, dtype=int) * 2
    before[9, 0] = 2  # each row 100 images
    panel.show_counts(before)
    after = before.copy()
    after[3, 3], after[3, 4] = 99, 1  # one image of 3 now right
    changed = []
    table.model().dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), top.column())))
    panel.show_counts(after)
    assert set(changed) == {(3, 3), (3, 4), (3, ACCURACY_COLUMN)}
    assert table.item(3, 4).text() == "1" and table.item(3, 3).text() == "99"
    assert table.item(3, ACCURACY_COLUMN).text().startswith("99")
    assert "1 images" in table.item(3, 4).toolTip() and table.item(5, 5).text() == "98"
    panel.show_counts(None)  # emptied: the next matrix is shown whole
    panel.show_counts(after)
    assert table.item(5, 5).text() == "98" and table.item(3, 3).text() == "99"
