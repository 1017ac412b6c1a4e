"""The network at work: dense layers' most active units and the edges between them."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy

from ..locale_format import pct
from .. import accessibility
from .colours import grey_image, sequential
from .view import View


class NetworkView(View):
    """Dense layers as columns of their most active units, edges coloured by weight × activation
    (red excites, blue inhibits; thicker is stronger). Click a unit to inspect it."""

    unit_clicked = Signal(str, int)
    R = 11

    def __init__(self, parent=None):
        super().__init__(self.tr("The network at work"), parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(320)
        self.network = None
        self.image = None
        self.selected = None   # (layer name, unit)

    def sizeHint(self):
        return QSize(700, 420)

    def set_network(self, network, image) -> None:
        self.network, self.image, self.message = network, image, ""
        self.update()

    def node_positions(self) -> list[np.ndarray]:
        """Per layer: (k, 2) centres of its shown units."""
        layers = self.network.layers
        left, right = 130, self.width() - 60
        top, bottom = 50, self.height() - 20
        step = (right - left) / max(len(layers) - 1, 1)
        out = []
        for i, layer in enumerate(layers):
            k = len(layer["units"])
            ys = top + (np.arange(k) + 0.5) * (bottom - top) / k
            out.append(np.column_stack([np.full(k, left + i * step), ys]))
        return out

    def paintEvent(self, event):
        p = QPainter(self)
        if self._paint_message(p) or self.network is None:
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        net, pos = self.network, self.node_positions()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        if self.image is not None:
            p.drawImage(QRect(12, (self.height() - 84) // 2, 84, 84),
                        grey_image(self.image))
            p.setPen(text)
            p.drawText(QRect(12, (self.height() + 84) // 2 + 2, 110, 18), 0, "input")
        peak = max((float(np.abs(e).max()) for e in net.edges if e.size), default=1.0) or 1.0
        for i, edges in enumerate(net.edges):
            for a in range(edges.shape[0]):
                for b in range(edges.shape[1]):
                    c = float(edges[a, b]) / peak
                    if abs(c) < 0.04:
                        continue
                    colour = QColor(210, 40, 40) if c > 0 else QColor(40, 90, 220)
                    colour.setAlphaF(min(1.0, 0.25 + abs(c)))
                    p.setPen(QPen(colour, 0.5 + 4 * abs(c)))
                    p.drawLine(QPointF(*pos[i][a]), QPointF(*pos[i + 1][b]))
        off = set(net.off)
        normal = QFont(p.font())
        small = QFont(normal)
        small.setPointSizeF(small.pointSizeF() * 0.8)
        for i, layer in enumerate(net.layers):
            values = layer["values"]
            hi = float(np.abs(values).max()) or 1.0
            p.setFont(normal)
            p.setPen(text)
            title = layer["name"] + (self.tr("\ntop {v0} of {v1}").format(v0=len(layer['units']), v1=layer['size']) if layer["size"] > 10 else "\noutput")
            p.drawText(QRectF(pos[i][0][0] - 60, 6, 120, 36), Qt.AlignmentFlag.AlignHCenter, title)
            p.setFont(small)
            for (x, y), unit in zip(pos[i], layer["units"]):
                v = float(values[unit]) / hi
                rgb = sequential(np.array([abs(v)]))[0]
                p.setBrush(QColor(*map(int, rgb)))
                is_off = (layer["name"], int(unit)) in off
                chosen = self.selected == (layer["name"], int(unit))
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight) if chosen else text, 3 if chosen else 1))
                p.drawEllipse(QPointF(x, y), self.R, self.R)
                if is_off:
                    p.setPen(QPen(QColor(0, 0, 0), 2))
                    p.drawLine(QPointF(x - self.R, y - self.R), QPointF(x + self.R, y + self.R))
                p.setPen(text)
                label = (f"{unit}: {pct(values[unit], 0)}" if layer["size"] == 10 else f"#{unit}")
                p.drawText(QRectF(x + self.R + 2, y - 8, 70, 16), Qt.AlignmentFlag.AlignVCenter, label)
        p.end()

    def _units(self) -> list:
        """(layer name, unit, value, centre) of every unit shown, layer by layer."""
        if self.network is None:
            return []
        return [(layer["name"], int(unit), float(layer["values"][unit]), centre)
                for layer, centres in zip(self.network.layers, self.node_positions())
                for unit, centre in zip(layer["units"], centres)]

    def items(self) -> list:
        r = self.R
        return [accessibility.Item(self.tr("{0}, unit {1}: {2}").format(name, unit, QLocale().toString(value, "g", 3)),
                                   QRect(int(c[0]) - r, int(c[1]) - r, 2 * r, 2 * r))
                for name, unit, value, c in self._units()]

    def describe(self) -> str:
        if self.network is None:
            return ""
        return "; ".join(self.tr("{0}: top {1} of {2} units").format(layer["name"], len(layer["units"]), layer["size"])
                         for layer in self.network.layers)

    def activate(self, index: int) -> None:
        name, unit, _, _ = self._units()[index]
        self.selected = (name, unit)
        self.update()
        self.unit_clicked.emit(name, unit)

    def unit_at(self, pos):
        if self.network is None:
            return None
        for layer, centres in zip(self.network.layers, self.node_positions()):
            d = np.hypot(*(centres - [pos.x(), pos.y()]).T)
            j = int(d.argmin())
            if d[j] <= self.R + 2:
                return layer["name"], int(layer["units"][j])
        return None

    def mousePressEvent(self, event):
        found = self.unit_at(event.position())
        if found is not None:
            self.selected = found
            self.update()
            self.unit_clicked.emit(*found)
