"""core.train_process: a run in a child process, its messages, its models, its stop and its death."""

import sys
import threading
from dataclasses import replace

import numpy as np
import pytest

from mnist_gui.core import train_process
from mnist_gui.core.models import preset
from mnist_gui.core.training import TrainingError


@pytest.fixture(scope="module")
def small(mnist):
    """2,000 training and 1,000 test images: a child gets them fast and trains an MLP in a second."""
    return replace(mnist, x_train=mnist.x_train[:2000], y_train=mnist.y_train[:2000],
                   x_test=mnist.x_test[:1000], y_test=mnist.y_test[:1000])


def test_a_model_crosses_with_its_weights_and_optimizer_state(trained_mlp_model, mnist):
    from mnist_gui.core import trainers

    payload = train_process.model_payload(trained_mlp_model)
    copy = train_process.model_from_payload(payload)
    x = mnist.x_test[:50].astype(np.float32)
    np.testing.assert_array_equal(copy.predict(x, verbose=0), trained_mlp_model.predict(x, verbose=0))
    state, copied = trainers._optimizer_variables(trained_mlp_model), trainers._optimizer_variables(copy)
    assert int(copy.optimizer.iterations.numpy()) == int(trained_mlp_model.optimizer.iterations.numpy()) > 0
    assert len(state) == len(copied)
    for a, b in zip(state, copied):
        np.testing.assert_array_equal(np.array(a), np.array(b))


def test_a_payload_that_does_not_fit_its_architecture_is_refused(trained_mlp_model):
    payload = train_process.model_payload(trained_mlp_model)
    payload["variables"] = payload["variables"][:-1]
    with pytest.raises(train_process.TrainingProcessError, match="differ"):
        train_process.model_from_payload(payload)


def test_a_run_in_the_child_reports_each_epoch_and_continues_a_model_with_its_optimizer(small):
    events, settings = [], []
    child = train_process.TrainingChild()

    def on_batch(epoch, done, total, logs):
        if not settings:  # a change asked for during the run comes back once applied
            settings.append("asked")
            child.change(learning_rate=0.02)
        events.append(("batch", epoch))

    outcome = child.run(small, dict(config=preset("mlp", epochs=2, batch_size=64)), None,
                        on_model=lambda arch: events.append(("model", arch["class_name"])),
                        on_batch=on_batch, on_epoch=lambda e, logs, w: events.append(("epoch", e, logs, len(w))),
                        on_health=lambda e, stats: events.append(("health", e, stats["epoch"])),
                        on_setting=lambda change: settings.append(change))
    kinds = [e[0] for e in events]
    assert kinds[0] == "model" and events[0][1] in ("Sequential", "Functional")
    epochs = [e for e in events if e[0] == "epoch"]
    assert [e[1] for e in epochs] == [0, 1]
    assert [e[2] for e in events if e[0] == "health"] == [1, 2]
    assert kinds.index("health") < kinds.index("epoch")  # an epoch's health comes before its results
    assert [change["learning_rate"] for change in settings[1:]] == [0.02]
    assert outcome.metadata["changes"] == settings[1:]
    assert epochs[-1][3] == len(outcome.model.get_weights())
    # The model that came back is the one the child validated last.
    from mnist_gui.core.training import evaluate

    _, accuracy = evaluate(outcome.model, small.x_test, small.y_test)
    assert accuracy == pytest.approx(outcome.metadata["test_accuracy"], abs=1e-6)  # the same test images
    assert accuracy > 0.7  # and training images that arrived whole (raw bytes, not a pickle; garbage: ~0.1)
    assert outcome.metadata["epochs_run"] == 2 and not outcome.stopped
    steps = int(outcome.model.optimizer.iterations.numpy())
    assert steps == 2 * 32  # 2,000 images in batches of 64: 32 an epoch, the last one short

    more = train_process.TrainingChild().run(small, dict(config=preset("mlp", epochs=1, batch_size=64),
                                                         prior=outcome.metadata), outcome.model)
    assert more.metadata["epochs_run"] == 3
    assert int(more.model.optimizer.iterations.numpy()) == steps + 32  # the optimizer went on


def test_what_the_run_refuses_comes_back_as_one_line(small):
    with pytest.raises(TrainingError, match="epochs: must be from 1 to 10000"):
        train_process.TrainingChild().run(small, dict(config=preset("mlp"), epochs=0), None)


def test_stop_ends_the_run_with_the_weights_it_reached(small, monkeypatch):
    made, original = [], train_process.from_config

    def from_config(config):  # what the parent makes: the model made ahead, with its first weights
        made_object = original(config)
        if hasattr(made_object, "layers"):  # not the optimizer
            made.append((made_object, threading.current_thread().name, [w.copy() for w in made_object.get_weights()]))
        return made_object

    monkeypatch.setattr(train_process, "from_config", from_config)
    child = train_process.TrainingChild()
    outcome = child.run(small, dict(config=preset("mlp", epochs=50, batch_size=32)), None,
                        on_batch=lambda *a: child.stop())
    assert outcome.stopped and outcome.model is not None
    assert outcome.result.epochs_run < 50
    assert child.wait_ended(10) == 0  # the child exits once it has reported
    # The result was loaded into the model made while the child wound down after the Stop
    (shell, thread, first_weights), = made
    assert thread.startswith("result model") and outcome.model is shell and outcome.model.compiled
    assert 0 < int(outcome.model.optimizer.iterations.numpy()) < 50 * 63
    assert not all(np.array_equal(a, b) for a, b in zip(outcome.model.get_weights(), first_weights))
    # The child object, which its runner may keep, does not keep the model alive after the run
    import gc
    import weakref

    result = weakref.ref(outcome.model)
    del outcome, shell, made[:]
    gc.collect()
    assert result() is None


