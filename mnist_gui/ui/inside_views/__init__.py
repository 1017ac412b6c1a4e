"""Drawing widgets for the Inside tab (and the Draw Pad's attribution overlay), one module per view.

Each view takes plain numpy results (mnist_gui.core.inside's dataclasses and dicts), turns them
into small QImages once, and paints those scaled up: a repaint is a few drawImage calls. Views
paint everything themselves, so any of them renders to PNG or SVG (``save_view``).
"""

from .attribution import AttributionView
from .colours import DIGIT_COLOURS, diverging, grey_image, overlay, rgb_image, sequential
from .data_view import DataView
from .layers import LayersView
from .learned import HistogramsView, ImageStrip, TilesView
from .map_view import MapView
from .network import NetworkView
from .view import SAVE_FORMATS, View, save_view

__all__ = ["AttributionView", "DataView", "HistogramsView", "ImageStrip", "LayersView", "MapView", "NetworkView",
           "TilesView", "View", "DIGIT_COLOURS", "SAVE_FORMATS", "diverging", "grey_image", "overlay", "rgb_image",
           "save_view", "sequential"]
