"""The window at the sizes people use: no text elided or cut, no widgets on top of each other.

Driven by a fake service (tests/layout_checks.py) with the real MNIST test set and numpy
probabilities, so no TensorFlow is needed; each tab is checked as it looks after a run was stopped.
"""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QByteArray, QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from layout_checks import SIZES, build_window, check_all_tabs, problems
from mnist_gui import i18n
from mnist_gui.i18n import LANGUAGES

HERE = Path(__file__).resolve().parent


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, mnist, settings):
    win, service = build_window(mnist, settings)
    qtbot.addWidget(win)
    win.service_ = service  # keep the fake alive with the window
    return win


@pytest.fixture(params=sorted(LANGUAGES))
def language(request):
    """Each shipped language in turn (German's long words are the test of the layout)."""
    assert i18n.install(request.param, QApplication.instance())
    yield request.param
    i18n.install("en", QApplication.instance())


@pytest.mark.parametrize("width, height", SIZES)
def test_every_tab_shows_all_its_text_without_overlaps(qtbot, language, mnist, settings, width, height):
    window, service = build_window(mnist, settings)  # built in the language: every text is made once
    qtbot.addWidget(window)
    found = check_all_tabs(QApplication.instance(), window, width, height)
    assert not found, f"[{language}]\n" + "\n".join(found)


@pytest.mark.parametrize("scale", ["2"])
def test_at_scale_factor_2_too(mnist_path, scale):
    # QT_SCALE_FACTOR is read when the QApplication is made: a process of its own.
    env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(HERE.parent), os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run([sys.executable, str(HERE / "layout_checks.py"), "1100", "757", str(mnist_path)],
                            env=env, capture_output=True, text=True, timeout=300)
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines and lines[0] == f"device pixel ratio {float(scale)}", result.stdout + result.stderr
    assert result.returncode == 0, "\n".join(lines[1:]) + result.stderr[-2000:]


def test_stopping_a_run_leaves_the_columns_as_they_were(qtbot, mnist, settings):
    from PySide6.QtWidgets import QSplitter

    from layout_checks import FakeService, realistic_probabilities
    from mnist_gui.ui.main_window import MainWindow

    service = FakeService(mnist, realistic_probabilities(mnist.y_test))
    win = MainWindow(service, settings=settings)
    qtbot.addWidget(win)
    service.announce()
    win.resize(1024, 640)
    win.show()
    QApplication.processEvents()
    columns = win.findChild(QSplitter, "training_columns")
    before = columns.sizes()
    service.stopped_run()  # "Test accuracy: 11.35% (stopped after 3 epochs)", in large bold type
    QApplication.processEvents()
    assert "Stopped during epoch 4" in win.training_tab.result_label.text()
    assert columns.sizes() == before
    assert not problems(win)


def test_confusion_matrix_shows_every_count_whole_at_the_smallest_size(qtbot, window):
    window.resize(1024, 640)
    window.show()
    window.tabs.setCurrentWidget(window.gallery_tab)
    qtbot.waitUntil(lambda: window.gallery_tab.confusion_table.isVisible())
    table = window.gallery_tab.confusion_table
    counts = window.gallery_tab.confusion_counts()
    shown = [[table.item(r, c).text() for c in range(10)] for r in range(10)]
    assert shown == counts.astype(str).tolist()
    assert not [p for p in problems(window) if "Table" in p]
    # Without room for the normal font it shrinks rather than elide; with room it is back.
    assert table.font().pointSizeF() <= table._base_font.pointSizeF()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: table.font().pointSizeF() == table._base_font.pointSizeF())


def test_the_robustness_sliders_have_room_to_drag_at_the_smallest_size(qtbot, window):
    # At 1024x640 with the Learn panel open the labels and values took the column's whole width,
    # and the sliders were drawn as bare handles.
    from PySide6.QtWidgets import QSlider

    window.resize(1024, 640)
    window.show()
    window.tabs.setCurrentIndex(4)
    tab = window.robustness_tab
    qtbot.waitUntil(lambda: tab.isVisible() and all(s.isVisible() for s in tab.sliders.values()))
    for slider in tab.findChildren(QSlider):
        assert slider.width() >= 6 * slider.fontMetrics().averageCharWidth(), (slider.accessibleName(), slider.width())


