"""Images and numbers on the Draw Pad (issue 29), on the real service over the fake host: open,
drop, paste, bad files, the steps view, a number's boxes."""

import os
import struct
import zlib

import numpy as np
import pytest
from photo_synth import compose_row, photo
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from test_draw_tab import draw, make_tab

from mnist_gui.ui.photo_steps import step_titles


@pytest.fixture
def two_digit_photo(tmp_path, mnist):
    """A JPEG photo of two MNIST test digits written in a row on paper."""
    rng = np.random.default_rng(3)
    x_test = mnist.x_test if hasattr(mnist, "x_test") else mnist[1][0]
    path = tmp_path / "two digits.jpg"
    path.write_bytes(photo(compose_row([x_test[0], x_test[1]], rng), rng, quality=85))
    return str(path)


def png_header(width, height) -> bytes:
    """A PNG whose header claims ``width``×``height`` (no pixel data follows)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def wait_read(qtbot, tab):
    qtbot.waitUntil(lambda: tab._image_reply is None and tab.canvas.has_picture(), timeout=20_000)


def check_read(tab, digits=2):
    assert tab.canvas.has_picture()
    boxes = tab.canvas.boxes()
    assert len(boxes) == digits
    assert all(0 <= x < 1 and 0 <= y < 1 and 0 < w <= 1 and 0 < h <= 1 for x, y, w, h, _ in boxes)
    assert [b[4] for b in boxes] == list(tab._number.text)
    assert boxes[0][0] < boxes[1][0]  # left to right
    assert tab.digit_label.text() == tab._number.text
    assert f"{digits} digits" in tab.message_label.text()
    assert len(tab.number_view.buttons) == digits and not tab.number_view.isHidden()
    titles = step_titles()
    captions = tab.steps_view.captions()
    assert captions[:len(titles)] == [titles[name][0] for name in titles]  # every step, in order
    assert captions[len(titles):] == [f"Digit {i + 1} (28×28)" for i in range(digits)]
    assert not tab.steps_view.isHidden()


def test_open_image_shows_it_with_its_steps_and_each_digit_boxed(qtbot, service_with_model, two_digit_photo):
    tab = make_tab(qtbot, service_with_model)
    tab.open_image(two_digit_photo)
    assert not tab.canvas.has_picture()  # prepared in the pool, not on the UI thread
    wait_read(qtbot, tab)
    check_read(tab)
    # Choosing the second digit shows its probabilities.
    tab.number_view.buttons[1].click()
    assert np.allclose(tab.bars.probabilities(), tab._number.digits[1].probabilities)
    # Drawing starts afresh: the image goes, and the steps with it.
    draw(qtbot, tab.canvas, (150, 100), (150, 300))
    assert not tab.canvas.has_picture() and tab.canvas.stroke_count() == 1
    assert tab.steps_view.isHidden() and tab.canvas.boxes() == []


def test_drop_a_file_on_the_pad(qtbot, service_with_model, two_digit_photo):
    tab = make_tab(qtbot, service_with_model)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(two_digit_photo)])
    # As a drag from a file manager arrives: it enters (and is accepted), then drops.
    enter = QDragEnterEvent(QPoint(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab, event)
    assert event.isAccepted()
    wait_read(qtbot, tab)
    check_read(tab)


def test_paste_a_file_or_an_image(qtbot, service_with_model, two_digit_photo):
    tab = make_tab(qtbot, service_with_model)
    clipboard = QGuiApplication.clipboard()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(two_digit_photo)])
    clipboard.setMimeData(mime)
    tab.paste_action.trigger()
    wait_read(qtbot, tab)
    check_read(tab)
    first = tab._number.text
    # The same photo as pixels (a screenshot, an image copied from a browser).
    tab.canvas.clear()
    clipboard.setImage(QImage(two_digit_photo))
    tab.paste_action.trigger()
    wait_read(qtbot, tab)
    check_read(tab)
    assert len(tab._number.text) == len(first)
    clipboard.setText("no image here")
    assert not tab.paste_image()
    assert tab.message_label.text() == "The clipboard holds no image to read."


@pytest.mark.parametrize("kind", ["truncated", "not an image", "1x1", "20000x20000", "fifo", "blank"])
def test_a_bad_image_gets_one_line_and_the_pad_keeps_its_drawing(qtbot, service_with_model, tmp_path, kind,
                                                                 two_digit_photo):
    path = tmp_path / "bad.png"
    if kind == "truncated":
        path.write_bytes(open(two_digit_photo, "rb").read()[:2000])
        path = path.with_suffix(".jpg")
        path.write_bytes(open(two_digit_photo, "rb").read()[:2000])
    elif kind == "not an image":
        path.write_text("hello, I am text")
    elif kind == "1x1":
        Image.new("L", (1, 1)).save(path)
    elif kind == "20000x20000":
        path.write_bytes(png_header(20000, 20000))
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        Image.new("L", (200, 100), 200).save(path)  # blank paper: no digit
    tab = make_tab(qtbot, service_with_model)
    draw(qtbot, tab.canvas, (150, 100), (150, 300))
    reply = tab.open_image(str(path))
    with qtbot.waitSignal(reply.failed, timeout=20_000):
        pass
    text = tab.message_label.text()
    assert text.startswith(f"Cannot read {path.name}: ") and "\n" not in text and "Traceback" not in text
    assert tab.canvas.stroke_count() == 1 and not tab.canvas.has_picture()


def test_a_number_drawn_in_a_row_is_read_digit_by_digit(qtbot, service_with_model):
    tab = make_tab(qtbot, service_with_model)
    canvas = tab.canvas
    draw(qtbot, canvas, (120, 120), (120, 330))
    assert canvas.boxes() == []  # one stroke: the single-digit reading
    with qtbot.waitSignal(tab._numbers.answered, timeout=10_000):
        draw(qtbot, canvas, (260, 120), (260, 330))
    boxes = canvas.boxes()
    assert len(boxes) == 2 and boxes[0][0] < boxes[1][0]
    assert len(tab.digit_label.text()) == 2 and tab.digit_label.text() == tab._number.text
    assert len(tab.number_view.buttons) == 2
    # A third digit joins the number; Undo takes it away again (and the boxes, until read again).
    with qtbot.waitSignal(tab._numbers.answered, timeout=10_000):
        draw(qtbot, canvas, (400, 120), (400, 330))
    assert len(canvas.boxes()) == 3 and len(tab.digit_label.text()) == 3
    tab.undo_action.trigger()
    assert canvas.boxes() == [] and tab._number is None


def test_a_digit_of_two_strokes_stays_one_digit(qtbot, service_with_model):
    tab = make_tab(qtbot, service_with_model)
    canvas = tab.canvas
    draw(qtbot, canvas, (150, 120), (150, 330))        # a 7's stem ...
    with qtbot.waitSignal(tab._numbers.answered, timeout=10_000):
        draw(qtbot, canvas, (100, 220), (200, 220))    # ... and its crossbar
    qtbot.waitUntil(lambda: tab.bars.probabilities() is not None)
    assert canvas.boxes() == [] and tab._number is None and len(tab.digit_label.text().rstrip("?")) == 1


def test_a_labelled_drawing_keeps_its_strokes(qtbot, service_with_model, tmp_path):
    from mnist_gui.core.drawings import DrawingStore

    service_with_model.session.drawings = DrawingStore(tmp_path)  # not the user's own store
    tab = make_tab(qtbot, service_with_model)
    draw(qtbot, tab.canvas, (150, 100), (160, 200), (170, 300))
    draw(qtbot, tab.canvas, (100, 200), (220, 200))
    assert tab.label_drawing(7)
    kept = DrawingStore(tmp_path).drawings()
    assert len(kept) == 1 and kept[0].label == 7
    strokes = kept[0].strokes
    assert [len(s.points) for s in strokes] == [3, 2]
    assert all(0 < s.points.min() and s.points.max() < 1 for s in strokes)  # pad coordinates
    times = np.concatenate([s.times for s in strokes])
    assert times[0] == 0 and (np.diff(times) >= 0).all()
    assert strokes[0].width == pytest.approx(tab.canvas.pen_width)


def test_mnist_gui_image_and_file_open_image_put_it_on_the_pad(qtbot, service_with_model, tmp_path,
                                                              two_digit_photo, monkeypatch):
    """``mnist-gui photo.jpg`` (MainWindow.open_images) and File ▸ Open image… open the Draw Pad with it."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from mnist_gui.ui.main_window import MainWindow

    window = MainWindow(service_with_model, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.open_images([two_digit_photo])
    assert window.tabs.currentWidget() is window.draw_tab
    wait_read(qtbot, window.draw_tab)
    check_read(window.draw_tab)
    window.tabs.setCurrentIndex(0)
    window.draw_tab.canvas.clear()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (two_digit_photo, ""))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.draw_tab.open_image_action in file_menu.actions()
    window.draw_tab.open_image_action.trigger()
    assert window.tabs.currentWidget() is window.draw_tab
    wait_read(qtbot, window.draw_tab)
    check_read(window.draw_tab)


