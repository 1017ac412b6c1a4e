"""core.run: the one training run of the CLI and the app: continuing a model, divergence, metadata."""

import threading

import numpy as np
import pytest

from mnist_gui.core import run, storage, training
from mnist_gui.core.data import MnistData
from mnist_gui.core.models import preset


@pytest.fixture(scope="module")
def small(mnist):
    """3,000 training and 1,000 test images of real MNIST."""
    return MnistData(mnist.x_train[:3000], mnist.y_train[:3000], mnist.x_test[:1000], mnist.y_test[:1000],
                     source=mnist.source, location=mnist.location, verified=False)


def test_new_run_returns_model_history_and_metadata(small):
    outcome = run.train(preset("mlp", epochs=2, batch_size=64), small)
    assert outcome.epochs_total == 2 and not outcome.stopped and not outcome.diverged
    meta = outcome.metadata
    assert meta["preset"] == "mlp" and meta["epochs_run"] == 2 and meta["train_size"] == 3000
    assert meta["config"]["batch_size"] == 64 and len(meta["history"]["val_accuracy"]) == 2
    assert meta["test_accuracy"] == pytest.approx(outcome.history["val_accuracy"][-1])
    assert 0.7 < meta["test_accuracy"] <= 1 and meta["stopped"] is False


def test_a_cnn_trained_on_smoothed_targets_gets_its_confidence_back(small):
    """The CNN preset trains on smoothed targets (sooner to 99.4%) and hands out a model whose last
    layer holds a temperature fitted on training images: the same answers, surer where right."""
    from mnist_gui.core.calibration import fold_temperature, nll

    outcome = run.train(preset("cnn", epochs=1), small)
    meta = outcome.metadata
    assert meta["label_smoothing"] == 0.1
    calibration = meta["calibration"]
    assert calibration["applied"] and 0.25 < calibration["temperature_fitted"] < 1  # sharper
    model = outcome.model
    after = training.predict_probabilities(model, small.x_test)
    fold_temperature(model, 1 / calibration["temperature_fitted"])  # as training left it
    before = training.predict_probabilities(model, small.x_test)
    assert (after.argmax(1) == before.argmax(1)).all()
    assert after.max(1).mean() > before.max(1).mean() + 0.02
    # better on test images it never saw fitted (nll: of the probabilities as they are, T = 1)
    assert nll(after, small.y_test, 1.0) < nll(before, small.y_test, 1.0)
    assert "calibration" not in run.train(preset("mlp", epochs=1), small).metadata  # one-hot targets: none
    # Train more goes on as the model was trained; a model trained on one-hot targets stays so.
    more = run.train(preset("cnn", epochs=1), small, model=model, prior=meta)
    assert more.metadata["label_smoothing"] == 0.1 and more.metadata["calibration"]["applied"]
    other = run.train(preset("cnn", epochs=1), small, model=more.model, prior={"epochs_run": 2})
    assert "label_smoothing" not in other.metadata and "calibration" not in other.metadata


def test_train_more_continues_weights_optimizer_state_and_epochs(small, tmp_path):
    """Continued from its file: epochs count on, the optimizer's state (Adam's moments and step
    count) is the one saved, not a fresh one."""
    config = preset("mlp", epochs=1, batch_size=64)
    first = run.train(config, small)
    path = storage.save_model(first.model, tmp_path / "m.keras", first.metadata)
    loaded, meta = storage.load_model(path), storage.read_metadata(path)
    steps = int(loaded.optimizer.iterations.numpy())
    moments = [np.asarray(v).copy() for v in loaded.optimizer.variables if "momentum" in v.path]
    assert steps == 47 and moments and all(np.any(m != 0) for m in moments)

    seen_moments = []
    more = run.train(config, small, model=loaded, prior=meta, epochs=2,
                     on_model=lambda m: seen_moments.extend(
                         np.asarray(v).copy() for v in m.optimizer.variables if "momentum" in v.path))
    assert more.first_epoch == 1 and more.epochs_total == 3
    assert int(more.model.optimizer.iterations.numpy()) == steps + 2 * 47
    for a, b in zip(seen_moments, moments):  # the state training went on from is the saved one
        np.testing.assert_array_equal(a, b)
    assert more.metadata["epochs_run"] == 3 and len(more.metadata["history"]["loss"]) == 3
    assert more.metadata["history"]["loss"][0] == pytest.approx(meta["history"]["loss"][0])
    assert more.metadata["train_seconds"] >= meta["train_seconds"]