def test_grid_images_scale_with_the_pane_in_multiples_of_28(qtbot, window):
    gallery = window.gallery_tab
    window.show()
    window.tabs.setCurrentWidget(gallery)
    sizes = {}
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.size().toTuple() == (width, height))
        QApplication.processEvents()
        sizes[width] = gallery.image_size()
        assert sizes[width] % 28 == 0 and sizes[width] >= 56
        assert not gallery.grid_scroll.verticalScrollBar().isVisible()
        cell = gallery.cell_widget(0)
        assert cell.isVisible() and cell._pixmap.width() == sizes[width]  # ratio 1: logical = device px
        # The next size up would not fit: the grid uses the room it has.
        assert gallery.grid.fitting_image_size() == sizes[width]
    assert sizes[1024] < sizes[1920]
    # An 8 × 8 grid at the smallest images scrolls rather than shrink them below 56 px.
    window.resize(1024, 640)
    gallery.grid_size_combo.setCurrentIndex(gallery.grid_size_combo.findData(8))
    QApplication.processEvents()
    assert gallery.image_size() == 56


def test_first_image_is_selected_and_a_filter_never_leaves_a_hidden_one_in_the_detail(qtbot, window):
    gallery = window.gallery_tab
    window.show()
    window.tabs.setCurrentWidget(gallery)  # a hidden gallery takes predictions when shown
    assert gallery.detail_index() == gallery.shown_indices()[0]
    assert gallery.detail_probabilities() is not None and not gallery.detail_image.pixmap().isNull()
    qtbot.mouseClick(gallery.cell_widget(4), Qt.MouseButton.LeftButton)
    chosen = gallery.shown_indices()[4]
    assert gallery.detail_index() == chosen
    other = (int(gallery._data.y_test[chosen]) + 1) % 10
    gallery.set_filters(true_digit=other)
    assert gallery.detail_index() == gallery.shown_indices()[0] != chosen
    assert gallery._data.y_test[gallery.detail_index()] == other
    assert f"#{gallery.detail_index()}" in gallery.detail_text()


def test_a_confusion_cell_with_more_images_than_the_grid_shows_all_of_them_in_pages(qtbot, window):
    gallery = window.gallery_tab
    window.show()
    window.tabs.setCurrentWidget(gallery)
    counts = gallery.confusion_counts()
    off = np.where(np.eye(10, dtype=bool), 0, counts)
    true, predicted = np.unravel_index(np.argmax(off), off.shape)
    assert counts[true, predicted] > gallery.capacity()  # the data has such a cell (5 × 5 grid)
    table = gallery.confusion_table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(true, predicted)).center())
    seen = []
    for page in range(gallery.page_count()):
        assert gallery.page() == page
        seen += gallery.shown_indices()
        assert f"page {page + 1} of {gallery.page_count()}" in gallery.selection_label.text()
        if page < gallery.page_count() - 1:
            gallery.next_page_button.click()
    assert not gallery.next_page_button.isEnabled()
    expected = np.flatnonzero((gallery._data.y_test == true) & (gallery._predictions.labels == predicted))
    assert sorted(seen) == expected.tolist()  # every image, once
    gallery.previous_page_button.click()
    assert gallery.page() == gallery.page_count() - 2


def test_status_bar_names_the_model_once(window):
    texts = [window.activity_label.text(), window.model_label.text(), window.data_label.text()]
    assert sum("mnist_cnn" in text for text in texts) == 1
    assert window.activity_label.text() == "Ready"
    window.service_.status_changed.emit("Loading model other.keras…")
    assert window.activity_label.text() == "Loading model other.keras…"


