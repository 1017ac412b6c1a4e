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


# ---- the custom widgets' values --------------------------------------------------------------------

def draw_a_one(qtbot, window, events=None):
    window.tabs.setCurrentWidget(window.draw_tab)
    tab = window.draw_tab
    draw(qtbot, tab.canvas, *[(150, 40 + 6 * i) for i in range(40)])
    qtbot.waitUntil(lambda: tab.predicted_digit is not None and not tab._predictions.busy)
    qtbot.waitUntil(lambda: not tab._needs_prediction and not tab._predictions.busy)
    return tab


def test_the_pads_reading_is_its_value_and_the_results_description_and_is_announced(qtbot, window, events):
    tab = draw_a_one(qtbot, window)
    probs = tab.bars.probabilities()
    best = int(probs.argmax())
    percent = accessibility.percent(probs[best])
    pad = interface_of(tab.canvas)
    assert pad.role() == QAccessible.Role.Canvas and name(pad) == "Drawing pad"
    value = pad.text(QAccessible.Text.Value)
    assert str(best) in value and percent in value, value
    assert pad.text(QAccessible.Text.Description).startswith(value)  # what AT-SPI passes on
    result = interface_of(tab.digit_label)
    assert result.text(QAccessible.Text.Description) == value
    # Announced once the stroke was read (not at each live reading while the button was held).
    announced = [text for kind, _, obj, text in events if kind is QAccessibleAnnouncementEvent]
    assert announced and announced[-1] == value
    assert all(obj is tab.canvas for kind, _, obj, _ in events if kind is QAccessibleAnnouncementEvent)
    assert any(kind is QAccessibleValueChangeEvent and obj is tab.canvas and text == value
               for kind, _, obj, text in events)
    # What AT-SPI passes on for a text value: the description changed.
    assert any(etype == QAccessible.Event.DescriptionChanged and obj is tab.canvas for _, etype, obj, _ in events)
    # The same reading again (say, a model change that changes nothing) is not said twice; a cleared
    # pad has no reading, and then the next one is news again.
    count = len(announced)
    tab._show_prediction(probs)
    assert len([e for e in events if e[0] is QAccessibleAnnouncementEvent]) == count
    tab.canvas.clear()
    assert interface_of(tab.canvas).text(QAccessible.Text.Value) == "empty"
    tab._show_prediction(probs)
    assert len([e for e in events if e[0] is QAccessibleAnnouncementEvent]) == count + 1


def test_the_probability_bars_are_a_list_of_digit_and_percent(qtbot, window):
    tab = draw_a_one(qtbot, window)
    probs = tab.bars.probabilities()
    bars = interface_of(tab.bars)
    assert bars.role() == QAccessible.Role.List
    items = [bars.child(i) for i in range(bars.childCount())]
    assert [i.role() for i in items] == [QAccessible.Role.ListItem] * 10
    assert [name(i) for i in items] == [f"digit {d}: {accessibility.percent(probs[d])}" for d in range(10)]
    assert all(i.parent() is bars and bars.indexOfChild(i) == k for k, i in enumerate(items))
    assert items[3].rect().height() > 0 and items[3].rect().top() > items[2].rect().top()
    best = int(probs.argmax())
    assert bars.text(QAccessible.Text.Value).startswith(f"{best}: {accessibility.percent(probs[best])}")


def test_the_confusion_matrix_is_a_table_whose_cells_give_their_counts(qtbot, window, settle):
    window.tabs.setCurrentWidget(window.gallery_tab)
    settle()
    counts = window.gallery_tab.confusion_counts()
    assert counts is not None
    table = interface_of(window.gallery_tab.confusion_table)
    assert table.role() == QAccessible.Role.Table and name(table) == "Confusion matrix"
    cells = {name(i) for i in walk(table) if i.role() == QAccessible.Role.Cell}
    for r, c in ((3, 5), (7, 7), (9, 4)):
        assert f"true {r}, predicted {c}: {counts[r, c]:,}" in cells
    headers = {name(i) for i in walk(table) if i.role() in (QAccessible.Role.ColumnHeader, QAccessible.Role.RowHeader)}
    assert {"true 3", "predicted 5", "accuracy"} <= headers


