"""The Inside tab, driven through a small fake service (no TensorFlow): what it asks for, when,
and what it shows; then a few end-to-end checks on the real service."""

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from mnist_gui.core import inside, pictures
from mnist_gui.ui.inside_tab import InsideTab


class NumpyMlp:
    """A tiny dense network in numpy: the fake service's 'model' (784 → 16 relu → 10 softmax)."""

    def __init__(self, seed):
        rng = np.random.default_rng(seed)
        self.w1, self.w2 = rng.normal(0, 0.01, (784, 16)), rng.normal(0, 0.3, (16, 10))

    def outputs(self, image):
        h = np.maximum(image.reshape(-1) @ self.w1, 0)
        z = h @ self.w2
        p = np.exp(z - z.max())
        return h, p / p.sum()


class FakeService(QObject):
    """The ModelService signals and attributes the tab uses; answers inside requests with numpy."""

    inside_ready = Signal(object, str, object)
    model_changed = Signal(object)
    dataset_ready = Signal(object)
    backend_ready = Signal()

    def __init__(self, data):
        super().__init__()
        self.backend_is_ready, self.data = True, data
        self.model, self.model_info = NumpyMlp(0), SimpleNamespace(version=1, training=False)
        self.requests = []          # (id, kind, args)
        self.hold = False           # keep answers back (a busy model thread)
        self._held = []

    @property
    def has_model(self):
        return self.model is not None

    def request_inside(self, kind, **args):
        request_id = len(self.requests) + 1
        self.requests.append((request_id, kind, args))
        self._held.append((request_id, kind, args))
        if not self.hold:
            QTimer.singleShot(0, self.release)
        return request_id

    def release(self):
        held, self._held = self._held, []
        for request_id, kind, args in held:
            self.inside_ready.emit(request_id, kind, self.answer(kind, args))

    def answer(self, kind, args):
        m = self.model
        if kind == "layers":
            h, p = m.outputs(args["image"])
            out = inside.LayerOutputs(args["image"], [inside.LayerOutput("dense", "Dense", h, "relu"),
                                                      inside.LayerOutput("out", "Dense", p, "softmax")], p, h)
            if "width" in args:  # as inside.layer_outputs does on the model thread
                out.pictures = pictures.layer_pictures(out, args["width"])
            return out
        if kind == "map":
            hs = np.stack([m.outputs(im)[0] for im in args["images"]])
            mean = hs.mean(axis=0)
            comps = np.linalg.svd(hs - mean, full_matrices=False)[2][:2]
            preds = np.array([m.outputs(im)[1].argmax() for im in args["images"]])
            return inside.Embedding((hs - mean) @ comps.T, preds, mean, comps, np.array([0.5, 0.2]))
        if kind == "attribution":
            p = m.outputs(args["image"])[1]
            a, b = np.argsort(-p)[:2]
            return inside.Attribution(args["method"], (int(a), int(b)),
                                      np.stack([args["image"], -args["image"]]) / 255.0, p)
        return RuntimeError(f"the fake has no {kind}")

    def sent(self, kind):
        return [args for _, k, args in self.requests if k == kind]


@pytest.fixture
def small_data():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (200, 28, 28)).astype(np.uint8)
    x[:, :4] = 0
    return SimpleNamespace(x_train=x, y_train=rng.integers(0, 10, 200), x_test=x[:120], y_test=rng.integers(0, 10, 120))


@pytest.fixture
def fake(small_data):
    return FakeService(small_data)


@pytest.fixture
def tab(qtbot, fake):
    widget = InsideTab(fake)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drawing(value):
    image = np.zeros((28, 28), np.float32)
    image[8:20, 12:16] = value
    return image


