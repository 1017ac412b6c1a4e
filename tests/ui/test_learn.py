"""The Learn panel and Explain this (issue 30 parts 1-2) in the main window, on the real service over
the fake host: the steps, their buttons, remembered progress, F1 and Help ▸ Explain this."""

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mnist_gui.core import explanations as ex
from mnist_gui.core.learn_steps import ACTIONS, STEP_IDS, STEPS
from mnist_gui.core.models import preset
from mnist_gui.ui import explain, learn_actions
from mnist_gui.ui.main_window import MainWindow


def _settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(window, qtbot):
    """The shared window (tests/conftest.py), exposed before the test starts."""
    qtbot.waitExposed(window)
    return window


@pytest.fixture(autouse=True)
def no_real_dialog(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def _go(panel, step_id):
    if panel.isHidden():
        panel.show()  # as View ▸ Learn does
    panel.step_list.setCurrentRow(STEP_IDS.index(step_id))
    assert panel.current == step_id


def test_the_first_launch_shows_the_panel_after_the_window_is_up(qtbot, window):
    assert window._learn_panel is None  # not made before the first paint: it cost start-up
    qtbot.waitUntil(lambda: window._learn_panel is not None and window._learn_panel.isVisible(),
                    timeout=learn_actions.FIRST_SHOW_MS + 2000)
    assert window.learn_action.isChecked()
    window.learn_action.trigger()  # View ▸ Learn: off again
    assert window.learn_panel.isHidden() and not window.learn_action.isChecked()


def test_the_panel_lists_every_step_and_each_has_a_button_the_window_provides(qtbot, window):
    panel = window.learn_panel
    window.learn_action.trigger()  # View ▸ Learn
    assert panel.isVisible()
    assert [panel.step_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.step_list.count())] \
        == list(STEP_IDS)
    assert ACTIONS <= set(panel.actions_by_name)
    for step in STEPS:
        _go(panel, step.id)
        assert panel.title_label.text() and panel.text_label.text()
        assert panel.action_button.isVisibleTo(panel) == bool(step.action)


def test_the_build_step_selects_the_seed_dnn_on_the_training_tab(window):
    tab = window.training_tab
    tab.preset_combo.setCurrentIndex(tab.preset_combo.findData("cnn"))
    window.tabs.setCurrentWidget(window.gallery_tab)
    _go(window.learn_panel, "build")
    window.learn_panel.action_button.click()
    assert window.tabs.currentWidget() is tab
    assert tab.preset_combo.currentData() == "seed"
    assert tab.hidden_edit.text() == "200,100,60,30" and tab.lr_edit.text() == "0.03"
    assert "build" in window.learn_panel.done


def test_the_train_step_starts_a_run_on_the_runner(qtbot, window):
    service = window.service
    window.training_tab.epochs_spin.setValue(2)
    _go(window.learn_panel, "train")
    with qtbot.waitSignal(service.training_started):
        window.learn_panel.action_button.click()
    assert service.is_training and service.runner.is_running
    assert service.runner.plan.config.epochs == 2
    assert "Training started" in window.learn_panel.message_label.text()
    service.stop_training()
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()


@pytest.mark.parametrize("step_id, tab", [("look", "gallery_tab"), ("predict", "draw_tab"),
                                          ("inside", "inside_tab"), ("robustness", "robustness_tab"),
                                          ("data", "inside_tab")])
def test_the_view_steps_open_their_tab(window, step_id, tab):
    window.tabs.setCurrentWidget(window.training_tab)
    _go(window.learn_panel, step_id)
    window.learn_panel.action_button.click()
    assert window.tabs.currentWidget() is getattr(window, tab)


def test_the_cnn_and_augment_steps_set_the_form(window):
    tab = window.training_tab
    _go(window.learn_panel, "cnn")
    window.learn_panel.action_button.click()
    assert tab.preset_combo.currentData() == "cnn"
    tab.augment_check.setChecked(False)
    _go(window.learn_panel, "augment")
    window.learn_panel.action_button.click()
    assert tab.augment_check.isChecked()


