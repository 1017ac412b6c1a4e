"""Confusion matrix and selections for the Gallery: plain numpy, no Qt."""

import numpy as np
import pytest

from mnist_gui.core.metrics import (
    Predictions,
    confusion_matrix,
    overall_accuracy,
    per_class_accuracy,
    select_indices,
)


def test_predictions_pick_the_most_probable_digit(rng):
    probabilities = rng.dirichlet(np.ones(10), 500).astype(np.float32)
    predictions = Predictions.of(probabilities)
    assert len(predictions) == 500 and predictions.probabilities is probabilities
    for i in (0, 7, 499):
        assert predictions.labels[i] == int(np.argmax(probabilities[i]))
        assert predictions.confidence[i] == probabilities[i].max()


def test_confusion_matrix_counts_pairs(rng):
    y_true = rng.integers(0, 10, 1000)
    y_pred = np.where(rng.random(1000) < 0.8, y_true, rng.integers(0, 10, 1000))
    matrix = confusion_matrix(y_true, y_pred)
    assert matrix.shape == (10, 10) and matrix.sum() == 1000
    for t, p in [(0, 0), (3, 5), (9, 1)]:
        assert matrix[t, p] == np.sum((y_true == t) & (y_pred == p))
    assert overall_accuracy(matrix) == pytest.approx(np.mean(y_true == y_pred))
    np.testing.assert_allclose(per_class_accuracy(matrix),
                               [np.mean(y_pred[y_true == d] == d) for d in range(10)])


def test_per_class_accuracy_of_an_absent_class_is_nan():
    matrix = confusion_matrix([0, 0, 1], [0, 1, 1])
    accuracy = per_class_accuracy(matrix)
    assert accuracy[0] == 0.5 and accuracy[1] == 1.0 and np.isnan(accuracy[2:]).all()


def test_select_indices():
    y_true = np.array([1, 2, 2, 3, 2])
    y_pred = np.array([1, 2, 3, 3, 1])
    assert select_indices(y_true).tolist() == [0, 1, 2, 3, 4]
    assert select_indices(y_true, true_digit=2).tolist() == [1, 2, 4]
    assert select_indices(y_true, y_pred, predicted_digit=3).tolist() == [2, 3]
    assert select_indices(y_true, y_pred, misclassified=True).tolist() == [2, 4]
    assert select_indices(y_true, y_pred, true_digit=2, predicted_digit=1, misclassified=True).tolist() == [4]
    with pytest.raises(ValueError):
        select_indices(y_true, misclassified=True)