def test_layers_of_the_drawing_are_asked_for_and_shown(qtbot, tab, fake):
    image = drawing(200)
    tab.set_drawing(image)
    qtbot.waitUntil(lambda: tab.layers_view.outputs is not None)
    np.testing.assert_array_equal(fake.sent("layers")[-1]["image"], image)
    h, p = fake.model.outputs(image)
    np.testing.assert_array_equal(tab.layers_view.outputs.layers[0].values, h)
    assert "your drawing" in tab.source_label.text()
    # Hovering a unit of the dense strip names it and its value.
    strip = next(shown for shown in tab.layers_view._rows if shown.picture.mode == "strip")
    cell = strip.rect.topLeft() + QPoint(3 * pictures.CELL + 2, 2)
    assert tab.layers_view.unit_at(cell)[1] == f"unit 3: {h[3]:.4g}"
    bars = tab.layers_view._rows[-1]
    assert bars.picture.mode == "bars"
    assert tab.layers_view.unit_at(bars.rect.topLeft() + QPoint(30, 2))[1] == f"digit 0: {p[0]:.4f}"


def test_pictures_made_on_the_model_thread_are_shown_as_they_are(qtbot, tab, fake, monkeypatch):
    tab.set_drawing(drawing(200))
    qtbot.waitUntil(lambda: tab.layers_view.outputs is not None)
    assert fake.sent("layers")[-1]["width"] == tab.layers_view.width()
    made = tab.layers_view.outputs.pictures
    assert tab.layers_view._laid is made  # shown as sent: no layout work on the UI thread
    # A new width lays them out again, here.
    calls = []
    real = pictures.layer_pictures
    monkeypatch.setattr(pictures, "layer_pictures", lambda out, width: calls.append(width) or real(out, width))
    tab.resize(tab.width() - 150, tab.height())
    qtbot.waitUntil(lambda: tab.layers_view.width() != made.width)
    assert calls == [tab.layers_view.width()]
    assert tab.layers_view._laid is not made


def test_drawing_fast_sends_only_the_newest_while_one_is_computed(qtbot, tab, fake):
    fake.hold = True
    for value in range(10, 110, 10):
        tab.set_drawing(drawing(value))
    assert len(fake.sent("layers")) == 1  # one in flight; the others wait, newest first
    fake.release()
    qtbot.waitUntil(lambda: len(fake.sent("layers")) == 2)
    assert fake.sent("layers")[1]["image"].max() == 100
    fake.release()
    qtbot.waitUntil(lambda: tab.layers_view.outputs is not None and tab.layers_view.outputs.image.max() == 100)
    qtbot.wait(20)
    assert len(fake.sent("layers")) == 2


def test_gallery_image_becomes_the_input_and_the_tab_says_so(qtbot, tab, fake, small_data):
    tab.set_drawing(drawing(100))
    tab.set_gallery_image(5)
    qtbot.waitUntil(lambda: len(fake.sent("layers")) == 2)
    np.testing.assert_array_equal(fake.sent("layers")[-1]["image"], small_data.x_test[5])
    assert "test image #5" in tab.source_label.text()
    assert tab.source_combo.currentData() == "gallery"


def test_views_follow_the_model(qtbot, tab, fake):
    tab.set_drawing(drawing(150))
    qtbot.waitUntil(lambda: tab.layers_view.outputs is not None)
    first = tab.layers_view.outputs
    fake.model = NumpyMlp(1)  # new weights (an epoch ended, a model was loaded)
    fake.model_info = SimpleNamespace(version=2, training=True)
    fake.model_changed.emit(fake.model_info)
    qtbot.waitUntil(lambda: tab.layers_view.outputs is not first)
    np.testing.assert_array_equal(tab.layers_view.outputs.layers[0].values, fake.model.outputs(drawing(150))[0])
    fake.model_changed.emit(fake.model_info)  # the same weights, news about them: nothing to redo
    qtbot.wait(20)
    assert len(fake.sent("layers")) == 2


