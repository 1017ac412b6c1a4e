"""Preparing a drawing the way MNIST digits were prepared: 20-px box, centred by centre of mass."""

import numpy as np
import pytest
from PIL import Image

from mnist_gui.core.preprocess import BOX, CENTRE, INK_THRESHOLD, centre_of_mass, ink_bounds, prepare_digit

CANVAS = 280


def drawn_like(digit: np.ndarray, scale: float, rng) -> np.ndarray:
    """``digit`` as if drawn on a 280×280 pad: enlarged by ``scale``×10 (bilinear), at a random spot.

    The factor is capped where the ink would no longer fit on the pad (about 1.4 for most digits).
    """
    rows, cols = ink_bounds(digit, threshold=0)
    ink = digit[rows, cols]
    factor = min(10 * scale, CANVAS / max(ink.shape))
    width, height = max(1, round(ink.shape[1] * factor)), max(1, round(ink.shape[0] * factor))
    big = np.asarray(Image.fromarray(ink).resize((width, height), Image.Resampling.BILINEAR))
    canvas = np.zeros((CANVAS, CANVAS), np.uint8)
    top, left = rng.integers(0, CANVAS - height + 1), rng.integers(0, CANVAS - width + 1)
    canvas[top:top + height, left:left + width] = big
    return canvas


@pytest.fixture(scope="module")
def drawn_test_digits(mnist):
    """400 test digits drawn at scales 0.5-1.5 and random places, with their labels and originals."""
    rng = np.random.default_rng(7)
    index = rng.choice(len(mnist.x_test), 400, replace=False)
    originals, labels = mnist.x_test[index], mnist.y_test[index]
    canvases = [drawn_like(d, rng.uniform(0.5, 1.5), rng) for d in originals]
    return originals, labels, canvases


def test_drawn_digits_read_almost_as_well_as_the_originals(drawn_test_digits, trained_mlp_model):
    from mnist_gui.core.training import Predictor

    originals, labels, canvases = drawn_test_digits
    predict = Predictor(trained_mlp_model)
    prepared = np.stack([prepare_digit(c) for c in canvases])
    clean = np.mean(predict(originals).argmax(1) == labels)
    drawn = np.mean(predict(prepared).argmax(1) == labels)
    # Control: the pad merely shrunk to 28×28 is misread, so this test can tell.
    shrunk = np.stack([np.asarray(Image.fromarray(c).resize((28, 28), Image.Resampling.LANCZOS))
                       for c in canvases])
    naive = np.mean(predict(shrunk).argmax(1) == labels)
    print(f"accuracy: originals {clean:.3f}, drawn+prepared {drawn:.3f} ({drawn / clean:.1%}), "
          f"drawn+shrunk {naive:.3f}")
    assert drawn / clean >= 0.97
    assert naive < 0.7 * clean


def test_mnist_digits_come_back_as_they_were(mnist):
    digits = mnist.x_test[:200]
    prepared = np.stack([prepare_digit(d) for d in digits])
    assert np.abs(prepared - digits).mean() < 1.0  # grey levels, out of 255


def test_output_is_float32_28x28_in_pixel_range(drawn_test_digits):
    for canvas in drawn_test_digits[2][:20]:
        digit = prepare_digit(canvas)
        assert digit.shape == (28, 28) and digit.dtype == np.float32 and digit.flags.c_contiguous
        assert digit.min() >= 0 and 200 <= digit.max() <= 255


def test_float_input_gives_the_same_digit(drawn_test_digits):
    canvas = drawn_test_digits[2][0]
    np.testing.assert_array_equal(prepare_digit(canvas.astype(np.float32)), prepare_digit(canvas))


def test_centre_of_mass_lands_at_the_centre_and_ink_fills_the_20px_box(drawn_test_digits):
    for canvas in drawn_test_digits[2][:100]:
        digit = prepare_digit(canvas)
        rows, cols = ink_bounds(digit, threshold=0)
        if 0 in (rows.start, cols.start) or 28 in (rows.stop, cols.stop):
            continue  # clamped to keep the ink whole (tested below)
        com = np.array(centre_of_mass(digit))
        assert np.all(np.abs(com - CENTRE) <= 0.5 + 1e-9), com
        ink_rows, ink_cols = ink_bounds(digit)
        longer = max(ink_rows.stop - ink_rows.start, ink_cols.stop - ink_cols.start)
        assert BOX - 1 <= longer <= BOX


def test_lopsided_digit_is_shifted_only_as_far_as_keeps_it_whole():
    # A heavy bar on top of a thin stem: centring the mass would push the stem out of the field.
    canvas = np.zeros((CANVAS, CANVAS), np.uint8)
    canvas[40:100, 40:240] = 255
    canvas[100:240, 135:145] = 255
    digit = prepare_digit(canvas)
    rows, cols = ink_bounds(digit)
    assert rows.stop == 28 and rows.stop - rows.start == BOX  # clamped at the bottom, nothing cut
    assert abs(centre_of_mass(digit)[1] - CENTRE) <= 0.5      # still centred across


def test_empty_or_faint_canvas_is_nothing_to_predict(rng):
    assert prepare_digit(np.zeros((CANVAS, CANVAS), np.uint8)) is None
    assert prepare_digit(np.zeros((CANVAS, CANVAS), np.float32)) is None
    noise = rng.integers(0, INK_THRESHOLD, size=(CANVAS, CANVAS)).astype(np.uint8)
    assert prepare_digit(noise) is None


def test_faint_noise_does_not_move_the_digit(drawn_test_digits, rng):
    canvas = drawn_test_digits[2][1]
    noisy = np.maximum(canvas, rng.integers(0, INK_THRESHOLD // 2, size=canvas.shape).astype(np.uint8))
    clean_digit = prepare_digit(canvas)
    assert ink_bounds(prepare_digit(noisy)) == ink_bounds(clean_digit)
