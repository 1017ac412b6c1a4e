"""The Training tab's progress panel: epoch and batch bars, elapsed time and ETA, the run's result,
and after a run which model is in use (new or previous, or fine-tuned) with a one-click switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QProgressBar, QPushButton, QToolButton, QVBoxLayout

from .widgets import SteadyLabel, wrapping_label
from ..i18n import translate
from .locale_format import pct


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def result_text(history: dict | None, stopped: bool, first_epoch: int | None) -> str:
    """The run's last line: its test accuracy, or where it was stopped (``first_epoch``: the epochs
    the model had before the run, None if unknown; ``history`` None: before it began)."""
    if history is None:
        return translate("training_progress", "Nothing trained: stopped before the first step")
    done = len(history.get("loss", []))
    acc = (history.get("val_accuracy") or [None])[-1]
    if stopped:
        last = first_epoch + done if first_epoch is not None else done
        text = translate("training_progress", "Stopped during epoch {v0}").format(v0=last + 1)
        if acc is not None:
            text += translate("training_progress", " (test accuracy {acc} after epoch {last})").format(acc=pct(acc, 2), last=last)
        return text
    return accuracy_text(acc) if acc is not None else translate("training_progress", "Finished")


def accuracy_text(acc: float) -> str:
    return translate("training_progress", "Test accuracy: {acc}").format(acc=pct(acc, 2))


def outcome_text(outcome) -> tuple[str, str]:
    """New vs previous (a service TrainingOutcome): which is in use, and the switch button's text."""
    if outcome.fine_tune is not None:
        return _fine_tune_text(outcome)

    def score(info):
        return pct(info.test_accuracy, 2) if info.test_accuracy is not None else translate("training_progress", "not measured")

    new, previous = outcome.new, outcome.previous
    if outcome.using_new:
        return (translate("training_progress", "Using the new model ({new}); the previous one, {name}, scored {previous}.")
                .format(new=score(new), name=previous.name, previous=score(previous)),
                translate("training_progress", "&Keep previous model"))
    return (translate("training_progress", "Keeping the previous model, {name} ({previous}): the new one scored {new}.")
            .format(name=previous.name, previous=score(previous), new=score(new)),
            translate("training_progress", "&Use new model"))


def _fine_tune_text(outcome) -> tuple[str, str]:
    """Before and after on the held-out drawings and the test set; Undo fine-tune in one click."""
    f = outcome.fine_tune

    def pct1(value):
        return "–" if value is None else pct(value, 1)

    if f.held_out:
        text = (translate("training_progress", "Fine-tuned on {taught} of your drawings. Held-out drawings ({held_out}): {v2} → {v3}. ").format(taught=f.taught, held_out=f.held_out, v2=pct1(f.held_out_before), v3=pct1(f.held_out_after)))
    else:
        text = translate("training_progress", "Fine-tuned on {taught} of your drawings (too few to hold some back). ").format(taught=f.taught)
    before, after = f.mnist_before, f.mnist_after
    text += translate("training_progress", "Test set: {v0} → {v1}.").format(v0='–' if before is None else pct(before, 2), v1='–' if after is None else pct(after, 2))
    if f.mnist_dropped:
        text = "⚠ " + text + translate("training_progress", " It reads MNIST worse than before: Undo fine-tune brings the previous model back.")
    if outcome.using_new:
        return text, translate("training_progress", "&Undo fine-tune")
    return (text + translate("training_progress", " The previous model is in use."),
            translate("training_progress", "&Use fine-tuned model"))


class ProgressPanel(QGroupBox):
    """The bars, the time line (with Fine-tune and Save chart beside it), the result and the outcome."""

    def __init__(self, parent=None):
        super().__init__(self.tr("Progress"), parent)
        self.epoch_bar = QProgressBar(format=self.tr("Epochs"), maximum=1, value=0)
        self.batch_bar = QProgressBar(format=self.tr("Batches"), maximum=1, value=0)
        for bar in (self.epoch_bar, self.batch_bar):
            # setValue() repaints at once; an opaque bar repaints only itself, not the tab below it.
            bar.setAutoFillBackground(True)
        self.time_label = SteadyLabel(self.tr("Elapsed – · ETA –"))
        self.result_label = wrapping_label()  # "Test accuracy: 11.35% (stopped after 3 epochs)" wraps
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.result_label.setFont(font)
        # After a run: which model is in use, the new or the previous one, and a one-click switch.
        self.outcome_label = wrapping_label()
        self.switch_button = QPushButton()
        self.outcome_label.hide()
        self.switch_button.hide()
        # Beside Save chart (a row of its own would not fit a 640-px-high window, another button in
        # Train's row would widen the column and squeeze the charts' axes).
        self.fine_tune_button = QToolButton(text=self.tr("Fine-tune"))
        self.fine_tune_button.setAccessibleName(self.tr("Fine-tune on my drawings"))
        self.fine_tune_button.setToolTip(
            self.tr("Fine-tune on my drawings: continue the current model for a short, augmented run on part of "
            "MNIST and your drawings, "
            "holding some of each digit's drawings back to measure on; Undo fine-tune brings the model back"))
        self.save_chart_button = QPushButton(self.tr("Save &chart…"))
        self.save_chart_button.setToolTip(self.tr("Save the loss and accuracy curves as shown, as PNG, SVG or PDF"))
        self.save_chart_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.epoch_bar)
        layout.addWidget(self.batch_bar)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_label)
        time_row.addStretch(1)
        time_row.addWidget(self.fine_tune_button)
        time_row.addWidget(self.save_chart_button)
        layout.addLayout(time_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)

    def start(self, plan) -> None:
        """A run (a service TrainingPlan) begins: bars for its epochs and batches, no result yet."""
        self.epoch_bar.setFormat(self.tr("Epoch %v / {end_epoch}").format(end_epoch=plan.end_epoch))  # %m counts steps: 1 for epoch 7 of 7 continued
        self.batch_bar.setFormat(self.tr("Batch %v / %m"))
        self.epoch_bar.setRange(plan.first_epoch, plan.end_epoch)
        self.epoch_bar.setValue(plan.first_epoch)
        self.batch_bar.setRange(0, plan.total_batches)
        self.batch_bar.setValue(0)
        self.result_label.clear()
        self.outcome_label.hide()
        self.switch_button.hide()

    def show_batch(self, epoch: int, done: int, total: int) -> None:
        self.epoch_bar.setValue(epoch)
        self.batch_bar.setMaximum(total)
        self.batch_bar.setValue(done)

    def epochs_done(self) -> float:
        """Epochs of the run's bars done, the current one in part."""
        return self.epoch_bar.value() + self.batch_bar.value() / max(1, self.batch_bar.maximum())

    def show_times(self, elapsed: float, eta: float | None) -> None:
        self.time_label.setText(self.tr("Elapsed {v0} · ETA {v1}").format(v0=format_duration(elapsed), v1=format_duration(eta)))

    def show_outcome(self, text: str, switch_text: str) -> None:
        self.switch_button.setText(switch_text)
        self.outcome_label.setText(text)
        self.outcome_label.show()
        self.switch_button.show()
