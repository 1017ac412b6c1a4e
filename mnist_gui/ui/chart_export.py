"""Charts as shown on screen, to PNG, SVG or PDF: the same views rendered into the file, so it holds
what the user sees (same ticks, same %, same colours)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPalette, QPdfWriter
from PySide6.QtWidgets import QWidget

from ..core.files import atomic_write
from ..i18n import translate

CHART_FORMATS = (".png", ".svg", ".pdf")
PNG_SCALE = 2      # a saved PNG has twice the on-screen pixels, sharp on high-DPI screens and in print
EXPORT_SIZE = QSize(1000, 400)  # for charts never laid out on screen (e.g. the smoke test)


class ChartError(ValueError):
    """The chart could not be saved; the message is meant for the user."""


def check_chart_path(path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in CHART_FORMATS:
        raise ChartError(translate("chart_export", "Choose a file name ending in {v0}, not '{v1}'.").format(v0=', '.join(CHART_FORMATS), v1=path.suffix or path.name))
    return path


def export_charts(widget: QWidget, path) -> Path:
    """Write ``widget``'s charts (its ``chart_views()``) as laid out on screen to ``path`` (PNG, SVG
    or PDF by its suffix), atomically. Raises ChartError with a message for the user."""
    path = check_chart_path(path)
    kind = path.suffix.lower()
    offscreen = widget.isWindow() and not widget.isVisible()
    if offscreen:  # a chart never on screen (the smoke test's): laid out, at a size of its own
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        widget.resize(EXPORT_SIZE)
        widget.show()
    try:
        atomic_write(path, lambda tmp: _WRITERS[kind](widget, tmp))
    except OSError as exc:
        raise ChartError(translate("chart_export", "Could not save {name}: {v1}").format(name=path.name, v1=exc.strerror or exc)) from exc
    finally:
        if offscreen:
            widget.hide()
            widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
    return path


def _paint(widget: QWidget, painter: QPainter):
    painter.fillRect(widget.rect(), widget.palette().color(QPalette.ColorRole.Window))
    for view in widget.chart_views():
        # The view's own scene, through its own transform: the chart exactly as laid out on screen.
        origin = view.mapTo(widget, view.rect().topLeft())
        view.render(painter, QRectF(origin.x(), origin.y(), view.width(), view.height()), view.viewport().rect())


def _end(painter: QPainter, tmp: str):
    if not painter.end():
        raise OSError(f"could not write {Path(tmp).name}")


def _write_png(widget: QWidget, tmp: str):
    image = QImage(widget.size() * PNG_SCALE, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(PNG_SCALE)
    painter = QPainter(image)
    _paint(widget, painter)
    painter.end()
    if not image.save(tmp, "PNG"):
        raise OSError(f"could not write {Path(tmp).name}")


def _write_svg(widget: QWidget, tmp: str):
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(tmp)
    generator.setSize(widget.size())
    generator.setViewBox(widget.rect())
    generator.setTitle(widget.accessibleName() or translate("chart_export", "Charts"))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {Path(tmp).name}")
    _paint(widget, painter)
    _end(painter, tmp)


def _write_pdf(widget: QWidget, tmp: str):
    writer = QPdfWriter(tmp)
    writer.setResolution(96)  # one widget pixel is one PDF pixel at 96 dpi: the page fits the charts
    size = QSizeF(widget.width() * 72 / 96, widget.height() * 72 / 96)
    writer.setPageLayout(QPageLayout(QPageSize(size, QPageSize.Unit.Point), QPageLayout.Orientation.Portrait,
                                     QMarginsF()))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write {Path(tmp).name}")
    _paint(widget, painter)
    _end(painter, tmp)


_WRITERS = {".png": _write_png, ".svg": _write_svg, ".pdf": _write_pdf}
