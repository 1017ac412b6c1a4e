"""Shared small widgets."""

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mnist_gui.ui.widgets import SteadyLabel, SteadyWrappingLabel, TabWidget, wrapping_label


def _layout_requests_for_a_shorter_text(qtbot, event_spy, settle, label):
    """How many new layouts ``label``'s parent is asked for when a long text becomes shorter, and
    the parent (keep it: pytest-qt holds widgets weakly)."""
    parent = QWidget()
    layout = QVBoxLayout(parent)
    layout.addWidget(label)
    layout.addStretch(1)
    qtbot.addWidget(parent)
    parent.show()
    label.setText("Elapsed 12:34 · ETA 56:07")
    settle()
    requests = event_spy(QEvent.Type.LayoutRequest, parent)
    label.setText("Elapsed 0:01 · ETA 1:00")
    settle()
    return requests.count, parent


def test_steady_label_changes_text_without_a_new_layout_and_grows_when_needed(qtbot, event_spy, settle):
    label = SteadyLabel()
    requests, _parent = _layout_requests_for_a_shorter_text(qtbot, event_spy, settle, label)
    assert requests == 0
    size = label.size()
    assert size.width() >= label.sizeHint().width()  # the shorter text is not cut

    label.setText("Elapsed 1:12:34 · ETA 12:56:07, still running")
    settle()
    assert label.width() >= label.sizeHint().width() > size.width()


def test_a_plain_label_asks_for_a_new_layout_at_each_text(qtbot, event_spy, settle):
    # Why SteadyLabel exists: inside a QTabWidget that layout repaints the whole tab.
    requests, _parent = _layout_requests_for_a_shorter_text(qtbot, event_spy, settle, QLabel())
    assert requests > 0


def _label_above_another(qtbot, settle, label):
    parent = QWidget()
    layout = QVBoxLayout(parent)
    below = QLabel("Below")
    layout.addWidget(label)
    layout.addWidget(below)
    layout.addStretch(1)
    parent.resize(200, 500)
    qtbot.addWidget(parent)
    parent.show()
    label.setText("a result line that wraps " * 6)
    settle()
    return parent, below


@pytest.mark.parametrize("steady", [True, False])
def test_steady_wrapping_label_keeps_its_height_for_a_shorter_text(qtbot, settle, steady):
    # A plain wrapping label shrinks and pulls what is below it up, and the next longer text pushes
    # it down again: each move repaints the whole tab.
    label = SteadyWrappingLabel() if steady else wrapping_label()
    _parent, below = _label_above_another(qtbot, settle, label)
    tall, y = label.height(), below.y()
    assert tall >= 3 * label.fontMetrics().height()  # wrapped onto several lines
    label.setText("short")
    settle()
    assert (label.height(), below.y()) == (tall, y) if steady else below.y() < y


def test_steady_wrapping_label_grows_for_a_longer_text_and_fits_a_new_width(qtbot, settle):
    label = SteadyWrappingLabel()
    parent, below = _label_above_another(qtbot, settle, label)
    tall = label.height()
    label.setText("a result line that wraps " * 12)
    settle()
    taller = label.height()
    assert taller > tall and below.y() > label.geometry().bottom()
    parent.resize(600, 500)  # wider: what the text needs there, no more
    settle()
    assert label.height() < taller
    label.setMinimumHeight(0)
    assert label.height() == label.heightForWidth(label.width())


def _tabs_with_a_label_page(qtbot, settle, tabs):
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel("Epoch 1")
    other = QLabel("A widget beside it that does not change")
    layout.addWidget(label)
    layout.addWidget(other)
    tabs.addTab(page, "Page")
    tabs.addTab(QWidget(), "Other")
    tabs.resize(500, 300)
    qtbot.addWidget(tabs)
    tabs.show()
    qtbot.waitExposed(tabs)
    settle()
    return page, label, other


def test_tab_widget_repaints_only_the_changed_label(qtbot, event_spy, settle):
    tabs = TabWidget()
    page, label, other = _tabs_with_a_label_page(qtbot, settle, tabs)
    paints = event_spy(QEvent.Type.Paint, other)
    for epoch in range(2, 5):
        label.setText(f"Epoch {epoch} of 50, still running")
        settle()
    assert label.text().startswith("Epoch 4") and paints.count == 0


def test_a_plain_tab_widget_repaints_the_whole_page_at_each_label_change(qtbot, event_spy, settle):
    # Why TabWidget exists (QTabWidget::setUpLayout ends with update()).
    tabs = QTabWidget()
    page, label, other = _tabs_with_a_label_page(qtbot, settle, tabs)
    paints = event_spy(QEvent.Type.Paint, other)
    label.setText("Epoch 2 of 50, still running")
    settle()
    assert paints.count > 0


def test_tab_widget_still_follows_its_pages_size_hints(qtbot, settle):
    tabs = TabWidget()
    page, label, other = _tabs_with_a_label_page(qtbot, settle, tabs)
    before = tabs.minimumSizeHint()
    big = QWidget()
    big.setMinimumSize(before.width() + 200, before.height() + 100)
    page.layout().addWidget(big)
    qtbot.waitUntil(lambda: tabs.minimumSizeHint().width() >= before.width() + 200)
    assert big.isVisible() and big.width() >= before.width() + 200

    # A change while the tab widget is hidden is taken up when it is shown again.
    tabs.hide()
    big.setMinimumSize(before.width() + 300, before.height() + 100)
    tabs.show()
    qtbot.waitUntil(lambda: big.width() >= before.width() + 300)


def test_crisp_sizes_give_whole_device_pixels_per_mnist_pixel():
    from mnist_gui.ui.widgets import crisp_sizes, digit_pixmap
    import numpy as np

    assert crisp_sizes(56, 120) == [56, 84, 112]
    assert crisp_sizes(56, 120, 2.0) == [56, 70, 84, 98, 112]
    assert crisp_sizes(56, 120, 1.5) == [56, 112]
    pixmap = digit_pixmap(np.eye(28) * 255, 56, 1.5)
    assert pixmap.width() == 84 and pixmap.deviceIndependentSize().width() == 56
    image = pixmap.toImage()
    assert image.pixelColor(2, 2).value() == 255 and image.pixelColor(3, 2).value() == 0  # 3×3 squares
