"""The Inside tab on the real service over a fake host whose model thread answers the views with a
small numpy network: what the tab asks for, when, and what it shows."""

from types import SimpleNamespace

import numpy as np
import pytest
from fake_host import NumpyWorker, make_service
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from mnist_gui.core import inside, pictures
from mnist_gui.model_host import LATER
from mnist_gui.ui.inside_tab import InsideTab


class NumpyMlp:
    """A tiny dense network in numpy (784 → 16 relu → 10 softmax)."""

    def __init__(self, seed):
        rng = np.random.default_rng(seed)
        self.w1, self.w2 = rng.normal(0, 0.01, (784, 16)), rng.normal(0, 0.3, (16, 10))

    def outputs(self, image):
        h = np.maximum(image.reshape(-1) @ self.w1, 0)
        z = h @ self.w2
        p = np.exp(z - z.max())
        return h, p / p.sum()

    def __call__(self, images):
        return np.stack([self.outputs(image)[1] for image in np.asarray(images, np.float32).reshape(-1, 28, 28)])


class InsideWorker(NumpyWorker):
    """Answers the views with numpy; ``hold`` keeps answers back (a busy model thread)."""

    hold = False

    def __init__(self, pool):
        super().__init__(pool)
        self.requests, self._held = [], []   # (id, kind, args)

    def inside(self, request_id, kind, args):
        self.requests.append((request_id, kind, args))
        self._held.append((request_id, kind, args))
        if not self.hold:
            self.later(None, self.release)
        return LATER

    def release(self):
        held, self._held = self._held, []
        for request_id, kind, args in held:
            try:
                self.answered.emit(request_id, self.answer(kind, args))
            except Exception as exc:
                self.failed.emit(request_id, exc)

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
        raise inside.InsideError(f"the fake has no {kind}")

    def sent(self, kind):
        return [args for _, k, args in self.requests if k == kind]


@pytest.fixture
def small_data():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (200, 28, 28)).astype(np.uint8)
    x[:, :4] = 0
    return SimpleNamespace(x_train=x, y_train=rng.integers(0, 10, 200), x_test=x[:120],
                           y_test=rng.integers(0, 10, 120), source="test", location="memory", verified=False)


@pytest.fixture
def service(qtbot, small_data):
    svc = make_service(qtbot, worker_class=InsideWorker)
    svc.host.jobs_by_name = {**svc.host.jobs_by_name, "load_dataset": lambda path=None: small_data}
    with qtbot.waitSignal(svc.dataset_ready):
        svc.load_dataset()
    with qtbot.waitSignal(svc.model_changed):
        svc.use_model(NumpyMlp(0), "numpy MLP")
    yield svc
    assert svc.shutdown()


@pytest.fixture
def fake(service):
    """The model thread's worker: what was asked of it, and its model."""
    return service.host.worker


@pytest.fixture
def tab(qtbot, service):
    widget = InsideTab(service)
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
    qtbot.waitUntil(lambda: len(fake.sent("layers")) == 1)
    qtbot.wait(20)
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
    service = tab.service
    with qtbot.waitSignal(service.model_changed):
        service.use_model(NumpyMlp(1), "another")  # new weights (an epoch ended, a model was loaded)
    qtbot.waitUntil(lambda: tab.layers_view.outputs is not first)
    np.testing.assert_array_equal(tab.layers_view.outputs.layers[0].values, fake.model.outputs(drawing(150))[0])
    service.model_changed.emit(service.model_info)  # the same weights, news about them: nothing to redo
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