def test_a_result_is_loaded_into_a_model_made_ahead_only_when_it_is_of_that_architecture(trained_mlp_model):
    from concurrent.futures import Future
    from types import SimpleNamespace

    import keras

    payload = train_process.model_payload(trained_mlp_model)

    def result(architecture, payload):
        future = Future()
        future.set_result(train_process.from_config(architecture))
        child = SimpleNamespace(_result_shell=future, _architecture=architecture)
        return train_process.TrainingChild._result_model(child, payload), future.result()

    same, shell = result(keras.saving.serialize_keras_object(keras.models.clone_model(trained_mlp_model)), payload)
    assert same is shell
    x = np.zeros((2, 28, 28), np.float32)
    np.testing.assert_array_equal(same.predict(x, verbose=0), trained_mlp_model.predict(x, verbose=0))
    other = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")])
    model, shell = result(keras.saving.serialize_keras_object(other), payload)
    assert model is not shell and len(model.layers) == len(trained_mlp_model.layers)
    no_optimizer = {k: v for k, v in payload.items() if not k.startswith("optimizer")}
    arch = keras.saving.serialize_keras_object(keras.models.clone_model(trained_mlp_model))
    model, shell = result(arch, no_optimizer)
    assert model is not shell


def test_a_stop_that_comes_before_the_run_ends_it_at_its_first_step(small):
    child = train_process.TrainingChild()
    child.stop()  # pressed while the child was still starting
    outcome = child.run(small, dict(config=preset("mlp", epochs=50)), None)
    assert outcome.stopped and outcome.result.epochs_run == 0


def test_a_run_cancelled_before_it_began_ends_at_once_with_nothing_trained(small):
    import threading
    import time

    child = train_process.TrainingChild()  # still importing TensorFlow for seconds
    outcomes = []
    follower = threading.Thread(target=lambda: outcomes.append(
        child.run(small, dict(config=preset("mlp", epochs=50)), None)))
    follower.start()
    pressed = time.monotonic()
    assert child.cancel()
    follower.join(30)
    assert time.monotonic() - pressed < 1.0  # not the seconds the import would take
    outcome = outcomes[0]
    assert outcome.model is None and outcome.stopped and not outcome.diverged
    assert outcome.result.epochs_run == 0 and outcome.history == {}
    assert child.wait_ended(10) == -9


def test_a_run_cancelled_before_its_first_step_ended_ends_at_once_with_nothing_trained(small):
    import time

    child = train_process.TrainingChild()
    pressed = []

    def on_model(_config):  # the model is built; its first step has not ended
        pressed.append(time.monotonic())
        assert child.cancel()

    outcome = child.run(small, dict(config=preset("cnn", epochs=50)), None, on_model=on_model)
    assert time.monotonic() - pressed[0] < 1.0  # not the first step's tracing and compiling
    assert outcome.model is None and outcome.stopped and outcome.result.epochs_run == 0
    assert child.wait_ended(10) == -9


def test_a_run_that_has_begun_is_not_cancelled_but_stopped(small):
    child = train_process.TrainingChild()
    answers = []

    def on_batch(*_):
        if not answers:
            answers.append(child.cancel())
            child.stop()

    outcome = child.run(small, dict(config=preset("mlp", epochs=50)), None, on_batch=on_batch)
    assert answers == [False]
    assert outcome.stopped and outcome.model is not None  # the weights it reached


def test_a_child_that_dies_mid_run_is_reported_and_the_caller_goes_on(small):
    child = train_process.TrainingChild()
    with pytest.raises(train_process.TrainingProcessError, match="SIGKILL"):
        child.run(small, dict(config=preset("mlp", epochs=50)), None, on_batch=lambda *a: child.kill())
    assert child.wait_ended(10) == -9


def test_an_idle_child_ends_when_closed_even_while_it_is_given_the_data(small):
    child = train_process.TrainingChild()
    child.give_data(small)  # still importing TensorFlow: the data waits in the pipe
    child.close()
    assert child.wait_ended(30) is not None
    child._sender.join(30)
    assert not child._sender.is_alive()
    child.stop()  # harmless once closed


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_child_is_ready_once_tensorflow_is_loaded_in_it():
    import time

    child = train_process.TrainingChild()
    deadline = time.monotonic() + 60
    while not child.is_ready() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert child.is_ready()
    with open(f"/proc/{child.process.pid}/maps") as maps:
        assert "libtensorflow" in maps.read()  # Train then waits for no import
    child.close()


def test_a_model_that_cannot_cross_ends_the_child_it_was_for(small):
    class NoModel:
        variables = ()

    child = train_process.TrainingChild()
    with pytest.raises(Exception):
        child.run(small, dict(config=preset("mlp")), NoModel())
    assert child.wait_ended(30) is not None


def test_a_run_in_the_child_leaves_no_files_in_the_temp_folder(small, tmp_path, monkeypatch):
    """The child ends with os._exit, so nothing registered with atexit runs there: a run must not
    leave files that only such a hook would remove (autograph's generated sources did, two a run)."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the child's temp folder (it starts after this)
    outcome = train_process.TrainingChild().run(small, dict(config=preset("cnn", epochs=1)), None)
    assert outcome.metadata["epochs_run"] == 1
    assert outcome.metadata["calibration"]["applied"]  # smoothed labels, then the temperature, in the child
    assert sorted(p.name for p in tmp_path.iterdir()) == []
