"""A float32 trainer computes the CNN's first convolution and pooling as one layer (core.fused):
the same function and the same training, in less time; nothing outside the trainer sees it."""

import numpy as np
import pytest

from mnist_gui.core import fused, health, run, trainers
from mnist_gui.core.data import MnistData
from mnist_gui.core.models import build_model, one_hot, preset


@pytest.fixture
def pool(monkeypatch):
    fresh = trainers.TrainerPool()
    monkeypatch.setattr(trainers, "POOL", fresh)
    monkeypatch.setenv("MNIST_GUI_BFLOAT16", "0")  # the float32 path on any CPU
    return fresh


@pytest.fixture(scope="module")
def digits(mnist):
    return mnist.x_train[:256].astype(np.float32), mnist.y_train[:256]


def fused_blocks(model) -> int:
    """How many layers of ``model`` a fused twin replaces."""
    swap = fused.stand_ins(model)
    return 0 if swap is None else sum(swap(layer) is not None for layer in model.layers)


def _names(model):
    return [type(layer).__name__ for layer in model.layers]


def twin_computing_by(model, method):
    return trainers.blank_copy(model, swap=fused.stand_ins(model, method))


@pytest.mark.parametrize("method", fused.METHODS)
def test_the_twin_computes_what_the_model_computes(digits, method):
    x, _ = digits
    model = build_model(preset("cnn"))
    twin = twin_computing_by(model, method)
    trainers.copy_state(model, twin)
    assert _names(twin)[3:5] == ["PooledConv2D", "Pooled"] and _names(model)[3:5] == ["Conv2D", "MaxPooling2D"]
    assert [v.shape for v in twin.variables] == [v.shape for v in model.variables]
    np.testing.assert_allclose(np.asarray(twin(x, training=False)), np.asarray(model(x, training=False)),
                               rtol=0, atol=1e-6)
    # After the first block alone too: the pooled activations, 14×14×24
    first = [model.layers[i] for i in (1, 2, 3, 4)]
    out_model, out_twin = x, x
    for layer, twin_layer in zip(first, twin.layers[1:5]):
        out_model, out_twin = layer(out_model), twin_layer(out_twin)
    assert tuple(out_twin.shape) == (256, 14, 14, 24)
    np.testing.assert_allclose(np.asarray(out_twin), np.asarray(out_model), rtol=0, atol=1e-4)


@pytest.mark.parametrize("method", fused.METHODS)
def test_the_twins_gradients_and_steps_are_the_models(digits, method):
    import tensorflow as tf

    x, y = digits
    model = build_model(preset("cnn", optimizer="sgd", learning_rate=0.05))
    twin = twin_computing_by(model, method)
    assert twin.layers[3].method == method
    trainers.copy_state(model, twin)

    def gradients(m):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(one_hot(y), m(x, training=False)))
        return [np.asarray(g) for g in tape.gradient(loss, [v.value for v in m.trainable_variables])]

    for a, b in zip(gradients(model), gradients(twin)):
        np.testing.assert_allclose(b, a, rtol=0, atol=1e-4 * np.abs(a).max())
    start = [w.copy() for w in model.get_weights()]
    for _ in range(3):  # SGD: an update is the gradient scaled (Adam's would magnify rounding near 0)
        a = model.train_on_batch(x, one_hot(y), return_dict=True)
        b = twin.train_on_batch(x, one_hot(y), return_dict=True)  # dropout: the same seed state
        assert b["loss"] == pytest.approx(a["loss"], rel=1e-4)
    for a, b, w0 in zip(model.get_weights(), twin.get_weights(), start):
        moved = np.abs(a - w0).max()
        assert moved > 1e-4  # every weight took the steps
        np.testing.assert_allclose(b, a, rtol=0, atol=1e-3 * moved)


def test_the_block_is_computed_the_way_measured_faster_here_once_per_process(monkeypatch):
    measured = []
    real = fused._measure
    monkeypatch.setattr(fused, "_FASTER", {})
    monkeypatch.setattr(fused, "_measure", lambda *shape: measured.append(shape) or real(*shape))
    model = build_model(preset("cnn"))
    twins = [trainers.fused_twin(model), trainers.fused_twin(build_model(preset("cnn")))]
    assert measured == [(28, 28, 24)]  # the second twin took the first one's measurement
    assert twins[0].layers[3].method == twins[1].layers[3].method == fused._FASTER[(28, 28, 24)]
    assert twins[0].layers[3].method in fused.METHODS
    with pytest.raises(ValueError, match="method"):
        fused.layer_classes()[0](8, 3, padding="same", method="fft")


