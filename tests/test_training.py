"""Training helpers on real slices of MNIST: learning, stop, divergence, progress, inference."""

import threading

import numpy as np
import pytest

from mnist_gui.core import training
from mnist_gui.core.models import build_model, preset


def test_seed_dnn_short_run_beats_chance_by_far(mnist):
    # The notebook's model and optimizer; a higher rate so that a short run on a slice shows learning.
    model = build_model(preset("seed", learning_rate=0.5))
    epochs = []
    result = training.fit(model, mnist.x_train[:10000], mnist.y_train[:10000],
                          validation_data=(mnist.x_test[:2000], mnist.y_test[:2000]), epochs=3,
                          progress=training.callback_progress(on_epoch=lambda e, logs, weights: epochs.append(logs)))
    assert result.epochs_run == 3 and not result.stopped and not result.diverged
    assert len(epochs) == 3 and set(epochs[-1]) >= {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert result.history["val_accuracy"][-1] > 0.6  # chance is 0.1
    assert result.history["loss"][-1] < result.history["loss"][0]


def test_evaluate_agrees_with_predictions(mnist, trained_mlp_model):
    loss, acc = training.evaluate(trained_mlp_model, mnist.x_test[:3000], mnist.y_test[:3000])
    probs = training.Predictor(trained_mlp_model)(mnist.x_test[:3000])
    assert acc == pytest.approx(np.mean(probs.argmax(1) == mnist.y_test[:3000]), abs=1e-6)
    picked = probs[np.arange(3000), mnist.y_test[:3000]]
    assert loss >= -np.mean(np.log(np.clip(picked, 1e-7, 1))) - 1e-4  # logits: no clipping of mistakes
    assert acc > 0.85 and 0 < loss < 1


def test_stop_after_n_batches_keeps_weights(mnist):
    model = build_model(preset("mlp"))
    before = [w.copy() for w in model.get_weights()]
    stop = threading.Event()
    seen = []

    def on_batch(epoch, done, total, logs):
        seen.append(done)
        if done >= 3:
            stop.set()

    result = training.fit(model, mnist.x_train[:20000], mnist.y_train[:20000], epochs=5, batch_size=32,
                          chunk_batches=1, stop_event=stop, progress=training.callback_progress(on_batch))
    assert result.stopped and result.epochs_run == 0 and result.history == {}  # no epoch completed
    assert seen == [1, 2, 3]  # checked after every batch: it stopped right after the third
    assert any(not np.array_equal(a, b) for a, b in zip(before, model.get_weights()))
    probs = training.Predictor(model)(mnist.x_test[:10])
    assert np.isfinite(probs).all()


class _CountValidation:
    """A Keras callback counting validation batches (``on_test_batch_end``), optionally setting a
    stop event at the first one."""

    def __new__(cls, stop_at_first=None):
        import keras

        class Counter(keras.callbacks.Callback):
            batches = 0

            def on_test_batch_end(self, batch, logs=None):
                Counter.batches += 1
                if stop_at_first is not None:
                    stop_at_first.set()

        return Counter()


def test_stop_skips_the_interrupted_epochs_validation(mnist):
    """Stop must not wait for a validation of the whole test set (seconds for a CNN)."""
    model = build_model(preset("mlp"))
    stop = threading.Event()
    counter = _CountValidation()
    result = training.fit(model, mnist.x_train[:4000], mnist.y_train[:4000], epochs=3, batch_size=32, fast=False,
                          validation_data=(mnist.x_test[:2000], mnist.y_test[:2000]), stop_event=stop,
                          callbacks=[counter],
                          progress=training.callback_progress(lambda e, d, t, logs: d >= 5 and stop.set()))
    assert result.stopped and result.epochs_run == 0
    assert counter.batches == 0


def test_stop_during_validation_leaves_at_once(mnist):
    model = build_model(preset("mlp"))
    stop = threading.Event()
    counter = _CountValidation(stop_at_first=stop)
    result = training.fit(model, mnist.x_train[:2000], mnist.y_train[:2000], epochs=3, batch_size=32, fast=False,
                          validation_data=(mnist.x_test[:3200], mnist.y_test[:3200]), stop_event=stop,
                          callbacks=[counter])
    assert result.stopped and result.epochs_run == 0
    assert counter.batches == 1  # of 100


def test_stop_with_chunks_lands_at_a_chunk_boundary(mnist):
    model = build_model(preset("seed"))
    stop = threading.Event()
    seen = []

    def on_batch(epoch, done, total, logs):
        seen.append((done, total))
        stop.set()

    result = training.fit(model, mnist.x_train[:10000], mnist.y_train[:10000], epochs=3,
                          chunk_batches=16, stop_event=stop, progress=training.callback_progress(on_batch))
    assert result.stopped
    assert seen == [(16, 313)]


def test_progress_counts_every_batch_of_an_epoch(mnist):
    model = build_model(preset("mlp"))
    seen = []
    training.fit(model, mnist.x_train[:1000], mnist.y_train[:1000], epochs=2, batch_size=32, chunk_batches=8,
                 progress=training.callback_progress(lambda e, d, t, logs: seen.append((e, d, t))))
    assert [d for e, d, t in seen if e == 0] == [8, 16, 24, 32] and {t for _, _, t in seen} == {32}
    assert [d for e, d, t in seen if e == 1][-1] == 32


def test_plain_keras_path_also_trains(mnist):
    model = build_model(preset("mlp"))
    result = training.fit(model, mnist.x_train[:2000], mnist.y_train[:2000], epochs=1, fast=False,
                          validation_data=(mnist.x_test[:1000], mnist.y_test[:1000]))
    assert result.history["val_accuracy"][0] > 0.6


def test_divergence_is_detected(mnist):
    model = build_model(preset("mlp", hidden=(512, 512, 512), optimizer="sgd", learning_rate=10.0))
    result = training.fit(model, mnist.x_train[:4000], mnist.y_train[:4000], epochs=3)
    assert result.diverged and result.epochs_run <= 1


def test_bad_training_data_is_refused():
    model = build_model(preset("mlp"))
    with pytest.raises(training.TrainingError, match="28"):
        training.fit(model, np.zeros((10, 7, 7), np.uint8), np.zeros(10, np.uint8), epochs=1)


def test_predictor_single_and_batch(trained_mlp_model, mnist):
    predictor = training.Predictor(trained_mlp_model)
    one = predictor(mnist.x_test[0])
    many = predictor(mnist.x_test[:5000])  # over the batch size: split into fixed-size calls
    assert one.shape == (10,) and many.shape == (5000, 10)
    np.testing.assert_allclose(one, many[0], rtol=1e-5, atol=1e-6)
    reference = trained_mlp_model.predict(mnist.x_test[:5000].astype("float32"), verbose=0)
    np.testing.assert_allclose(many, reference, rtol=1e-4, atol=1e-6)
    assert predictor(np.zeros((0, 28, 28))).shape == (0, 10)


def test_predictor_accepts_models_with_flat_input(mnist):
    import keras

    inputs = keras.Input((784,))
    model = keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(inputs))
    probs = training.Predictor(model)(mnist.x_test[:3])
    expected = model.predict(mnist.x_test[:3].reshape(3, 784).astype("float32"), verbose=0)
    np.testing.assert_allclose(probs, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", ["seed", "cnn"])
def test_predictors_of_one_architecture_share_one_compiled_program(mnist, name):
    """XLA never frees a compiled program: a model per training run must not add one each."""
    models = [build_model(preset(name, seed=s)) for s in (1, 2, 3)]
    predictors = [training.Predictor(m) for m in models]
    forward = training._shared_forward(models[0])
    assert all(training._shared_forward(m) is forward for m in models)
    x = mnist.x_test[:64]
    for model, predictor in zip(models, predictors):  # each answers with its own weights
        np.testing.assert_allclose(predictor(x), model(x.astype("float32"), training=False).numpy(),
                                   rtol=1e-5, atol=1e-6)
    assert not np.allclose(predictors[0](x), predictors[1](x))
    models[0].set_weights(models[1].get_weights())  # weights set later are seen: passed by handle
    np.testing.assert_allclose(predictors[0](x), predictors[1](x), rtol=1e-6, atol=1e-7)


def test_both_paths_reshuffle_every_epoch_even_with_a_global_seed():
    """build_model sets a global seed; Keras' own NumPy shuffling would then repeat one order forever."""
    import keras

    keras.utils.set_random_seed(42)
    x = np.arange(640, dtype=np.uint8).reshape(640, 1, 1) * np.ones((1, 28, 28), np.uint8)
    y = (np.arange(640) % 256) % 10  # the label follows from the pixel value
    order = training.EpochOrder(640, 96, None)
    assert order.chunks == 7
    orders = [np.concatenate([order.chunk(k) for k in range(order.chunks)]) for _ in range(3)]  # epochs
    assert all(sorted(o) == list(range(640)) for o in orders)  # each epoch sees every image once
    assert not np.array_equal(orders[0], orders[1]) and not np.array_equal(orders[1], orders[2])
    assert len(order.chunk(6)) == 640 - 6 * 96  # the last chunk holds the rest
    keras.utils.set_random_seed(42)  # no seed given: the global one makes the orders reproducible
    again = training.EpochOrder(640, 96, None)
    np.testing.assert_array_equal(np.concatenate([again.chunk(k) for k in range(7)]), orders[0])

    batches = training._epoch_batches(x, training.targets(y), 32, None)
    firsts = [next(iter(batches)) for _ in range(3)]
    images, labels = firsts[0]
    assert images.dtype.name == "float32" and images.shape == (32, 28, 28) and labels.shape == (32, 10)
    np.testing.assert_array_equal(labels.numpy().argmax(1), images.numpy()[:, 0, 0].astype(int) % 10)
    keys = [tuple(f[0].numpy()[:, 0, 0]) for f in firsts]
    assert len(set(keys)) == 3
    epoch = np.concatenate([b[0].numpy()[:, 0, 0] for b in batches])
    assert sorted(epoch.astype(int).tolist()) == sorted((np.arange(640) % 256).tolist())


def test_arrays_become_tensors_a_slice_at_a_time_unchanged():
    import tensorflow as tf

    rng = np.random.default_rng(0)
    for rows in (1, 1500, 3000):
        array = rng.integers(0, 256, (rows, 28, 28), dtype=np.uint8)
        tensor = training._as_tensor(tf, array)
        assert tensor.dtype == tf.uint8 and tensor.shape == array.shape
        np.testing.assert_array_equal(tensor.numpy(), array)


def test_validation_is_traced_before_training_not_at_an_epoch_end(mnist):
    # Tracing at the first epoch end held the GIL beside that epoch end's other work, stalling the UI.
    model = build_model(preset("seed", learning_rate=0.5))
    traces = []
    test_step = model.test_step
    model.test_step = lambda data: (traces.append(1), test_step(data))[1]  # runs once per trace
    traced_by_batch = []
    result = training.fit(
        model, mnist.x_train[:4000], mnist.y_train[:4000], epochs=2,
        validation_data=(mnist.x_test[:1500], mnist.y_test[:1500]),
        progress=training.callback_progress(on_batch=lambda *_: traced_by_batch.append(len(traces))))
    assert traced_by_batch[0] > 0 and traced_by_batch[0] == len(traces)  # none after the first batch
    # Still validated on the whole set: the logs agree with evaluating the trained model on it.
    loss, accuracy = training.evaluate(model, mnist.x_test[:1500], mnist.y_test[:1500])
    assert result.history["val_accuracy"][-1] == pytest.approx(accuracy, abs=1e-6)
    assert result.history["val_loss"][-1] == pytest.approx(loss, rel=1e-4)


def test_compiled_training_loop_copies_no_weights_per_step():
    """mnist_gui.core sets XLA's copy insertion with region analysis: without it, every weight
    matrix was copied once per step inside the compiled loop (~6% of the Seed DNN's step)."""
    import tensorflow as tf

    model = build_model(preset("seed"))
    x = np.zeros((640, 28, 28), np.uint8)
    order = training.EpochOrder(640, 320, 0)
    training._install_chunked_train_function(model, x, training.targets(np.zeros(640, int)), 32, order)
    hlo = model.train_function.compiled.experimental_get_compiler_ir(tf.constant(order.chunk(0)))(
        stage="optimized_hlo")
    assert "f32[784,200]" in hlo and "while(" in hlo  # the Seed DNN's first layer, in a loop
    copies = [line for line in hlo.splitlines() if " copy(" in line and "f32[" in line.split("=")[1]]
    assert copies == []


def test_a_compiled_chunk_trains_as_the_stock_step_loop_does(mnist):
    """The fast path changes how steps are run, not what they compute: same batches, same weights."""
    import tensorflow as tf

    from mnist_gui.core.models import one_hot

    x, y = mnist.x_train[:640], mnist.y_train[:640]
    fast, stock = build_model(preset("seed")), build_model(preset("seed"))
    order = training.EpochOrder(640, 320, 7)
    training._install_chunked_train_function(fast, x, training.targets(y), 32, order)
    indices = order.chunk(0)
    fast.train_function.compiled(tf.constant(indices))  # 10 batches of 32 in one XLA call
    for batch in indices.reshape(10, 32):
        stock.train_on_batch(x[batch].astype("float32"), one_hot(y[batch]))
    start = build_model(preset("seed")).get_weights()
    for a, b, w in zip(fast.get_weights(), stock.get_weights(), start):
        step_fast, step_stock = a - w, b - w  # compare what training changed, not the weights alone
        assert np.abs(step_stock).max() > 0  # every weight moved, BatchNorm's statistics included
        np.testing.assert_allclose(step_fast, step_stock, rtol=0, atol=1e-3 * np.abs(step_stock).max())


def test_smoothed_targets_train_as_keras_label_smoothing_does(mnist):
    import keras

    t = training.targets(np.array([3, 0]), 0.1)
    np.testing.assert_allclose(t[0], [0.01, 0.01, 0.01, 0.91, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01], rtol=1e-6)
    np.testing.assert_allclose(t.sum(axis=1), 1.0, rtol=1e-6)
    assert training.targets(np.array([3]), 0.0)[0].tolist() == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]

    x, y = mnist.x_train[:640], mnist.y_train[:640]
    ours, keras_own, plain = (build_model(preset("seed")) for _ in range(3))
    keras_own.compile(optimizer=keras.optimizers.SGD(0.03), metrics=["accuracy"],
                      loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1))
    indices = None
    for model, smoothing in ((ours, 0.1), (plain, 0.0)):  # the fast path, 10 batches of 32 in one call
        order = training.EpochOrder(640, 320, 7)
        training._install_chunked_train_function(model, x, training.targets(y, smoothing), 32, order)
        indices = order.chunk(0)
        model.train_function.compiled(tf_constant(indices))
    for batch in indices.reshape(10, 32):  # Keras' own smoothing, on one-hot labels
        keras_own.train_on_batch(x[batch].astype("float32"), training.targets(y[batch]))
    start = build_model(preset("seed")).get_weights()
    for a, b, p, w in zip(ours.get_weights(), keras_own.get_weights(), plain.get_weights(), start):
        np.testing.assert_allclose(a - w, b - w, rtol=0, atol=1e-3 * np.abs(b - w).max())
    def gap(m, n):  # between two models' output biases
        return np.abs(m.get_weights()[-1] - n.get_weights()[-1]).max()

    assert gap(ours, plain) > 100 * gap(ours, keras_own)  # smoothing is what moved them apart