def test_new_weights_read_the_image_again(qtbot, service_with_model, two_digit_photo):
    tab = make_tab(qtbot, service_with_model)
    tab.open_image(two_digit_photo)
    wait_read(qtbot, tab)
    first = tab._number
    from fake_host import NumpyModel

    service_with_model.use_model(NumpyModel.untrained(1), "untrained")
    qtbot.waitUntil(lambda: tab._number is not first and tab._image_reply is None, timeout=20_000)
    assert tab.canvas.has_picture() and len(tab.canvas.boxes()) == len(tab._number.digits)


def test_a_pasted_image_is_converted_off_the_ui_thread_and_a_huge_one_refused(qtbot, service_with_model,
                                                                               two_digit_photo, monkeypatch):
    from mnist_gui.ui import draw_reading

    tab = make_tab(qtbot, service_with_model)
    converted = []
    original = draw_reading.grey_pixels
    monkeypatch.setattr(draw_reading, "grey_pixels", lambda image: converted.append(1) or original(image))
    QGuiApplication.clipboard().setImage(QImage(two_digit_photo))
    tab.paste_action.trigger()
    assert converted == []  # not on the UI thread's way: in the preparation job
    wait_read(qtbot, tab)
    assert converted == [1]
    check_read(tab)
    draw(qtbot, tab.canvas, (150, 100), (150, 300))
    huge = QImage(8000, 7000, QImage.Format.Format_Grayscale8)
    assert tab.open_image(huge) is None
    assert tab.message_label.text() == "Cannot read pasted image: too large (8000×7000 pixels)"
    assert tab.canvas.stroke_count() == 1