def test_a_foreign_model_trains_more_with_the_forms_optimizer(small):
    import keras

    inputs = keras.Input((28, 28))
    x = keras.layers.Rescaling(1 / 255)(keras.layers.Flatten()(inputs))
    model = keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(keras.layers.Dense(32, "relu")(x)))
    outcome = run.train(preset("mlp", optimizer="sgd", learning_rate=0.1, epochs=1), small, model=model,
                        keep_optimizer=False)
    assert type(model.optimizer).__name__ == "SGD" and outcome.history["val_accuracy"][-1] > 0.5


def test_divergence_keeps_the_last_good_epoch(small):
    """A step that makes the loss non-finite: the weights of the last finished epoch are kept."""
    holder, good = {}, {}

    class Poison(training.Progress):
        def on_batch(self, epoch, done, total, logs):
            if epoch == 1 and done == 3:  # a step of the second epoch goes wrong
                model = holder["model"]
                model.set_weights([np.full_like(w, np.nan) for w in model.get_weights()])

        def on_epoch(self, epoch, logs, weights):
            good[epoch] = [w.copy() for w in weights]

    outcome = run.train(preset("mlp", epochs=3), small, progress=Poison(), fast=False,
                        on_model=lambda m: holder.__setitem__("model", m))
    assert outcome.diverged and outcome.kept_epoch == 1 and outcome.epochs_total == 1
    for kept, expected in zip(outcome.model.get_weights(), good[0]):
        np.testing.assert_array_equal(kept, expected)
    assert outcome.metadata["epochs_run"] == 1
    assert np.isfinite(training.Predictor(outcome.model)(small.x_test[:10])).all()


def test_divergence_in_the_first_epoch_leaves_no_model(small):
    outcome = run.train(preset("mlp", hidden=(512, 512, 512), optimizer="sgd", learning_rate=10.0, epochs=2), small)
    assert outcome.diverged and outcome.model is None


def test_a_stopped_run_does_not_claim_an_accuracy_for_weights_no_validation_saw(small):
    stop = threading.Event()
    progress = training.callback_progress(lambda e, d, t, logs: e == 1 and d >= 8 and stop.set())
    outcome = run.train(preset("mlp", epochs=3, batch_size=32), small, progress=progress, stop_event=stop)
    assert outcome.stopped and outcome.epochs_total == 1
    assert outcome.metadata["test_accuracy"] is None and outcome.metadata["stopped"] is True


@pytest.mark.parametrize("fast", [True, False])
def test_a_stop_can_keep_the_last_finished_epoch(small, fast):
    """The CLI's Ctrl-C: the weights and optimizer state of the last finished epoch, as validated."""
    stop, good = threading.Event(), {}

    class StopInSecondEpoch(training.Progress):
        def on_batch(self, epoch, done, total, logs):
            if epoch == 1 and done >= 8:
                stop.set()

        def on_epoch(self, epoch, logs, weights):
            good[epoch] = [w.copy() for w in weights]

    outcome = run.train(preset("mlp", epochs=3, batch_size=32), small, progress=StopInSecondEpoch(), stop_event=stop,
                        stop_keeps_last_epoch=True, fast=fast)
    assert outcome.stopped and outcome.kept_epoch == 1 and outcome.epochs_total == 1
    for kept, expected in zip(outcome.model.get_weights(), good[0]):
        np.testing.assert_array_equal(kept, expected)
    assert int(outcome.model.optimizer.iterations.numpy()) == 94  # one epoch of 3,000 images at 32
    meta = outcome.metadata
    assert meta["epochs_run"] == 1 and meta["stopped"] is True and len(meta["history"]["loss"]) == 1
    _, accuracy = training.evaluate(outcome.model, small.x_test, small.y_test)
    assert meta["test_accuracy"] == pytest.approx(accuracy, abs=1e-6) == pytest.approx(
        outcome.history["val_accuracy"][0], abs=1e-6)

    stop.clear()
    first_epoch = StopInSecondEpoch()
    first_epoch.on_batch = lambda epoch, done, total, logs: stop.set()
    assert run.train(preset("mlp", epochs=2), small, progress=first_epoch, stop_event=stop,
                     stop_keeps_last_epoch=True).model is None  # nothing finished: nothing to keep


def test_schedules():
    cosine = preset("mlp", schedule="cosine", learning_rate=0.1, epochs=10)
    assert cosine.lr_at_epoch(0) == pytest.approx(0.1) and cosine.lr_at_epoch(5) == pytest.approx(0.05)
    assert cosine.lr_at_epoch(12, first_epoch=10, epochs_in_run=4) == pytest.approx(0.05)  # warm restart
    step = preset("cnn")
    assert step.lr_at_epoch(2) == pytest.approx(step.learning_rate * step.lr_decay ** 2)
    assert preset("seed").lr_at_epoch(30) == 0.03
