"""Chart export: the Training tab's Qt charts as PNG, SVG or PDF, written atomically."""

import numpy as np
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


def _curve_chart(qtbot, settle):
    from mnist_gui.core import robustness as rb
    from mnist_gui.ui.charts import CurveChart

    chart = CurveChart()
    chart.resize(600, 300)
    qtbot.addWidget(chart)
    chart.show()
    qtbot.waitExposed(chart)
    axis = rb.AXIS["rotation"]
    lines = {"current": ("CNN", [(v, 0.99 - 0.002 * abs(v)) for v in axis.curve])}
    chart.show_axis(axis, lines, 0.0)
    chart.last_shown = (axis, lines)
    settle()
    return chart, axis, lines


def _marker_columns(chart, image) -> list[int]:
    """The x (view px) of the columns where ``image`` differs from the chart drawn without its marker."""
    value = chart.marker()
    chart.show_axis(*chart.last_shown, 1e9)  # off the axis: no marker line
    plain = chart.grab().toImage().convertToFormat(image.format())
    chart.show_axis(*chart.last_shown, value)
    return sorted(np.flatnonzero(_differs(image, plain).any(axis=0)).tolist())


def _argb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    return rows[:, :image.width()].copy()  # the converted image, and its buffer, go with this frame


def _differs(a: QImage, b: QImage) -> np.ndarray:
    """(height, width) booleans: where the two images' pixels differ."""
    return _argb(a) != _argb(b)


def test_curve_chart_marker_stands_at_the_slider_value_and_moving_it_leaves_the_curves_alone(qtbot, settle):
    chart, axis, lines = _curve_chart(qtbot, settle)
    replaced = []
    chart.series["current"].pointsReplaced.connect(lambda: replaced.append(1))
    for value in (-22.5, 7.5, 41.0):
        chart.show_axis(axis, lines, value)  # a slider step: the same curves, the marker elsewhere
        settle()
        assert chart.marker() == value
        area = chart.chart().plotArea()
        expected = chart.mapFromScene(chart.chart().mapToScene(
            area.left() + (value - axis.low) / (axis.high - axis.low) * area.width(), area.top())).x()
        columns = _marker_columns(chart, chart.grab().toImage())
        assert columns and all(abs(x - expected) <= 1 for x in columns), (value, expected, columns)
    assert replaced == []  # Qt Charts redid nothing for the marker
    assert chart.points("current") == [(v, pytest.approx(100 * a)) for v, a in lines["current"][1]]
    chart.show_axis(axis, {"current": ("CNN", [(v, 0.5) for v in axis.curve])}, 45.0)
    assert replaced == [1]


def test_curve_chart_marker_is_in_the_saved_file(qtbot, settle, tmp_path):
    from mnist_gui.ui.chart_export import export_charts

    chart, axis, lines = _curve_chart(qtbot, settle)
    saved = {}
    for name, value in (("with", 7.5), ("without", 1e9)):
        chart.show_axis(axis, lines, value)
        settle()
        saved[name] = QImage(str(export_charts(chart, tmp_path / f"{name}.png")))
    with_marker, without = saved["with"], saved["without"]
    scale = with_marker.width() / chart.width()
    columns = set(np.flatnonzero(_differs(with_marker, without).any(axis=0)).tolist())
    chart.show_axis(axis, lines, 7.5)
    shown = _marker_columns(chart, chart.grab().toImage())
    assert columns and all(min(shown) - 1 <= x / scale <= max(shown) + 1 for x in columns), (columns, shown)
