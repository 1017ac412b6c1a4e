"""What every Inside view is: a painted widget with a height for its width and a message instead of
the view when there is nothing to show; and the view as a PNG or SVG file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.files import atomic_write

SAVE_FORMATS = (".png", ".svg")


def save_view(widget: QWidget, path) -> None:
    """The widget as drawn, to PNG or SVG by the suffix (atomic); ValueError for another suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SAVE_FORMATS:
        raise ValueError(f"Choose a .png or .svg file name (not {path.name}).")
    if suffix == ".png":
        image = widget.grab()
        atomic_write(path, lambda tmp: _check(image.save(tmp, "PNG"), path))
        return
    from PySide6.QtSvg import QSvgGenerator

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle(widget.accessibleName() or "mnist-gui")
    painter = QPainter(generator)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    data = bytes(buffer.data())
    atomic_write(path, lambda tmp: Path(tmp).write_bytes(data))


def _check(ok: bool, path):
    if not ok:
        raise OSError(f"Could not write {path}")


class View(QWidget):
    """A painted view with a fixed height for its width (it sits in a scroll area)."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.message = ""

    def set_message(self, text: str) -> None:
        """Shown instead of the view (why there is nothing to show)."""
        self.message = text
        self.update()

    def _paint_message(self, p: QPainter) -> bool:
        if not self.message:
            return False
        p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        p.drawText(self.rect().adjusted(12, 12, -12, -12),
                   Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, self.message)
        return True

    def _fit_height(self, height: int) -> None:
        height = max(int(height), 120)
        if self.minimumHeight() != height:
            self.setFixedHeight(height)
