"""What assistive technology gets from the app's custom-painted widgets, the Draw Pad's
announcements, focus frames, keyboard steps through painted items, and the high-contrast palette.

A widget opts in by defining ``accessible_value()`` (its value as text) and, if it paints items a
screen reader should list (bars, chart points, image cells), ``accessible_items()`` returning
``Item``s; ``accessible_role`` gives its role. ``install()`` puts in a factory that answers Qt's
``queryAccessibleInterface`` for such widgets with an interface built on ``QAccessibleWidget``
(which keeps Qt's own parent, state, focus and geometry handling), so AT-SPI and the other
platform bridges read the values like any native widget's.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QRect, QRectF, Qt
from PySide6.QtGui import (QAccessible, QAccessibleEvent, QAccessibleInterface, QAccessibleValueChangeEvent, QColor,
                           QGuiApplication, QPainter, QPalette, QPen)
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from .locale_format import percent_suffix
from .settings import read_bool

try:  # Qt ≥ 6.8
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt: a value change is announced instead
    QAccessibleAnnouncementEvent = None

HIGH_CONTRAST_KEY = "view/high_contrast"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text"), not a wrapper's calls


class Item(NamedTuple):
    """One painted thing a screen reader lists: its name (what it is and its value) and where it is
    drawn (widget coordinates)."""
    name: str
    rect: QRect
    role: QAccessible.Role = QAccessible.Role.ListItem


class _ItemInterface(QAccessibleInterface):
    """A painted item: no QObject of its own; it asks its widget for its current name each time."""

    def __init__(self, owner: "_WidgetInterface", index: int):
        super().__init__()
        self._owner, self._index = owner, index

    def _item(self) -> Item | None:
        items = self._owner.items()
        return items[self._index] if self._index < len(items) else None

    def isValid(self):
        return self._owner.isValid() and self._item() is not None

    def object(self):
        return None

    def window(self):
        return self._owner.window()

    def role(self):
        item = self._item()
        return item.role if item else QAccessible.Role.NoRole

    def text(self, kind):
        item = self._item()
        if item is None:
            return ""
        if kind == QAccessible.Text.Name:
            return item.name
        return ""

    def setText(self, kind, text):
        pass

    def state(self):
        state = QAccessible.State()
        state.invisible = self._item() is None
        return state

    def rect(self):
        item, widget = self._item(), self._owner.object()
        if item is None or widget is None:
            return QRect()
        return QRect(widget.mapToGlobal(item.rect.topLeft()), item.rect.size())

    def parent(self):
        return self._owner

    def child(self, index):
        return None

    def childCount(self):
        return 0

    def indexOfChild(self, child):
        return -1

    def childAt(self, x, y):
        return None


class _WidgetInterface(QAccessibleWidget):
    """A custom widget as Qt's own widget interface, plus its value and its painted items (after
    its child widgets, if it has any)."""

    def __init__(self, widget: QWidget):
        super().__init__(widget, getattr(widget, "accessible_role", QAccessible.Role.Client))
        self._item_interfaces: dict[int, _ItemInterface] = {}

    def items(self) -> list[Item]:
        widget = self.object()
        getter = getattr(widget, "accessible_items", None)
        return list(getter()) if getter is not None else []

    def text(self, kind):
        widget = self.object()
        if kind == QAccessible.Text.Value:
            return widget.accessible_value()
        if kind == QAccessible.Text.Description:
            # AT-SPI passes on a name and a description, not a text value: the value goes first in
            # the description, so Orca reads it after the name.
            return " — ".join(t for t in (widget.accessible_value(), widget.accessibleDescription()) if t)
        return super().text(kind)

    def _native_count(self) -> int:
        # A chart view's viewport is where it paints: its items stand for it.
        return super().childCount() if getattr(self.object(), "accessible_native_children", True) else 0

    def childCount(self):
        return self._native_count() + len(self.items())

    def child(self, index):
        native = self._native_count()
        if index < native:
            return super().child(index)
        index -= native
        if not 0 <= index < len(self.items()):
            return None
        if index not in self._item_interfaces:
            item = _ItemInterface(self, index)
            # Kept here for as long as the widget lives: the cache deletes it with the widget.
            self._item_interfaces[index] = item
            QAccessible.registerAccessibleInterface(item)
        return self._item_interfaces[index]

    def indexOfChild(self, child):
        for index, item in self._item_interfaces.items():
            if item is child:
                return self._native_count() + index
        return super().indexOfChild(child)

    def forget_items(self):
        for item in self._item_interfaces.values():
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(item))
        self._item_interfaces.clear()


_interfaces: dict[int, _WidgetInterface] = {}   # Python keeps each interface while its widget lives
_installed = False


def _factory(key, obj):
    if not isinstance(obj, QWidget) or not hasattr(obj, "accessible_value"):
        return None
    interface = _WidgetInterface(obj)
    _interfaces[id(obj)] = interface
    obj.destroyed.connect(lambda *_, k=id(obj): _forget(k))
    return interface


def _forget(key: int) -> None:
    interface = _interfaces.pop(key, None)
    if interface is not None:
        try:
            interface.forget_items()
        except RuntimeError:
            pass  # Qt already deleted it with its widget


def install() -> None:
    """Answer Qt's interface queries for the custom widgets (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def value_changed(widget: QWidget) -> None:
    """Tell assistive technology that ``widget``'s accessible value changed."""
    QAccessible.updateAccessibility(QAccessibleValueChangeEvent(widget, widget.accessible_value()))
    # AT-SPI sends value changes only for numeric values; the description carries this one.
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers say ``text`` now (politely: after what they are saying): Qt's
    announcement event, or on an older Qt a value change of ``widget`` carrying it."""
    if QAccessibleAnnouncementEvent is not None:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
    else:  # pragma: no cover
        QAccessible.updateAccessibility(QAccessibleValueChangeEvent(widget, text))


def percent(value: float, decimals: int = 1) -> str:
    """``value`` (0..1) as a percentage in the user's locale: "93.1%", "93,1 %"."""
    locale = QLocale()
    return locale.toString(100 * float(value), "f", decimals) + percent_suffix()


