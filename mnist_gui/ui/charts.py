"""The app's Qt charts: the Training tab's live loss and accuracy and the Robustness tab's curves
(their export to a file: chart_export.py).

Qt draws the charts in C++ on the UI thread in a millisecond or two, so they update live without
competing with training for Python's GIL (a matplotlib redraw held it for 60-200 ms). *Save chart…*
renders these same views into the file, so it holds what the user sees: same ticks, same %,
same colours.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QAccessible, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QToolTip, QWidget

from . import accessibility
from .locale_format import general, num, percent_suffix
from .core_texts import core_text, in_sentence
from .chart_export import ChartError, check_chart_path, export_charts

HOVER_RADIUS = 12  # px from a point at which its value shows
CONFIDENCE = "confidence"  # the curve chart's last mode: coverage and accuracy against the threshold
X_TICKS = {"noise": 9, "rotation": 9, "shear": 7, "thickness": 10, "drawn": 5}  # round values on each axis
ROLE_STYLE = {"current": Qt.PenStyle.SolidLine, "other": Qt.PenStyle.DashLine, "pinned": Qt.PenStyle.DotLine}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def axis_format(fmt: str) -> str:
    """A printf label format for an axis that localises its numbers: Qt then formats only the number
    (no %d: it drops the labels) and keeps the rest as it is (so %% would show twice)."""
    return fmt.replace("%d", "%.0f").replace("%%", percent_suffix())


class HoverChartView(QChartView):
    """A chart view (theme following the palette, x and y value axes) whose tooltip is
    ``hover_text(pos)`` for the point the mouse rests on."""

    def __init__(self, x_axis: QValueAxis, y_axis: QValueAxis, parent=None):
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setLocale(QLocale())  # axis numbers as the user's language writes them (0,25 in German)
        chart.setLocalizeNumbers(True)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.x_axis, self.y_axis = x_axis, y_axis
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series: dict[str, QLineSeries] = {}

    def _add_series(self, key: str, series: QLineSeries) -> None:
        self.chart().addSeries(series)
        series.attachAxis(self.x_axis)
        series.attachAxis(self.y_axis)
        self.series[key] = series

    def _apply_palette(self):
        """Light or dark chart as the window is; a theme resets the pens, so subclasses style them after."""
        theme = QChart.ChartTheme.ChartThemeDark if is_dark(self.palette()) else QChart.ChartTheme.ChartThemeLight
        if self.chart().theme() != theme:
            self.chart().setTheme(theme)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def chart_position(self, pos) -> QPointF:
        """``pos`` (view coordinates) in the chart's coordinates."""
        return self.chart().mapFromScene(self.mapToScene(QPointF(pos).toPoint()))

    def nearest_point(self, at: QPointF, candidates) -> tuple[QLineSeries, QPointF] | None:
        """Of ``candidates`` ((series, point) pairs), the point drawn nearest ``at`` (chart
        coordinates) within HOVER_RADIUS px, the first of equals; None if none is that near."""
        chart = self.chart()
        best = None
        for series, point in candidates:
            shown = chart.mapToPosition(point, series)
            distance = math.hypot(shown.x() - at.x(), shown.y() - at.y())
            if distance <= HOVER_RADIUS and (best is None or distance < best[0]):
                best = (distance, series, point)
        return None if best is None else best[1:]

    def hover_text(self, pos: QPointF) -> str | None:
        return None

    # ---- for screen readers and the keyboard: each series' values; arrows step through points ----

    accessible_role = QAccessible.Role.Chart
    accessible_native_children = False
    _cursor = None  # (series, index of its point) the arrow keys are on

    def point_text(self, series: QLineSeries, point: QPointF) -> str:
        return f"{point.x():g}: {point.y():g}"

    def shown_series(self) -> list[QLineSeries]:
        return [s for s in self.series.values() if s.isVisible() and s.name() and s.count()]

    def accessible_value(self) -> str:
        shown = self.shown_series()
        if not shown:
            return self.tr("no values yet")
        return self.tr("{0}: {1}; arrow keys step through the points").format(
            self.chart().title() or self.x_axis.titleText(), ", ".join(s.name() for s in shown))

    def accessible_items(self) -> list:
        area = self.mapFromScene(self.chart().mapToScene(self.chart().plotArea())).boundingRect()
        return [accessibility.Item(f"{s.name()}: " + "; ".join(self.point_text(s, p) for p in s.points()), area,
                                   QAccessible.Role.Row) for s in self.shown_series()]

    def keyPressEvent(self, event):
        shown = self.shown_series()
        key = event.key()
        series, index = self._cursor if self._cursor and self._cursor[0] in shown else (None, -1)
        if shown and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and series is not None:
            row = min(max(shown.index(series) + (1 if key == Qt.Key.Key_Down else -1), 0), len(shown) - 1)
            series, index = shown[row], min(index, shown[row].count() - 1)
        elif shown and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
                               Qt.Key.Key_Up, Qt.Key.Key_Down):
            series = series or shown[0]
            step = accessibility.grid_step(key, index, series.count(), 1)
            index = step if step is not None else min(max(index, 0), series.count() - 1)
        else:
            super().keyPressEvent(event)
            return
        self._cursor = (series, index)
        point = series.at(index)
        text = self.point_text(series, point) + f" ({series.name()})"
        shown_at = self.mapFromScene(self.chart().mapToScene(self.chart().mapToPosition(point, series)))
        QToolTip.showText(self.viewport().mapToGlobal(shown_at), text, self.viewport())
        accessibility.announce(self, text)
        self.viewport().update()

    def focusInEvent(self, event):
        super().focusInEvent(event)
        self.viewport().update()  # the view paints in its viewport: the frame shows at once

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.viewport().update()

    def drawForeground(self, painter, rect):
        super().drawForeground(painter, rect)
        if not self.hasFocus():
            return
        # A focus frame, and a ring on the point the arrow keys are on (scene coordinates).
        painter.save()
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.mapToScene(self.viewport().rect().adjusted(1, 1, -2, -2)).boundingRect())
        if self._cursor and self._cursor[0] in self.shown_series() and self._cursor[1] < self._cursor[0].count():
            series, index = self._cursor
            at = self.chart().mapToScene(self.chart().mapToPosition(series.at(index), series))
            painter.drawEllipse(QRectF(at.x() - 7, at.y() - 7, 14, 14))
        painter.restore()

    def viewportEvent(self, event):
        # Qt's tooltip event (the mouse rested, or moved while a tooltip shows), not mouse moves:
        # hovering costs nothing until then, and the scene's own tooltip handling, which would
        # hide this one (no chart item has a tooltip), never runs.
        if event.type() == QEvent.Type.ToolTip:
            text = self.hover_text(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


class MetricChart(HoverChartView):
    """One metric per epoch, train and validation. Hovering near a point shows its value."""

    X_LABEL_PX = 40  # room for one x label

    def __init__(self, title: str, metric: str, percent: bool = False, floor: float | None = None,
                 ceiling: float | None = None, parent=None):
        super().__init__(QValueAxis(titleText=self.tr("epoch"), labelFormat=axis_format("%d")),
                         QValueAxis(labelFormat=axis_format("%.1f%%" if percent else "%.3g"), min=0, max=100 if percent else 1),
                         parent)
        self.chart().setTitle(title)
        self.setAccessibleName(self.tr("{0} chart").format(title))
        self.metric, self.percent = metric, percent
        self.markers: QScatterSeries | None = None  # changes made during the run
        self.floor, self.ceiling = floor, ceiling  # bounds the metric cannot pass, as shown
        for key, name in ((metric, self.tr("train")), ("val_" + metric, self.tr("validation (test set)"))):
            series = QLineSeries(name=name)
            self._add_series(key, series)
            series.setPointsVisible(True)
        self._apply_palette()
        self.reset(1)

    def _apply_palette(self):
        super()._apply_palette()
        for series, style in zip(self.series.values(), (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine)):
            pen = series.pen()
            pen.setStyle(style)
            pen.setWidthF(2)
            series.setPen(pen)
            series.setMarkerSize(6)

    def reset(self, epochs: int):
        """No points, on an x axis spanning ``epochs`` (the planned run). The y axis waits for the
        first epoch's points, which set it: changing an axis lays the chart out again, 5-10 ms."""
        for series in self.series.values():
            series.clear()
        if self.markers is not None:
            self.markers.clear()
        top = max(2, epochs)
        if (self.x_axis.min(), self.x_axis.max()) != (1, top):
            self.x_axis.setRange(1, top)
            self._fit_x_ticks()

    def mark(self, x: float, name: str):
        """A change made during the run (core.live): a triangle on the x axis at ``x``."""
        if self.markers is None:
            self.markers = QScatterSeries(name=name)
            self.markers.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
            self.markers.setMarkerSize(12)
            self.chart().addSeries(self.markers)
            self.markers.attachAxis(self.x_axis)
            self.markers.attachAxis(self.y_axis)
            for marker in self.chart().legend().markers(self.markers):
                marker.setVisible(False)  # the epoch log says what changed; the legend keeps its room
        self.markers.append(x, self.y_axis.min())

    def x_tick_step(self) -> int:
        """Epochs between x labels: a round step (1, 2, 5, 10, 20, 25, 50, …) that leaves each label
        about 40 px at the chart's width, so that none is elided at small window sizes."""
        span = max(1, int(self.x_axis.max() - self.x_axis.min()))
        room = max(2, (self.width() - 60) // self.X_LABEL_PX)  # less the y axis labels
        for scale in (1, 10, 100, 1000, 10_000):
            for step in (1, 2, 5, 10, 20, 25, 50):
                if span / (step * scale) < room:
                    return step * scale
        return span

    def _fit_x_ticks(self):
        step = self.x_tick_step()
        if (self.x_axis.tickType(), self.x_axis.tickInterval()) != (QValueAxis.TickType.TicksDynamic, step):
            self.x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
            self.x_axis.setTickAnchor(0)
            self.x_axis.setTickInterval(step)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_x_ticks()

    def append(self, epoch: int, logs: dict):
        """Add one epoch (1-based). An axis changes only when a point falls outside it: each change
        lays the whole chart out again (5-10 ms on the UI thread)."""
        scale = 100.0 if self.percent else 1.0
        values = {key: logs[key] * scale for key in self.series if key in logs}
        for key, value in values.items():
            self.series[key].append(epoch, value)
        if epoch > self.x_axis.max():
            self.x_axis.setRange(1, epoch)
            self._fit_x_ticks()
        if values:
            self._fit_y_axis(min(values.values()), max(values.values()), first=epoch == 1)

    def _fit_y_axis(self, low: float, high: float, first: bool):
        """The first epoch sets the y range, later ones only widen it. The end a metric cannot pass
        (accuracy's 100%, loss's 0) stays put, so as training improves the points move within
        the axis instead of out of it and the axis, once set, rarely changes."""
        if not first:
            if self.y_axis.min() <= low and high <= self.y_axis.max():
                return
            low, high = min(low, self.y_axis.min()), max(high, self.y_axis.max())
        pad = (high - low) * 0.1 or abs(high) * 0.05 or 1.0
        low = self.floor if self.floor is not None and low >= self.floor else low - pad
        high = self.ceiling if self.ceiling is not None and high <= self.ceiling else high + pad
        self.y_axis.setRange(low, high)
        self.y_axis.applyNiceNumbers()

    def points(self, key: str) -> list[tuple[float, float]]:
        """What the chart shows for ``key`` (percent for accuracy), as (epoch, value) pairs."""
        return [(p.x(), p.y()) for p in self.series[key].points()]

    def point_near(self, pos: QPointF) -> tuple[str, int, float] | None:
        """(series name, epoch, value) of the point within HOVER_RADIUS px of ``pos`` (view
        coordinates), the nearest if both series have one there; else None.

        Only the points at the two epochs either side of the cursor are looked at: a mouse move costs the
        same at epoch 5 and at epoch 500.
        """
        chart = self.chart()
        at = self.chart_position(pos)
        if not chart.plotArea().adjusted(-HOVER_RADIUS, -HOVER_RADIUS, HOVER_RADIUS, HOVER_RADIUS).contains(at):
            return None
        x = chart.mapToValue(at).x()
        # One point per epoch from epoch 1.
        found = self.nearest_point(at, [(series, series.at(epoch - 1)) for epoch in {math.floor(x), math.ceil(x)}
                                        for series in self.series.values() if 1 <= epoch <= series.count()])
        if found is None:
            return None
        series, point = found
        return series.name(), round(point.x()), point.y()

    def point_text(self, series, point) -> str:
        value = f"{point.y():.2f}%" if self.percent else f"{point.y():.4f}"
        return self.tr("epoch {0}: {1}").format(round(point.x()), value)

    def hover_text(self, pos: QPointF) -> str | None:
        found = self.point_near(pos)
        if found is None:
            return None
        name, epoch, value = found
        shown = f"{num(value, 2)}%" if self.percent else num(value, 4)
        return self.tr("epoch {epoch}: {shown} ({name})").format(epoch=epoch, shown=shown, name=name)


class TrainingCharts(QWidget):
    """Loss and accuracy per epoch (train and validation), updated live as epochs end."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.history: dict[str, list[float]] = {}
        self.setAccessibleName(self.tr("Training curves"))
        self.loss_chart = MetricChart(self.tr("Loss"), "loss", floor=0.0)
        self.accuracy_chart = MetricChart(self.tr("Accuracy"), "accuracy", percent=True, ceiling=100.0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_chart)
        layout.addWidget(self.accuracy_chart)
        self.setMinimumHeight(220)

    def clear(self, epochs: int = 1):
        """Empty charts whose x axis spans the planned run from its start."""
        self.history = {}
        for chart in (self.loss_chart, self.accuracy_chart):
            chart.reset(epochs)

    def add_epoch(self, logs: dict):
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)
        epoch = max(len(v) for v in self.history.values())
        for chart in (self.loss_chart, self.accuracy_chart):
            chart.append(epoch, logs)

    def mark(self, x: float, name: str):
        """A change made during the run at ``x`` (epochs), on both charts; ``name``: the legend's."""
        for chart in (self.loss_chart, self.accuracy_chart):
            chart.mark(x, name)

    def chart_views(self) -> tuple[QChartView, ...]:
        return (self.loss_chart, self.accuracy_chart)

    def save(self, path) -> Path:
        """Write both charts as shown to ``path`` (PNG, SVG or PDF by its suffix), atomically.
        Raises ChartError with a message for the user."""
        check_chart_path(path)
        if not any(self.history.get(k) for k in ("loss", "accuracy", "val_loss", "val_accuracy")):
            raise ChartError(self.tr("There is no training history to draw yet."))
        return export_charts(self, path)


class CurveChart(HoverChartView):
    """Accuracy against one distortion for up to three models (current, other, pinned), or coverage
    and accuracy against the confidence threshold; a vertical line marks the slider's value."""

    def __init__(self, parent=None):
        super().__init__(QValueAxis(labelFormat="%g"), QValueAxis(labelFormat=axis_format("%.0f%%"), min=0, max=100),
                         parent)
        self.chart().setMargins(self.chart().margins() * 0)
        self.setAccessibleName(self.tr("Robustness curves"))
        for key in ("current", "other", "pinned"):
            self._add_series(key, QLineSeries())
        self._mode = None
        # The slider's value: painted over the chart, not a series, as it moves with every slider
        # step (60 a second); a series there made Qt Charts redo the scene, 7-10 ms a step under load.
        self._marker: float | None = None
        self._apply_palette()

    def _apply_palette(self):
        super()._apply_palette()
        for key, series in self.series.items():
            pen = series.pen()
            pen.setStyle(ROLE_STYLE[key])
            pen.setWidthF(2)
            series.setPointsVisible(True)
            series.setMarkerSize(6)
            series.setPen(pen)

    def marker(self) -> float | None:
        """Where the vertical line stands, in the x axis' units (None: no line)."""
        return self._marker

    def _marker_line(self) -> tuple[QPointF, QPointF] | None:
        """The marker's ends in scene coordinates, across the plot area; None if it is off the axis."""
        low, high = self.x_axis.min(), self.x_axis.max()
        if self._marker is None or high <= low or not low <= self._marker <= high:
            return None
        area = self.chart().plotArea()
        x = area.left() + (self._marker - low) / (high - low) * area.width()
        return self.chart().mapToScene(QPointF(x, area.top())), self.chart().mapToScene(QPointF(x, area.bottom()))

    def _update_marker_strip(self):
        line = self._marker_line()
        if line is not None:
            top, bottom = self.mapFromScene(line[0]), self.mapFromScene(line[1])
            self.viewport().update(top.x() - 2, top.y() - 1, 5, bottom.y() - top.y() + 3)

    def _set_marker(self, value: float):
        if value != self._marker:
            self._update_marker_strip()  # where it was
            self._marker = value
            self._update_marker_strip()

    def drawForeground(self, painter, rect):
        super().drawForeground(painter, rect)
        line = self._marker_line()
        if line is not None:
            painter.save()
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashDotLine))
            painter.drawLine(*line)
            painter.restore()


    def _set_x(self, title: str, low: float, high: float, ticks: int, label_format: str):
        """Axes change only with the mode: a change lays the chart out again (5-10 ms)."""
        if (self.x_axis.titleText(), self.x_axis.min(), self.x_axis.max()) != (title, low, high):
            self.x_axis.setTitleText(title)
            self.x_axis.setRange(low, high)
            self.x_axis.setTickCount(ticks)
            self.x_axis.setLabelFormat(axis_format(label_format))

    def _set_y_floor(self, values):
        """From 100% down to a round value below the lowest point (ticks every 10 or 20 points)."""
        low = min([v for v in values if v == v] + [100.0])
        step = 10 if low >= 62 else 20
        floor = max(0.0, math.floor((low - 2) / step) * step)
        if self.y_axis.min() != floor or self.y_axis.max() != 100:
            self.y_axis.setRange(floor, 100)
            self.y_axis.setTickCount(int(round((100 - floor) / step)) + 1)

    def _fill(self, key: str, name: str | None, points):
        series = self.series[key]
        if [(p.x(), p.y()) for p in series.points()] != [(float(x), float(y)) for x, y in points]:
            series.replace([QPointF(x, y) for x, y in points])
        shown = bool(points) and name is not None
        if (series.name(), series.isVisible()) != (name or "", shown):  # each set redoes the scene
            series.setName(name or "")
            series.setVisible(shown)
            for marker in self.chart().legend().markers(series):
                marker.setVisible(shown)

    def show_axis(self, axis, lines: dict, marker: float):
        """``axis``: a core.robustness.Axis; ``lines``: role -> (name, [(value, accuracy 0..1)]) for the
        roles to show."""
        self._mode = axis.name
        unit = f" ({axis.unit.strip()})" if axis.unit.strip() else ""
        title = {"noise": self.tr("noise σ (grey levels)"),
                 "drawn": self.tr("mouse drawing (share of the benchmark's strays)")}.get(
            axis.name, in_sentence(core_text(axis.title)) + unit)
        if axis.name == "drawn":  # shown in % along x
            lines = {r: (n, [(100 * x, y) for x, y in pts]) for r, (n, pts) in lines.items()}
            self._set_x(title, 100 * axis.low, 100 * axis.high, 5, "%.0f%%")
            marker *= 100
        else:
            self._set_x(title, axis.low, axis.high, X_TICKS[axis.name], "%g")
        values = []
        for role in ("current", "other", "pinned"):
            name, points = lines.get(role, (None, []))
            points = [(x, 100 * y) for x, y in points]
            values += [y for _, y in points]
            self._fill(role, name, points)
        self._set_y_floor(values)
        self._set_marker(marker)

    def show_confidence(self, thresholds, coverage, accuracy, marker: float):
        """Coverage and accuracy on the answered part (0..1 each) against the threshold."""
        self._mode = CONFIDENCE
        self._set_x(self.tr("confidence threshold"), 0, 1, 6, "%.1f")
        self._fill("current", self.tr("answered (coverage)"), [(t, 100 * c) for t, c in zip(thresholds, coverage)])
        self._fill("other", self.tr("right among those answered"),
                   [(t, 100 * a) for t, a in zip(thresholds, accuracy) if a == a])
        self._fill("pinned", None, [])
        self._set_y_floor([100 * c for c in coverage] + [100 * a for a in accuracy])
        self._set_marker(marker)

    def chart_views(self):
        return (self,)

    def points(self, key: str) -> list[tuple[float, float]]:
        series = self.series[key]
        return [(p.x(), p.y()) for p in series.points()] if series.isVisible() else []

    def point_text(self, series, point) -> str:
        x = f"{point.x():.2f}" if self._mode == CONFIDENCE else f"{point.x():g}"
        return f"{self.x_axis.titleText()} {x}: {point.y():.1f}%"

    def hover_text(self, pos) -> str | None:
        found = self.nearest_point(self.chart_position(pos), [
            (series, point) for series in (self.series[key] for key in ("current", "other", "pinned"))
            if series.isVisible() for point in series.points()])
        if found is None:
            return None
        series, point = found
        x = num(point.x(), 2) if self._mode == CONFIDENCE else general(point.x())
        return f"{self.x_axis.titleText()} {x}: {num(point.y(), 1)}% ({series.name()})"
