"""What the Gallery shows, with no Qt: which images match its filters, the order and page it shows
them in, the image selected, and the confusion matrix's counts and shades.

The Gallery tab paints; every choice of what to paint is made here, on the true labels of the shown
set (the MNIST test set or My drawings) and, when there is a model, its predicted labels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .metrics import N_CLASSES, confusion_matrix, select_indices


@dataclass(frozen=True)
class DrawingsSet:
    """My drawings in the shape the grid reads (``x_test``, ``y_test``), with their ids and dates."""

    x_test: np.ndarray
    y_test: np.ndarray
    ids: tuple
    dates: tuple

    @classmethod
    def of(cls, store) -> "DrawingsSet":
        drawings = store.drawings()
        x, y = store.arrays()
        return cls(x, y, tuple(d.id for d in drawings), tuple(d.date for d in drawings))


def filter_conditions(true_digit: int | None = None, predicted_digit: int | None = None,
                      misclassified: bool = False) -> list[str]:
    """The filters in words ("misclassified", "true 3", "predicted 5"); empty for no filter."""
    conditions = ["misclassified"] if misclassified else []
    if true_digit is not None:
        conditions.append(f"true {true_digit}")
    if predicted_digit is not None:
        conditions.append(f"predicted {predicted_digit}")
    return conditions


def confusion_shades(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's share of its row (its true digit), and the shade to draw it with (0..1).

    Errors are a few percent of a row: off the diagonal the square root keeps them visible."""
    fractions = matrix / np.maximum(matrix.sum(axis=1), 1)[:, None]
    return fractions, np.where(np.eye(N_CLASSES, dtype=bool), fractions, np.sqrt(fractions))


def test_set_line(info, n_images: int | None, data_error: str | None, version: int | None,
                  predictions_model_name: str) -> str:
    """What the grid shows of the MNIST test set (``n_images``; None: not loaded, maybe ``data_error``)
    with the model ``info`` (the service's ModelInfo, None: no model) and the predictions it has
    (``version`` None: none yet, made by ``predictions_model_name``), and why not more."""
    if n_images is None and data_error:
        return f"⚠ The MNIST data is not available.\n{data_error}"
    if n_images is None:
        return "Loading the MNIST test images…"
    if info is None:
        return ("No model yet: the images show their true labels only. "
                "Train a model or open a model file to see its predictions.")
    if version is None:
        return f"Predicting the {n_images:,} test images with {info.name}…"
    if version != info.version and not (info.training and info.name == predictions_model_name):
        return f"Predictions of {predictions_model_name}; updating for {info.name}…"
    # While training, each epoch's predictions follow its model within a moment: the line
    # stays as it is meanwhile (a line that changes length can change the whole tab's layout).
    text = f"Predictions of {info.name}"
    if info.test_accuracy is not None:
        text += f": {info.test_accuracy:.2%} of the test images right"
        if info.drawn_accuracy is not None:
            text += f", {info.drawn_accuracy:.2%} of mouse-style drawings"
    if info.training:
        text += " (training: refreshed at every epoch end)"
    return text


def drawings_line(info, n: int, folder, predicted: bool, right: int) -> str:
    """What the grid shows of My drawings (``n``, kept in ``folder``): how many the model ``info``
    reads right (``right``, once ``predicted``)."""
    if not n:
        return ("My drawings: none yet. Draw digits on the Draw Pad and label them (0-9 keys, Enter keeps "
                "the model's reading); they are kept and shown here.")
    text = f"My drawings ({n}, kept in {folder})"
    if info is None:
        return text + ": no model yet to read them."
    if not predicted:
        return text + f": reading them with {info.name}…"
    return text + f": {info.name} reads {right} of {n} right ({right / n:.1%})"


_EMPTY = np.empty(0, dtype=np.int64)


