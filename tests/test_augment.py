"""Training-time augmentation: Keras random layers that change images only while training."""

import numpy as np
import pytest

from mnist_gui.core import augment, training
from mnist_gui.core.models import build_model, preset


@pytest.fixture(scope="module")
def digits(mnist):
    return mnist.x_train[:64].astype(np.float32), mnist.y_train[:64]


def test_augmenter_changes_images_only_in_training(digits):
    x, _ = digits
    augmenter = augment.build_augmenter(seed=1)
    np.testing.assert_array_equal(np.asarray(augmenter(x, training=False)), x)
    out = np.asarray(augmenter(x, training=True))
    assert out.shape == x.shape
    changed = np.abs(out - x).reshape(len(x), -1).max(axis=1) > 50
    assert changed.mean() > 0.9                     # nearly every image moved
    ink = out.reshape(len(x), -1).sum(axis=1) / x.reshape(len(x), -1).sum(axis=1)
    assert ((ink > 0.2) & (ink < 5)).all()          # still a digit, neither gone nor a blot
    assert out.min() >= -1e-3 and out.max() <= 255 + 1e-3


def test_the_kept_augmenter_reseeded_gives_a_new_augmenters_images(digits):
    x, _ = digits
    first = np.asarray(augment.augmenter(seed=7)(x, training=True))
    np.asarray(augment.augmenter(seed=8)(x, training=True))  # another run in between
    again = augment.augmenter(seed=7)
    assert again is augment.augmenter(seed=3)  # one augmenter for every run
    again = augment.augmenter(seed=7)
    np.testing.assert_array_equal(np.asarray(again(x, training=True)), first)
    np.testing.assert_array_equal(np.asarray(augment.build_augmenter(seed=7)(x, training=True)), first)
    unseeded = [np.asarray(augment.augmenter(seed=None)(x, training=True)) for _ in range(2)]
    assert not np.array_equal(unseeded[0], unseeded[1])


def test_stroke_width_layer_thickens_or_thins_by_chance(digits):
    x, _ = digits
    x = x[..., None]
    thicker = np.asarray(augment.stroke_width_layer(thinner=0, thicker=1, seed=2)(x, training=True))
    thinner = np.asarray(augment.stroke_width_layer(thinner=1, thicker=0, seed=2)(x, training=True))
    both = np.asarray(augment.stroke_width_layer(seed=3)(x, training=True))
    assert (thicker >= x - 1e-4).all() and (thicker.sum(axis=(1, 2, 3)) > x.sum(axis=(1, 2, 3))).mean() > 0.9
    assert (thinner <= x + 1e-4).all() and (thinner.sum(axis=(1, 2, 3)) < x.sum(axis=(1, 2, 3))).mean() > 0.9
    ratio = both.sum(axis=(1, 2, 3)) / x.sum(axis=(1, 2, 3))
    assert (ratio < 0.9).any() and (ratio > 1.2).any()
    np.testing.assert_array_equal(np.asarray(augment.stroke_width_layer()(x, training=False)), x)


def test_dilate_is_the_3x3_grey_dilation_with_the_border_left_out(digits):
    from keras import ops

    x, _ = digits
    rng = np.random.default_rng(5)
    images = np.concatenate([x[:8, ..., None], rng.uniform(-300, 300, (8, 28, 28, 1)).astype(np.float32)])
    images[-1, 0, :, 0] = 1000.0  # ink on the border spreads inwards only
    padded = np.pad(images[..., 0], ((0, 0), (1, 1), (1, 1)), constant_values=-np.inf)
    expected = np.lib.stride_tricks.sliding_window_view(padded, (3, 3), axis=(1, 2)).max(axis=(-1, -2))
    np.testing.assert_array_equal(np.asarray(augment.dilate(images))[..., 0], expected)
    np.testing.assert_array_equal(np.asarray(augment.dilate(images)),
                                  np.asarray(ops.max_pool(images, pool_size=3, strides=1, padding="same")))
    eroded = np.lib.stride_tricks.sliding_window_view(np.where(np.isinf(padded), np.inf, padded), (3, 3),
                                                      axis=(1, 2)).min(axis=(-1, -2))
    np.testing.assert_array_equal(-np.asarray(augment.dilate(-images))[..., 0], eroded)


def _centre_and_angle(images):
    """Each image's ink centre (x, y) and the angle of its main axis, in degrees."""
    n, h, w = images.shape
    ys, xs = np.mgrid[0:h, 0:w]
    mass = images.reshape(n, -1).sum(axis=1)
    cx = (images * xs).reshape(n, -1).sum(axis=1) / mass
    cy = (images * ys).reshape(n, -1).sum(axis=1) / mass
    dx, dy = xs[None] - cx[:, None, None], ys[None] - cy[:, None, None]
    mxx, myy, mxy = ((images * d).reshape(n, -1).sum(axis=1) / mass for d in (dx * dx, dy * dy, dx * dy))
    return cx, cy, np.degrees(0.5 * np.arctan2(2 * mxy, mxx - myy))