def test_splitters_are_remembered_and_a_damaged_setting_is_ignored(qtbot, mnist, settings):
    from PySide6.QtWidgets import QSplitter

    first, _ = build_window(mnist, settings)
    qtbot.addWidget(first)
    first.resize(1100, 757)
    first.show()
    first.save_settings()  # the gallery not opened yet: its splitters have no sizes to keep
    assert settings.value("splitters/gallery_grid_panels") is None
    assert isinstance(settings.value("splitters/training_columns"), QByteArray)
    first.tabs.setCurrentWidget(first.gallery_tab)  # a splitter is laid out once shown
    splitter = first.findChild(QSplitter, "gallery_grid_panels")
    splitter.setSizes([300, 700])
    sizes = splitter.sizes()
    first.save_settings()
    names = {s.objectName() for s in first.findChildren(QSplitter) if s.objectName()}
    # The Robustness tab, never opened, is not even made (main_window.LazyPage): nothing of it to keep.
    assert names == {"gallery_grid_panels", "gallery_detail_confusion", "training_columns", "training_charts_log",
                     "training_log_coach"}

    again, _ = build_window(mnist, settings)
    qtbot.addWidget(again)
    again.resize(1100, 757)
    again.show()
    assert again.findChild(QSplitter, "gallery_grid_panels").sizes() == sizes
    again.save_settings()  # the gallery never shown this time: its splitter keeps what was saved
    third, _ = build_window(mnist, settings)
    qtbot.addWidget(third)
    third.resize(1100, 757)
    third.show()
    third.tabs.setCurrentWidget(third.gallery_tab)
    assert third.findChild(QSplitter, "gallery_grid_panels").sizes() == sizes

    settings.setValue("splitters/gallery_grid_panels", "garbage")
    settings.setValue("splitters/training_columns", QByteArray(b"\x00\xff not a splitter state"))
    settings.setValue("window/tab", "not a number")
    settings.setValue("files/last_dir", 42)
    damaged, _ = build_window(mnist, settings)  # must not raise
    qtbot.addWidget(damaged)
    damaged.resize(1100, 757)
    damaged.show()
    assert all(size > 0 for size in damaged.findChild(QSplitter, "training_columns").sizes())
    assert Path(damaged.last_folder.path()).is_dir()  # the default (or home while it does not exist)