def test_map_click_opens_the_image_under_the_point(qtbot, tab, fake, small_data):
    tab.views.setCurrentIndex(3)
    qtbot.waitUntil(lambda: tab.map_view.embedding is not None)
    assert fake.sent("map")[0]["images"] is small_data.x_test
    tab.map_view.repaint()
    for index in (0, 57, 119):
        x, y = tab.map_view.screen_points()[index]
        if tab.map_view.index_at(QPoint(round(x), round(y)).toPointF()) != index:
            continue  # another point lies on top of this one
        with qtbot.waitSignal(tab.open_in_gallery) as opened:
            qtbot.mouseClick(tab.map_view, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
        assert opened.args == [index]


def test_no_input_and_errors_are_said_in_the_view(qtbot, tab, fake):
    assert "Draw a digit" in tab.layers_view.message
    tab.views.setCurrentIndex(4)  # the fake cannot do the network: its error is shown
    tab.set_drawing(drawing(50))
    qtbot.waitUntil(lambda: "the fake has no network" in tab.network_view.message)


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_save_view(qtbot, tab, fake, tmp_path, suffix):
    from mnist_gui.ui.inside_views import save_view

    tab.set_drawing(drawing(120))
    tab.views.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.attribution_view.result is not None)
    path = tmp_path / f"why{suffix}"
    save_view(tab.current_view(), path)
    if suffix == ".png":
        image = QImage(str(path))
        assert image.size() == tab.current_view().size()
    else:
        text = path.read_text()
        assert "<svg" in text and "Why" in text
    with pytest.raises(ValueError):
        save_view(tab.current_view(), tmp_path / "why.jpg")


# ---- end to end, on the real service ------------------------------------------------------------------

def test_real_service_views_follow_load_and_training(qtbot, service_with_model, mnist):
    from mnist_gui.core.models import preset

    service = service_with_model
    tab = InsideTab(service)
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    tab.show()
    image = mnist.x_test[0].astype(np.float32)
    tab.set_drawing(image)
    qtbot.waitUntil(lambda: tab.layers_view.outputs is not None, timeout=30_000)
    np.testing.assert_allclose(tab.layers_view.outputs.probabilities, service.predict(image[None])[0], atol=1e-5)
    shown = []
    service.inside_ready.connect(lambda rid, kind, r: kind == "layers" and shown.append(r))
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        assert service.start_training(preset("mlp", epochs=2), train_size=2000)
    qtbot.waitUntil(lambda: service.model_info.training is False and len(shown) >= 3, timeout=30_000)
    qtbot.waitUntil(lambda: np.allclose(tab.layers_view.outputs.probabilities,
                                        service.predict(image[None])[0], atol=1e-5), timeout=30_000)


def test_real_service_answers_every_view_of_a_loaded_model(qtbot, service, mnist):
    from mnist_gui import paths

    with qtbot.waitSignal(service.model_changed, timeout=60_000):
        service.open_model(str(paths.bundled_models_dir() / "mnist_dnn_v1.keras"))
    image = mnist.x_test[0].astype(np.float32)
    answers = {}
    service.inside_ready.connect(lambda rid, kind, result: answers.__setitem__(kind, result))
    service.request_inside("layers", image=image)
    service.request_inside("attribution", image=image)
    service.request_inside("network", image=image)
    service.request_inside("nonsense")
    qtbot.waitUntil(lambda: len(answers) == 4, timeout=30_000)
    assert answers["layers"].probabilities.argmax() == service.predict(image[None])[0].argmax()
    assert answers["attribution"].targets[0] == answers["layers"].probabilities.argmax()
    assert len(answers["network"].layers) == 5
    assert isinstance(answers["nonsense"], inside.InsideError)


def test_real_service_serves_predictions_between_the_maps_batches(qtbot, service_with_model, mnist):
    """The map (a CNN's takes seconds) runs a batch at a time: a Draw Pad prediction asked after it
    is answered before it ends; the map still covers every test image."""
    service = service_with_model
    order = []
    service.inside_ready.connect(lambda rid, kind, result: order.append((kind, result)))
    service.prediction_ready.connect(lambda rid, probs: order.append(("prediction", probs)))
    service.request_inside("map", images=mnist.x_test)
    service.request_prediction(mnist.x_test[:1])
    qtbot.waitUntil(lambda: len(order) == 2, timeout=60_000)
    assert [kind for kind, _ in order] == ["prediction", "map"]
    emb = order[1][1]
    assert emb.points.shape == (len(mnist.x_test), 2)
    np.testing.assert_array_equal(emb.predicted, service.test_predictions.labels)