def describe_prediction(probs, unsure_below: float) -> str:
    """What a reader says for a Draw Pad reading: "Read as 7, 93.1% confident", or both candidates."""
    if probs is None:
        return ""
    order = sorted(range(len(probs)), key=lambda d: -float(probs[d]))
    best, second = order[0], order[1]
    if float(probs[best]) < unsure_below:
        return translate("Accessibility", "Not sure: {0} ({1}) or {2} ({3})").format(
            best, percent(probs[best]), second, percent(probs[second]))
    return translate("Accessibility", "Read as {0}, {1} confident").format(best, percent(probs[best]))


def say_reading(tab, probs, unsure_below: float) -> None:
    """The Draw Pad's reading for screen readers: the pad's value and the big digit's description;
    a new reading of the finished drawing (not each live one while drawing, nor an answer a newer
    drawing has overtaken) is announced once."""
    text = describe_prediction(probs, unsure_below)
    tab.canvas.reading = text
    tab.digit_label.setAccessibleDescription(text)
    value_changed(tab.canvas)
    newest = not tab.canvas.is_drawing() and not tab._needs_prediction
    if not text or (newest and text != getattr(tab, "_announced", "")):
        tab._announced = text  # cleared: the same reading is news again
        if text:
            announce(tab.canvas, text)


# ---- focus and keyboard ---------------------------------------------------------------------------

def paint_focus(widget: QWidget, painter: QPainter, rect: QRect | QRectF | None = None) -> None:
    """A visible focus frame (the palette's highlight, 2 px) when ``widget`` has the focus."""
    if not widget.hasFocus():
        return
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(widget.palette().color(QPalette.ColorRole.Highlight), 2))
    painter.drawRect(QRectF(rect if rect is not None else widget.rect()).adjusted(1, 1, -1, -1))
    painter.restore()


def grid_step(key, index: int, count: int, columns: int) -> int | None:
    """The cell an arrow (or Home/End) key moves to from ``index`` in a grid of ``count`` cells
    laid out ``columns`` across; None if the key is not a move or leaves the grid."""
    moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -columns, Qt.Key.Key_Down: columns}
    if key == Qt.Key.Key_Home:
        return 0 if count else None
    if key == Qt.Key.Key_End:
        return count - 1 if count else None
    if key not in moves:
        return None
    target = index + moves[key]
    return target if 0 <= target < count else None


# ---- colours and high contrast --------------------------------------------------------------------

def is_high_contrast(palette: QPalette) -> bool:
    """The palette is (like) the high-contrast one: text and window at least 20:1 apart (black on
    Fusion's light grey is 18:1)."""
    return _contrast(palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)) >= 20


def _luminance(colour: QColor) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def right_colour(palette: QPalette) -> QColor:
    """The colour for "read right": green, bright on a dark palette (the ✓ and line style say it too)."""
    return QColor(80, 230, 110) if _dark(palette) else QColor(40, 140, 70) if not is_high_contrast(palette) else QColor(0, 110, 30)


def wrong_colour(palette: QPalette) -> QColor:
    return QColor(255, 110, 90) if _dark(palette) else QColor(200, 50, 40) if not is_high_contrast(palette) else QColor(170, 0, 0)


def muted_colour(palette: QPalette) -> QColor:
    """For the parts that are not the point (the other bars): the palette's own, readable on it."""
    if is_high_contrast(palette):
        return palette.color(QPalette.ColorRole.WindowText)
    return palette.color(QPalette.ColorRole.Dark if not _dark(palette) else QPalette.ColorRole.Light)


def accent_colour(palette: QPalette, second: bool = False) -> QColor:
    """Data colours (bars, histograms): blue and orange, or the highlight and text in high contrast."""
    if is_high_contrast(palette):
        return palette.color(QPalette.ColorRole.WindowText if second else QPalette.ColorRole.Highlight)
    return QColor(220, 120, 40) if second else QColor(70, 110, 180)


