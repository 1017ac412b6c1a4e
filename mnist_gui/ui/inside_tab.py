"""The Inside tab: what each layer sees, what the network learned, why it answered.

Everything is computed on the model thread through ``ModelService.request_inside`` (core.inside);
this tab only asks and draws. At most one request of each kind is in flight; while one is, only
the newest input is remembered and sent when it returns, so drawing fast never queues up work.
Only the view in front is computed, and again whenever the input or the model's weights change
(every epoch end while training).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from ..core import inside
from .latest_request import LatestRequest
from .inside_views import (AttributionView, DataView, HistogramsView, ImageStrip, LayersView, MapView,
                           NetworkView, TilesView, diverging, rgb_image, save_view)
from .widgets import TabWidget, digit_pixmap
from .locale_format import num, pct

DRAWING, GALLERY = "drawing", "gallery"
HISTOGRAM_SAMPLE = 500      # test images behind the activation histograms
KINDS_BY_VIEW = {0: ("layers",), 1: ("attribution",), 2: ("weights", "histograms"), 3: ("map", "layers"),
                 4: ("network",), 5: ("data",)}
NEEDS_INPUT = {"layers", "attribution", "network", "unit"}
MODEL_FREE = {"data"}


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setAccessibleName(widget.accessibleName())  # the pane is named after the view it scrolls
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the view in it takes the focus (and scrolls it along)
    return area


class InsideTab(QWidget):
    open_in_gallery = Signal(int)     # a test image's index (the map's points, top images)

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self.source = DRAWING
        self._drawing: np.ndarray | None = None
        self._gallery_index: int | None = None
        self._version = service.model_info.version if service.model_info else None
        self._requests: dict[str, LatestRequest] = {}  # kind -> its requests (newest wins)
        self._off: list[tuple[str, int]] = []    # network units switched off (an experiment)
        self._unit: tuple[str, int] | None = None
        self._chosen_unit: tuple[str, int] | None = None  # for the top images
        self.results: dict[str, object] = {}     # kind -> newest result shown
        self._build()
        service.model_changed.connect(self._on_model_changed)
        service.dataset_ready.connect(lambda _: self._refresh(data_changed=True))
        service.backend_ready.connect(self._refresh)

    # ---- layout -------------------------------------------------------------------------------------

    def _build(self):
        self.source_combo = QComboBox()
        self.source_combo.addItem(self.tr("Your drawing (Draw Pad)"), DRAWING)
        self.source_combo.addItem(self.tr("The image selected in the Gallery"), GALLERY)
        self.source_combo.setToolTip(self.tr("Which image the views explain"))
        self.source_combo.currentIndexChanged.connect(lambda _: self.set_source(self.source_combo.currentData()))
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.thumb = QLabel()
        self.thumb.setFixedSize(56, 56)
        self.save_button = QPushButton(self.tr("&Save view…"))
        self.save_button.setToolTip(self.tr("Save the view in front as PNG or SVG"))
        self.save_button.clicked.connect(self._ask_save_path)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Input:")))
        top.addWidget(self.source_combo)
        top.addWidget(self.thumb)
        top.addWidget(self.source_label, 1)
        top.addWidget(self.save_button)

        self.layers_view = LayersView()
        self.attribution_view = AttributionView()
        self.method_combo = QComboBox()
        for method, title in (("integrated_gradients", self.tr("Integrated gradients")), ("occlusion", self.tr("Occlusion"))):
            self.method_combo.addItem(title, method)
        self.method_combo.setCurrentIndex(self.method_combo.findData(inside.DEFAULT_METHOD))
        self.method_combo.currentIndexChanged.connect(lambda _: self._refresh())
        why = QWidget()
        why_layout = QVBoxLayout(why)
        method_row = QHBoxLayout()
        method_row.addWidget(QLabel(self.tr("Method:")))
        method_row.addWidget(self.method_combo)
        method_row.addStretch(1)
        why_layout.addLayout(method_row)
        why_layout.addWidget(self.attribution_view)
        why_layout.addStretch(1)

        self.tiles_view = TilesView()
        self.tiles_view.unit_clicked.connect(self._choose_unit)
        self.top_images = ImageStrip()
        self.top_images.set_message(self.tr("Click a tile above: the test images that excite that unit most appear here."))
        self.top_images.image_clicked.connect(self.open_in_gallery)
        self.histograms_view = HistogramsView()
        learned = QWidget()
        learned.setAccessibleName(self.tr("What it learned"))
        learned_layout = QVBoxLayout(learned)
        for view in (self.tiles_view, self.top_images, self.histograms_view):
            learned_layout.addWidget(view)
        learned_layout.addStretch(1)

        self.map_view = MapView()
        self.map_view.image_clicked.connect(self.open_in_gallery)

        self.network_view = NetworkView()
        self.network_view.unit_clicked.connect(self._inspect_unit)
        self.unit_label = QLabel(self.tr("Click a neuron to inspect it."))
        self.unit_label.setWordWrap(True)
        self.unit_label.setTextFormat(Qt.TextFormat.RichText)
        self.unit_image = QLabel()
        self.unit_image.setFixedSize(112, 112)
        self.switch_button = QPushButton(self.tr("Switch &off"))
        self.switch_button.setToolTip(self.tr("An experiment on a temporary copy of the weights: never saved"))
        self.switch_button.setEnabled(False)
        self.switch_button.clicked.connect(self._toggle_unit)
        self.all_on_button = QPushButton(self.tr("All back on"))
        self.all_on_button.setEnabled(False)
        self.all_on_button.clicked.connect(self._all_on)
        self.effect_label = QLabel()
        self.effect_label.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.unit_label)
        side.addWidget(self.unit_image)
        side.addWidget(self.switch_button)
        side.addWidget(self.all_on_button)
        side.addWidget(self.effect_label)
        side.addStretch(1)
        side_panel = QWidget()
        side_panel.setLayout(side)
        side_panel.setFixedWidth(230)
        network = QWidget()
        network.setAccessibleName(self.tr("The network at work"))
        network_layout = QHBoxLayout(network)
        network_layout.addWidget(self.network_view, 1)
        network_layout.addWidget(side_panel)

        self.data_view = DataView()

        self.views = TabWidget()
        self.views.setDocumentMode(True)
        self.views.setAccessibleName(self.tr("Inside views"))
        self.pages = [self.layers_view, why, learned, self.map_view, network, self.data_view]
        for page, title in zip(self.pages, (self.tr("&Layer by layer"), self.tr("&Why this answer"),
                                            self.tr("What it lea&rned"), self.tr("The &map"),
                                            self.tr("The &network at work"), self.tr("The d&ata"))):
            scroll = page in (self.layers_view, why, learned, self.data_view)
            self.views.addTab(_scrolled(page) if scroll else page, title)
        self.views.currentChanged.connect(lambda _: self._refresh())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)
        self._show_source()

    # ---- the input --------------------------------------------------------------------------------

    @Slot(object)
    def set_drawing(self, digit) -> None:
        """The Draw Pad's prepared 28×28 digit (None when the pad is empty); it becomes the input."""
        self._drawing = None if digit is None else np.asarray(digit, np.float32)
        if self.source != DRAWING:
            self.source_combo.setCurrentIndex(self.source_combo.findData(DRAWING))  # calls set_source
        else:
            self._show_source()
            self._refresh()

    @Slot(int)
    def set_gallery_image(self, index: int) -> None:
        """A test image picked in the Gallery becomes the input."""
        self._gallery_index = index
        if self.source != GALLERY:
            self.source_combo.setCurrentIndex(self.source_combo.findData(GALLERY))
        else:
            self._show_source()
            self._refresh()

    def set_source(self, source: str) -> None:
        self.source = source
        self._show_source()
        self._refresh()

    def current_input(self) -> np.ndarray | None:
        if self.source == DRAWING:
            return self._drawing
        data = self.service.data
        if self._gallery_index is None or data is None or self._gallery_index >= len(data.x_test):
            return None
        return data.x_test[self._gallery_index].astype(np.float32)

    def _input_key(self):
        return (DRAWING, id(self._drawing)) if self.source == DRAWING else (GALLERY, self._gallery_index)

    def _show_source(self):
        image = self.current_input()
        if self.source == DRAWING:
            text = self.tr("your drawing on the Draw Pad") if image is not None else self.tr("the Draw Pad is empty: draw a digit there")
        elif image is None:
            text = self.tr("no image selected in the Gallery: click one there")
        else:
            text = self.tr("test image #{gallery_index} from the Gallery (true label {v1})").format(gallery_index=self._gallery_index, v1=self.service.data.y_test[self._gallery_index])
        self.source_label.setText(self.tr("Explaining {text}.").format(text=text))
        if image is None:
            self.thumb.clear()
        else:
            self.thumb.setPixmap(digit_pixmap(image, 56))

    # ---- requests -----------------------------------------------------------------------------------

    def _args(self, kind: str, image) -> dict | None:
        data = self.service.data
        if kind == "layers":  # pictures made on the model thread: the UI thread only shows them
            return {"image": image, "width": self.layers_view.picture_width()}
        if kind == "network":
            return {"image": image, "off": list(self._off)}
        if kind == "attribution":
            return {"image": image, "method": self.method_combo.currentData()}
        if kind == "weights":
            return {}
        if kind == "histograms":
            return {"images": None if data is None else data.x_test[:HISTOGRAM_SAMPLE]}
        if kind in ("map", "data") and data is None:
            return None
        if kind == "map":
            return {"images": data.x_test}
        if kind == "data":
            return {"x_train": data.x_train, "y_train": data.y_train, "x_test": data.x_test, "y_test": data.y_test}
        return None

    def _key(self, kind: str):
        """What a result of this kind depends on: one computed for the same key is still good."""
        version = None if kind in MODEL_FREE else self._version
        data = id(self.service.data)
        if kind in NEEDS_INPUT:
            return (version, self._input_key(), self.method_combo.currentData() if kind == "attribution" else None,
                    tuple(self._off) if kind == "network" else None)
        return (version, data)

    @Slot()
    def _refresh(self, *_, data_changed: bool = False):
        """Ask for whatever the view in front needs and does not have yet."""
        if data_changed:
            self._request("data").forget()
            self._request("map").forget()
            self._show_source()
        if not self.isVisible():
            return
        view = self.views.currentIndex()
        for kind in KINDS_BY_VIEW.get(view, ()):
            self._ask(kind)
        if view == 4 and self._unit is not None:
            self._ask("unit")

    def _ask(self, kind: str):
        s = self.service
        if not s.backend_is_ready:
            self._message(kind, self.tr("Loading TensorFlow…"))
            return
        if kind not in MODEL_FREE and not s.has_model:
            self._message(kind, self.tr("No model yet: train one or open a model file."))
            return
        image = self.current_input()
        if kind in NEEDS_INPUT and image is None:
            self._message(kind, self.tr("Draw a digit on the Draw Pad, or pick an image in the Gallery."))
            return
        if kind == "unit":
            args = {"image": image, "layer_name": self._unit[0], "unit": self._unit[1], "off": list(self._off)}
        else:
            args = self._args(kind, image)
        if args is None:
            self._message(kind, self.tr("The MNIST data is not loaded yet."))
            return
        key = self._key(kind) + ((self._unit,) if kind == "unit" else ())
        self._send(kind, args, key)

    def _request(self, kind: str) -> LatestRequest:
        if kind not in self._requests:
            request = self._requests[kind] = LatestRequest(
                lambda **args: self.service.request_inside(kind, **args), self)
            request.answered.connect(lambda result, args: self._on_ready(kind, result, args))
            request.failed.connect(lambda error, args: self._message(kind, str(error)))
        return self._requests[kind]

    def _send(self, kind: str, args: dict, key=None):
        if self._request(kind).ask(key, args) and kind not in self.results:
            self._message(kind, self.tr("Computing on the model thread…") if kind != "map" else
                          self.tr("Computing the map: every test image through the model (a few seconds for a CNN)…"))

    def _on_ready(self, kind: str, result, args):
        self.results[kind] = result
        self._show(kind, result, args)

    def _message(self, kind: str, text: str):
        for view in self._views_of(kind):
            view.set_message(text)

    def _views_of(self, kind):
        return {"layers": [self.layers_view], "attribution": [self.attribution_view],
                "weights": [self.tiles_view], "histograms": [self.histograms_view], "map": [self.map_view],
                "network": [self.network_view], "data": [self.data_view], "top_images": [self.top_images],
                "unit": [], "knockout": []}.get(kind, [])

    def _show(self, kind: str, result, args):
        if kind == "layers":
            self.layers_view.set_outputs(result)
            self._place_marker()
        elif kind == "attribution":
            self.attribution_view.set_attribution(np.asarray(args["image"]), result)
        elif kind == "weights":
            self.tiles_view.set_weights(result)
        elif kind == "histograms":
            self.histograms_view.set_histograms(result)
        elif kind == "map":
            data = self.service.data
            self.map_view.set_embedding(result, data.y_test, data.x_test)
            self._place_marker()
        elif kind == "network":
            self.network_view.set_network(result, np.asarray(args["image"]))
        elif kind == "data":
            self.data_view.set_stats(result)
        elif kind == "top_images":
            data = self.service.data
            self.top_images.set_images(
                self.tr("The test images that excite {layer} #{unit} most (click one to open it in the "
                        "Gallery)").format(layer=result["layer"], unit=result["unit"]),
                result["indices"], data.x_test[result["indices"]])
        elif kind == "unit":
            self._show_unit(result)
        elif kind == "knockout":
            self._show_knockout(result)

    def _place_marker(self):
        """The current input on the map, from its penultimate activations (a 2-D projection in numpy)."""
        emb, layers = self.results.get("map"), self.results.get("layers")
        if emb is None or layers is None or layers.penultimate.shape != emb.mean.shape:
            self.map_view.set_marker(None)
            return
        self.map_view.set_marker((layers.penultimate - emb.mean) @ emb.components.T)

    # ---- model changes ---------------------------------------------------------------------------------

    @Slot(object)
    def _on_model_changed(self, info):
        if info.version == self._version:
            return
        self._version = info.version
        if self._off and not info.training:
            self._off = []  # a new model: its units are all on
            self._show_off()
        self._refresh()

    def showEvent(self, event):
        super().showEvent(event)
        self._refresh()

    # ---- what it learned: top images -------------------------------------------------------------------------

    @Slot(str, int)
    def _choose_unit(self, layer: str, unit: int):
        data = self.service.data
        if data is None:
            return
        self.top_images.set_message(self.tr("Finding the test images that excite {layer} #{unit} most…").format(layer=layer, unit=unit))
        self._send("top_images", {"images": data.x_test, "layer_name": layer, "unit": unit})

    # ---- the network at work: one unit, switching off -------------------------------------------------------

    @Slot(str, int)
    def _inspect_unit(self, layer: str, unit: int):
        self._unit = (layer, unit)
        self.switch_button.setEnabled(layer != self._output_layer())
        self._show_off()
        self._ask("unit")

    def _output_layer(self):
        net = self.network_view.network
        return net.layers[-1]["name"] if net is not None else None

    def _show_unit(self, d):
        w = d["weights"]
        if w.size == 784:
            peak = float(np.abs(w).max()) or 1.0
            self.unit_image.setPixmap(QPixmap.fromImage(rgb_image(diverging(w.reshape(28, 28) / peak))).scaled(112, 112))
            self.unit_image.show()
        else:
            self.unit_image.hide()
        feeders = ", ".join(f"#{i} ({c:+.2f})" for i, c in zip(d["feeders"][:5], d["feeder_contributions"][:5]))
        self.unit_label.setText(
            self.tr("<b>{v0} #{v1}</b><br>bias {v2:+.3f}<br>weighted sum {v3:+.3f}<br>output {v4}<br>fed most by ({v5}): {feeders}").format(v0=d['layer'], v1=d['unit'], v2=d['bias'], v3=d['weighted_sum'], v4=num(d['output'], 3), v5=d['previous'], feeders=feeders))

    def _toggle_unit(self):
        if self._unit is None:
            return
        if self._unit in self._off:
            self._off.remove(self._unit)
        else:
            self._off.append(self._unit)
        self._show_off()
        self._request("network").forget()
        self._refresh()
        self._experiment()

    def _all_on(self):
        self._off = []
        self._show_off()
        self._request("network").forget()
        self._refresh()
        self.effect_label.setText("")

    def _show_off(self):
        self.switch_button.setText(self.tr("Switch back &on") if self._unit in self._off else self.tr("Switch &off"))
        self.all_on_button.setEnabled(bool(self._off))

    def _experiment(self):
        data, image = self.service.data, self.current_input()
        if not self._off or data is None or image is None:
            self.effect_label.setText("")
            return
        self.effect_label.setText(self.tr("Measuring the effect on this input and the test set…"))
        self._send("knockout", {"image": image, "off": list(self._off), "x_test": data.x_test,
                                "y_test": data.y_test})

    def _show_knockout(self, r):
        before, after = r["probabilities_before"], r["probabilities"]
        units = ", ".join(f"{name} #{u}" for name, u in r["off"])
        self.effect_label.setText(
            self.tr("With {units} off: the answer is {v1} ({v2}), was {v3} ({v4}); test accuracy {v5}, was {v6}. The saved model is not changed.").format(units=units, v1=after.argmax(), v2=pct(after.max(), 1), v3=before.argmax(), v4=pct(before.max(), 1), v5=pct(r['accuracy'], 2), v6=pct(r['accuracy_before'], 2)))

    # ---- save -----------------------------------------------------------------------------------------------

    def current_view(self) -> QWidget:
        return self.pages[self.views.currentIndex()]

    def _ask_save_path(self):
        view = self.current_view()
        name = view.accessibleName().lower().replace(" ", "_") or "view"
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save view"), str(Path.home() / f"mnist_{name}.png"),
                                                   self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if not path:
            return
        if not Path(path).suffix:
            path += ".svg" if "svg" in chosen else ".png"
        try:
            save_view(view, path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Save view"), self.tr("Could not save the view: {exc}").format(exc=exc))
