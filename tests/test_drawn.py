"""The drawn-digit generator: MNIST test digits redrawn as mouse drawings on the Draw Pad."""

import numpy as np
import pytest

from mnist_gui.core import drawn
from mnist_gui.core.preprocess import ink_bounds, prepare_digit


@pytest.fixture(scope="module")
def drawings(mnist):
    return drawn.drawn_canvases(mnist.x_test, mnist.y_test, 60, seed=7)


def test_the_generator_uses_the_pads_image_size_and_pen_range():
    from mnist_gui.ui import draw_tab

    assert drawn.PAD_SIZE == draw_tab.IMAGE_SIZE
    assert drawn.PEN_WIDTH_RANGE == tuple(p / 100 for p in draw_tab.PEN_WIDTH_PERCENT_RANGE)


def test_thinning_leaves_a_one_pixel_line_in_the_middle_of_a_bar():
    bar = np.zeros((20, 40), bool)
    bar[8:13, 5:35] = True
    line = drawn.thin(bar)
    assert line.sum() > 20                      # the bar's length survives
    assert (line.sum(axis=0) <= 1).all()        # one pixel thick
    assert set(np.nonzero(line)[0]) <= {9, 10, 11}
    assert not line[~bar].any()


def test_loops_are_counted():
    ring = np.zeros((30, 60), bool)
    ring[5:25, 5:25] = True
    ring[10:20, 10:20] = False                  # one hole
    assert drawn.loops(ring) == 1
    ring[5:25, 30:50] = True
    ring[8:13, 35:45] = ring[16:22, 35:45] = False
    assert drawn.loops(ring) == 3               # and an 8's two
    ring[15, 15] = True
    ring[1:3, 1:3] = False
    assert drawn.loops(ring) == 3               # a hole split in two is still there, noise is none
    cup = ring.copy()
    cup[10:30, 12:18] = False                   # opened to the border: no longer a loop
    assert drawn.loops(cup) == 2


def test_skeletons_keep_the_loops_a_low_threshold_fills(mnist):
    """A thick 8 or 6 whose loops are grey inside: the skeleton keeps them (it was a line)."""
    skeleton_loops = _grown_loops

    kept = filled = 0
    for digit, label in zip(mnist.x_test[:600], mnist.y_test[:600]):
        if label not in (0, 6, 8, 9):
            continue
        size = 28 * drawn.SKELETON_SCALE
        from PIL import Image

        big = np.asarray(Image.fromarray(digit).resize((size, size), Image.Resampling.BILINEAR))
        if drawn.loops(big > 50) < max(drawn.loops(big > t) for t in drawn.INK_THRESHOLDS):
            filled += 1
            now, before = skeleton_loops(drawn.skeleton(digit)), skeleton_loops(drawn.skeleton(digit, threshold=50))
            assert now >= before
            kept += now > before
    assert filled >= 5  # such digits are common enough to matter (about 5% of the test set)
    assert kept >= filled / 2  # the others had kept a loop anyway (the line of a half-filled one)


def _grown_loops(skel):
    from PIL import Image, ImageFilter

    grown = Image.fromarray(skel.astype(np.uint8) * 255).filter(ImageFilter.MaxFilter(3))
    return drawn.loops(np.asarray(grown) > 0)  # the one-pixel line, closed up diagonally