def test_the_grid_cells_say_image_label_and_prediction(qtbot, window, settle):
    window.tabs.setCurrentWidget(window.gallery_tab)
    settle()
    grid = window.gallery_tab.grid
    cell = grid.cells[0]
    p = window.service.test_predictions
    true, predicted = int(window.service.data.y_test[cell.index]), int(p.labels[cell.index])
    face = interface_of(cell)
    assert face.role() == QAccessible.Role.ListItem
    assert f"true {true}" in name(face) and f"predicted {predicted}" in name(face)
    assert f"pred {predicted}" in face.text(QAccessible.Text.Value)
    assert name(interface_of(grid)) == "Digit grid" and interface_of(grid).role() == QAccessible.Role.List
    assert interface_of(grid).text(QAccessible.Text.Value) == f"{grid._columns ** 2} image(s)"


def test_a_chart_gives_its_series_as_values(qtbot, window):
    charts = window.training_tab.charts
    charts.add_epoch({"loss": 0.5, "accuracy": 0.9, "val_loss": 0.4, "val_accuracy": 0.92})
    charts.add_epoch({"loss": 0.3, "accuracy": 0.95, "val_loss": 0.35, "val_accuracy": 0.94})
    chart = interface_of(charts.accuracy_chart)
    assert chart.role() == QAccessible.Role.Chart and name(chart) == "Accuracy chart"
    rows = [name(chart.child(i)) for i in range(chart.childCount())]
    assert rows == ["train: epoch 1: 90.00%; epoch 2: 95.00%",
                    "validation (test set): epoch 1: 92.00%; epoch 2: 94.00%"]


# ---- events really reach Qt's accessibility layer ----------------------------------------------------

def test_announcements_are_real_qt_events(qtbot, window, events):
    """The spy hands the event on: Qt accepts the very event objects the app builds."""
    accessibility.announce(window.draw_tab.canvas, "hello")
    kind, etype, obj, text = events[-1]
    assert kind is QAccessibleAnnouncementEvent and etype == QAccessible.Event.Announcement
    assert obj is window.draw_tab.canvas and text == "hello"


# ---- keyboard ----------------------------------------------------------------------------------------

def tab_chain(window, start: QWidget, limit=400) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes back, by real key presses."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QApplication.focusWidget()]
    for _ in range(limit):
        from PySide6.QtTest import QTest
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is seen[0]:
            break
        seen.append(widget)
    return seen


@pytest.mark.parametrize("tab", range(len(TABS)), ids=TABS)
def test_tab_reaches_every_control_of_each_tab_in_reading_order(qtbot, window, settle, tab):
    window.tabs.setCurrentIndex(tab)
    settle()
    page = window.tabs.currentWidget()
    chain = tab_chain(window, window.tabs.tabBar())
    assert len(set(chain)) == len(chain) < 100  # Tab comes round again: no control traps it
    on_page = [w for w in chain if page.isAncestorOf(w)]
    wanted = [w for w in page.findChildren(QWidget) if w.isVisibleTo(window) and w.isEnabled()
              and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
              and not w.parent().inherits("QAbstractScrollArea")
              and not isinstance(w.parentWidget(), QAbstractButton)]
    missing = [f"{type(w).__name__} {w.accessibleName() or w.objectName()}" for w in wanted if w not in on_page]
    assert not missing
    # Reading order: each control is below, or on the same band and to the right of, the one before
    # (within its own pane: panes side by side are read one after the other).
    for before, after in zip(on_page, on_page[1:]):
        a, b = (w.mapTo(window, QPoint(0, 0)) for w in (before, after))
        same_pane = _pane(before, page) is _pane(after, page)
        if same_pane:
            assert b.y() >= a.y() - 4 or b.x() > a.x(), (before.accessibleName(), after.accessibleName())


def _pane(widget, page):
    """The outermost child of ``page`` holding ``widget``: a column of the tab's layout."""
    while widget.parentWidget() is not page and widget.parentWidget() is not None:
        widget = widget.parentWidget()
    return widget


