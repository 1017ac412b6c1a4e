"""What the Learn panel's buttons do in the window, and the window's hook for issue 30 parts 1-2:
the Learn dock (View ▸ Learn) and Explain this (F1, Help ▸ Explain this). Each action works through
the existing widgets and service, as if the user clicked: no rules of its own. An action returns a
line for the panel, or None."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence

from .explain import Explainer
from .learn_panel import LearnPanel, first_launch

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
DATA_VIEW = 5
DOCK_WIDTH = 400  # the Learn dock's width on the first launch, where the screen has room  # the Inside tab's "The data" page



def actions_for(window) -> dict[str, Callable[[], str | None]]:
    tabs, training = window.tabs, window.training_tab

    def show(tab) -> Callable[[], None]:
        return lambda: tabs.setCurrentWidget(tab)

    def choose_preset(name: str) -> str | None:
        tabs.setCurrentWidget(training)
        if window.service.is_training:
            return translate("LearnActions", "A run is going on: choose the preset when it ends (or press Stop).")
        training.preset_combo.setCurrentIndex(training.preset_combo.findData(name))
        return None

    def show_data():
        tabs.setCurrentWidget(window.inside_tab)
        window.inside_tab.views.setCurrentIndex(DATA_VIEW)

    def show_learning_rate():
        tabs.setCurrentWidget(training)
        window.explainer.explain(training.lr_edit)

    def start_training() -> str | None:
        tabs.setCurrentWidget(training)
        if window.service.is_training:
            return translate("LearnActions", "A run is already going on: watch the charts, or press Stop.")
        if not training.train_button.isEnabled():
            why = training.error_label.text() or training.train_button.toolTip()
            return translate("LearnActions", "Training cannot start yet: %1").replace("%1", why)
        training.train_button.click()
        return translate("LearnActions", "Training started: the charts fill in after each epoch. Stop keeps what "
                                         "it learned so far.")

    def turn_on_augment() -> str | None:
        tabs.setCurrentWidget(training)
        if not training.augment_check.isVisible() or not training.augment_check.isEnabled():
            return translate("LearnActions", "This preset or a running training does not allow augmentation now.")
        training.augment_check.setChecked(True)
        return None

    def fine_tune() -> str | None:
        if not training.fine_tune_button.isEnabled():
            tabs.setCurrentWidget(window.draw_tab)
            return translate("LearnActions", "Fine-tune needs a model, no run going on and at least two "
                                             "labelled drawings: draw and label them here first.")
        tabs.setCurrentWidget(training)
        training.fine_tune_button.click()
        return translate("LearnActions", "Fine-tuning on your drawings: a few short epochs.")

    def save_model() -> str | None:
        if not window.save_model_action.isEnabled():
            return translate("LearnActions", "Nothing to save yet: train a model first (or wait for the run to end).")
        window.choose_save_path()
        return None

    def export_code() -> str | None:
        if not window.export_code_action.isEnabled():
            return translate("LearnActions", "Only a model the app built can be written as code: train one first.")
        window.choose_code_path()
        return None

    return {"show_data": show_data, "open_gallery": show(window.gallery_tab), "open_draw": show(window.draw_tab),
            "select_seed": lambda: choose_preset("seed"), "show_learning_rate": show_learning_rate,
            "start_training": start_training, "save_model": save_model, "select_cnn": lambda: choose_preset("cnn"),
            "turn_on_augment": turn_on_augment, "open_inside": show(window.inside_tab),
            "open_robustness": show(window.robustness_tab), "export_code": export_code,
            "fine_tune": fine_tune}


def install(window, view_menu, help_menu) -> None:
    """Add the Learn dock and Explain this to ``window`` (window.learn_panel, window.explainer)."""
    window.explainer = Explainer(window)
    panel = LearnPanel(window.settings, actions_for(window), window)
    window.learn_panel = panel
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    if first_launch(window.settings):
        panel.ensure_built()  # its size decides where it goes
        # Docked it would push a small screen's window past its edge: there it floats at the right.
        screen = window.screen().availableGeometry()
        room = screen.width() - window.centralWidget().minimumSizeHint().width() - panel.minimumSizeHint().width()
        if room < 40:
            panel.setFloating(True)
            width = panel.minimumSizeHint().width() + 40
            panel.setGeometry(screen.right() - width, screen.top() + 40, width, screen.height() - 80)
        else:  # docked: the window grows by the dock's width (once shown at its remembered or usual size)
            width = min(DOCK_WIDTH, room + panel.minimumSizeHint().width() - 40)

            def widen():
                if not window.isMaximized():
                    window.resize(min(window.width() + width, screen.width()), window.height())
                window.resizeDocks([panel], [width], Qt.Orientation.Horizontal)

            QTimer.singleShot(0, window, widen)
        panel.show()
    else:
        panel.hide()
    toggle = panel.toggleViewAction()
    toggle.setText(translate("LearnActions", "L&earn"))  # &Language is in the same menu
    toggle.setShortcut(QKeySequence("Ctrl+L"))
    view_menu.addSeparator()
    view_menu.addAction(toggle)
    window.learn_action = toggle

    def open_step(step_id: str):
        panel.show()
        panel.raise_()
        panel.show_step(step_id)

    window.explainer.learn_step.connect(open_step)
    first = help_menu.actions()[0] if help_menu.actions() else None
    help_menu.insertAction(first, window.explainer.pick_action)
    if first is not None:
        help_menu.insertSeparator(first)
