"""The Draw Pad: strokes with the mouse, tools and keys, and live predictions through the (fake) service."""

import numpy as np
import pytest
from fake_host import NumpyModel
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolButton

from mnist_gui.core.preprocess import prepare_digit
from mnist_gui.ui.draw_tab import DEFAULT_PEN_WIDTH, IMAGE_SIZE, UNSURE_BELOW, DrawCanvas, DrawTab

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def draw(qtbot, canvas, *points):
    """One stroke through ``points`` (widget coordinates): press, moves with the button held, release."""
    first, *rest = [QPoint(*p) for p in points]
    qtbot.mousePress(canvas, LEFT, NO_KEYS, first)
    for point in rest:
        qtbot.mouseMove(canvas, point)
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


def make_tab(qtbot, service) -> DrawTab:
    tab = DrawTab(service)
    qtbot.addWidget(tab)
    tab.resize(800, 500)
    with qtbot.waitActive(tab):  # keyboard shortcuts go to the active window only
        tab.show()
        tab.activateWindow()
    return tab


class Requests(list):
    """Every prediction request: (id, the images sent, how many earlier ones were unanswered)."""

    def __init__(self, service, monkeypatch):
        super().__init__()
        self.answered = set()
        request = service.request_prediction

        def spy(images):
            unanswered = len(self) - len(self.answered)
            reply = request(images)
            reply.answered.connect(lambda request_id, probs: self.answered.add(request_id))
            self.append((reply.id, np.array(images), unanswered))
            return reply

        monkeypatch.setattr(service, "request_prediction", spy)

    def all_answered(self) -> bool:
        return len(self.answered) == len(self)