def test_the_digit_grid_answers_arrow_keys_and_enter(qtbot, window, settle):
    window.tabs.setCurrentWidget(window.gallery_tab)
    settle()
    gallery, grid = window.gallery_tab, window.gallery_tab.grid
    columns = grid._columns
    first = grid.cells[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is grid.cells[1]
    qtbot.keyClick(grid.cells[1], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is grid.cells[1 + columns]
    qtbot.keyClick(grid.cells[1 + columns], Qt.Key.Key_Left)
    assert QApplication.focusWidget() is grid.cells[columns]
    qtbot.keyClick(grid.cells[columns], Qt.Key.Key_Up)
    qtbot.keyClick(grid.cells[0], Qt.Key.Key_Up)  # the edge: stays
    assert QApplication.focusWidget() is grid.cells[0]
    qtbot.keyClick(grid.cells[0], Qt.Key.Key_End)
    shown = [c for c in grid.cells if not c.isHidden()]
    assert QApplication.focusWidget() is shown[-1]
    with qtbot.waitSignal(grid.clicked) as clicked:
        qtbot.keyClick(shown[-1], Qt.Key.Key_Return)
    assert clicked.args == [shown[-1].index]


def test_a_chart_steps_through_its_points_with_the_arrow_keys(qtbot, window, events):
    charts = window.training_tab.charts
    charts.add_epoch({"loss": 0.5, "accuracy": 0.9, "val_loss": 0.4, "val_accuracy": 0.92})
    charts.add_epoch({"loss": 0.3, "accuracy": 0.95, "val_loss": 0.35, "val_accuracy": 0.94})
    chart = charts.accuracy_chart
    assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    said = lambda: [t for k, _, _, t in events if k is QAccessibleAnnouncementEvent][-1]  # noqa: E731
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert said() == "epoch 1: 90.00% (train)"
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert said() == "epoch 2: 95.00% (train)"
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert said() == "epoch 2: 94.00% (validation (test set))"
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert said() == "epoch 1: 92.00% (validation (test set))"


# ---- high contrast -----------------------------------------------------------------------------------

def test_high_contrast_is_a_remembered_view_choice_that_reaches_the_painted_widgets(qtbot, window, settle):
    action = window.high_contrast.action
    assert not action.isChecked()
    try:
        action.trigger()
        assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#000000"
        assert window.settings.value(accessibility.HIGH_CONTRAST_KEY) in (True, "true")
        bars = window.draw_tab.bars
        probs = np.full(10, 0.05)
        probs[3] = 0.55
        bars.set_probabilities(probs)
        settle()
        assert accessibility.is_high_contrast(bars.palette())
        image = bars.grab().toImage()
        label_w, _, _ = bars._columns()
        row = bars.height() / 10
        # Inside the bars (not their antialiased edges): the likeliest in the highlight (yellow), the
        # others in the palette's text colour (white), where a fixed grey was painted before.
        assert image.pixelColor(label_w + 8, round(3.5 * row)).name() == "#ffff00"
        assert image.pixelColor(label_w + 8, round(0.5 * row)).name() == "#ffffff"
        # A new window with the same settings starts in high contrast.
        again = MainWindow(window.service, settings=window.settings)
        qtbot.addWidget(again)
        assert again.high_contrast.action.isChecked()
    finally:
        accessibility.apply_high_contrast(False)
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() != "#000000"


def test_the_high_contrast_palette_keeps_text_readable():
    palette = accessibility.high_contrast_palette()
    roles = QPalette.ColorRole
    for fg, bg in ((roles.WindowText, roles.Window), (roles.Text, roles.Base), (roles.ButtonText, roles.Button),
                   (roles.HighlightedText, roles.Highlight), (roles.ToolTipText, roles.ToolTipBase)):
        assert accessibility._contrast(palette.color(fg), palette.color(bg)) >= 7, (fg, bg)
    for colour in (accessibility.right_colour(palette), accessibility.wrong_colour(palette)):
        assert accessibility._contrast(colour, palette.color(roles.Window)) >= 4.5


@pytest.mark.parametrize("which", ["canvas", "chart", "view"])
def test_custom_widgets_paint_a_visible_focus_frame(qtbot, window, settle, which):
    tab, widget = {"canvas": (window.draw_tab, window.draw_tab.canvas),
                   "chart": (window.training_tab, window.training_tab.charts.loss_chart),
                   "view": (window.inside_tab, window.inside_tab.data_view)}[which]
    window.tabs.setCurrentWidget(tab)
    if which == "view":
        window.inside_tab.views.setCurrentIndex(5)  # the data: it needs no model or input
    settle()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight).name()
    frame = widget._pad_rect().adjusted(-2, -2, 1, 1).toRect() if which == "canvas" else widget.rect()
    assert frame.height() > 40

    def frame_pixels():
        settle()
        image = window.grab().toImage()  # (a QChartView's own grab() crashes PySide 6.11 offscreen)
        at = widget.mapTo(window, frame.topLeft())
        # Down the frame's left side, where a 2 px frame runs.
        return {image.pixelColor(at.x() + dx, at.y() + y).name()
                for dx in range(0, 4) for y in range(frame.height() // 4, 3 * frame.height() // 4, 7)}

    window.tabs.tabBar().setFocus()
    assert highlight not in frame_pixels()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    assert highlight in frame_pixels()