def test_only_the_block_it_computes_is_fused():
    import keras
    from keras import layers

    def chain(*middle, channels=1):
        inputs = keras.Input((28, 28, channels))
        x = inputs
        for layer in middle:
            x = layer(x)
        return keras.Model(inputs, layers.Dense(10, activation="softmax")(layers.Flatten()(x)))

    def conv(**kw):
        return layers.Conv2D(**{"filters": 8, "kernel_size": 3, "padding": "same", "activation": "relu", **kw})

    assert fused_blocks(chain(conv(), layers.MaxPooling2D())) == 2
    assert fused_blocks(chain(conv(activation=None), layers.MaxPooling2D())) == 2  # linear
    assert not fused_blocks(chain(conv(), layers.MaxPooling2D(), channels=3))
    assert not fused_blocks(chain(conv(padding="valid"), layers.MaxPooling2D()))
    assert not fused_blocks(chain(conv(strides=2), layers.MaxPooling2D()))
    assert not fused_blocks(chain(conv(kernel_size=5), layers.MaxPooling2D()))
    assert not fused_blocks(chain(conv(activation="softplus"), layers.MaxPooling2D()))
    assert not fused_blocks(chain(conv(), layers.MaxPooling2D(pool_size=3)))
    assert not fused_blocks(chain(conv(), layers.AveragePooling2D(2)))
    assert not fused_blocks(build_model(preset("seed")))
    assert trainers.fused_twin(build_model(preset("seed"))) is None
    # The convolution's output also used elsewhere: the pooled block alone would not give it
    inputs = keras.Input((28, 28, 1))
    c = conv()(inputs)
    branched = keras.Model(inputs, layers.Dense(10)(layers.Concatenate()(
        [layers.Flatten()(layers.MaxPooling2D()(c)), layers.Flatten()(c)])))
    assert not fused_blocks(branched)


def test_a_float32_cnn_run_trains_the_twin_and_hands_out_standard_layers(pool, mnist):
    small = MnistData(mnist.x_train[:1280], mnist.y_train[:1280], mnist.x_test[:500], mnist.y_test[:500],
                      source=mnist.source, location=mnist.location, verified=False)
    seen = {}
    config = preset("cnn", epochs=1, batch_size=64)
    # one-hot targets: with the preset's smoothing the model handed out gets a temperature (test_run)
    outcome = run.train(config, small, on_model=lambda m: seen.setdefault("trainer", m), label_smoothing=0.0)
    trainer = seen["trainer"]
    assert "PooledConv2D" in _names(trainer) and next(iter(pool._trainers.values())) is trainer
    assert _names(outcome.model) == _names(build_model(config)) and outcome.metadata["compute_dtype"] == "float32"
    for a, b in zip(trainer.get_weights(), outcome.model.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert outcome.history["val_accuracy"][-1] > 0.6
    # The copy the window predicts with during the run (sent as a config): standard layers, same names
    live = trainers.float32_clone(trainer)
    assert _names(live) == _names(outcome.model) and [layer.name for layer in live.layers] == [
        layer.name for layer in trainer.layers]
    live.set_weights(trainer.get_weights())
    x = small.x_test[:200].astype(np.float32)
    np.testing.assert_allclose(np.asarray(live(x)), np.asarray(outcome.model(x)), rtol=0, atol=1e-6)
    # The next float32 run trains the same twin; a Seed DNN run trains its model itself
    run.train(config, small, model=outcome.model, prior=outcome.metadata, epochs=1)
    assert len(pool) == 1 and next(iter(pool._trainers.values())) is trainer


def test_training_health_reads_the_twin_as_the_model(digits):
    x, y = digits
    model = build_model(preset("cnn"))
    twin = trainers.fused_twin(model)
    trainers.copy_state(model, twin)
    a, b = health.HealthMonitor(model, x, y).measure(0), health.HealthMonitor(twin, x, y).measure(0)
    assert [(layer["name"], layer["kind"], layer["units"]) for layer in b["layers"]] == [
        (layer["name"], layer["kind"], layer["units"]) for layer in a["layers"]]
    assert b["layers"][0]["kind"] == "Conv2D" and len(b["layers"]) == 4
    for la, lb in zip(a["layers"], b["layers"]):
        assert lb["dead"] == la["dead"]  # a channel pooled is dead exactly when it was dead before
        assert lb["grad_rms"] == pytest.approx(la["grad_rms"], rel=1e-3)