def test_a_nine_whose_loop_is_filled_is_drawn_with_its_loop():
    """A 9 written with a thick pen, its loop a solid blob: thinned, a hook (read as 7 or 1). Told it
    is a 9, the generator hollows the blob into a ring; a 1 or 7 of that shape stays as it is."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (28, 28), 0)
    pen = ImageDraw.Draw(image)
    pen.ellipse((8, 3, 20, 14), fill=255)                # the filled loop
    pen.line((18, 10, 16, 25), fill=255, width=3)        # the stem
    nine = np.asarray(image)
    assert _grown_loops(drawn.skeleton(nine)) == 0
    assert _grown_loops(drawn.skeleton(nine, label=9)) == 1
    for other in (1, 7, None):
        assert np.array_equal(drawn.skeleton(nine, label=other), drawn.skeleton(nine))
    bar = np.zeros((84, 84), bool)
    bar[10:74, 36:48] = True                            # thick but even: no blob
    assert np.array_equal(drawn.hollow_blob(bar), bar)


def test_hollowing_leaves_thin_strokes_and_their_corners_alone(mnist):
    """Only a blob much thicker than the strokes is hollowed: digits of the loop classes whose ink
    has its loops, or has no blob, keep their skeletons; about 1% of them get a loop back."""
    changed = 0
    for digit, label in zip(mnist.x_test[:1500], mnist.y_test[:1500]):
        if label not in drawn.LOOPS_OF_DIGIT:
            continue
        plain, told = drawn.skeleton(digit), drawn.skeleton(digit, label=label)
        if not np.array_equal(plain, told):
            changed += 1
            assert _grown_loops(told) > _grown_loops(plain)
    assert 1 <= changed <= 15


def test_drawings_are_pad_canvases_with_ink_anywhere_and_of_many_sizes(drawings, mnist):
    canvases, labels, indices = drawings
    assert canvases.shape == (60, drawn.PAD_SIZE, drawn.PAD_SIZE) and canvases.dtype == np.uint8
    np.testing.assert_array_equal(labels, mnist.y_test[indices])
    heights, centres = [], []
    for canvas in canvases:
        rows, cols = ink_bounds(canvas)
        assert canvas.max() == 255                       # solid strokes...
        assert 0 < np.mean((canvas > 0) & (canvas < 255)) < 0.1  # ...with antialiased edges
        heights.append(max(rows.stop - rows.start, cols.stop - cols.start) / drawn.PAD_SIZE)
        centres.append(((rows.start + rows.stop) / 2, (cols.start + cols.stop) / 2))
    assert min(heights) < 0.5 and max(heights) > 0.8
    assert np.ptp(np.array(centres), axis=0).min() > 40  # not all in the middle


def test_drawn_digits_are_prepared_exactly_like_a_pad_drawing(drawings, mnist):
    canvases, labels, _ = drawings
    images, same_labels = drawn.drawn_digits(mnist.x_test, mnist.y_test, 60, seed=7)
    assert images.shape == (60, 28, 28) and images.dtype == np.uint8
    np.testing.assert_array_equal(same_labels, labels)
    for canvas, image in zip(canvases[:10], images[:10]):
        np.testing.assert_array_equal(image, prepare_digit(canvas))


def test_a_seed_gives_the_same_drawings_and_another_seed_others(mnist):
    a, _ = drawn.drawn_digits(mnist.x_test, mnist.y_test, 10, seed=3)
    b, _ = drawn.drawn_digits(mnist.x_test, mnist.y_test, 10, seed=3)
    c, _ = drawn.drawn_digits(mnist.x_test, mnist.y_test, 10, seed=4)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_style_options_change_the_drawings_and_unknown_ones_are_refused(mnist):
    x, y = mnist.x_test[:50], mnist.y_test[:50]
    plain, _, _ = drawn.drawn_canvases(x, y, 5, seed=1, rotation=0, shear=0, jitter=0, aspect=0,
                                       height=(0.9, 0.9), pen=(0.03, 0.03))
    fat, _, _ = drawn.drawn_canvases(x, y, 5, seed=1, rotation=0, shear=0, jitter=0, aspect=0,
                                     height=(0.9, 0.9), pen=(0.12, 0.12))
    assert (fat > 127).sum() > 2 * (plain > 127).sum()  # the pen's width is the pad's, not the digit's
    with pytest.raises(TypeError, match="wobble"):
        drawn.drawn_digits(x, y, 5, seed=1, wobble=2)


def test_a_style_written_on_the_command_line_is_read_or_refused_by_name():
    assert drawn.parse_style("rotation=25, shear=0.35,jitter=0.05") == {"rotation": 25.0, "shear": 0.35,
                                                                       "jitter": 0.05}
    assert drawn.parse_style("") == {}
    with pytest.raises(ValueError, match="unknown style 'pen'"):
        drawn.parse_style("pen=3")  # a range, not one number
    with pytest.raises(ValueError, match="rotation needs a number"):
        drawn.parse_style("rotation=lots")


def test_the_bundled_cnn_reads_most_drawings_so_labels_match_images(mnist):
    from mnist_gui.core.storage import load_model
    from mnist_gui.core.training import Predictor
    from mnist_gui.paths import bundled_models_dir

    images, labels = drawn.drawn_digits(mnist.x_test, mnist.y_test, 200, seed=11)
    predicted = Predictor(load_model(bundled_models_dir() / "mnist_cnn.keras"))(images).argmax(axis=1)
    assert (predicted == labels).mean() > 0.9


def test_the_bundled_models_drawings_cache_is_used_only_when_it_holds_those_drawings(mnist, tmp_path):
    """tools/train_bundled.py keeps the drawings of training digits it makes; a file that is not
    such a cache, or holds other drawings, is refused with a message saying which, never used."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "train_bundled", Path(__file__).resolve().parents[1] / "tools" / "train_bundled.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    cache = tmp_path / "drawn.npz"
    x, y = tool.drawings(mnist, 12, seed=5, style={}, cache=str(cache))
    assert cache.is_file() and x.shape == (12, 28, 28) and len(y) == 12
    again_x, again_y = tool.drawings(mnist, 12, seed=5, style={}, cache=str(cache))
    np.testing.assert_array_equal(again_x, x)
    with pytest.raises(ValueError, match="other drawings"):
        tool.drawings(mnist, 12, seed=6, style={}, cache=str(cache))
    with pytest.raises(ValueError, match="other drawings"):
        tool.drawings(mnist, 12, seed=5, style={"rotation": 20.0}, cache=str(cache))
    cache.write_bytes(b"garbage, not numpy")
    with pytest.raises(ValueError, match="not a drawings cache: not an .npz file"):
        tool.drawings(mnist, 12, seed=5, style={}, cache=str(cache))
