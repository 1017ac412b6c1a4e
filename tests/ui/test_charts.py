"""Chart export (matplotlib), without a window."""

import pytest

from mnist_gui.core.charts import ChartError, history_figure, save_history_chart

HISTORY = {"loss": [0.9, 0.5], "accuracy": [0.7, 0.85], "val_loss": [1.0, 0.6], "val_accuracy": [0.68, 0.83]}


def test_figure_has_both_metrics_train_and_validation():
    figure = history_figure(HISTORY, "Seed DNN, 2 epochs")
    loss_ax, acc_ax = figure.axes
    assert [line.get_label() for line in loss_ax.lines] == ["train", "validation (test set)"]
    assert list(acc_ax.lines[1].get_ydata()) == HISTORY["val_accuracy"]
    assert list(acc_ax.lines[0].get_xdata()) == [1, 2]
    assert figure.get_suptitle() == "Seed DNN, 2 epochs"


def test_save_is_atomic_and_keeps_an_existing_file_on_failure(tmp_path, monkeypatch):
    path = tmp_path / "h.png"
    save_history_chart(HISTORY, path)
    before = path.read_bytes()
    assert before.startswith(b"\x89PNG")

    from matplotlib.figure import Figure

    def broken(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", broken)
    with pytest.raises(ChartError, match="No space left"):
        save_history_chart(HISTORY, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["h.png"]  # no temp file left behind


def test_bad_suffix_and_empty_history_are_clear_errors(tmp_path):
    with pytest.raises(ChartError, match=r"\.png, \.svg, \.pdf"):
        save_history_chart(HISTORY, tmp_path / "h.jpg")
    with pytest.raises(ChartError, match="no training history"):
        save_history_chart({}, tmp_path / "h.png")
