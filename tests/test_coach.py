"""The training coach's rules on scripted histories: each rule fires on the history that shows its
problem (with the numbers as evidence and its fix), and stays quiet on a healthy run."""

import math

from mnist_gui.core import coach
from mnist_gui.core.coach import RunState, advise
from mnist_gui.core.models import PRESETS

MLP = RunState(learning_rate=0.001, optimizer="adam", preset="mlp", planned_epochs=10,
               editable=PRESETS["mlp"].editable)
SEED = RunState(learning_rate=0.03, optimizer="sgd", preset="seed", planned_epochs=50,
                editable=PRESETS["seed"].editable)
HEALTHY = {"loss": [0.40, 0.20, 0.14, 0.10], "accuracy": [0.88, 0.94, 0.96, 0.97],
           "val_loss": [0.25, 0.16, 0.12, 0.10], "val_accuracy": [0.93, 0.95, 0.962, 0.968]}


def kinds(hints):
    return [h.kind for h in hints]


def only(hints, kind):
    found = [h for h in hints if h.kind == kind]
    assert len(found) == 1, kinds(hints)
    return found[0]


def test_a_healthy_run_gets_no_hint_while_it_runs():
    assert advise(HEALTHY, MLP) == []


def test_nan_loss_is_a_rate_too_high_with_a_lower_rate_as_fix():
    hint = only(advise({"loss": [0.5, math.nan]}, MLP), "lr_too_high")
    assert hint.evidence["reason"] == "nan" and hint.severity == 2
    assert hint.fix == coach.LOWER_LR and hint.fix_value == 0.00033
    assert only(advise({}, RunState(diverged=True, editable=MLP.editable)), "lr_too_high").fix == coach.LOWER_LR


def test_rising_loss_is_a_rate_too_high():
    history = {"loss": [0.5, 0.45, 0.52, 0.61], "accuracy": [0.8, 0.85, 0.83, 0.8]}
    hint = only(advise(history, MLP), "lr_too_high")
    assert hint.evidence == {"reason": "rising", "learning_rate": 0.001, "from": 0.45, "to": 0.61, "epochs": 2}


def test_oscillating_loss_is_a_rate_too_high():
    history = {"loss": [0.5, 0.3, 0.45, 0.28, 0.44, 0.27], "accuracy": [0.9] * 6}
    hint = only(advise(history, MLP), "lr_too_high")
    assert hint.evidence["reason"] == "oscillating" and hint.evidence["turns"] == 3


def test_batch_losses_rising_within_the_first_epoch():
    hint = only(advise({}, MLP.__class__(**{**MLP.__dict__, "learning_rate": 0.05}),
                       batch_losses=[2.3, 1.9, 1.7, 1.8, 2.6, 3.0, 3.5, 4.0]), "lr_too_high")
    assert hint.evidence["reason"] == "rising_batches" and hint.evidence["to"] > hint.evidence["from"]


def test_chance_accuracy_at_a_big_rate_is_too_high_and_the_seed_dnn_is_offered_the_cnn():
    state = RunState(learning_rate=5.0, optimizer="sgd", preset="seed", editable=PRESETS["seed"].editable)
    hint = only(advise({"loss": [2.31], "accuracy": [0.11]}, state), "lr_too_high")
    assert hint.evidence["reason"] == "chance" and hint.fix == coach.SWITCH_CNN  # the Seed DNN's rate is fixed


def test_slow_progress_is_a_rate_too_low():
    history = {"loss": [2.20, 2.19, 2.185], "accuracy": [0.3, 0.31, 0.32]}
    hint = only(advise(history, MLP.__class__(**{**MLP.__dict__, "learning_rate": 1e-5})), "lr_too_low")
    assert hint.fix == coach.RAISE_LR and hint.fix_value == 3e-5 and hint.evidence["fall"] < coach.SLOW_PROGRESS


def test_growing_gap_is_overfitting_and_dropout_the_fix():
    history = {"loss": [0.3, 0.1, 0.05, 0.02, 0.01], "accuracy": [0.91, 0.97, 0.985, 0.995, 0.999],
               "val_loss": [0.15, 0.09, 0.10, 0.12, 0.14], "val_accuracy": [0.95, 0.972, 0.973, 0.972, 0.971]}
    hint = only(advise(history, MLP), "overfitting")
    assert hint.evidence["best_epoch"] == 2 and hint.evidence["gap"] > hint.evidence["gap_at_best"]
    assert (hint.fix, hint.fix_value) == (coach.ADD_DROPOUT, 0.2)
    seed_hint = only(advise(history, SEED), "overfitting")  # no dropout on the notebook's model: augmentation
    assert seed_hint.fix == coach.AUGMENT


