"""What the Gallery shows, without Qt (core/gallery_selection.py): filters, order and pages, the
selected image, the confusion matrix's counts and shades, the selection in words."""

import subprocess
import sys

import numpy as np
import pytest

from mnist_gui.core.gallery_selection import DrawingsSet, GallerySelection, confusion_shades, filter_conditions

# Twelve images, digits 0-3; the model misreads images 1 (0 as 2), 5 (1 as 3) and 9 (3 as 0).
LABELS = np.array([0, 0, 1, 1, 2, 1, 2, 3, 3, 3, 0, 2])
PREDICTED = np.array([0, 2, 1, 1, 2, 3, 2, 3, 3, 0, 0, 2])


def selection(predicted=PREDICTED, seed=0):
    s = GallerySelection(np.random.default_rng(seed))
    s.set_labels(LABELS)
    s.set_predictions(predicted)
    return s


def test_it_imports_no_qt():
    code = "import sys, mnist_gui.core.gallery_selection; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("filters, expected", [
    ({}, list(range(12))),
    ({"misclassified": True}, [1, 5, 9]),
    ({"true_digit": 3}, [7, 8, 9]),
    ({"predicted_digit": 2}, [1, 4, 6, 11]),
    ({"true_digit": 0, "predicted_digit": 2}, [1]),
    ({"true_digit": 2, "misclassified": True}, []),
])
def test_matching_is_every_image_the_filters_pick(filters, expected):
    assert selection().matching(**filters).tolist() == expected


def test_without_data_nothing_matches_and_without_predictions_only_true_labels_filter():
    empty = GallerySelection()
    assert empty.matching().tolist() == [] and empty.confusion is None
    with pytest.raises(ValueError, match="no test data"):
        empty.show([0], capacity=4)
    s = selection(predicted=None)
    assert s.confusion is None and s.right_count() == 0
    assert s.matching(true_digit=1).tolist() == [2, 3, 5]


def test_pages_cover_the_selection_once_in_a_random_order():
    s = selection()
    assert s.reorder(s.matching(), keep_shown=False)
    assert sorted(s.order.tolist()) == list(range(12)) and s.order.tolist() != list(range(12))
    assert s.page_count(capacity=5) == 3
    seen = [s.page_of(page, capacity=5).tolist() for page in range(3)]
    assert [len(p) for p in seen] == [5, 5, 2] and sorted(sum(seen, [])) == list(range(12))
    assert s.page_of(7, capacity=5).tolist() == seen[2] and s.page == 2   # clamped
    assert s.page_of(-1, capacity=5).tolist() == seen[0] and s.page == 0
    assert GallerySelection().page_count(capacity=25) == 1                # no images: one empty page


def test_reorder_keeps_the_shown_images_that_still_match_first():
    s = selection()
    s.reorder(s.matching(), keep_shown=False)
    s.show(s.page_of(0, capacity=4), capacity=4)
    shown = s.shown.tolist()
    assert not s.reorder(s.matching(), keep_shown=True)    # same selection: the order stays
    assert s.shown.tolist() == shown
    s.forget_order()                                       # e.g. a bigger grid: a new order, shown first
    assert s.reorder(s.matching(), keep_shown=True)
    assert s.order[:4].tolist() == shown and sorted(s.order.tolist()) == list(range(12))
    wrong = s.matching(misclassified=True)
    assert s.reorder(wrong, keep_shown=True)
    kept = [i for i in shown if i in (1, 5, 9)]
    assert s.order[:len(kept)].tolist() == kept and sorted(s.order.tolist()) == [1, 5, 9]


def test_show_refuses_more_than_the_grid_holds():
    s = selection()
    with pytest.raises(ValueError, match="5 images do not fit a 2² grid"):
        s.show(range(5), capacity=4)
    assert s.show([3, 1], capacity=4).tolist() == [3, 1] and s.shown.dtype == np.int64


def test_the_selected_image_stays_while_shown_else_the_first_shown():
    s = selection()
    s.show([4, 5, 6], capacity=4)
    assert s.detail_after() == 4                 # nothing selected yet: the first
    s.detail = 6
    assert s.detail_after() == 6                 # still shown
    s.show([7, 8], capacity=4)
    assert s.detail_after() == 7                 # filtered out: the first shown
    assert s.detail_after(keep_detail=True) == 6  # new predictions for the same images: it stays
    s.show([], capacity=4)
    assert s.detail_after(keep_detail=True) is None


