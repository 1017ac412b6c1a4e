"""The Qt binding itself: PySide6 6.12.0 dropped a reference to None/True/False on every call
returning one, which on Python < 3.12 (where those objects are not immortal) crashed the app
("deallocating None") after a few thousand label updates or event-loop passes."""

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_keep_the_reference_counts_of_none_and_bools(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for i in range(2000):
        label.setText(str(i % 3))  # returns None
        label.update()
        label.isVisible()  # returns False
        label.isEnabled()  # returns True
    qtbot.wait(0)  # an event-loop pass
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    # Other objects may come and go meanwhile; a leak would show as about -2000.
    assert all(a - b > -200 for a, b in zip(after, before)), (before, after)
