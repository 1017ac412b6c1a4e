"""What the Learn panel's buttons do in the window, and the window's hook for issue 30 parts 1-2:
the Learn dock (View ▸ Learn) and Explain this (F1, Help ▸ Explain this). Each action works through
the existing widgets and service, as if the user clicked: no rules of its own. An action returns a
line for the panel, or None."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from .settings import read_bool

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
DATA_VIEW = 5  # the Inside tab's "The data" page
DOCK_WIDTH = 400  # the Learn dock's width on the first launch, where the screen has room
FIRST_SHOW_MS = 1000  # the first launch's Learn panel, this long after the window is made
USED_KEY = "learn/used"


def actions_for(window) -> dict[str, Callable[[], str | None]]:
    tabs, training = window.tabs, window.training_tab

    def show(name: str) -> Callable[[], None]:
        return lambda: tabs.setCurrentWidget(getattr(window, name))  # a tab may be made only then

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
        explainer(window).explain(training.lr_edit)

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

    return {"show_data": show_data, "open_gallery": show("gallery_tab"), "open_draw": show("draw_tab"),
            "select_seed": lambda: choose_preset("seed"), "show_learning_rate": show_learning_rate,
            "start_training": start_training, "save_model": save_model, "select_cnn": lambda: choose_preset("cnn"),
            "turn_on_augment": turn_on_augment, "open_inside": show("inside_tab"),
            "open_robustness": show("robustness_tab"), "export_code": export_code,
            "fine_tune": fine_tune}


def first_launch(settings) -> bool:
    """Shown on the first launch only; from then on the panel is off until View ▸ Learn."""
    used = read_bool(settings, USED_KEY, False)
    if not used:
        settings.setValue(USED_KEY, True)
    return not used


def panel(window):
    """The Learn dock, made at its first use: most launches never show it, and its import and
    widgets cost start-up."""
    if window._learn_panel is None:
        from .learn_panel import LearnPanel

        dock = LearnPanel(window.settings, actions_for(window), window)
        window._learn_panel = dock
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        # View ▸ Learn is checked while the dock is shown (closing a floating dock unchecks it).
        dock.visibilityChanged.connect(lambda *_: window.learn_action.setChecked(not dock.isHidden()))
    return window._learn_panel


def explainer(window):
    """Explain this, made at the first F1 (its marking of the window's widgets is not free)."""
    if window._explainer is None:
        from .explain import Explainer

        window._explainer = Explainer(window)
        window._explainer.learn_step.connect(lambda step_id: open_step(window, step_id))
    return window._explainer


def open_step(window, step_id: str) -> None:
    dock = panel(window)
    dock.show()
    dock.raise_()
    dock.show_step(step_id)


def show_first(window) -> None:
    """The first launch's Learn panel, docked at the right where the screen has room, else floating there."""
    if not window.isVisible():
        return  # closed meanwhile: a floating panel must not come up on its own
    dock = panel(window)
    dock.ensure_built()  # its size decides where it goes
    screen = window.screen().availableGeometry()
    room = screen.width() - window.centralWidget().minimumSizeHint().width() - dock.minimumSizeHint().width()
    if room < 40:  # docked it would push a small screen's window past its edge
        dock.setFloating(True)
        width = dock.minimumSizeHint().width() + 40
        dock.setGeometry(screen.right() - width, screen.top() + 40, width, screen.height() - 80)
        dock.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the keyboard stays in the window
    else:  # docked: the window grows by the dock's width
        width = min(DOCK_WIDTH, room + dock.minimumSizeHint().width() - 40)
        if not window.isMaximized():
            window.resize(min(window.width() + width, screen.width()), window.height())
        window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    active = window.isActiveWindow()
    dock.show()
    if active and dock.isFloating():
        window.activateWindow()


def install(window, view_menu, help_menu) -> None:
    """View ▸ Learn (window.learn_panel, made at its first use; shown on the first launch) and Explain
    this (F1, Help ▸ Explain this; window.explainer, made at the first use)."""
    window._learn_panel = window._explainer = None
    window.learn_action = QAction(translate("LearnActions", "L&earn"), window, checkable=True)  # &Language: same menu
    window.learn_action.setShortcut(QKeySequence("Ctrl+L"))
    window.learn_action.triggered.connect(lambda checked: panel(window).setVisible(checked))
    view_menu.addSeparator()
    view_menu.addAction(window.learn_action)
    if first_launch(window.settings):
        # After the first paint and the first prediction, not before them (it cost ~50 ms of both).
        QTimer.singleShot(FIRST_SHOW_MS, window, lambda: show_first(window))

    f1 = QAction(translate("Explain", "Explain what is under the mouse"), window)
    f1.setShortcut(QKeySequence(Qt.Key.Key_F1))
    f1.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    f1.triggered.connect(lambda: explainer(window).explain_here())
    window.addAction(f1)
    window.explain_pick_action = QAction(translate("Explain", "&Explain this"), window)
    window.explain_pick_action.setShortcut(QKeySequence("Shift+F1"))
    window.explain_pick_action.setToolTip(translate("Explain", "Then click any control, chart or view to see what "
                                                               "it does (F1 explains what is under the mouse)"))
    window.explain_pick_action.triggered.connect(lambda: explainer(window).start_picking())
    first = help_menu.actions()[0] if help_menu.actions() else None
    help_menu.insertAction(first, window.explain_pick_action)
    if first is not None:
        help_menu.insertSeparator(first)