def test_new_labels_forget_everything_shown_and_predicted():
    s = selection()
    s.reorder(s.matching(), keep_shown=False)
    s.show(s.page_of(0, capacity=4), capacity=4)
    s.detail = int(s.shown[0])
    s.set_labels(np.array([5, 6]))
    assert (s.shown.tolist(), s.order.tolist(), s.detail, s.predicted, s.confusion) == ([], [], None, None, None)
    assert s.matching().tolist() == [0, 1]


def test_confusion_counts_shades_and_right_count():
    s = selection()
    expected = np.zeros((10, 10), int)
    np.add.at(expected, (LABELS, PREDICTED), 1)
    np.testing.assert_array_equal(s.confusion, expected)
    assert s.right_count() == 9
    fractions, shades = confusion_shades(s.confusion)
    assert fractions[0].tolist()[:3] == pytest.approx([2 / 3, 0, 1 / 3])
    assert shades[0, 0] == pytest.approx(2 / 3)                # the diagonal as it is
    assert shades[0, 2] == pytest.approx(np.sqrt(1 / 3))       # errors brighter: the square root
    assert fractions[9].tolist() == [0] * 10                   # an empty row: no division by zero


def test_the_selection_in_words():
    assert filter_conditions() == []
    assert filter_conditions(3, 5, True) == ["misclassified", "true 3", "predicted 5"]
    s = selection()
    s.reorder(s.matching(), keep_shown=False)
    s.show(s.page_of(1, capacity=4), capacity=4)
    assert s.describe(4, drawings=False) == "All 12 test images; 5–8 in random order, page 2 of 3"
    s.reorder(s.matching(true_digit=0, predicted_digit=2), keep_shown=False)
    s.show(s.page_of(0, capacity=4), capacity=4)
    assert s.describe(4, drawings=True, true_digit=0, predicted_digit=2) == "Showing true 0 predicted 2: 1 drawing"
    s.reorder(s.matching(misclassified=True), keep_shown=False)
    s.show(s.page_of(0, capacity=1), capacity=1)
    assert s.describe(1, drawings=False, misclassified=True) == \
        "Showing misclassified: 3 images; 1 in random order, page 1 of 3"


def test_drawings_set_reads_the_store(tmp_path, mnist):
    from mnist_gui.core.drawings import DrawingStore

    store = DrawingStore(tmp_path)
    for i in range(3):
        store.add(mnist.x_test[i], int(mnist.y_test[i]))
    d = DrawingsSet.of(store)
    assert d.ids == tuple(drawing.id for drawing in store.drawings()) and len(d.dates) == 3
    assert d.y_test.tolist() == mnist.y_test[:3].tolist() and d.x_test.shape == (3, 28, 28)


def test_the_state_lines_say_what_the_grid_can_show_and_why_not_more():
    from types import SimpleNamespace

    from mnist_gui.core.gallery_selection import drawings_line, test_set_line

    info = SimpleNamespace(name="cnn", version=2, training=False, test_accuracy=0.9912, drawn_accuracy=None)
    assert test_set_line(None, None, "no file", None, "") == "⚠ The MNIST data is not available.\nno file"
    assert test_set_line(None, None, None, None, "").startswith("Loading")
    assert test_set_line(None, 10_000, None, None, "").startswith("No model yet")
    assert test_set_line(info, 10_000, None, None, "") == "Predicting the 10,000 test images with cnn…"
    assert test_set_line(info, 10_000, None, 1, "mlp") == "Predictions of mlp; updating for cnn…"
    assert test_set_line(info, 10_000, None, 2, "cnn") == "Predictions of cnn: 99.12% of the test images right"
    training = SimpleNamespace(name="cnn", version=3, training=True, test_accuracy=None, drawn_accuracy=None)
    # Each epoch's model comes a moment before its predictions: the line does not say "updating".
    assert test_set_line(training, 10_000, None, 2, "cnn") == \
        "Predictions of cnn (training: refreshed at every epoch end)"
    assert drawings_line(info, 0, "/d", False, 0).startswith("My drawings: none yet.")
    assert drawings_line(None, 3, "/d", False, 0) == "My drawings (3, kept in /d): no model yet to read them."
    assert drawings_line(info, 3, "/d", False, 0) == "My drawings (3, kept in /d): reading them with cnn…"
    assert drawings_line(info, 3, "/d", True, 2) == "My drawings (3, kept in /d): cnn reads 2 of 3 right (66.7%)"