def test_stalled_low_accuracy_is_underfitting():
    history = {"loss": [0.6, 0.5, 0.48], "accuracy": [0.85, 0.88, 0.885],
               "val_loss": [0.5, 0.45, 0.44], "val_accuracy": [0.87, 0.889, 0.890]}
    hint = only(advise(history, SEED), "underfitting")
    assert hint.fix == coach.SWITCH_CNN and hint.evidence["accuracy"] == 0.885
    cnn = RunState(**{**SEED.__dict__, "preset": "cnn"})
    assert only(advise(history, cnn), "underfitting").fix == coach.TRAIN_MORE
    kept_previous = RunState(**{**cnn.__dict__, "model_in_use": False})
    assert only(advise(history, kept_previous), "underfitting").fix is None
    assert only(advise(history, kept_previous), "underfitting").evidence["previous_model_in_use"] is True


def test_saturated_sigmoids_and_dead_relus_from_the_health_stats():
    health = {"epoch": 2, "layers": [
        {"name": "dense", "units": 200, "activation": "sigmoid", "saturated": 0.7, "dead": None},
        {"name": "dense_1", "units": 100, "activation": "relu", "saturated": None, "dead": 0.65},
        {"name": "dense_2", "units": 10, "activation": "softmax", "saturated": None, "dead": None}]}
    hints = advise(HEALTHY, MLP, health)
    saturated, dead = only(hints, "saturated"), only(hints, "dead_relu")
    assert saturated.evidence["layer"] == "dense" and saturated.evidence["share"] == 0.7
    assert dead.evidence == {"layer": "dense_1", "share": 0.65, "units": 100, "epoch": 2}
    assert dead.severity == 2 and dead.fix == coach.LOWER_LR
    assert hints[0].kind == "dead_relu"  # the most serious first
    quiet = {"layers": [{"name": "d", "units": 5, "activation": "relu", "dead": 0.1, "saturated": None}]}
    assert advise(HEALTHY, MLP, quiet) == []


def test_still_improving_at_the_end_is_too_few_epochs():
    finished = RunState(**{**MLP.__dict__, "running": False, "planned_epochs": 4})
    hint = only(advise(HEALTHY, finished), "too_few_epochs")
    assert hint.fix == coach.TRAIN_MORE and round(hint.evidence["gain"], 3) == 0.006
    flat = {**HEALTHY, "val_accuracy": [0.93, 0.95, 0.968, 0.968]}
    assert "too_few_epochs" not in kinds(advise(flat, finished))


def test_a_run_stopped_before_its_planned_end():
    stopped = RunState(**{**MLP.__dict__, "running": False, "stopped": True, "planned_epochs": 10})
    hint = only(advise(HEALTHY, stopped), "stopped_early")
    assert hint.evidence["epochs"] == 4 and hint.evidence["planned"] == 10 and hint.fix == coach.TRAIN_MORE
    assert "too_few_epochs" not in kinds(advise(HEALTHY, stopped))
    assert "stopped_early" not in kinds(advise({}, stopped))  # before any epoch ended
    kept_previous = RunState(**{**stopped.__dict__, "model_in_use": False})
    assert only(advise(HEALTHY, kept_previous), "stopped_early").fix is None  # Train more would go on from it


def test_the_session_rule_for_changes_while_training():
    import pytest

    from mnist_gui.core.models import preset
    from mnist_gui.session import RunRequest, Session, SessionError, TrainingPlan

    session = Session()
    with pytest.raises(SessionError, match="No training"):
        session.live_change(learning_rate=0.01)

    def running(config):
        session.run = RunRequest(TrainingPlan(config, 2000, 10000, 3, 32))

    running(preset("mlp"))
    assert session.live_change(learning_rate="0.01") == {"learning_rate": 0.01}
    with pytest.raises(SessionError, match="learning rate"):
        session.live_change(learning_rate=50)
    with pytest.raises(SessionError, match="Augmentation"):
        session.live_change(augment=True)  # a dense run without it: compiled chunks
    running(preset("mlp", augment=True))
    assert session.live_change(augment=False, learning_rate=0.002) == {"augment": False, "learning_rate": 0.002}
    running(preset("cnn", augment=False))
    assert session.live_change(augment=True) == {"augment": True}
    running(preset("seed", augment=True))
    with pytest.raises(SessionError, match="cannot change"):
        session.live_change(learning_rate=0.01)  # the notebook's rate
    assert session.live_change(augment=False) == {"augment": False}
    with pytest.raises(SessionError, match="Nothing"):
        session.live_change()


def test_a_first_layer_gradient_far_below_the_last_is_vanishing():
    def layer(name, grad):
        return {"name": name, "units": 10, "activation": "sigmoid", "grad_rms": grad, "dead": None, "saturated": 0.0}

    # The Seed DNN after 2 epochs on 20,000 images (measured): 4e-5 in its first layer, 0.013 in its last.
    health = {"epoch": 2, "layers": [layer("dense", 4e-5), layer("dense_1", 1e-4), layer("dense_4", 0.013)]}
    hint = only(advise(HEALTHY, SEED, health), "vanishing")
    assert hint.evidence["first"] == "dense" and hint.evidence["ratio"] < coach.VANISHING
    assert hint.fix == coach.SWITCH_CNN
    health["layers"][0]["grad_rms"] = 0.002
    assert "vanishing" not in kinds(advise(HEALTHY, SEED, health))