class GallerySelection:
    """The images matching the filters, in a random order paged a grid's worth at a time, and the
    one selected, for one set of true labels and (when there is a model) predicted labels."""

    def __init__(self, rng: np.random.Generator | None = None):
        self.rng = rng if rng is not None else np.random.default_rng()
        self.labels: np.ndarray | None = None      # true labels; None: no data yet
        self.predicted: np.ndarray | None = None   # predicted labels; None: no predictions
        self.confusion: np.ndarray | None = None   # (true, predicted) counts over the whole set
        self.order = _EMPTY      # the selection, in the order its pages show it
        self.shown = _EMPTY      # the images in the grid, in reading order
        self.page = 0
        self.detail: int | None = None   # the image selected (shown large)

    def set_labels(self, labels) -> None:
        """Another set of images: nothing shown or selected, and no predictions for it yet."""
        self.labels = None if labels is None else np.asarray(labels)
        self.shown, self.order, self.detail = _EMPTY, _EMPTY, None
        self.set_predictions(None)

    def set_predictions(self, predicted) -> None:
        """The model's predicted labels for every image (None: none); the confusion matrix follows."""
        self.predicted = None if predicted is None else np.asarray(predicted)
        self.confusion = None if predicted is None else confusion_matrix(self.labels, self.predicted)

    def matching(self, true_digit: int | None = None, predicted_digit: int | None = None,
                 misclassified: bool = False) -> np.ndarray:
        """Every image matching the filters, ascending (none without data)."""
        if self.labels is None:
            return _EMPTY
        return select_indices(self.labels, self.predicted, true_digit=true_digit, predicted_digit=predicted_digit,
                              misclassified=misclassified)

    def reorder(self, selection: np.ndarray, keep_shown: bool) -> bool:
        """A new random order of ``selection``; False (and no change) if ``keep_shown`` and the
        order already holds exactly the selection.

        With ``keep_shown`` the images shown that still match come first, so new predictions or a
        bigger grid do not throw away what the user is looking at."""
        if keep_shown and len(selection) == len(self.order) and np.array_equal(np.sort(self.order), selection):
            return False
        kept = self.shown[np.isin(self.shown, selection)] if keep_shown else self.shown[:0]
        others = np.setdiff1d(selection, kept, assume_unique=True)
        self.order = np.concatenate([kept, self.rng.permutation(others)]).astype(np.int64)
        return True

    def forget_order(self) -> None:
        """The next ``reorder`` makes a new order (the pages' size changed), keeping what is shown first."""
        self.order = self.order[:0]

    def page_count(self, capacity: int) -> int:
        return max(1, -(-len(self.order) // capacity))

    def page_of(self, page: int, capacity: int) -> np.ndarray:
        """Go to ``page`` (clamped to the pages there are); its images."""
        self.page = min(max(0, page), self.page_count(capacity) - 1)
        return self.order[self.page * capacity:(self.page + 1) * capacity]

    def show(self, indices, capacity: int) -> np.ndarray:
        """Take ``indices`` as the images shown; ValueError if more than ``capacity`` or no data."""
        indices = np.asarray(indices, dtype=np.int64).reshape(-1)
        if len(indices) > capacity:
            raise ValueError(f"{len(indices)} images do not fit a {round(capacity ** 0.5)}² grid")
        if self.labels is None and len(indices):
            raise ValueError("there is no test data to show yet")
        self.shown = indices
        return indices

    def detail_after(self, keep_detail: bool = False) -> int | None:
        """The image to select once the grid shows ``shown``: the one selected while it is shown
        (or ``keep_detail``: the same images with new predictions, an image opened from elsewhere
        stays), else the first shown; None when nothing is shown."""
        if not len(self.shown):
            return None
        if self.detail in self.shown or (keep_detail and self.detail is not None):
            return self.detail
        return int(self.shown[0])

    def describe(self, capacity: int, drawings: bool, **filters) -> str:
        """The selection in words: what the filters pick, how many, and the page shown."""
        count = len(self.order)
        conditions = filter_conditions(**filters)
        noun = "drawing" if drawings else "image"
        if conditions:
            text = f"Showing {' '.join(conditions)}: {count:,} {noun}{'' if count == 1 else 's'}"
        else:
            text = f"All {count:,} {'drawings' if drawings else 'test images'}"
        if count > len(self.shown):
            first, last = self.page * capacity + 1, self.page * capacity + len(self.shown)
            shown = f"{first:,}–{last:,}" if last > first else f"{first:,}"
            text += f"; {shown} in random order, page {self.page + 1:,} of {self.page_count(capacity):,}"
        return text

    def right_count(self) -> int:
        """Images whose predicted label is the true one (0 without predictions)."""
        return 0 if self.predicted is None else int(np.sum(self.predicted == self.labels))
