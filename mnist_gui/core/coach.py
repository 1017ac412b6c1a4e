"""The training coach (no Qt): rules that read a run's history (loss, accuracy, val_loss,
val_accuracy per epoch, and the current epoch's batch losses if known) and the network's health
(``core.health``) and say what looks wrong, with the numbers that show it and one fix.

``advise`` returns ``Hint``s as data: a kind, its evidence (numbers) and a fix. The UI words them
(translated) and carries the fix out with its own form and service calls. Cheap: a few comparisons
over lists of at most a few hundred numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# The fixes the Training tab knows how to apply.
LOWER_LR, RAISE_LR, ADD_DROPOUT, AUGMENT, TRAIN_MORE, SWITCH_CNN = (
    "lower_lr", "raise_lr", "add_dropout", "augment", "train_more", "switch_cnn")

# Thresholds, named so that tests and the README can quote them.
RISING = 0.02            # loss up by more than 2% over two epochs: rising
OSCILLATING_TURNS = 3    # direction changes of the loss among its last five epochs
OSCILLATING_SIZE = 0.05  # ...each a move of more than 5% of the loss
CHANCE_ACCURACY = 0.2    # at most this after an epoch: the network learned next to nothing
SLOW_PROGRESS = 0.01     # loss falling by less than 1% an epoch while accuracy is below...
SLOW_ACCURACY = 0.9
OVERFIT_GAP = 0.01       # train − validation accuracy above this while val_loss rises
UNDERFIT_ACCURACY = 0.97  # training accuracy below this, with no gap to validation, progress stalled
STALLED = 0.003          # validation accuracy up by less than 0.3 points in the last epoch
STILL_IMPROVING = 0.001  # validation accuracy up by more than 0.1 points in the last epoch
DEAD_SHARE = 0.3         # of a ReLU layer's units dead
SATURATED_SHARE = 0.5    # of a sigmoid/tanh layer's units saturated
VANISHING = 0.01         # the first layer's gradient below this share of the last layer's
LOWER_BY = 3.0           # the fixes' factor on the learning rate
# Rates above these make the app's networks overshoot (SGD on MNIST trains at 0.01-0.1, Adam at 1e-3).
HIGH_RATE = {"sgd": 0.5, "adam": 0.01}
LOW_RATE = {"sgd": 0.003, "adam": 1e-4}


@dataclass(frozen=True)
class Hint:
    kind: str                       # "lr_too_high", "lr_too_low", "overfitting", ...
    evidence: dict                  # the numbers that show it (see each rule)
    fix: str | None = None          # one of the fixes above
    fix_value: float | None = None  # e.g. the learning rate LOWER_LR sets
    severity: int = 1               # 2: the run is failing; 1: it could do better


@dataclass(frozen=True)
class RunState:
    """What the coach knows of the run besides its history."""

    learning_rate: float = 0.03
    optimizer: str = "sgd"
    preset: str = "seed"
    dropout: float = 0.0
    augment: bool = False
    planned_epochs: int = 0         # the epoch (over the model's whole training) the run ends at
    running: bool = True
    stopped: bool = False           # stopped by the user before planned_epochs
    diverged: bool = False          # the loss became NaN or infinite
    model_in_use: bool = True       # the run's model is the current one (not the one from before it)
    editable: frozenset = field(default_factory=frozenset)  # what the preset lets the user change


def _finite(values) -> list[float]:
    return [float(v) for v in values if v is not None]


def _lr_fix(state: RunState, factor: float) -> tuple[str | None, float | None]:
    kind = LOWER_LR if factor < 1 else RAISE_LR
    if "learning_rate" not in state.editable:
        return (SWITCH_CNN if state.preset != "cnn" else None), None
    return kind, float(f"{state.learning_rate * factor:.2g}")


def advise(history: dict, state: RunState, health: dict | None = None, batch_losses=()) -> list[Hint]:
    """Every hint the rules find, the most serious first."""
    hints = []
    for rule in (_too_high, _too_low, _overfitting, _underfitting, _saturated, _dead, _vanishing, _too_few,
                 _stopped_early):
        hint = rule(history, state, health, list(batch_losses))
        if hint is not None:
            hints.append(hint)
    if any(h.kind == "lr_too_high" for h in hints):  # one diagnosis of the rate, not two
        hints = [h for h in hints if h.kind != "lr_too_low"]
    return sorted(hints, key=lambda h: -h.severity)


def _too_high(history, state, health, batches) -> Hint | None:
    loss = _finite(history.get("loss", []))
    acc = _finite(history.get("accuracy", []))
    fix, value = _lr_fix(state, 1 / LOWER_BY)
    bad = [v for v in loss + batches if not math.isfinite(v)]
    if state.diverged or bad:
        return Hint("lr_too_high", {"reason": "nan", "learning_rate": state.learning_rate}, fix, value, 2)
    if len(loss) >= 3 and loss[-1] > loss[-3] * (1 + RISING) and loss[-1] > loss[-2]:
        return Hint("lr_too_high", {"reason": "rising", "learning_rate": state.learning_rate,
                                    "from": loss[-3], "to": loss[-1], "epochs": 2}, fix, value, 2)
    recent = loss[-5:]
    moves = [b - a for a, b in zip(recent, recent[1:])]
    turns = sum(1 for m, n in zip(moves, moves[1:]) if m * n < 0
                and min(abs(m), abs(n)) > OSCILLATING_SIZE * min(recent))
    if turns >= OSCILLATING_TURNS:
        return Hint("lr_too_high", {"reason": "oscillating", "learning_rate": state.learning_rate,
                                    "turns": turns, "epochs": len(recent)}, fix, value, 1)
    if len(batches) >= 8:  # within the epoch: its second half's loss well above its first's
        half = len(batches) // 2
        first, second = sum(batches[:half]) / half, sum(batches[half:]) / (len(batches) - half)
        if second > first * 1.25 and state.learning_rate >= HIGH_RATE.get(state.optimizer, 0.5) / 10:
            return Hint("lr_too_high", {"reason": "rising_batches", "learning_rate": state.learning_rate,
                                        "from": first, "to": second}, fix, value, 2)
    if acc and acc[-1] <= CHANCE_ACCURACY and state.learning_rate >= HIGH_RATE.get(state.optimizer, 0.5):
        return Hint("lr_too_high", {"reason": "chance", "learning_rate": state.learning_rate,
                                    "accuracy": acc[-1], "epochs": len(acc)}, fix, value, 2)
    return None


def _too_low(history, state, health, batches) -> Hint | None:
    loss = _finite(history.get("loss", []))
    acc = _finite(history.get("accuracy", []))
    if len(loss) < 2 or not acc or acc[-1] >= SLOW_ACCURACY:
        return None
    fall = (loss[-2] - loss[-1]) / max(loss[-2], 1e-8)
    low = state.learning_rate <= LOW_RATE.get(state.optimizer, 0.003)
    if fall < SLOW_PROGRESS or (low and fall < 5 * SLOW_PROGRESS):
        fix, value = _lr_fix(state, LOWER_BY)
        return Hint("lr_too_low", {"learning_rate": state.learning_rate, "fall": fall, "accuracy": acc[-1]},
                    fix, value, 1)
    return None


def _overfitting(history, state, health, batches) -> Hint | None:
    val_loss = _finite(history.get("val_loss", []))
    acc, val_acc = _finite(history.get("accuracy", [])), _finite(history.get("val_accuracy", []))
    if len(val_loss) < 3 or not acc or not val_acc:
        return None
    best = min(range(len(val_loss)), key=val_loss.__getitem__)
    gap = acc[-1] - val_acc[-1]
    gaps = [a - v for a, v in zip(acc, val_acc)]
    if best <= len(val_loss) - 3 and val_loss[-1] > val_loss[best] * 1.02 and gap > OVERFIT_GAP \
            and gaps[-1] > gaps[best]:
        if "dropout" in state.editable and state.dropout < 0.5:
            fix, value = ADD_DROPOUT, round(min(0.5, state.dropout + 0.2), 2)
        elif "augment" in state.editable and not state.augment:
            fix, value = AUGMENT, None
        else:
            fix, value = SWITCH_CNN if state.preset != "cnn" else None, None
        return Hint("overfitting", {"best_epoch": best + 1, "best_val_loss": val_loss[best],
                                    "val_loss": val_loss[-1], "gap": gap, "gap_at_best": gaps[best]},
                    fix, value, 1)
    return None


def _underfitting(history, state, health, batches) -> Hint | None:
    acc, val_acc = _finite(history.get("accuracy", [])), _finite(history.get("val_accuracy", []))
    if len(acc) < 3 or len(val_acc) < 2 or acc[-1] >= UNDERFIT_ACCURACY or acc[-1] <= CHANCE_ACCURACY:
        return None
    if acc[-1] - val_acc[-1] <= OVERFIT_GAP and val_acc[-1] - val_acc[-2] < STALLED:
        evidence = {"accuracy": acc[-1], "val_accuracy": val_acc[-1], "gain": val_acc[-1] - val_acc[-2]}
        if state.preset != "cnn":
            return Hint("underfitting", evidence, SWITCH_CNN, None, 1)
        return _train_more("underfitting", evidence, state)
    return None


def _worst(health, key) -> dict | None:
    layers = [layer for layer in (health or {}).get("layers", []) if layer.get(key) is not None]
    return max(layers, key=lambda layer: layer[key]) if layers else None


def _saturated(history, state, health, batches) -> Hint | None:
    layer = _worst(health, "saturated")
    if layer is None or layer["saturated"] < SATURATED_SHARE:
        return None
    fix, value = _lr_fix(state, 1 / LOWER_BY)
    return Hint("saturated", {"layer": layer["name"], "share": layer["saturated"], "units": layer["units"],
                              "activation": layer["activation"], "epoch": health.get("epoch")}, fix, value, 1)


def _dead(history, state, health, batches) -> Hint | None:
    layer = _worst(health, "dead")
    if layer is None or layer["dead"] < DEAD_SHARE:
        return None
    fix, value = _lr_fix(state, 1 / LOWER_BY)
    return Hint("dead_relu", {"layer": layer["name"], "share": layer["dead"], "units": layer["units"],
                              "epoch": health.get("epoch")}, fix, value, 2 if layer["dead"] >= 0.6 else 1)


def _vanishing(history, state, health, batches) -> Hint | None:
    layers = [layer for layer in (health or {}).get("layers", []) if layer.get("grad_rms") is not None]
    if len(layers) < 3 or layers[-1]["grad_rms"] <= 0:
        return None
    ratio = layers[0]["grad_rms"] / layers[-1]["grad_rms"]
    if ratio >= VANISHING:
        return None
    return Hint("vanishing", {"first": layers[0]["name"], "last": layers[-1]["name"], "ratio": ratio,
                              "layers": len(layers), "epoch": health.get("epoch")},
                SWITCH_CNN if state.preset != "cnn" else None, None, 1)


def _improving(history) -> float | None:
    val_acc = _finite(history.get("val_accuracy", []))
    if len(val_acc) < 2:
        return None
    gain = val_acc[-1] - val_acc[-2]
    return gain if gain > STILL_IMPROVING else None


def _too_few(history, state, health, batches) -> Hint | None:
    if state.running or state.stopped or state.diverged:
        return None
    gain = _improving(history)
    if gain is None:
        return None
    return _train_more("too_few_epochs", {"gain": gain, "val_accuracy": _finite(history["val_accuracy"])[-1],
                                          "epochs": len(history["val_accuracy"])}, state)


def _stopped_early(history, state, health, batches) -> Hint | None:
    if state.running or not state.stopped or state.diverged:
        return None
    done = len(_finite(history.get("val_accuracy", [])))
    if done == 0 or (state.planned_epochs and done >= state.planned_epochs):
        return None  # no epoch ended: Train more would go on from the model from before the run
    return _train_more("stopped_early", {"epochs": done, "planned": state.planned_epochs,
                                         "gain": _improving(history) or 0.0}, state)


def _train_more(kind: str, evidence: dict, state: RunState) -> Hint:
    """A hint whose fix is Train more, which goes on from the current model: while the one from before
    the run is kept, no fix, and the evidence says ``previous_model_in_use`` (Use new model first)."""
    if state.model_in_use:
        return Hint(kind, evidence, TRAIN_MORE, None, 1)
    return Hint(kind, {**evidence, "previous_model_in_use": True}, None, None, 1)
