"""Chart export: the Training tab's Qt charts as PNG, SVG or PDF, written atomically."""

import pytest
from PySide6.QtGui import QImage

from mnist_gui.ui.charts import ChartError, TrainingCharts

EPOCHS = [{"loss": 0.9, "accuracy": 0.7, "val_loss": 1.0, "val_accuracy": 0.68},
          {"loss": 0.5, "accuracy": 0.85, "val_loss": 0.6, "val_accuracy": 0.83}]


@pytest.fixture
def charts(qtbot):
    widget = TrainingCharts()
    qtbot.addWidget(widget)
    widget.clear(2)
    for logs in EPOCHS:
        widget.add_epoch(logs)
    return widget


def test_each_format_holds_the_charts(charts, tmp_path):
    charts.save(tmp_path / "h.png")
    image = QImage(str(tmp_path / "h.png"))
    assert not image.isNull() and image.width() > 2 * image.height()  # both charts side by side
    svg = (tmp_path / "h.svg")
    charts.save(svg)
    text = svg.read_text()
    assert "<svg" in text and "Accuracy" in text and "validation (test set)" in text
    charts.save(tmp_path / "h.pdf")
    assert (tmp_path / "h.pdf").read_bytes()[:5] == b"%PDF-"


def test_save_is_atomic_and_keeps_an_existing_file_on_failure(charts, tmp_path, monkeypatch):
    path = tmp_path / "h.png"
    charts.save(path)
    before = path.read_bytes()
    assert before.startswith(b"\x89PNG")

    monkeypatch.setattr(QImage, "save", lambda self, *args: False)  # e.g. a full disk
    with pytest.raises(ChartError, match="Could not save h.png"):
        charts.save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["h.png"]  # no temp file left behind


def test_bad_suffix_and_empty_history_are_clear_errors(charts, qtbot, tmp_path):
    with pytest.raises(ChartError, match=r"\.png, \.svg, \.pdf"):
        charts.save(tmp_path / "h.jpg")
    empty = TrainingCharts()
    qtbot.addWidget(empty)
    with pytest.raises(ChartError, match="no training history"):
        empty.save(tmp_path / "h.png")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("width", [560, 1400])
def test_epoch_labels_fit_at_any_width(qtbot, tmp_path, width):
    """A 50-epoch run in a small window (1024×640: charts about 270 px wide) shows whole epoch
    labels, fewer of them, instead of eliding each to '…'; a wide window shows more."""
    widget = TrainingCharts()
    qtbot.addWidget(widget)
    widget.resize(width, 300)
    widget.show()
    widget.clear(50)
    widget.add_epoch(EPOCHS[0])
    qtbot.waitExposed(widget)
    chart = widget.chart_views()[0]
    step = chart.x_tick_step()
    labels = 50 // step
    assert labels * chart.X_LABEL_PX <= chart.width() - 60 and labels >= (3 if width < 1000 else 8)
    svg = tmp_path / "c.svg"
    widget.save(svg)
    text = svg.read_text()
    assert "…" not in text
    assert f">{step * (50 // step)}<" in text  # the last labelled epoch, whole
