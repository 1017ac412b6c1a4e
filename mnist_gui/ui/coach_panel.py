"""The Training tab's coach: hints from ``core.coach`` worded for a learner, each with its evidence
and a one-click fix (the tab carries the fix out), and the "change now" controls that change the
learning rate and augmentation of a run while it goes on."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from ..core import coach
from . import locale_format


class CoachPanel(QWidget):
    """The hints for the run shown on the charts; ``fix_requested(fix, value)`` on a fix's button."""

    fix_requested = Signal(str, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Training coach"))
        self.hints: list[coach.Hint] = []
        self.cards: list[tuple[QLabel, QPushButton | None]] = []
        self._training = False
        self.empty_label = QLabel(self.tr("No hints: the coach reads every epoch as it ends and says here "
                                          "what looks wrong and what to try."))
        self.empty_label.setWordWrap(True)
        self._cards = QVBoxLayout()
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.empty_label)
        column.addLayout(self._cards)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop without a visible focus: its buttons take it
        scroll.setAccessibleName(self.tr("Coach's hints"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def show_hints(self, hints: list[coach.Hint], training: bool) -> None:
        """Show ``hints`` (cards rebuilt only when they change: a relayout costs milliseconds)."""
        if hints == self.hints and training == self._training:
            return
        self.hints, self._training = list(hints), training
        while self._cards.count():
            item = self._cards.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.cards = []
        for hint in hints:
            self._cards.addWidget(self._card(hint, training))
        self.empty_label.setVisible(not hints)

    def _card(self, hint: coach.Hint, training: bool) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        title, evidence = self.hint_text(hint)
        label = QLabel(f"<b>{title}</b><br>{evidence}")
        label.setWordWrap(True)
        label.setAccessibleName(f"{title}. {evidence}")
        row = QVBoxLayout(card)
        row.addWidget(label)
        button = None
        if hint.fix is not None:
            button = QPushButton(self.fix_text(hint.fix, hint.fix_value))
            button.setAccessibleName(button.text())
            # While a run goes on only the rate and augmentation change (core.live); the rest waits.
            button.setEnabled(not training or hint.fix in (coach.LOWER_LR, coach.RAISE_LR, coach.AUGMENT))
            button.clicked.connect(lambda _=False, h=hint: self.fix_requested.emit(h.fix, h.fix_value))
            row.addWidget(button)
        self.cards.append((label, button))
        return card

    # ---- words ------------------------------------------------------------------------------------

    def hint_text(self, hint: coach.Hint) -> tuple[str, str]:
        """(title, evidence) for ``hint``, in the user's language, numbers in their locale."""
        e, loc = hint.evidence, QLocale()

        def num(value, digits=3):
            return loc.toString(float(value), "g", digits)

        def pct(value, digits=1):
            return locale_format.pct(value, digits)  # "12,5 %" in German and French

        def pts(value):
            return loc.toString(100 * float(value), "f", 2)

        lr = num(e.get("learning_rate", 0))
        kind = hint.kind
        if kind == "lr_too_high":
            title = self.tr("Learning rate too high")
            reason = e.get("reason")
            if reason == "nan":
                text = self.tr("The loss became NaN or infinite at learning rate %1: the steps overshoot "
                               "so far that the numbers blow up.").replace("%1", lr)
            elif reason == "rising":
                text = self.tr("The loss rose from %1 to %2 over the last two epochs at learning rate %3.") \
                    .replace("%1", num(e["from"])).replace("%2", num(e["to"])).replace("%3", lr)
            elif reason == "oscillating":
                text = self.tr("The loss changed direction %1 times in the last %2 epochs: each step jumps "
                               "past the low point.").replace("%1", loc.toString(int(e["turns"]))) \
                    .replace("%2", loc.toString(int(e["epochs"])))
            elif reason == "rising_batches":
                text = self.tr("Within this epoch the loss rose from %1 (its first half of batches) to %2 "
                               "(its second half) at learning rate %3.") \
                    .replace("%1", num(e["from"])).replace("%2", num(e["to"])).replace("%3", lr)
            else:
                text = self.tr("After %1 epoch(s) the accuracy is %2, no better than guessing, at learning "
                               "rate %3.").replace("%1", loc.toString(int(e["epochs"]))) \
                    .replace("%2", pct(e["accuracy"])).replace("%3", lr)
        elif kind == "lr_too_low":
            title = self.tr("Learning rate too low")
            text = self.tr("The loss fell only %1 last epoch and accuracy is %2 at learning rate %3: the steps "
                           "are too small.").replace("%1", pct(e["fall"], 2)).replace("%2", pct(e["accuracy"])) \
                .replace("%3", lr)
        elif kind == "overfitting":
            title = self.tr("Overfitting")
            text = self.tr("Validation loss was lowest at epoch %1 (%2) and is now %3; the gap between training "
                           "and validation accuracy grew from %4 to %5 points: the network learns the training "
                           "images by heart.").replace("%1", loc.toString(int(e["best_epoch"]))) \
                .replace("%2", num(e["best_val_loss"])).replace("%3", num(e["val_loss"])) \
                .replace("%4", pts(e["gap_at_best"])).replace("%5", pts(e["gap"]))
        elif kind == "underfitting":
            title = self.tr("Underfitting")
            text = self.tr("Training accuracy is only %1 and validation %2, up %3 points last epoch: this "
                           "network has learned about all it can.").replace("%1", pct(e["accuracy"])) \
                .replace("%2", pct(e["val_accuracy"])).replace("%3", pts(e["gain"]))
        elif kind == "saturated":
            title = self.tr("Saturated units")
            text = self.tr("%1 of layer %2's %3 %4 units are stuck near their limits for almost every image: "
                           "their gradients vanish and they stop learning.").replace("%1", pct(e["share"], 0)) \
                .replace("%2", str(e["layer"])).replace("%3", loc.toString(int(e["units"]))) \
                .replace("%4", str(e.get("activation", "")))
        elif kind == "dead_relu":
            title = self.tr("Dead ReLUs")
            text = self.tr("%1 of layer %2's %3 units output zero for every image: they no longer learn "
                           "(often after too big a step).").replace("%1", pct(e["share"], 0)) \
                .replace("%2", str(e["layer"])).replace("%3", loc.toString(int(e["units"])))
        elif kind == "vanishing":
            title = self.tr("Vanishing gradients")
            text = self.tr("The first layer (%1) gets a gradient %2 times weaker than the last (%3): through "
                           "%4 layers the signal fades, so the early layers barely learn.") \
                .replace("%1", str(e["first"])).replace("%2", loc.toString(1 / max(float(e["ratio"]), 1e-12), "f", 0)) \
                .replace("%3", str(e["last"])).replace("%4", loc.toString(int(e["layers"])))
        elif kind == "too_few_epochs":
            title = self.tr("Too few epochs")
            text = self.tr("Validation accuracy still rose %1 points in the last epoch (now %2): more "
                           "epochs would help.").replace("%1", pts(e["gain"])).replace("%2", pct(e["val_accuracy"], 2))
        else:  # stopped_early
            title = self.tr("Stopped early")
            text = self.tr("The run stopped after %1 of its %2 epochs.") \
                .replace("%1", loc.toString(int(e["epochs"]))).replace("%2", loc.toString(int(e["planned"])))
        if e.get("previous_model_in_use"):
            text += " " + self.tr("The model from before the run is in use: Use new model, then Train more.")
        return title, text

    def fix_text(self, fix: str, value) -> str:
        loc = QLocale()
        if fix == coach.LOWER_LR:
            return self.tr("Lower the learning rate to %1").replace("%1", loc.toString(float(value), "g", 3))
        if fix == coach.RAISE_LR:
            return self.tr("Raise the learning rate to %1").replace("%1", loc.toString(float(value), "g", 3))
        if fix == coach.ADD_DROPOUT:
            return self.tr("Add dropout %1").replace("%1", loc.toString(float(value), "f", 2))
        if fix == coach.AUGMENT:
            return self.tr("Turn augmentation on")
        if fix == coach.TRAIN_MORE:
            return self.tr("Train more")
        return self.tr("Switch to the CNN")


class LiveControls(QWidget):
    """"While training": a new learning rate and augmentation, sent with Apply now (``apply``)."""

    apply = Signal(object, object)   # learning rate (float or None), augment (bool or None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lr_edit = QLineEdit()
        self.lr_edit.setAccessibleName(self.tr("New learning rate"))
        self.lr_edit.setToolTip(self.tr("Takes effect at the next step of the run"))
        self.augment_check = QCheckBox(self.tr("Augment"))
        self.augment_check.setAccessibleName(self.tr("Augment from the next epoch"))
        self.augment_check.setToolTip(self.tr("Takes effect at the next epoch"))
        self.apply_button = QPushButton(self.tr("Apply now"))
        self.apply_button.setAccessibleName(self.tr("Apply the new settings now"))
        self.apply_button.clicked.connect(self._apply)
        label = QLabel(self.tr("While training, change the learning rate (from the next step) or "
                               "augmentation (from the next epoch):"))
        label.setWordWrap(True)
        label.setBuddy(self.lr_edit)
        label.setMinimumWidth(1)  # wraps to the column, never widens it
        row = QHBoxLayout()
        row.addWidget(self.lr_edit, 1)
        row.addWidget(self.augment_check)
        row.addWidget(self.apply_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label)
        column.addLayout(row)
        self._rate, self._augment = None, None

    def start(self, learning_rate: float, augment: bool, rate_editable: bool, augment_switchable: bool):
        self._rate, self._augment = learning_rate, augment
        self.lr_edit.setText(f"{learning_rate:g}")
        self.lr_edit.setEnabled(rate_editable)
        self.augment_check.setChecked(augment)
        self.augment_check.setEnabled(augment_switchable)
        self.apply_button.setEnabled(rate_editable or augment_switchable)

    def applied(self, change: dict):
        self._rate = change.get("learning_rate", self._rate)
        self._augment = change.get("augment", self._augment)

    def _apply(self):
        text = self.lr_edit.text().strip()
        rate, ok = QLocale().toDouble(text)
        if not ok:
            try:
                rate = float(text)
            except ValueError:
                rate = -1.0  # refused, with the session's message
        rate = None if not self.lr_edit.isEnabled() or rate == self._rate else rate
        augment = self.augment_check.isChecked()
        augment = None if not self.augment_check.isEnabled() or augment == self._augment else augment
        if rate is not None or augment is not None:
            self.apply.emit(rate, augment)