def test_progress_is_remembered_in_a_new_window_and_the_panel_is_off_after_first_use(qtbot, service, tmp_path):
    first = MainWindow(service, settings=_settings(tmp_path))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(first.learn_panel.isVisible, timeout=learn_actions.FIRST_SHOW_MS + 2000)  # the first launch
    _go(first.learn_panel, "data")
    first.learn_panel.next_button.click()
    first.learn_panel.next_button.click()
    assert first.learn_panel.current == "onehot"
    first.close()

    again = MainWindow(service, settings=_settings(tmp_path))
    qtbot.addWidget(again)
    again.show()
    assert not again.learn_panel.isVisible()  # off by default after the first use
    assert again.learn_panel.done == {"data", "look"}
    assert again.learn_panel.current == "onehot"
    again.learn_action.trigger()  # View ▸ Learn
    assert again.learn_panel.isVisible()
    assert again.learn_panel.step_list.currentRow() == STEP_IDS.index("onehot")
    assert again.learn_panel.step_list.item(0).text().startswith("✓")
    assert "2 of" in again.learn_panel.progress_label.text()


def test_f1_over_the_learning_rate_shows_its_current_value(qtbot, window):
    tab = window.training_tab
    tab.preset_combo.setCurrentIndex(tab.preset_combo.findData("mlp"))
    tab.lr_edit.setText("0.05")
    tab.lr_edit.setFocus()
    qtbot.keyClick(tab.lr_edit, Qt.Key.Key_F1)
    popup = window.explainer.popup
    assert popup is not None and popup.isVisible()
    assert "learning rate 0.05" in popup.text() and "5%" in popup.text()
    popup.learn_button.click()  # the link to the Learn step
    assert window.learn_panel.current == "compile" and window.learn_panel.isVisible()


def test_the_learning_rate_explanation_says_how_the_loss_changed(qtbot, window):
    service = window.service
    assert service.start_training(preset("seed", epochs=2), train_size=2000)
    for _ in range(2):
        service.runner.run_batches()
        with qtbot.waitSignal(service.epoch_finished):
            service.runner.end_epoch()
    loss = window.training_tab.charts.history["loss"]
    fell = round((loss[0] - loss[1]) / loss[0] * 100)
    window.explainer.explain(window.training_tab.lr_edit)
    text = window.explainer.popup.text()
    assert "learning rate 0.03" in text and "3%" in text
    assert f"Your loss {'fell' if fell >= 0 else 'rose'} {abs(fell)}% last epoch" in text
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()


def test_every_explainable_widget_has_an_explanation_and_every_step_link_exists(window):
    window.explainer  # made before the other tabs: each is marked when made
    for name in window.unbuilt_tabs():
        getattr(window, name)
    marked = [w for w in window.findChildren(QWidget) if w.property(explain.PROPERTY)]
    assert set(marked) == set(explain.mark_window(window))
    assert len(marked) >= len(explain.EXPLAINABLE)
    keys = {w.property(explain.PROPERTY) for w in marked}
    assert keys == set(explain.EXPLAINABLE)
    assert not ex.unknown_steps()
    for widget in marked:
        key = widget.property(explain.PROPERTY)
        title, text = explain.explanation_text(window, key, widget)
        assert title and len(text) > 40, key
        assert "{" not in text, (key, text)  # every live value filled in


def test_the_training_form_labels_explain_their_fields(window):
    window.explainer  # made at the first use: it marks the window's widgets
    label = window.training_tab.form_layout.labelForField(window.training_tab.epochs_spin)
    assert explain.explainable(label) == ("epochs", window.training_tab.epochs_spin)


