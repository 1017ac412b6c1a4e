"""The Draw Pad: strokes with the mouse, tools and keys, and live predictions through the service."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolButton

from mnist_gui.core.models import build_model, preset
from mnist_gui.core.preprocess import prepare_digit
from mnist_gui.ui.draw_tab import DEFAULT_PEN_WIDTH, IMAGE_SIZE, DrawCanvas, DrawTab

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def draw(qtbot, canvas, *points, pause_ms=0):
    """One stroke through ``points`` (widget coordinates): press, moves with the button held, release."""
    first, *rest = [QPoint(*p) for p in points]
    qtbot.mousePress(canvas, LEFT, NO_KEYS, first)
    for point in rest:
        qtbot.mouseMove(canvas, point)
        if pause_ms:
            qtbot.wait(pause_ms)
    qtbot.mouseRelease(canvas, LEFT, NO_KEYS, rest[-1] if rest else first)


def grey(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width()].copy()


@pytest.fixture
def canvas(qtbot):
    widget = DrawCanvas()
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def idle_service(qtbot):
    """A service whose TensorFlow has not loaded (yet): the pad must work regardless."""
    from mnist_gui.service import ModelService

    svc = ModelService()
    yield svc
    assert svc.shutdown()


def make_tab(qtbot, service) -> DrawTab:
    tab = DrawTab(service)
    qtbot.addWidget(tab)
    tab.resize(800, 500)
    with qtbot.waitActive(tab):  # keyboard shortcuts go to the active window only
        tab.show()
        tab.activateWindow()
    return tab


def count_requests(service, monkeypatch) -> list:
    """Record every prediction request (the images sent), with how many earlier ones were unanswered."""
    sent, answered = [], set()
    service.prediction_ready.connect(lambda request_id, probs: answered.add(request_id))
    request = service.request_prediction

    def spy(images):
        unanswered = len(sent) - len(answered)
        request_id = request(images)
        sent.append((request_id, np.array(images), unanswered))
        return request_id

    monkeypatch.setattr(service, "request_prediction", spy)
    return sent


def test_fast_stroke_with_few_points_is_continuous(qtbot, canvas):
    draw(qtbot, canvas, (20, 20), (280, 40), (40, 280))   # three mouse events, far apart
    image = canvas.image()
    assert image.shape == (IMAGE_SIZE, IMAGE_SIZE) and image.dtype == np.uint8
    scale = IMAGE_SIZE / 300  # widget → image, to within a pixel (the pen is 7% of the pad wide)
    for (x0, y0), (x1, y1) in [((20, 20), (280, 40)), ((280, 40), (40, 280))]:
        t = np.linspace(0, 1, 400)
        xs = np.rint((x0 + t * (x1 - x0)) * scale).astype(int)
        ys = np.rint((y0 + t * (y1 - y0)) * scale).astype(int)
        assert image[ys, xs].min() == 255, "a gap along the stroke"
    far, corner = round(250 * scale), IMAGE_SIZE - 1
    assert image[far, far] == 0 and image[0, corner] == 0  # and only there


def test_single_click_leaves_a_round_dot(qtbot, canvas):
    draw(qtbot, canvas, (150, 150), (150, 150))  # press, a move that goes nowhere, release
    ink = canvas.image() > 127
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    diameter = DEFAULT_PEN_WIDTH * IMAGE_SIZE  # the pen's width, in image pixels
    assert abs(len(rows) - len(cols)) <= 1 and 0.75 * diameter <= len(rows) <= 1.3 * diameter


def test_pen_width_applies_to_new_strokes(qtbot, idle_service):
    tab = make_tab(qtbot, idle_service)
    tab.pen_width_slider.setValue(tab.pen_width_slider.minimum())
    draw(qtbot, tab.canvas, (60, 60), (60, 300))
    thin = np.count_nonzero(tab.canvas.image() > 127)
    tab.pen_width_slider.setValue(tab.pen_width_slider.maximum())
    draw(qtbot, tab.canvas, (200, 60), (200, 300))
    thick = np.count_nonzero(tab.canvas.image() > 127) - thin
    assert thick > 3 * thin > 0


def test_resizing_keeps_the_drawing(qtbot, canvas):
    draw(qtbot, canvas, (75, 75), (225, 225))
    before = canvas.image()
    for width, height in [(600, 600), (500, 250), (150, 150)]:
        canvas.resize(width, height)
        qtbot.wait(1)
        np.testing.assert_array_equal(canvas.image(), before)
        # On screen too: the pad is the centred square, and the stroke's middle is its centre.
        shown = grey(canvas.grab().toImage())
        assert shown[height // 2, width // 2] == 255
        side = min(width, height)
        assert shown[height // 2 - side // 3, width // 2 + side // 3] == 0


def test_clear_and_undo_with_buttons_and_keys(qtbot, idle_service):
    tab = make_tab(qtbot, idle_service)
    canvas = tab.canvas
    buttons = {b.defaultAction().text(): b for b in tab.findChildren(QToolButton)}
    for y in (60, 120, 180):
        draw(qtbot, canvas, (60, y), (200, y))
    assert canvas.stroke_count() == 3

    qtbot.mouseClick(buttons["Undo"], LEFT)
    assert canvas.stroke_count() == 2
    assert canvas.image()[round(180 * IMAGE_SIZE / 300), 120] == 0  # the last stroke is gone
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert canvas.stroke_count() == 1
    qtbot.mouseClick(buttons["Clear"], LEFT)
    assert canvas.is_empty() and not canvas.image().any()

    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Escape):
        draw(qtbot, canvas, (60, 60), (200, 200))
        qtbot.keyClick(canvas, key)
        assert canvas.is_empty(), key


def test_ink_is_accepted_while_tensorflow_loads(qtbot, idle_service):
    tab = make_tab(qtbot, idle_service)
    assert tab.message_label.text() == "Loading TensorFlow…"
    draw(qtbot, tab.canvas, (150, 50), (150, 250))
    qtbot.waitUntil(lambda: grey(tab.preview.pixmap().toImage()).max() == 255, timeout=2000)
    assert tab.canvas.stroke_count() == 1
    assert tab.predicted_digit is None and tab.message_label.text() == "Loading TensorFlow…"


def test_without_a_model_says_so(qtbot, service):
    tab = make_tab(qtbot, service)
    draw(qtbot, tab.canvas, (150, 50), (150, 250))
    qtbot.wait(100)
    assert tab.predicted_digit is None
    assert tab.message_label.text() == "No model yet — train one or open a model file"


def test_stroke_is_read_live_by_the_model(qtbot, service_with_model, monkeypatch):
    svc = service_with_model
    sent = count_requests(svc, monkeypatch)
    tab = make_tab(qtbot, svc)
    assert tab.message_label.text() == "Draw a digit"

    # A slow vertical stroke: predictions arrive while drawing, throttled, one at a time.
    start = time.monotonic()
    draw(qtbot, tab.canvas, (150, 50), *[(150, 50 + 5 * i) for i in range(1, 41)], pause_ms=8)
    elapsed_ms = (time.monotonic() - start) * 1000
    qtbot.waitUntil(lambda: tab.predicted_digit is not None, timeout=10_000)
    qtbot.wait(200)  # let the last request be answered
    assert 3 <= len(sent) <= elapsed_ms / 45 + 2  # Qt may fire a coarse timer up to 5% early
    assert all(unanswered == 0 for *_, unanswered in sent)

    # The newest drawing was the last one sent, and what is shown is the model's reading of it.
    digit = prepare_digit(tab.canvas.image())
    np.testing.assert_array_equal(sent[-1][1], digit[None])
    probs = svc.predict(digit[None])[0]
    np.testing.assert_allclose(tab.bars.probabilities(), probs, rtol=1e-5)
    assert tab.predicted_digit == 1 == int(probs.argmax())
    assert tab.digit_label.text() == "1"
    assert tab.message_label.text() == f"{probs.max():.1%} confident"
    assert grey(tab.preview.pixmap().toImage()).max() == 255


def test_new_model_rereads_the_drawing(qtbot, service_with_model):
    svc = service_with_model
    tab = make_tab(qtbot, svc)
    draw(qtbot, tab.canvas, (100, 80), (200, 80), (130, 250))
    qtbot.waitUntil(lambda: tab.predicted_digit is not None, timeout=10_000)
    before = tab.bars.probabilities()

    untrained = build_model(preset("mlp", seed=3))
    with qtbot.waitSignal(svc.model_changed, timeout=30_000):
        svc.use_model(untrained, "untrained")
    digit = prepare_digit(tab.canvas.image())
    expected = svc.predict(digit[None])[0]
    assert not np.allclose(expected, before, atol=1e-3)
    qtbot.waitUntil(lambda: np.allclose(tab.bars.probabilities(), expected, rtol=1e-5), timeout=5000)
    assert "untrained" in tab.model_label.text()


def test_empty_pad_predicts_nothing(qtbot, service_with_model, monkeypatch):
    svc = service_with_model
    sent = count_requests(svc, monkeypatch)
    tab = make_tab(qtbot, svc)
    draw(qtbot, tab.canvas, (150, 50), (150, 250))
    requests_for_the_stroke = len(sent)
    qtbot.keyClick(tab.canvas, Qt.Key.Key_Delete)    # likely before the last answer arrives
    qtbot.wait(300)
    assert len(sent) == requests_for_the_stroke      # none for the empty pad
    assert tab.predicted_digit is None and tab.bars.probabilities() is None
    assert tab.message_label.text() == "Draw a digit"
    assert grey(tab.preview.pixmap().toImage()).max() == 0

    # A new model with an empty pad: still nothing to ask.
    with qtbot.waitSignal(svc.model_changed, timeout=30_000):
        svc.use_model(build_model(preset("mlp")), "another")
    qtbot.wait(100)
    assert len(sent) == requests_for_the_stroke and tab.message_label.text() == "Draw a digit"


def test_a_mouse_move_repaints_only_around_its_segment_and_shows_what_a_redraw_shows(
        qtbot, canvas, event_spy):
    # Repainting every stroke over the whole pad at every move took up to 40 ms while training ran.
    draw(qtbot, canvas, (60, 60), (240, 240), (60, 240))
    qtbot.wait(20)
    paints = event_spy(QEvent.Type.Paint, canvas)
    qtbot.mousePress(canvas, LEFT, NO_KEYS, QPoint(150, 40))
    for x, y in ((158, 48), (166, 58), (172, 70), (176, 84)):
        qtbot.mouseMove(canvas, QPoint(x, y))
        qtbot.wait(5)
    painted = paints.rects()
    assert painted and all(r.width() * r.height() < canvas.width() * canvas.height() / 10 for r in painted)
    shown_mid_stroke = grey(canvas.grab().toImage())
    qtbot.mouseRelease(canvas, LEFT, NO_KEYS, QPoint(176, 84))
    shown = grey(canvas.grab().toImage())
    canvas.resize(301, 300)  # drawn afresh from the strokes
    canvas.resize(300, 300)
    np.testing.assert_array_equal(grey(canvas.grab().toImage()), shown)
    assert (shown != shown_mid_stroke).sum() == 0  # releasing the button changes nothing on screen
    assert shown[40:84, 150:176].max() == 255 and canvas.stroke_count() == 2


def test_unsure_reading_says_so_and_names_the_two_likeliest(qtbot, idle_service):
    from mnist_gui.ui.draw_tab import UNSURE_BELOW

    tab = make_tab(qtbot, idle_service)
    probs = np.full(10, 0.0)
    probs[3], probs[8], probs[5] = UNSURE_BELOW - 0.1, 0.25, 1 - UNSURE_BELOW - 0.15
    tab._show_prediction(probs)
    assert tab.digit_label.text() == "3?" and tab.predicted_digit == 3
    assert tab.message_label.text() == f"Not sure: 3 ({probs[3]:.0%}) or 8 (25%)"
    probs = np.full(10, 0.01)
    probs[3] = 0.91
    tab._show_prediction(probs)
    assert tab.digit_label.text() == "3" and tab.message_label.text() == "91.0% confident"
