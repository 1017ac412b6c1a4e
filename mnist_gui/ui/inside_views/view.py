"""What every Inside view is: a painted widget with a height for its width and a message instead of
the view when there is nothing to show; and the view as a PNG or SVG file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QPainter, QPalette
from PySide6.QtWidgets import QToolTip
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.files import atomic_write
from .. import accessibility

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
        self.current = -1  # the item the arrow keys are on (-1: none yet)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # its values reach readers; arrows step its items
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.message = ""

    def set_message(self, text: str) -> None:
        """Shown instead of the view (why there is nothing to show)."""
        self.message = text
        self.update()

    # ---- for screen readers and the keyboard (see ui/accessibility.py) ----------------------------

    accessible_role = QAccessible.Role.Graphic

    def accessible_value(self) -> str:
        """What the view shows, as text (its message when it shows nothing)."""
        return self.message or self.describe()

    def describe(self) -> str:
        return ""

    def accessible_items(self) -> list:
        return [] if self.message else self.items()

    def items(self) -> list:
        """accessibility.Item per painted thing a reader lists and the arrow keys step through."""
        return []

    def activate(self, index: int) -> None:
        """Enter on item ``index``: what a click on it does (nothing by default)."""

    def current_changed(self, index: int) -> None:
        """The arrow keys moved to item ``index`` (a view may show it as hovered)."""

    def keyPressEvent(self, event):
        items = self.accessible_items()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and 0 <= self.current < len(items):
            self.activate(self.current)
            return
        if 0 <= self.current < len(items):
            target = accessibility.grid_step(event.key(), self.current, len(items), 1)
        else:  # the first arrow press lands on the first item
            target = accessibility.grid_step(event.key(), -1, len(items), 1) if items else None
        if target is None:
            super().keyPressEvent(event)
            return
        self.current = target
        self.current_changed(target)
        self.update()
        item = items[target]
        QToolTip.showText(self.mapToGlobal(item.rect.bottomLeft()), item.name, self)
        focus = QAccessibleEvent(self, QAccessible.Event.Focus)
        focus.setChild(target)  # the reader says the item now under the keyboard
        QAccessible.updateAccessibility(focus)

    def event(self, event):
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and self.hasFocus():  # after the view's own painting
            items = self.accessible_items()
            p = QPainter(self)
            rect = items[self.current].rect.adjusted(-3, -3, 3, 3) if 0 <= self.current < len(items) else None
            accessibility.paint_focus(self, p, rect)
            p.end()
        return handled

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
