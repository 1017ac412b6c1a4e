"""The Inside tab end to end, on the real service (tests/ui/test_inside_tab.py drives it over a fake
host: what it asks for, when, and what it shows)."""

import numpy as np

from mnist_gui.core import inside
from mnist_gui.ui.inside_tab import InsideTab


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
    tab._request("layers").answered.connect(lambda result, args: shown.append(result))
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
    for kind, args in (("layers", {"image": image}), ("attribution", {"image": image}),
                       ("network", {"image": image}), ("nonsense", {})):
        reply = service.request_inside(kind, **args)
        reply.answered.connect(lambda rid, result, kind=kind: answers.__setitem__(kind, result))
        reply.failed.connect(lambda rid, error, kind=kind: answers.__setitem__(kind, error))
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
    the_map = service.request_inside("map", images=mnist.x_test)
    the_map.answered.connect(lambda rid, result: order.append(("map", result)))
    prediction = service.request_prediction(mnist.x_test[:1])
    prediction.answered.connect(lambda rid, probs: order.append(("prediction", probs)))
    qtbot.waitUntil(lambda: len(order) == 2, timeout=60_000)
    assert [kind for kind, _ in order] == ["prediction", "map"]
    emb = order[1][1]
    assert emb.points.shape == (len(mnist.x_test), 2)
    np.testing.assert_array_equal(emb.predicted, service.test_predictions.labels)