def count_requests(service, monkeypatch) -> Requests:
    return Requests(service, monkeypatch)


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
        np.testing.assert_array_equal(canvas.image(), before)
        # On screen too: the pad is the centred square, and the stroke's middle is its centre.
        shown = grey(canvas.grab().toImage())
        assert shown[height // 2, width // 2] == 255
        side = min(width, height)
        assert shown[height // 2 - side // 3, width // 2 + side // 3] == 0


def _every_stroke_afresh(canvas, size):
    """The drawing rendered from all its strokes in one go: what image() gives, however it gets there."""
    image = QImage(size, size, QImage.Format.Format_Grayscale8)
    image.fill(0)
    canvas._paint_into(image, size, canvas._strokes)
    return grey(image)


def test_the_images_of_the_drawing_are_those_of_all_its_strokes_at_every_moment(qtbot, canvas):
    # image() keeps the finished strokes rendered and adds the stroke under way: a stroke's end reads
    # the drawing at two sizes without rendering every stroke again.
    strokes = [[(40, 60), (120, 250), (200, 60)], [(60, 150), (240, 150)], [(150, 40)], [(230, 230), (70, 260)]]
    for n, stroke in enumerate(strokes):
        first, *rest = [QPoint(*p) for p in stroke]
        qtbot.mousePress(canvas, LEFT, NO_KEYS, first)
        for point in rest:
            qtbot.mouseMove(canvas, point)
            for size in (IMAGE_SIZE, 280):  # mid-stroke, at both sizes the tab reads
                np.testing.assert_array_equal(canvas.image(size), _every_stroke_afresh(canvas, size))
        qtbot.mouseRelease(canvas, LEFT, NO_KEYS, rest[-1] if rest else first)
        for size in (IMAGE_SIZE, 280, 100):
            image = canvas.image(size)
            np.testing.assert_array_equal(image, _every_stroke_afresh(canvas, size))
            image[:] = 7  # a copy: the caller's to change
        assert np.count_nonzero(canvas.image() > 127) > 0 and canvas.stroke_count() == n + 1
    canvas.undo()
    np.testing.assert_array_equal(canvas.image(280), _every_stroke_afresh(canvas, 280))
    canvas.clear()
    assert not canvas.image(280).any()


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


def test_a_tensorflow_failure_is_shown_in_place_of_a_prediction(qtbot, idle_service):
    tab = make_tab(qtbot, idle_service)
    draw(qtbot, tab.canvas, (150, 50), (150, 250))
    def fail():
        raise ImportError("No module named 'tensorflow'")

    idle_service.host.jobs_by_name = {**idle_service.host.jobs_by_name, "import_backend": fail}
    with qtbot.waitSignal(idle_service.backend_failed):
        idle_service.load_backend()
    assert tab.message_label.text() == "TensorFlow could not be loaded: No module named 'tensorflow'"
    assert tab.predicted_digit is None and tab.canvas.stroke_count() == 1


def test_without_a_model_says_so(qtbot, service, monkeypatch):
    sent = count_requests(service, monkeypatch)
    tab = make_tab(qtbot, service)
    draw(qtbot, tab.canvas, (150, 50), (150, 250))
    qtbot.waitUntil(lambda: grey(tab.preview.pixmap().toImage()).max() == 255)  # the stroke was read
    assert sent == [] and tab.predicted_digit is None
    assert tab.message_label.text() == "No model yet — train one or open a model file"


def test_stroke_is_read_live_by_the_model(qtbot, service_with_model, monkeypatch):
    svc = service_with_model
    sent = count_requests(svc, monkeypatch)
    tab = make_tab(qtbot, svc)
    assert tab.message_label.text() == "Draw a digit"

    # A slow vertical stroke: predictions arrive while drawing, throttled, one at a time. The
    # mouse moves in bursts of four; after each burst it waits for the pad to send a request.
    qtbot.mousePress(tab.canvas, LEFT, NO_KEYS, QPoint(150, 50))
    moves = [(150, 50 + 5 * i) for i in range(1, 41)]
    throttled_moves = []  # for each move made within an interval: the requests it sent
    for burst in range(0, len(moves), 4):
        count = len(sent)
        for point in moves[burst:burst + 4]:
            throttled, before = tab._throttle.isActive(), len(sent)
            qtbot.mouseMove(tab.canvas, QPoint(*point))
            if throttled:
                throttled_moves.append(len(sent) - before)
        qtbot.waitUntil(lambda: len(sent) > count)  # sent when the interval ends, while drawing
    while_drawing = len(sent)
    qtbot.mouseRelease(tab.canvas, LEFT, NO_KEYS, QPoint(*moves[-1]))
    qtbot.waitUntil(lambda: tab.predicted_digit is not None and sent.all_answered())
    assert 10 <= while_drawing < len(moves)
    # Within an interval a move sends nothing; the interval's end sends the newest drawing.
    assert len(throttled_moves) >= len(moves) // 2 and not any(throttled_moves)
    assert all(unanswered == 0 for *_, unanswered in sent)

    # The newest drawing was the last one sent, and what is shown is the model's reading of it.
    digit = prepare_digit(tab.canvas.image())
    np.testing.assert_array_equal(sent[-1][1], digit[None])
    probs = svc.predict(digit[None])[0]
    np.testing.assert_allclose(tab.bars.probabilities(), probs, rtol=1e-5)
    assert tab.predicted_digit == 1 == int(probs.argmax())
    assert tab.digit_label.text() == ("1" if probs.max() >= UNSURE_BELOW else "1?")
    assert tab.message_label.text() == (f"{probs.max():.1%} confident" if probs.max() >= UNSURE_BELOW
                                        else f"Not sure: 1 ({probs.max():.0%}) or {np.argsort(probs)[-2]} "
                                             f"({np.sort(probs)[-2]:.0%})")
    # The drawing (dimmed under the attribution map, should that already have arrived).
    assert grey(tab.preview.pixmap().toImage()).max() > 60


def test_new_model_rereads_the_drawing(qtbot, service_with_model):
    svc = service_with_model
    tab = make_tab(qtbot, svc)
    draw(qtbot, tab.canvas, (100, 80), (200, 80), (130, 250))
    qtbot.waitUntil(lambda: tab.predicted_digit is not None)
    before = tab.bars.probabilities()

    with qtbot.waitSignal(svc.model_changed):
        svc.use_model(NumpyModel.untrained(seed=3), "untrained")
    digit = prepare_digit(tab.canvas.image())
    expected = svc.predict(digit[None])[0]
    assert not np.allclose(expected, before, atol=1e-3)
    qtbot.waitUntil(lambda: np.allclose(tab.bars.probabilities(), expected, rtol=1e-5))
    assert "untrained" in tab.model_label.text()


def test_empty_pad_predicts_nothing(qtbot, service_with_model, monkeypatch):
    svc = service_with_model
    sent = count_requests(svc, monkeypatch)
    tab = make_tab(qtbot, svc)
    draw(qtbot, tab.canvas, (150, 50), (150, 250))
    requests_for_the_stroke = len(sent)
    assert requests_for_the_stroke >= 1 and not sent.all_answered()
    qtbot.keyClick(tab.canvas, Qt.Key.Key_Delete)    # before the last answer arrives
    # Until every answer is in and the interval is over, the pad could still send one.
    qtbot.waitUntil(lambda: sent.all_answered() and not tab._throttle.isActive())
    assert len(sent) == requests_for_the_stroke      # none for the empty pad
    assert tab.predicted_digit is None and tab.bars.probabilities() is None
    assert tab.message_label.text() == "Draw a digit"
    assert grey(tab.preview.pixmap().toImage()).max() == 0

    # A new model with an empty pad: still nothing to ask.
    with qtbot.waitSignal(svc.test_predictions_ready):  # the model change has been handled by then
        svc.use_model(NumpyModel.untrained(), "another")
    assert len(sent) == requests_for_the_stroke and tab.message_label.text() == "Draw a digit"


def test_a_mouse_move_repaints_only_around_its_segment_and_shows_what_a_redraw_shows(
        qtbot, canvas, event_spy, settle):
    # Repainting every stroke over the whole pad at every move took up to 40 ms while training ran.
    draw(qtbot, canvas, (60, 60), (240, 240), (60, 240))
    settle()
    paints = event_spy(QEvent.Type.Paint, canvas)
    qtbot.mousePress(canvas, LEFT, NO_KEYS, QPoint(150, 40))
    for x, y in ((158, 48), (166, 58), (172, 70), (176, 84)):
        count = paints.count
        qtbot.mouseMove(canvas, QPoint(x, y))
        qtbot.waitUntil(lambda: paints.count > count)  # each move paints, on its own
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
    tab = make_tab(qtbot, idle_service)
    probs = np.zeros(10)
    probs[3], probs[8] = UNSURE_BELOW - 0.1, 0.25
    probs[5] = 1 - probs.sum()
    tab._show_prediction(probs)
    assert tab.digit_label.text() == "3?"
    assert tab.message_label.text() == f"Not sure: 3 ({probs[3]:.0%}) or 8 (25%)"
    probs = np.full(10, 0.01)
    probs[3] = 0.91
    tab._show_prediction(probs)
    assert tab.digit_label.text() == "3" and tab.message_label.text() == "91.0% confident"


def test_the_pads_model_line_gives_the_accuracy_as_the_status_bar_does(qtbot, service_with_model):
    # 98.97% read "99.0%" here while the status bar said 98.97%.
    from dataclasses import replace

    svc = service_with_model
    tab = make_tab(qtbot, svc)
    svc.model_changed.emit(replace(svc.model_info, test_accuracy=0.9897))
    assert "98.97% on the test set" in tab.model_label.text()


def test_the_overlay_is_asked_for_when_the_strokes_last_answer_came_before_the_release(qtbot, service_with_model):
    """A slow hand: every point of the stroke is read before the button comes up. The release adds
    nothing to read, so no answer follows it; the "what the model sees" overlay must still be asked for."""
    tab = make_tab(qtbot, service_with_model)
    asked = []
    request = service_with_model.request_inside
    service_with_model.request_inside = lambda kind, **args: asked.append(kind) or request(kind, **args)
    qtbot.mousePress(tab.canvas, LEFT, NO_KEYS, QPoint(150, 50))
    for y in range(60, 260, 20):
        qtbot.mouseMove(tab.canvas, QPoint(150, y))
    qtbot.waitUntil(lambda: not tab._predictions.busy and not tab._needs_prediction and not tab._throttle.isActive()
                    and tab.predicted_digit is not None)  # every point read: nothing more to send
    assert asked == []  # not while drawing
    qtbot.mouseRelease(tab.canvas, LEFT, NO_KEYS, QPoint(150, 240))
    qtbot.waitUntil(lambda: asked == ["attribution"])
