"""Explain this (issue 30 part 2): F1 over a control, chart or view, or Help ▸ Explain this and a click,
shows a short popup: what it is, what it does to the model, its live values, and a button to the
matching Learn step. The texts are core/explanations.py's; a widget is explainable when it (or a
parent, or a label's buddy) has the ``explain_key`` property, set here from the window's widgets
(``EXPLAINABLE``) so that the tab files need no change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QFrame,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ..core import explanations as ex
from ..core.learn_steps import CONTEXT as STEPS_CONTEXT
from ..core.learn_steps import STEP_BY_ID
from .locale_format import percent_suffix  # "3 %" in German and French

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
PROPERTY = "explain_key"
POPUP_WIDTH = 380

# Explanation key -> the window's widgets it explains (attribute paths; a list or dict: each of them).
EXPLAINABLE: dict[str, tuple[str, ...]] = {
    "preset": ("training_tab.preset_combo",), "hidden": ("training_tab.hidden_edit",),
    "activation": ("training_tab.activation_combo",), "dropout": ("training_tab.dropout_spin",),
    "optimizer": ("training_tab.optimizer_combo",), "learning_rate": ("training_tab.lr_edit",),
    "momentum": ("training_tab.momentum_spin",), "weight_decay": ("training_tab.weight_decay_spin",),
    "schedule": ("training_tab.schedule_combo",), "lr_decay": ("training_tab.lr_decay_spin",),
    "epochs": ("training_tab.epochs_spin",), "batch_size": ("training_tab.batch_spin",),
    "augment": ("training_tab.augment_check",), "train_size": ("training_tab.train_size_spin",),
    "fine_tune": ("training_tab.fine_tune_button",),
    "loss_chart": ("training_tab.charts.loss_chart",), "accuracy_chart": ("training_tab.charts.accuracy_chart",),
    "epoch_log": ("training_tab.log_view",),
    "gallery_grid": ("gallery_tab.grid",), "confusion_matrix": ("gallery_tab.confusion_box",),
    "draw_canvas": ("draw_tab.canvas",), "probability_bars": ("draw_tab.bars",),
    "not_sure": ("draw_tab.message_label", "draw_tab.digit_label"), "draw_labels": ("draw_tab.label_buttons",),
    "inside_layers": ("inside_tab.layers_view",), "inside_why": ("inside_tab.attribution_view",),
    "inside_learned": ("inside_tab.tiles_view", "inside_tab.top_images", "inside_tab.histograms_view"),
    "inside_map": ("inside_tab.map_view",), "inside_network": ("inside_tab.network_view",),
    "inside_data": ("inside_tab.data_view",),
    "robustness_slider": ("robustness_tab.sliders",), "confidence_threshold": ("robustness_tab.threshold_slider",),
    "robustness_curves": ("robustness_tab.chart",),
}



def _resolve(root, path: str) -> list[QWidget]:
    obj = root
    for part in path.split("."):
        obj = getattr(obj, part)
    if isinstance(obj, dict):
        return list(obj.values())
    return list(obj) if isinstance(obj, (list, tuple)) else [obj]


def mark(widget: QWidget, key: str) -> None:
    widget.setProperty(PROPERTY, key)


def mark_window(window, tab: QWidget | None = None, name: str = "") -> list[QWidget]:
    """Mark the window's explainable widgets; returns them. Tabs not made yet (``window.unbuilt_tabs``)
    are left out: each is marked when made (``tab``, the window's attribute ``name``)."""
    unbuilt = set(window.unbuilt_tabs()) if hasattr(window, "unbuilt_tabs") else set()
    marked = []
    for key, paths in EXPLAINABLE.items():
        for path in paths:
            first, _, rest = path.partition(".")
            if tab is not None:
                if first != name:
                    continue
                root, path = tab, rest
            elif first in unbuilt:
                continue
            else:
                root = window
            for widget in _resolve(root, path):
                mark(widget, key)
                marked.append(widget)
    return marked


def explainable(widget: QWidget | None) -> tuple[str, QWidget] | None:
    """(key, the marked widget) for ``widget``, a parent of it, or the field a label names."""
    while widget is not None:
        key = widget.property(PROPERTY)
        if isinstance(key, str) and key in ex.EXPLANATIONS:
            return key, widget
        buddy = widget.buddy() if isinstance(widget, QLabel) else None
        if buddy is not None and isinstance(buddy.property(PROPERTY), str):
            return buddy.property(PROPERTY), buddy
        widget = widget.parentWidget()
    return None


# ---- live values ----------------------------------------------------------------------------------

def _percent(fraction: float, decimals: int = 1) -> str:
    return QLocale().toString(fraction * 100, "f", decimals) + percent_suffix()


def _number(value: float) -> str:
    return QLocale().toString(float(value), "g", 6)


def widget_value(widget: QWidget) -> str:
    """What the control is set to, as shown."""
    if isinstance(widget, QLineEdit):
        text = widget.text().strip()
        try:
            return _number(float(text))
        except ValueError:
            return text or "–"
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return translate("Explain", "on") if widget.isChecked() else translate("Explain", "off")
    if isinstance(widget, QAbstractSlider):
        return QLocale().toString(widget.value())
    return ""


def history(window) -> tuple[dict, str | None]:
    """(epochs, whose): the Training tab's charts (this session's run: whose is None), else the
    current model's own history from its sidecar (whose: its name)."""
    shown = window.training_tab.charts.history
    if any(shown.values()):
        return shown, None
    info = window.service.model_info
    saved = info.metadata.get("history") if info is not None else None
    return (saved, info.name) if isinstance(saved, dict) else ({}, None)


def loss_trend(hist: dict, whose: str | None = None) -> str:
    """How the loss changed in the last epoch: of the user's run, or of the model ``whose`` was loaded."""
    loss = [v for v in hist.get("loss", []) if isinstance(v, (int, float))]
    if len(loss) >= 2 and loss[-2] > 0:
        change = (loss[-1] - loss[-2]) / loss[-2]
        if whose is None:
            text = (translate("Explain", "Your loss fell %1 last epoch.") if change <= 0
                    else translate("Explain", "Your loss rose %1 last epoch."))
        else:
            text = (translate("Explain", "The loss of %2 (the model in use) fell %1 in its last epoch.")
                    if change <= 0 else
                    translate("Explain", "The loss of %2 (the model in use) rose %1 in its last epoch."))
        return text.replace("%1", _percent(abs(change), 0)).replace("%2", whose or "")
    if loss:
        return translate("Explain", "The loss after the first epoch: %1.").replace("%1", _number(round(loss[-1], 4)))
    return translate("Explain", "No training history yet: train, and the loss's change shows here.")


def _last(hist: dict, key: str, percent: bool = False) -> str:
    values = hist.get(key) or []
    if not values or not isinstance(values[-1], (int, float)):
        return "–"
    return _percent(values[-1]) if percent else _number(round(values[-1], 4))


def _weights(hidden_text: str) -> str:
    try:
        sizes = [784] + [int(s) for s in hidden_text.split(",") if s.strip()] + [10]
    except ValueError:
        return "–"
    return QLocale().toString(sum(a * b + b for a, b in zip(sizes, sizes[1:])))


def live_values(window, key: str, widget: QWidget) -> dict[str, str]:
    """The named values the explanation templates use, from the widgets and the service's state."""
    from .draw_tab import UNSURE_BELOW

    service, tab = window.service, window.training_tab
    info = service.model_info
    hist, whose = history(window)
    values = {"value": widget_value(widget), "loss_trend": loss_trend(hist, whose),
              "model": info.name if info is not None else translate("Explain", "no model yet"),
              "test_accuracy": _percent(info.test_accuracy, 2) if info and info.test_accuracy is not None else "–",
              "epochs_done": QLocale().toString(info.epoch) if info and info.epoch else "0",
              "drawings": QLocale().toString(len(service.drawings)),
              "loss": _last(hist, "loss"), "val_loss": _last(hist, "val_loss"),
              "accuracy": _last(hist, "accuracy", True), "val_accuracy": _last(hist, "val_accuracy", True),
              "epochs_logged": QLocale().toString(len(tab.charts.history.get("loss", []))),
              "weights": _weights(tab.hidden_edit.text()),
              "unsure_below": _percent(UNSURE_BELOW, 0)}
    try:
        lr = float(tab.lr_edit.text())
        values["lr"], values["lr_percent"] = _number(lr), QLocale().toString(lr * 100, "g", 4) + percent_suffix()
    except ValueError:
        pass
    train_images = tab.train_size_spin.value()
    values["train_images"] = QLocale().toString(train_images)
    values["batches"] = QLocale().toString(-(-train_images // max(tab.batch_spin.value(), 1)))
    draw = window.draw_tab
    values["prediction"] = draw.digit_label.text() or "–"
    values["message"] = draw.message_label.text() or "–"
    # The Robustness tab's values only once it is made (asking for it would make it).
    robustness = None if "robustness_tab" in window.unbuilt_tabs() else window.robustness_tab
    if robustness is not None:
        for name, slider in robustness.sliders.items():
            if slider is widget:
                values["axis"] = slider.accessibleName()
                values["value"] = robustness.value_labels[name].text()
        shown = " ".join(robustness.accuracy_label.text().split())  # one sentence, whatever its lines
        values["robust_accuracy"] = shown + ("." if shown and shown[-1] not in ".!?" else "")
        if key == "confidence_threshold":
            values["value"] = robustness.threshold_value.text()
        elif key == "robustness_curves":
            values["value"] = robustness.curve_combo.currentText()
    return values


def explanation_text(window, key: str, widget: QWidget) -> tuple[str, str]:
    """(title, text) in the user's language, the live values filled in."""
    e = ex.EXPLANATIONS[key]
    title = QCoreApplication.translate(ex.CONTEXT, e.title)
    return title, ex.fill(QCoreApplication.translate(ex.CONTEXT, e.text), live_values(window, key, widget))


# ---- the popup ------------------------------------------------------------------------------------

class ExplainPopup(QFrame):
    """A small window by the explained widget: title, text, [Learn: step] [Close]. Esc closes it."""

    learn_step = Signal(str)

    def __init__(self, key: str, title: str, text: str, parent=None):
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.Box)
        self.setObjectName("explain_popup")
        self.key = key
        self.setAccessibleName(translate("Explain", "Explanation: %1").replace("%1", title))
        self.title_label = QLabel(f"<b>{title}</b>")
        self.text_label = QLabel(text)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        self.text_label.setFixedWidth(POPUP_WIDTH)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        step = STEP_BY_ID[ex.EXPLANATIONS[key].step]
        step_title = QCoreApplication.translate(STEPS_CONTEXT, step.title)
        self.learn_button = QPushButton(translate("Explain", "Learn: %1").replace("%1", step_title))
        self.learn_button.setAccessibleName(translate("Explain", "Open the Learn step %1").replace("%1", step_title))
        self.learn_button.clicked.connect(lambda: (self.learn_step.emit(step.id), self.close()))
        self.close_button = QPushButton(translate("Explain", "Close"))
        self.close_button.setAccessibleName(translate("Explain", "Close the explanation"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.learn_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addLayout(buttons)
        close = QAction(self, shortcut=QKeySequence(Qt.Key.Key_Escape), triggered=self.close)
        self.addAction(close)

    def text(self) -> str:
        return self.text_label.text()

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        # The keys go back to the window (its shortcuts stopped with the popup in front).
        if self.parentWidget() is not None:
            self.parentWidget().activateWindow()
        super().closeEvent(event)

    def show_near(self, widget: QWidget) -> None:
        self.adjustSize()
        screen = widget.screen().availableGeometry()
        spot = widget.mapToGlobal(QPoint(0, widget.height()))
        x = min(max(spot.x(), screen.left()), screen.right() - self.width())
        above = widget.mapToGlobal(QPoint()).y() - self.height()
        y = spot.y() if spot.y() + self.height() <= screen.bottom() else above
        self.move(x, max(y, screen.top()))
        self.show()
        self.raise_()
        self.close_button.setFocus()


class Explainer(QObject):
    """F1 explains what is under the mouse (else what has the focus); Help ▸ Explain this (Shift+F1)
    waits for a click on the thing to explain. ``learn_step`` asks for a Learn step. Made at the first
    use (ui/learn_actions.py owns the two actions), so its import and marking cost no start-up."""

    learn_step = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.popup: ExplainPopup | None = None
        self.picking = False
        mark_window(window)

    def explain_here(self) -> bool:
        """F1: the explainable widget under the mouse, else the one with the focus."""
        under = self.widget_under_mouse()
        found = explainable(under) if under is not None and under.window() is self.window else None
        return self.explain(found[1] if found else QApplication.focusWidget())

    @staticmethod
    def widget_under_mouse() -> QWidget | None:
        return QApplication.widgetAt(QCursor.pos())

    def explain(self, widget: QWidget | None) -> bool:
        found = explainable(widget)
        if found is None:
            self.window.statusBar().showMessage(
                translate("Explain", "Nothing to explain there: point at a setting, chart or view and press F1."), 5000)
            return False
        key, marked = found
        title, text = explanation_text(self.window, key, marked)
        if self.popup is not None:
            self.popup.close()
        self.popup = ExplainPopup(key, title, text, self.window)
        self.popup.learn_step.connect(self.learn_step)
        self.popup.destroyed.connect(lambda *_: setattr(self, "popup", None))
        self.popup.show_near(marked)
        return True

    # ---- Help ▸ Explain this: the next click ----------------------------------------------------

    def start_picking(self) -> None:
        if self.picking:
            return
        self.picking = True
        QApplication.setOverrideCursor(Qt.CursorShape.WhatsThisCursor)
        QApplication.instance().installEventFilter(self)
        self.window.statusBar().showMessage(translate("Explain", "Click what you want explained (Esc: cancel)."))

    def stop_picking(self) -> None:
        if not self.picking:
            return
        self.picking = False
        QApplication.instance().removeEventFilter(self)
        QApplication.restoreOverrideCursor()
        self.window.statusBar().clearMessage()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.stop_picking()
            return True
        if kind == QEvent.Type.MouseButtonPress and isinstance(obj, QWidget):
            target = obj.childAt(obj.mapFromGlobal(event.globalPosition().toPoint())) or obj
            self.stop_picking()
            self.explain(target)
            return True  # the click explains; it does not press anything
        if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick) and self.picking:
            return True
        return False
