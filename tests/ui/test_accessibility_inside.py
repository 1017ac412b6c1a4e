"""Accessibility of the Inside tab's painted views (issue 31 part 2): their items as a screen
reader lists them, and the keyboard stepping through them (the numpy network of
test_inside_tab_widget.py answers the views)."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from test_inside_tab_widget import drawing, service, small_data  # noqa: F401 - fixtures: the numpy MLP's service

from mnist_gui.ui import accessibility
from mnist_gui.ui.inside_tab import InsideTab


@pytest.fixture
def tab(qtbot, service):
    accessibility.install()
    widget = InsideTab(service)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def test_layer_by_layer_lists_each_layer_with_its_values(qtbot, tab, service):
    image = drawing(200)
    tab.set_drawing(image)
    view = tab.layers_view
    qtbot.waitUntil(lambda: view.outputs is not None)
    face = QAccessible.queryAccessibleInterface(view)
    assert face.role() == QAccessible.Role.Graphic and face.text(QAccessible.Text.Name) == "Layer by layer"
    rows = [face.child(i).text(QAccessible.Text.Name) for i in range(face.childCount())]
    assert len(rows) == len(view._rows) >= 3 and all(rows)
    p = service.host.worker.model.outputs(image)[1]
    best = int(p.argmax())
    assert f"{best}: {accessibility.percent(p[best])}" in rows[-1]  # the softmax, as its bars say it
    assert face.text(QAccessible.Text.Value) == f"{len(rows)} layer(s)" or str(len(rows)) in face.text(
        QAccessible.Text.Value)


def test_the_map_steps_through_the_misread_images_and_enter_opens_one(qtbot, tab, service):
    tab.set_drawing(drawing(200))
    tab.views.setCurrentIndex(3)
    view = tab.map_view
    qtbot.waitUntil(lambda: view.embedding is not None)
    misread = np.flatnonzero(view.embedding.predicted != view.labels)
    assert len(misread) >= 2
    face = QAccessible.queryAccessibleInterface(view)
    assert f"{len(misread)} misread" in face.text(QAccessible.Text.Value)
    assert face.childCount() == len(misread)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current == 1 and view.hover == misread[1]  # its image shows, as under the mouse
    assert f"#{misread[1]}:" in face.child(1).text(QAccessible.Text.Name)
    with qtbot.waitSignal(tab.open_in_gallery) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [int(misread[1])]
