"""My drawings on the real service: predictions on them, training with them, and fine-tuning (small real model)."""

import numpy as np

from mnist_gui.core.drawn import drawn_digits


def styled_drawings(mnist, n=60):
    """Mouse-style drawings of test digits (core.drawn): a set the test MLP reads worse than MNIST."""
    return drawn_digits(mnist.x_test, mnist.y_test, n, seed=7, rotation=(14, 16), shear=(0.3, 0.3))


def true_probability(service, x, y):
    return service.predict(x)[np.arange(len(y)), y]


def test_fine_tuning_moves_predictions_on_the_drawings_the_right_way(qtbot, service_with_model, mnist):
    service = service_with_model
    x, y = styled_drawings(mnist)
    for image, label in zip(x, y):
        service.add_drawing(image, int(label))
    with qtbot.waitSignal(service.drawing_predictions_ready, timeout=30_000) as ready:
        pass
    before = true_probability(service, x, y)
    assert np.array_equal(ready.args[1].labels, service.predict(x).argmax(axis=1))
    previous = service.model_info
    assert service.fine_tune()
    with qtbot.waitSignal(service.training_outcome, timeout=300_000) as outcome:
        pass
    after = true_probability(service, x, y)
    f = outcome.args[0].fine_tune
    assert outcome.args[0].using_new and f.taught + f.held_out == len(y) and f.held_out >= 15
    assert f.mnist_before == previous.test_accuracy and f.mnist_after == service.model_info.test_accuracy
    assert f.held_out_after is not None and f.held_out_before is not None
    # The drawings' own labels became more probable, on average and for most of them.
    assert after.mean() > before.mean() + 0.05 and np.mean(after > before) > 0.6
    assert np.mean(service.predict(x).argmax(axis=1) == y) > np.mean(before > 0.5)
    meta = service.model_info.metadata
    assert meta["drawings"]["taught"] == f.taught and meta["drawings"]["images"] >= f.taught
    # Undo fine-tune: the model from before is back, with its answers.
    with qtbot.waitSignal(service.model_changed, timeout=30_000):
        service.keep_previous_model()
    np.testing.assert_allclose(true_probability(service, x, y), before, atol=1e-5)


def test_a_run_with_drawings_keeps_batch_norm_frozen_when_asked_and_varies_the_repeats(mnist):
    from mnist_gui.core import run
    from mnist_gui.core.models import build_model, preset

    config = preset("seed").replace(epochs=1)
    model = build_model(config)
    norm = next(layer for layer in model.layers if type(layer).__name__ == "BatchNormalization")
    stats = [w.copy() for w in norm.get_weights()]
    x, y = styled_drawings(mnist, 20)
    seen = []
    real_mix = run.mix
    run.mix = lambda *a, **k: seen.append(real_mix(*a, **k)) or seen[-1]
    try:
        outcome = run.train(config, mnist, model=model, prior={"epochs_run": 0}, train_size=500,
                            drawings=(x, y), drawings_share=0.2, held_out=(x[:5], y[:5]),
                            freeze_batch_norm=True, augment_drawings=True)
    finally:
        run.mix = real_mix
    for before, after in zip(stats, norm.get_weights()):
        np.testing.assert_array_equal(before, after)  # gamma, beta and the moving statistics
    assert norm.trainable  # as it was, for the runs after
    mixed_x, mixed_y = seen[0]
    copies = mixed_x[500:]
    assert len(mixed_y) == 620 and np.array_equal(copies[:20], x)  # the drawings once as they are
    assert not np.array_equal(copies[20:40], x)  # then variants
    record = outcome.metadata["drawings"]
    assert record["taught"] == 20 and record["images"] == 120 and record["held_out"] == 5


def test_a_new_model_fine_tuned_with_frozen_batch_norm_trains_on_afterwards(mnist):
    from mnist_gui.core import run
    from mnist_gui.core.models import build_model, preset

    config = preset("seed").replace(epochs=1)
    model = build_model(config)  # its optimizer not built yet
    outcome = run.train(config, mnist, model=model, prior={}, train_size=300, freeze_batch_norm=True)
    again = run.train(config, mnist, model=outcome.model, prior=outcome.metadata, train_size=300)
    assert again.metadata["epochs_run"] == 2 and not again.diverged
