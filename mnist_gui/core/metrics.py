"""Confusion matrix and test-set selections for the Gallery, in numpy only (no Qt, no TensorFlow)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

N_CLASSES = 10


@dataclass(frozen=True, eq=False)
class Predictions:
    """A model's answers for a set of images: the probabilities and the digit each one picks."""

    probabilities: np.ndarray  # (N, 10)
    labels: np.ndarray         # (N,) the most probable digit
    confidence: np.ndarray     # (N,) its probability

    @classmethod
    def of(cls, probabilities) -> Predictions:
        probabilities = np.asarray(probabilities)
        return cls(probabilities, probabilities.argmax(axis=1), probabilities.max(axis=1))

    def __len__(self) -> int:
        return len(self.labels)


def confusion_matrix(y_true, y_pred, n_classes: int = N_CLASSES) -> np.ndarray:
    """Counts (n_classes, n_classes): rows are true labels, columns predicted labels."""
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = np.asarray(y_pred, dtype=np.int64)
    cells = np.bincount(y_true * n_classes + y_pred, minlength=n_classes * n_classes)
    return cells.reshape(n_classes, n_classes)


def overall_accuracy(matrix: np.ndarray) -> float:
    total = matrix.sum()
    return float(np.trace(matrix) / total) if total else float("nan")


def per_class_accuracy(matrix: np.ndarray) -> np.ndarray:
    """Recall of each true class; NaN for a class with no images."""
    per_row = matrix.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.diag(matrix) / per_row


def select_indices(y_true, y_pred=None, *, true_digit: int | None = None,
                   predicted_digit: int | None = None, misclassified: bool = False) -> np.ndarray:
    """Indices (ascending) of the images matching every given condition.

    Conditions on predictions need ``y_pred``; without it they are an error, not silently ignored.
    """
    y_true = np.asarray(y_true)
    keep = np.ones(len(y_true), dtype=bool)
    if true_digit is not None:
        keep &= y_true == true_digit
    if predicted_digit is not None or misclassified:
        if y_pred is None:
            raise ValueError("filtering on predictions needs predictions")
        y_pred = np.asarray(y_pred)
        if predicted_digit is not None:
            keep &= y_pred == predicted_digit
        if misclassified:
            keep &= y_pred != y_true
    return np.flatnonzero(keep)


def expected_calibration_error(probabilities, y_true, bins: int = 15) -> float:
    """ECE: the gap between confidence and accuracy, averaged over equal-width confidence bins
    weighted by how many predictions fall in each (0 = confidence means what it says)."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    y_true = np.asarray(y_true)
    if len(y_true) == 0:
        return float("nan")
    confidence = probabilities.max(axis=1)
    correct = probabilities.argmax(axis=1) == y_true
    which = np.minimum((confidence * bins).astype(np.int64), bins - 1)
    counts = np.bincount(which, minlength=bins)
    gap = np.abs(np.bincount(which, confidence, bins) - np.bincount(which, correct, bins))
    return float(gap.sum() / counts.sum())


def worst_confusions(y_true, y_pred, top: int = 5) -> list[tuple[int, int, int]]:
    """The most frequent mistakes as (true digit, predicted digit, count), most frequent first."""
    matrix = confusion_matrix(y_true, y_pred)
    np.fill_diagonal(matrix, 0)
    order = np.argsort(matrix, axis=None, kind="stable")[::-1][:top]
    return [(int(i // N_CLASSES), int(i % N_CLASSES), int(matrix.flat[i])) for i in order if matrix.flat[i]]
