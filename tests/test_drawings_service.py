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
    assert outcome.args[0].using_new and f["taught"] + f["held_out"] == len(y) and f["held_out"] >= 15
    assert f["mnist_before"] == previous.test_accuracy and f["mnist_after"] == service.model_info.test_accuracy
    assert f["held_out_after"] is not None and f["held_out_before"] is not None
    # The drawings' own labels became more probable, on average and for most of them.
    assert after.mean() > before.mean() + 0.05 and np.mean(after > before) > 0.6
    assert np.mean(service.predict(x).argmax(axis=1) == y) > np.mean(before > 0.5)
    meta = service.model_info.metadata
    assert meta["drawings"]["taught"] == f["taught"] and meta["drawings"]["images"] >= f["taught"]
    # Undo fine-tune: the model from before is back, with its answers.
    with qtbot.waitSignal(service.model_changed, timeout=30_000):
        service.keep_previous_model()
    np.testing.assert_allclose(true_probability(service, x, y), before, atol=1e-5)
