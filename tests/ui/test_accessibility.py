"""Accessibility (issue 31 part 2) on the real service over the fake host: the accessibility tree of
every tab as a screen reader walks it, the custom widgets' values, the Draw Pad's announcement,
the keyboard (Tab order, the grid's arrow keys) and the high-contrast palette."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleValueChangeEvent, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from mnist_gui.ui import accessibility
from mnist_gui.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
TABS = ("Training", "Gallery", "Draw Pad", "Inside", "Robustness")


@pytest.fixture(autouse=True)
def no_real_dialog(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def window(qtbot, service_with_model, tmp_path):
    win = MainWindow(service_with_model, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


@pytest.fixture
def events(monkeypatch):
    """Every accessibility event the app sends, as Qt's update function receives it (the call goes
    on to Qt: this only watches)."""
    seen = []
    real = QAccessible.updateAccessibility

    def spy(event):
        seen.append((type(event), event.type(), event.object(), _event_text(event)))
        real(event)
    monkeypatch.setattr(QAccessible, "updateAccessibility", spy)
    return seen


def _event_text(event) -> str:
    if isinstance(event, QAccessibleAnnouncementEvent):
        return event.message()
    if isinstance(event, QAccessibleValueChangeEvent):
        return str(event.value())
    return ""


def walk(interface, depth=0, seen=None):
    """Every interface under ``interface`` (itself first), as a screen reader reaches them."""
    seen = set() if seen is None else seen
    yield interface
    if depth > 40:
        return
    for i in range(interface.childCount()):
        child = interface.child(i)
        if child is None or not child.isValid():
            continue
        key = QAccessible.uniqueId(child)
        if key in seen:
            continue
        seen.add(key)
        yield from walk(child, depth + 1, seen)


def interface_of(widget):
    return QAccessible.queryAccessibleInterface(widget)


def name(interface) -> str:
    return interface.text(QAccessible.Text.Name)


def shown_focusable(interface) -> bool:
    state = interface.state()
    return state.focusable and not state.invisible and not state.offscreen


def draw(qtbot, canvas, *points):
    first, *rest = [QPoint(*p) for p in points]
    qtbot.mousePress(canvas, LEFT, NO_KEYS, first)
    for point in rest:
        qtbot.mouseMove(canvas, point)
    qtbot.mouseRelease(canvas, LEFT, NO_KEYS, rest[-1])


@pytest.mark.parametrize("tab", range(len(TABS)), ids=TABS)
def test_every_focusable_object_on_every_tab_has_a_name_and_a_role(qtbot, window, settle, tab):
    window.tabs.setCurrentIndex(tab)
    settle()
    page = interface_of(window.tabs.currentWidget())
    focusable = [i for i in walk(page) if shown_focusable(i)]
    assert len(focusable) >= 3
    unnamed = [(i.role(), i.object(), i.object().parent()) for i in focusable if not name(i).strip()]
    assert not unnamed, unnamed
    assert all(i.role() != QAccessible.Role.NoRole for i in focusable)


def test_the_menus_and_tab_bar_are_named(window):
    tree = list(walk(interface_of(window)))
    names = {name(i) for i in tree}
    assert {"Training", "Gallery", "Draw Pad", "Inside", "Robustness"} <= names
    assert any(i.role() == QAccessible.Role.MenuBar for i in tree)