def test_explain_this_then_a_click_on_a_chart_explains_it(qtbot, window, settle):
    chart = window.training_tab.charts.loss_chart
    window.tabs.setCurrentWidget(window.training_tab)
    settle()
    window.explain_pick_action.trigger()  # Help ▸ Explain this
    assert window.explainer.picking
    assert QApplication.overrideCursor() is not None
    target = chart.viewport() if hasattr(chart, "viewport") else chart
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(target.width() // 2, target.height() // 2))
    assert not window.explainer.picking and QApplication.overrideCursor() is None
    popup = window.explainer.popup
    assert popup is not None and popup.key == "loss_chart"
    assert "val_loss" in popup.text()


def test_escape_cancels_explain_this(qtbot, window):
    window.explain_pick_action.trigger()
    qtbot.keyClick(window.training_tab.epochs_spin, Qt.Key.Key_Escape)
    assert not window.explainer.picking and window.explainer.popup is None


def test_the_help_menu_offers_explain_this(window):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.explain_pick_action in help_menu.actions()


def test_the_teach_step_fine_tunes_on_my_drawings_or_says_what_is_missing(qtbot, window):
    service = window.service
    _go(window.learn_panel, "teach")
    window.learn_panel.action_button.click()  # no drawings yet: it sends the user to the Draw Pad
    assert window.tabs.currentWidget() is window.draw_tab and not service.is_training
    assert "two" in window.learn_panel.message_label.text()
    for i in range(3):
        service.add_drawing(service.data.x_test[i], int(service.data.y_test[i]))
    qtbot.waitUntil(window.training_tab.fine_tune_button.isEnabled)
    with qtbot.waitSignal(service.training_started):
        window.learn_panel.action_button.click()
    assert window.tabs.currentWidget() is window.training_tab
    assert service.runner.request.run_args.get("drawings") is not None
    service.runner.finish_training(stopped=True)


def test_f1_explains_what_is_under_the_mouse_before_what_has_the_focus(qtbot, window, settle, monkeypatch):
    window.tabs.setCurrentWidget(window.training_tab)
    window.training_tab.epochs_spin.setFocus()
    settle()
    chart = window.training_tab.charts.accuracy_chart
    # The offscreen platform reports no widget under the mouse: the window's lookup is given it.
    monkeypatch.setattr(window.explainer, "widget_under_mouse", lambda: chart.viewport())
    qtbot.keyClick(window.training_tab.epochs_spin, Qt.Key.Key_F1)
    assert window.explainer.popup is not None and window.explainer.popup.key == "accuracy_chart"
    monkeypatch.setattr(window.explainer, "widget_under_mouse", lambda: None)
    qtbot.keyClick(window.training_tab.epochs_spin, Qt.Key.Key_F1)
    assert window.explainer.popup.key == "epochs"  # nothing explainable under the mouse: the focus


def test_the_tabs_keep_their_layout_with_the_learn_dock_open(qtbot, mnist, tmp_path):
    from layout_checks import FakeService, check_all_tabs, realistic_probabilities

    service = FakeService(mnist, realistic_probabilities(mnist.y_test))
    win = MainWindow(service, settings=_settings(tmp_path))
    qtbot.addWidget(win)
    service.announce()
    service.stopped_run()
    win.learn_panel.show()
    found = check_all_tabs(QApplication.instance(), win, 1280, 800)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_the_steps_bottom_row_is_never_cut_at_the_docks_narrowest(qtbot, service_with_model, tmp_path, lang):
    from mnist_gui import i18n

    i18n.install(lang, QApplication.instance())
    try:
        win = MainWindow(service_with_model, settings=_settings(tmp_path))
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        panel = win.learn_panel
        for step_id in ("data", STEP_IDS[-1]):  # "Done, next ▶" and the last step's "Done ✓"
            _go(panel, step_id)
            panel.setFloating(True)  # as on a small screen; its narrowest and a short height
            panel.resize(panel.minimumSizeHint().width(), 360)
            QApplication.processEvents()
            viewport = panel.next_button.parentWidget().parentWidget()  # the step's scroll area viewport
            right = panel.next_button.mapTo(viewport, QPoint(panel.next_button.width(), 0)).x()
            assert viewport.parentWidget().verticalScrollBar().isVisible()  # the step scrolls: its bar takes room
            assert right <= viewport.width(), (lang, step_id, right, viewport.width())
    finally:
        i18n.install("en", QApplication.instance())


def test_a_window_closed_before_the_panel_was_due_shows_no_panel(qtbot, service_with_model, tmp_path):
    win = MainWindow(service_with_model, settings=_settings(tmp_path))
    qtbot.addWidget(win)
    win.show()
    win.close()
    qtbot.wait(learn_actions.FIRST_SHOW_MS + 300)
    assert win._learn_panel is None  # not made, let alone floating alone on the screen


def test_the_panel_makes_no_tab_before_its_step_asks_for_it(qtbot, window):
    window.learn_action.trigger()  # View ▸ Learn: the panel and its actions are made
    assert "robustness_tab" in window.unbuilt_tabs()
    _go(window.learn_panel, "robustness")
    window.learn_panel.action_button.click()
    assert window.tabs.currentWidget() is window.robustness_tab
