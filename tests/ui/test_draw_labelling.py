"""Labelling Draw Pad drawings into My drawings: number keys, the 0-9 buttons, Enter, Undo label, the counter."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from test_draw_tab import draw, make_tab

from mnist_gui.core.drawings import DrawingStore
from mnist_gui.core.preprocess import prepare_digit


@pytest.fixture
def tab(qtbot, service_with_model):
    return make_tab(qtbot, service_with_model)


def draw_and_wait(qtbot, tab, service):
    with qtbot.waitSignal(tab._predictions.answered):
        draw(qtbot, tab.canvas, (150, 60), (150, 300))  # a vertical stroke
    qtbot.waitUntil(lambda: tab.predicted_digit is not None)
    return tab.canvas.image()


def test_a_number_key_keeps_the_drawing_with_that_label_and_clears_the_pad(qtbot, tab, service_with_model):
    service = service_with_model
    canvas = draw_and_wait(qtbot, tab, service)
    predicted = tab.predicted_digit
    tab.pen_width_slider.setValue(9)  # the pen width at labelling is the one recorded
    with qtbot.waitSignal(service.drawings_changed):
        qtbot.keyClick(tab.canvas, Qt.Key.Key_7)
    stored = DrawingStore(service.drawings.folder).drawings()  # as a new process reads it
    assert len(stored) == 1
    drawing = stored[0]
    assert drawing.label == 7 and drawing.prediction == predicted and drawing.pen_width == 0.09
    np.testing.assert_array_equal(drawing.canvas, canvas)
    np.testing.assert_array_equal(drawing.digit, np.rint(prepare_digit(canvas)).astype(np.uint8))
    assert tab.canvas.is_empty() and "Kept as 7" in tab.message_label.text()


def test_the_buttons_label_and_enter_keeps_the_models_reading(qtbot, tab, service_with_model):
    service = service_with_model
    draw_and_wait(qtbot, tab, service)
    tab.label_buttons[3].click()
    canvas = draw_and_wait(qtbot, tab, service)
    predicted = tab.predicted_digit
    qtbot.keyClick(tab.canvas, Qt.Key.Key_Return)
    labels = [d.label for d in DrawingStore(service.drawings.folder).drawings()]
    assert labels == [3, predicted]
    assert np.array_equal(service.drawings.drawings()[1].canvas, canvas)


def test_nothing_is_kept_from_an_empty_pad(qtbot, tab, service_with_model):
    qtbot.keyClick(tab.canvas, Qt.Key.Key_5)
    qtbot.keyClick(tab.canvas, Qt.Key.Key_Return)
    assert len(service_with_model.drawings) == 0 and "Draw a digit first" in tab.message_label.text()


def test_the_counter_shows_counts_and_how_many_the_model_reads_right_and_undo_takes_the_last_back(
        qtbot, tab, service_with_model):
    service = service_with_model
    assert "none yet" in tab.drawings_label.text() and not tab.undo_label_action.isEnabled()
    draw_and_wait(qtbot, tab, service)
    right_label = tab.predicted_digit
    wrong_label = (right_label + 1) % 10
    with qtbot.waitSignal(service.drawing_predictions_ready):
        tab.label_drawing(right_label)
    draw_and_wait(qtbot, tab, service)
    with qtbot.waitSignal(service.drawing_predictions_ready):
        tab.label_drawing(wrong_label)
    counts = ["0"] * 10
    counts[right_label], counts[wrong_label] = "1", "1"
    text = tab.drawings_label.text()
    assert "My drawings: 2 — " + " ".join(f"{d}:{c}" for d, c in enumerate(counts)) in text
    assert "reads 1 of 2 right" in text
    assert tab.undo_label_action.isEnabled()
    with qtbot.waitSignal(service.drawings_changed):
        tab.undo_label_action.trigger()
    assert [d.label for d in DrawingStore(service.drawings.folder).drawings()] == [right_label]
    assert "My drawings: 1 — " in tab.drawings_label.text()