def test_geometry_layer_slants_and_moves_within_its_ranges_in_one_resampling():
    bar = np.zeros((200, 28, 28, 1), np.float32)
    bar[:, 13:15, 4:24] = 255.0  # a horizontal bar, centred
    x0, y0, a0 = _centre_and_angle(bar[..., 0])
    np.testing.assert_array_equal(np.asarray(augment.geometry_layer()(bar, training=False)), bar)

    turned = np.asarray(augment.geometry_layer(rotation_degrees=12, shear=0, zoom=0, shift=0, seed=1)(
        bar, training=True))[..., 0]
    x, y, angle = _centre_and_angle(turned)
    assert np.abs(angle - a0).max() <= 12.5 and np.abs(angle - a0).max() > 8  # the range, used
    assert (angle > a0 + 1).any() and (angle < a0 - 1).any()                   # both ways
    assert np.abs(x - x0).max() < 0.3 and np.abs(y - y0).max() < 0.3           # about the centre

    moved = np.asarray(augment.geometry_layer(rotation_degrees=0, shear=0, zoom=0, shift=0.05, seed=2)(
        bar, training=True))[..., 0]
    x, y, angle = _centre_and_angle(moved)
    assert np.abs(x - x0).max() <= 0.05 * 28 + 0.1 and np.abs(x - x0).max() > 0.8
    assert np.abs(y - y0).max() <= 0.05 * 28 + 0.1 and np.abs(angle - a0).max() < 0.5

    sizes = np.asarray(augment.geometry_layer(rotation_degrees=0, shear=0, zoom=0.1, shift=0, seed=3)(
        bar, training=True))[..., 0]
    length = (sizes.max(axis=1) > 100).sum(axis=1)  # columns the bar covers
    assert length.min() >= 17 and length.max() <= 23 and length.min() < length.max()


def test_augmented_batches_keep_their_labels(mnist):
    # The same seed shuffles both datasets alike, so batch for batch the labels must agree.
    x, y = mnist.x_train[:32], mnist.y_train[:32]
    batches = training._augmented(training._epoch_batches(x, training.targets(y), 32, shuffle_seed=0), seed=0)
    images, labels = next(iter(batches))
    images, labels = images.numpy(), labels.numpy().argmax(axis=1)
    assert sorted(labels) == sorted(y)
    plain_images, plain_labels = next(iter(training._epoch_batches(x, training.targets(y), 32, shuffle_seed=0)))
    np.testing.assert_array_equal(labels, plain_labels.numpy().argmax(axis=1))
    # augment.SHARE of the batch (its first images: the batch is shuffled) changed, the rest as it was.
    k = int(np.ceil(augment.SHARE * len(images)))
    assert 0 < k < len(images)
    changed = np.abs(images - plain_images.numpy()).reshape(len(images), -1).max(axis=1) > 1e-3
    assert changed[:k].mean() > 0.9 and not changed[k:].any()
    # Without tf.data's autotuner: dropping an iterator waited for its thread (4.5 s at a run's end).
    assert batches.options().autotune.enabled is False


def test_fit_with_augmentation_learns(mnist):
    model = build_model(preset("mlp", epochs=2))
    result = training.fit(model, mnist.x_train[:4000], mnist.y_train[:4000],
                          validation_data=(mnist.x_test[:1000], mnist.y_test[:1000]),
                          epochs=2, batch_size=64, augment=True)
    assert result.epochs_run == 2 and not result.diverged
    assert result.history["val_accuracy"][-1] > 0.7  # chance is 0.1
    assert result.history["loss"][-1] < result.history["loss"][0]
    # Augmented images are harder than plain ones: training accuracy below test accuracy is the sign.
    assert result.history["accuracy"][-1] < result.history["val_accuracy"][-1]


def test_augment_is_preset_data_validated_and_saved():
    from mnist_gui.core.models import PRESETS, ConfigError, ModelConfig

    assert not preset("seed").augment and preset("cnn").augment
    assert all("augment" in p.editable for p in PRESETS.values())  # a training option for every preset
    assert preset("seed", augment=True).augment
    assert ModelConfig.from_dict({"preset": "cnn"}).augment is False  # an old sidecar: trained without
    assert ModelConfig.from_dict(preset("cnn").to_dict()) == preset("cnn")
    with pytest.raises(ConfigError, match="augment"):
        preset("seed", augment="yes")


def test_run_train_augments_when_the_config_says_so(mnist, monkeypatch):
    # core.run passes the config's choice to fit, and the sidecar's config records it.
    from mnist_gui.core import run

    seen = []
    real = training._augmented
    monkeypatch.setattr(training, "_augmented", lambda *a, **k: seen.append(1) or real(*a, **k))
    for augment_on in (False, True):
        outcome = run.train(preset("mlp", epochs=1, augment=augment_on), mnist, train_size=2000)
        assert outcome.metadata["config"]["augment"] is augment_on
    assert seen == [1]
