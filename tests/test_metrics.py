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


def test_calibration_error_is_zero_when_confidence_matches_accuracy_and_the_gap_when_not():
    from mnist_gui.core.metrics import expected_calibration_error

    # 80% confident everywhere: right on 8 of 10 is calibrated; right on all 10 is 0.2 underconfident.
    probs = np.full((10, 10), 0.2 / 9)
    probs[:, 0] = 0.8
    assert expected_calibration_error(probs, [0] * 8 + [1, 2]) == pytest.approx(0.0)
    assert expected_calibration_error(probs, [0] * 10) == pytest.approx(0.2)
    # Two bins: 0.95 confident and right on 2 of 4 (gap 0.45); 0.55 confident and right on 4 of 4 (0.45).
    probs = np.zeros((8, 10))
    probs[:4, 3], probs[:4, 4] = 0.95, 0.05
    probs[4:, 3], probs[4:, 4] = 0.55, 0.45
    assert expected_calibration_error(probs, [3, 3, 4, 4, 3, 3, 3, 3]) == pytest.approx(0.45)


def test_worst_confusions_are_the_most_frequent_mistakes_first():
    from mnist_gui.core.metrics import worst_confusions

    y_true = [7, 7, 7, 3, 3, 9, 1, 1]
    y_pred = [2, 2, 7, 2, 5, 8, 1, 1]
    assert worst_confusions(y_true, y_pred, top=1) == [(7, 2, 2)]
    assert worst_confusions(y_true, y_pred, top=10) == sorted(
        [(7, 2, 2), (3, 2, 1), (3, 5, 1), (9, 8, 1)], key=lambda t: (-t[2], -(t[0] * 10 + t[1])))
    assert worst_confusions([1, 2], [1, 2]) == []