def tf_constant(values):
    import tensorflow as tf

    return tf.constant(values)


def test_step_schedule_sets_the_rate_before_every_batch(mnist):
    """fit's lr_at_step: the optimizer's rate follows it batch by batch, steps counted from this run's start."""
    import keras

    seen = []

    class Spy(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            seen.append(float(self.model.optimizer.learning_rate.numpy()))

    model = build_model(preset("cnn", augment=False))
    result = training.fit(model, mnist.x_train[:640], mnist.y_train[:640], epochs=3, initial_epoch=1,
                          batch_size=128, lr_at_step=lambda step, total: (step + 1) / (1000 * total),
                          callbacks=[Spy()])
    assert result.epochs_run == 2
    assert seen == pytest.approx([(s + 1) / 10_000 for s in range(10)])  # 2 epochs × 5 batches


class _RawWeights:
    """A Keras callback keeping the model's weights after every step (the raw ones: the average is
    only in the model for validation); with ``stop``, sets it at the first validation batch."""

    def __new__(cls, stop=None):
        import keras

        class Recorder(keras.callbacks.Callback):
            steps = []

            def on_train_batch_end(self, batch, logs=None):
                Recorder.steps.append([v.numpy().copy() for v in self.model.trainable_variables])

            def on_test_batch_end(self, batch, logs=None):
                if stop is not None:
                    stop.set()

        Recorder.steps = []
        return Recorder()


def _averaged(steps, momentum, start):
    average = [w.copy() for w in start]
    for t, weights in enumerate(steps, start=1):
        keep = min(momentum, (1 + t) / (10 + t))
        average = [keep * a + (1 - keep) * w for a, w in zip(average, weights)]
    return average


@pytest.mark.parametrize("stopped", [False, True])
def test_the_weight_average_is_what_is_validated_reported_and_kept(mnist, stopped):
    model = build_model(preset("mlp", hidden=(32,)))
    start = [v.numpy().copy() for v in model.trainable_variables]
    stop = threading.Event()
    raw = _RawWeights(stop if stopped else None)
    reported = []
    result = training.fit(model, mnist.x_train[:3200], mnist.y_train[:3200],
                          validation_data=(mnist.x_test[:2000], mnist.y_test[:2000]), epochs=2, batch_size=320,
                          fast=False, weight_average=0.9, stop_event=stop, callbacks=[raw],
                          progress=training.callback_progress(on_epoch=lambda e, logs, w: reported.append(w)))
    final = [v.numpy() for v in model.trainable_variables]
    # Stopped during the first validation: that epoch's 10 steps; else both epochs' 20.
    assert len(raw.steps) == (10 if stopped else 20)
    for got, want, last_step in zip(final, _averaged(raw.steps, 0.9, start), raw.steps[-1]):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
        assert not np.allclose(got, last_step, atol=1e-4)  # the average, not the last step's weights
    if stopped:
        assert result.stopped and result.epochs_run == 0
    else:  # each epoch validated and reported with its average, the steps going on from the raw weights
        assert result.epochs_run == 2 and len(reported) == 2
        first = [w for w in reported[0] if w.shape == final[0].shape][0]
        np.testing.assert_allclose(first, _averaged(raw.steps[:10], 0.9, start)[0], rtol=1e-5, atol=1e-6)
        _, accuracy = training.evaluate(model, mnist.x_test[:2000], mnist.y_test[:2000])
        assert result.history["val_accuracy"][-1] == pytest.approx(accuracy, abs=1e-6)


def test_a_stop_mid_epoch_leaves_the_average_not_the_last_step(mnist):
    model = build_model(preset("mlp", hidden=(32,)))
    stop = threading.Event()
    raw = _RawWeights()

    def on_batch(epoch, done, total, logs):
        if done == 6:
            stop.set()

    result = training.fit(model, mnist.x_train[:3200], mnist.y_train[:3200], epochs=2, batch_size=320, fast=False,
                          weight_average=0.9, stop_event=stop, callbacks=[raw],
                          progress=training.callback_progress(on_batch))
    assert result.stopped and len(raw.steps) == 5  # the stopping step's end is left before the recorder sees it
    final = [v.numpy() for v in model.trainable_variables]
    assert not any(np.allclose(final[0], step[0], atol=1e-4) for step in raw.steps)
    assert np.isfinite(training.Predictor(model)(mnist.x_test[:10])).all()


def test_a_short_run_is_not_held_back_by_the_average(mnist):
    # A fine-tune of a few steps: the average follows the steps (its momentum grows with them).
    model = build_model(preset("mlp", hidden=(32,)))
    start = [v.numpy().copy() for v in model.trainable_variables]
    raw = _RawWeights()
    training.fit(model, mnist.x_train[:960], mnist.y_train[:960], epochs=1, batch_size=320, fast=False,
                 weight_average=0.99, callbacks=[raw])
    final = [v.numpy() for v in model.trainable_variables]
    moved, step_moved = (np.linalg.norm(a - b) for a, b in ((final[0], start[0]), (raw.steps[-1][0], start[0])))
    assert moved > 0.5 * step_moved  # a fixed 0.99 would have moved it by 1 - 0.99**3 ≈ 3% of that