def test_save_chart_opens_in_the_folder_last_used_for_a_model(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def fake_dialog(parent, caption, start, filters):
        asked.append(start)
        return str(tmp_path / "saved" / "mine.keras"), filters

    (tmp_path / "saved").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    monkeypatch.setattr(window.service_, "save_model", lambda path: None, raising=False)
    window.choose_save_path()
    window.training_tab._ask_chart_path()
    assert Path(asked[1]).parent == tmp_path / "saved"
    assert window.settings.value("files/last_dir") == str(tmp_path / "saved")


def test_chart_hover_shows_the_value_of_the_point_under_the_mouse(qtbot, window):
    window.resize(1100, 757)
    window.show()
    chart = window.training_tab.charts.accuracy_chart
    qtbot.waitUntil(lambda: chart.isVisible() and chart.width() > 100)
    QApplication.processEvents()
    # Epoch 2 of the stopped run: validation accuracy 11.35%, train 10.10%.
    point = chart.series["val_accuracy"].at(1)
    at = chart.mapFromScene(chart.chart().mapToScene(chart.chart().mapToPosition(point, chart.series["val_accuracy"])))
    near = QPointF(at.x() + 1, at.y() - 2)
    assert chart.hover_text(near) in ("epoch 2: 11.35% (validation (test set))", "epoch 2: 10.10% (train)")
    far = QPointF(at.x() + 60, at.y() - 80)
    assert chart.hover_text(far) is None
    # The mouse resting there: Qt's tooltip event shows the value.
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    local = QPoint(round(near.x()), round(near.y()))
    QApplication.sendEvent(chart.viewport(), QHelpEvent(QEvent.Type.ToolTip, local, chart.viewport().mapToGlobal(local)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == chart.hover_text(near)
    far_local = QPoint(round(far.x()), round(far.y()))
    QApplication.sendEvent(chart.viewport(), QHelpEvent(QEvent.Type.ToolTip, far_local,
                                                        chart.viewport().mapToGlobal(far_local)))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_saved_chart_is_the_chart_on_screen(qtbot, window, tmp_path):
    from PySide6.QtGui import QImage

    window.resize(1100, 757)
    window.show()
    tab = window.training_tab
    qtbot.waitUntil(lambda: tab.charts.isVisible())
    for name in ("c.png", "c.svg", "c.pdf"):
        assert tab.save_chart(tmp_path / name)
    saved = QImage(str(tmp_path / "c.png"))
    assert saved.size() == tab.charts.size() * 2
    shown = tab.charts.grab().toImage().scaled(saved.size())
    # Same picture as on screen: compare a coarse thumbnail of both.
    small = lambda image: image.scaled(50, 20).convertToFormat(QImage.Format.Format_Grayscale8)  # noqa: E731
    a = np.frombuffer(small(saved).constBits(), np.uint8).reshape(20, -1)[:, :50].astype(int)
    b = np.frombuffer(small(shown).constBits(), np.uint8).reshape(20, -1)[:, :50].astype(int)
    assert np.abs(a - b).mean() < 8
    svg = (tmp_path / "c.svg").read_text()
    assert "<svg" in svg and "100.0%" in svg and "epoch" in svg  # the axis as on screen, in %
    assert (tmp_path / "c.pdf").read_bytes()[:5] == b"%PDF-"


def test_dark_palette_gives_dark_charts(qtbot, window):
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#2b2c2f"), (QPalette.ColorRole.Text, "#e8eaed")):
        palette.setColor(role, QColor(colour))
    window.setPalette(palette)
    chart = window.training_tab.charts.loss_chart
    background = chart.chart().backgroundBrush().color()
    assert background.lightness() < 128
    title = chart.chart().titleBrush().color()
    assert title.lightness() > 128


def _mnemonics(window):
    """Alt+letter -> the visible, enabled places that underline it, in the tab in front."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

    def letter(text):
        found = re.search(r"&([^&])", text.replace("&&", ""))
        return found.group(1).lower() if found else None

    places = {}
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count()) if widget.isTabEnabled(i)]
        elif isinstance(widget, QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts = [widget.title()]
        else:
            continue
        for text in texts:
            key = letter(text)
            if key:
                places.setdefault(key, []).append(text.replace("&", ""))
    return places


def test_no_two_visible_controls_share_an_alt_letter(qtbot, language, window):
    """A letter two controls underline only moves the focus between them (Qt's ambiguous
    shortcut): Alt+T on the Training tab picked the tab, not Train. In every language."""
    window.resize(1100, 720)
    window.show()
    clashes = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        inner = getattr(window.tabs.currentWidget(), "views", None)  # the Inside tab's own tabs
        for sub in range(inner.count() if inner is not None else 1):
            if inner is not None:
                inner.setCurrentIndex(sub)
                QApplication.processEvents()
            clashes += [f"{window.tabs.tabText(index).replace('&', '')}: Alt+{key.upper()} {texts}"
                        for key, texts in _mnemonics(window).items() if len(texts) > 1]
    # The Training tab with every field the MLP shows (SGD, step schedule).
    window.tabs.setCurrentIndex(0)
    tab = window.training_tab
    for combo, value in ((tab.preset_combo, "mlp"), (tab.optimizer_combo, "sgd"), (tab.schedule_combo, "step")):
        combo.setCurrentIndex(combo.findData(value))
    QApplication.processEvents()
    clashes += [f"Training, MLP: Alt+{key.upper()} {texts}" for key, texts in _mnemonics(window).items() if len(texts) > 1]
    # ... and after a run or a fine-tune, with the switch button in each of its roles.
    for text in ("&Keep previous model", "&Use new model", "&Undo fine-tune", "&Use fine-tuned model"):
        tab.switch_button.setText(QApplication.translate("training_progress", text))
        tab.switch_button.show()
        clashes += [f"Training, {text}: Alt+{key.upper()} {texts}"
                    for key, texts in _mnemonics(window).items() if len(texts) > 1]
    assert sorted(set(clashes)) == [], "\n".join(sorted(set(clashes)))


def test_no_two_entries_of_a_menu_share_a_letter(language, window):
    """Alt+letter in an open menu runs the one entry that underlines it; two made it only move
    between them (German File menu: &Bericht, &Bild, &Beenden)."""
    import re

    clashes = []
    for top in window.menuBar().actions():
        letters = {}
        for action in top.menu().actions():
            found = re.search(r"&([^&])", action.text().replace("&&", ""))
            if found:
                letters.setdefault(found.group(1).lower(), []).append(action.text())
        clashes += [f"{top.text()}: {texts}" for texts in letters.values() if len(texts) > 1]
    assert clashes == [], "\n".join(clashes)