def high_contrast_palette() -> QPalette:
    """Yellow-on-black, white text: every pair at least 15:1 (the highlight's text 14:1)."""
    black, white, yellow, cyan = QColor(0, 0, 0), QColor(255, 255, 255), QColor(255, 255, 0), QColor(0, 255, 255)
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, black), (roles.WindowText, white), (roles.Base, black),
                         (roles.AlternateBase, QColor(40, 40, 40)), (roles.Text, white), (roles.Button, black),
                         (roles.ButtonText, white), (roles.BrightText, yellow), (roles.Highlight, yellow),
                         (roles.HighlightedText, black), (roles.ToolTipBase, black), (roles.ToolTipText, white),
                         (roles.Link, cyan), (roles.LinkVisited, cyan), (roles.PlaceholderText, QColor(220, 220, 220)),
                         (roles.Light, white), (roles.Midlight, QColor(200, 200, 200)), (roles.Mid, white),
                         (roles.Dark, QColor(200, 200, 200)), (roles.Shadow, white)):
        palette.setColor(role, colour)
    grey = QColor(170, 170, 170)  # disabled text: still 9:1 on black, and visibly not enabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return palette


def _platform_hints():
    """Qt's accessibility hints (Qt ≥ 6.10), or None where there are none to read."""
    try:
        hints = QGuiApplication.styleHints().accessibility()
        hints.contrastPreference()
        return hints
    except (AttributeError, RuntimeError):  # an older Qt; or (seen under pytest) a stale wrapper
        return None


def platform_wants_high_contrast() -> bool:
    """The desktop asks for more contrast (Qt ≥ 6.10 reads it from the platform)."""
    hints = _platform_hints()
    return hints is not None and hints.contrastPreference() == Qt.ContrastPreference.HighContrast


_normal_palette: QPalette | None = None
_normal_style_sheet = ""

# The style (Fusion) draws button outlines, check boxes and slider handles a shade darker than the
# window: nothing on black. Only those get rules (styling fields and combo boxes would resize them).
HIGH_CONTRAST_STYLE = """
QPushButton { border: 1px solid white; border-radius: 2px; padding: 3px 8px; }
QToolButton { border: 1px solid white; border-radius: 2px; padding: 2px 3px; }
QLineEdit { border: 1px solid white; }
QAbstractSpinBox QLineEdit, QComboBox QLineEdit, QAbstractSpinBox QLineEdit:focus, QComboBox QLineEdit:focus { border: none; }
QPushButton:disabled, QToolButton:disabled, QLineEdit:disabled { border: 1px dashed #aaaaaa; }
QPushButton:focus, QToolButton:focus, QLineEdit:focus { border: 2px solid yellow; }
QPushButton:pressed, QToolButton:pressed, QToolButton:checked { background: #333300; }
QCheckBox::indicator { border: 1px solid white; width: 12px; height: 12px; }
QCheckBox::indicator:checked { background: yellow; }
QCheckBox:focus { color: yellow; }
QSlider::groove:horizontal { height: 4px; background: white; }
QSlider::handle:horizontal { background: yellow; border: 1px solid white; width: 12px; margin: -6px 0; }
QSlider:focus { background: #333300; }
"""


def apply_high_contrast(on: bool) -> None:
    """Switch the whole app to the high-contrast palette, or back to the one it started with."""
    global _normal_palette, _normal_style_sheet
    app = QGuiApplication.instance()
    if _normal_palette is None:
        if not on:
            return  # never switched: the palette is already the normal one
        _normal_palette, _normal_style_sheet = QPalette(app.palette()), app.styleSheet()
    app.setPalette(high_contrast_palette() if on else _normal_palette)
    app.setStyleSheet(_normal_style_sheet + HIGH_CONTRAST_STYLE if on else _normal_style_sheet)


class HighContrast(QObject):
    """View ▸ High contrast: the user's choice, kept in the settings; until they make one, the
    desktop's own contrast setting, followed as it changes."""

    def __init__(self, menu, settings):
        super().__init__(menu)
        self.settings = settings
        self.action = menu.addAction(self.tr("&High contrast"))
        self.action.setCheckable(True)
        self.action.setToolTip(self.tr("White and yellow on black, for every part of the window"))
        self.action.setChecked(read_bool(settings, HIGH_CONTRAST_KEY, platform_wants_high_contrast()))
        apply_high_contrast(self.action.isChecked())
        self.action.triggered.connect(self._chosen)  # the user's click only, not setChecked
        hints = _platform_hints()
        if hints is not None:
            hints.contrastPreferenceChanged.connect(self._platform_changed)

    def _chosen(self, on: bool) -> None:
        self.settings.setValue(HIGH_CONTRAST_KEY, on)
        apply_high_contrast(on)

    def _platform_changed(self, *_):
        if not self.settings.contains(HIGH_CONTRAST_KEY):
            self.action.setChecked(platform_wants_high_contrast())
            apply_high_contrast(self.action.isChecked())
