"""Shared small widgets."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mnist_gui.ui.widgets import SteadyLabel


class _LayoutRequests(QObject):
    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _label_in_layout(qtbot, label):
    parent = QWidget()
    layout = QVBoxLayout(parent)
    layout.addWidget(label)
    layout.addStretch(1)
    qtbot.addWidget(parent)
    parent.show()
    return parent


def test_steady_label_changes_text_without_a_new_layout_and_grows_when_needed(qtbot):
    label = SteadyLabel()
    parent = _label_in_layout(qtbot, label)
    label.setText("Elapsed 12:34 · ETA 56:07")
    qtbot.wait(20)
    requests = _LayoutRequests(parent)
    size = label.size()

    label.setText("Elapsed 0:01 · ETA 1:00")
    qtbot.wait(20)
    assert requests.count == 0 and label.size() == size
    assert label.width() >= label.sizeHint().width()  # the shorter text is not cut

    label.setText("Elapsed 1:12:34 · ETA 12:56:07, still running")
    qtbot.wait(20)
    assert label.width() >= label.sizeHint().width() > size.width()


def test_a_plain_label_asks_for_a_new_layout_at_each_text(qtbot):
    # Why SteadyLabel exists: inside a QTabWidget that layout repaints the whole tab.
    label = QLabel()
    parent = _label_in_layout(qtbot, label)
    label.setText("Elapsed 12:34 · ETA 56:07")
    qtbot.wait(20)
    requests = _LayoutRequests(parent)
    label.setText("Elapsed 0:01 · ETA 1:00")
    qtbot.wait(20)
    assert requests.count > 0
