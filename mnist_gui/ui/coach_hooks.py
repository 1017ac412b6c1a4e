"""The Training tab's coach, Training health view and changes during a run, wired to the service:
kept out of training_tab.py, which only places the three widgets and calls ``connect``."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject

from ..core import coach
from ..core.live import augment_can_change
from ..core.models import PRESETS
from .coach_panel import CoachPanel, LiveControls
from .core_texts import core_text
from .training_health import TrainingHealthView

BATCH_HINTS_EVERY = 0.5  # s: hints from the current epoch's batch losses at most this often


class CoachHooks(QObject):
    """Reads the run from the service's signals; the tab carries the fixes out."""

    def __init__(self, tab):
        super().__init__(tab)
        self.tab = tab
        self.panel = CoachPanel()
        self.health_view = TrainingHealthView()
        self.live_controls = LiveControls()
        self.live_controls.setVisible(False)
        self.plan = None
        self.health: dict | None = None
        self.batch_losses: list[float] = []
        self._batch_epoch = None
        self._last_batch_hints = 0.0
        self.learning_rate = self.augment = None
        self.running = self.stopped = self.diverged = False
        self.model_in_use = True  # the run's model, not the one from before it (the service's outcome)
        self.panel.fix_requested.connect(self.apply_fix)
        self.live_controls.apply.connect(self._apply_live)

    def connect(self, service):
        self.service = service
        service.training_started.connect(self._on_started)
        service.batch_progress.connect(self._on_batch)
        service.epoch_finished.connect(lambda *_: self.update_hints())
        service.health_ready.connect(self._on_health)
        service.training_finished.connect(self._on_finished)
        service.training_failed.connect(self._on_failed)
        service.training_outcome.connect(self._on_outcome)
        service.settings_changed.connect(self._on_changed)
        service.settings_refused.connect(self._on_refused)

    # ---- the run ------------------------------------------------------------------------------------

    def _on_started(self, plan):
        self.plan, self.health, self.batch_losses, self._batch_epoch = plan, None, [], None
        c = plan.config
        self.learning_rate, self.augment = c.learning_rate, c.augment
        self.running, self.stopped, self.diverged, self.model_in_use = True, False, False, True
        self.health_view.clear()
        editable = PRESETS[c.preset].editable
        self.live_controls.start(c.learning_rate, c.augment, "learning_rate" in editable,
                                 "augment" in editable and augment_can_change(c))
        self.live_controls.setVisible(True)
        if plan.continued:  # the earlier runs' changes, on the charts of the earlier epochs
            info = self.service.model_info
            for change in (info.metadata.get("changes") or []) if info is not None else []:
                if isinstance(change, dict) and isinstance(change.get("epoch"), int):
                    self._mark(change)
        self.update_hints()

    def _on_batch(self, epoch, done, total, logs):
        if epoch != self._batch_epoch:
            self._batch_epoch, self.batch_losses = epoch, []
        loss = (logs or {}).get("loss")
        if loss is not None:
            self.batch_losses.append(float(loss))
        now = time.monotonic()
        if now - self._last_batch_hints >= BATCH_HINTS_EVERY:
            self._last_batch_hints = now
            self.update_hints()

    def _on_health(self, epoch, stats):
        self.health = stats
        self.health_view.add(stats)
        self.update_hints()

    def _on_finished(self, history, stopped):
        self.running, self.stopped, self.batch_losses = False, bool(stopped), []
        self.live_controls.setVisible(False)
        self.update_hints()

    def _on_outcome(self, outcome):
        self.model_in_use = outcome.using_new
        self.update_hints()

    def _on_failed(self, message):
        if self.plan is None or not self.running:
            return  # a request refused before any run, not a run's end
        # The session words a divergence so (core.run keeps the last good epoch's weights).
        self.running, self.diverged = False, "diverged" in message
        self.live_controls.setVisible(False)
        self.update_hints()

    def state(self) -> coach.RunState:
        c = self.plan.config
        return coach.RunState(learning_rate=self.learning_rate, optimizer=c.optimizer, preset=c.preset,
                              dropout=c.dropout, augment=bool(self.augment), planned_epochs=self.plan.end_epoch,
                              running=self.running, stopped=self.stopped, diverged=self.diverged,
                              model_in_use=self.model_in_use,
                              editable=PRESETS[c.preset].editable)

    def update_hints(self) -> list[coach.Hint]:
        if self.plan is None:
            return []
        batches = [v for v in self.batch_losses if not math.isnan(v)] if self.running else []
        hints = coach.advise(self.tab.charts.history, self.state(), self.health, batches)
        self.panel.show_hints(hints, self.running)
        return hints

    # ---- changes and fixes ------------------------------------------------------------------------------

    def _apply_live(self, learning_rate, augment):
        changes = {k: v for k, v in (("learning_rate", learning_rate), ("augment", augment)) if v is not None}
        if changes and self.service.change_settings(**changes):
            self.tab.log(self.tr("Asked the run to change %1: from its next step (learning rate) or "
                                 "epoch (augmentation).").replace("%1", ", ".join(
                                     f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in changes.items())))

    def _on_changed(self, change: dict):
        self.live_controls.applied(change)
        if "learning_rate" in change:
            self.learning_rate = change["learning_rate"]
            text = self.tr("Learning rate changed to %1 during epoch %2.").replace("%1", f"{self.learning_rate:g}")
        else:
            self.augment = change["augment"]
            text = (self.tr("Augmentation on from epoch %2.") if self.augment
                    else self.tr("Augmentation off from epoch %2."))
        self.tab.log(text.replace("%2", str(change["epoch"])))
        self._mark(change)
        self.update_hints()

    def _mark(self, change: dict):
        # A rate: mid-epoch, at the step after the request; augmentation: from the epoch's start.
        x = change["epoch"] - (0.5 if "learning_rate" in change else 1.0)
        self.tab.charts.mark(max(1.0, x), self.tr("settings changed"))

    def _on_refused(self, message: str):
        message = core_text(message)
        self.tab.log(self.tr("Not changed: %1").replace("%1", message))
        self.tab.error_label.setText(message)

    def apply_fix(self, fix: str, value):
        """A hint's one-click fix, through the form and the service as a user would."""
        tab, training = self.tab, self.service.is_training
        if fix in (coach.LOWER_LR, coach.RAISE_LR):
            if training:
                self.live_controls.lr_edit.setText(f"{value:g}")
                self.service.change_settings(learning_rate=value)
            else:
                tab.lr_edit.setText(f"{value:g}")
        elif fix == coach.AUGMENT:
            if training:
                self.live_controls.augment_check.setChecked(True)
                self.service.change_settings(augment=True)
            else:
                tab.augment_check.setChecked(True)
        elif training:
            return  # the other fixes wait for the run's end (their buttons are disabled meanwhile)
        elif fix == coach.ADD_DROPOUT:
            tab.dropout_spin.setValue(value)
        elif fix == coach.TRAIN_MORE:
            tab.train_more()
        elif fix == coach.SWITCH_CNN:
            tab.apply_preset("cnn")
