"""Fast start: the bundled models' LiteRT exports predict from launch, then TensorFlow takes over once."""

import json
import subprocess
import sys

import numpy as np
import pytest

from mnist_gui.core import export, storage
from mnist_gui.core.litert import LiteRTPredictor, bundled_export, verified_export
from mnist_gui.paths import bundled_models_dir

BUNDLED = sorted(bundled_models_dir().glob("*.keras"))


def test_every_bundled_model_ships_its_litert_export():
    assert BUNDLED
    for model in BUNDLED:
        tflite = bundled_export(model)
        assert tflite is not None, f"{model.name} has no LiteRT export: run `make bundled-exports`"
        contract = json.loads(export.contract_path(tflite).read_text())
        # The export is of this very model file, not of an older one (a retrained model needs a new export).
        assert contract["source"]["sha256"] == export.file_sha256(model), \
            f"{tflite.name} was made from another {model.name}: run `make bundled-exports`"
        assert contract["model"] == storage.read_metadata(model)
        checked = contract["parity_check"]
        assert checked["passed"] is True and checked["test_set"]["images"] == 10_000
        assert [(s["name"], s["images"]) for s in checked["extra_sets"]] == [("drawn", export.DRAWN_N)]
        assert verified_export(model) == tflite


def test_an_export_of_another_model_file_is_not_used(tmp_path, trained_mlp_model):
    """A model file retrained (or replaced) after its export: the stale export is never used."""
    from mnist_gui.service import ModelService

    model = tmp_path / "m.keras"
    tflite = tmp_path / "m.tflite"
    source = bundled_models_dir() / "mnist_dnn_v1.keras"
    model.write_bytes(source.read_bytes())
    tflite.write_bytes(bundled_export(source).read_bytes())
    export.contract_path(tflite).write_text(export.contract_path(bundled_export(source)).read_text())
    assert verified_export(model) == tflite  # the same bytes: the export stands
    storage.save_model(trained_mlp_model, model, {"preset": "mlp"})
    assert verified_export(model) is None
    service = ModelService()
    try:
        assert not service.start_fast(model)
    finally:
        service.shutdown()


@pytest.mark.parametrize("model_path", BUNDLED, ids=lambda p: p.stem)
def test_fast_predictor_and_tensorflow_model_agree_on_the_test_set(model_path, mnist):
    from mnist_gui.core.training import Predictor

    fast = LiteRTPredictor(bundled_export(model_path))(mnist.x_test)
    keras_probs = Predictor(storage.load_model(model_path))(mnist.x_test)
    assert np.mean(fast.argmax(1) == keras_probs.argmax(1)) == 1.0
    np.testing.assert_allclose(fast, keras_probs, atol=1e-4)


def test_fast_start_predicts_without_importing_tensorflow(tmp_path):
    """In a fresh process: the service predicts a digit from the LiteRT export, TensorFlow never imported."""
    model = bundled_models_dir() / "mnist_dnn_v1.keras"
    script = f"""
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from mnist_gui.service import ModelService
app = QCoreApplication([])
service = ModelService()
result = {{}}
service.model_changed.connect(lambda info: (result.setdefault("info", info), app.quit()))
service.open_model({str(model)!r})
QTimer.singleShot(30000, app.quit)
app.exec()
info = result["info"]
probs = service.predict(__import__("numpy").zeros((28, 28), "float32"))
print(info.fast_start, probs.shape, "tensorflow" in sys.modules, "keras" in sys.modules)
service.shutdown()
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.split() == ["True", "(10,)", "False", "False"], out.stdout


def test_the_interpreter_never_runs_on_the_model_thread(tmp_path):
    """Fast start, TensorFlow imported on another thread, handover, predictions: in a fresh process
    (where TensorFlow is not imported yet), every interpreter call runs on a LiteRT thread of its
    own. On the model thread the interpreter once crashed that thread (SIGSEGV) at its first
    TensorFlow operation."""
    model = bundled_models_dir() / "mnist_cnn.keras"
    script = f"""
import threading, numpy as np
from PySide6.QtCore import QCoreApplication, QTimer
from mnist_gui.core import litert
from mnist_gui.service import ModelService
threads = set()
call = litert.LiteRTPredictor.__call__
def spy(self, images):
    threads.add(threading.current_thread().name)
    return call(self, images)
litert.LiteRTPredictor.__call__ = spy
app = QCoreApplication([])
service = ModelService()
state = {{}}
def changed(info):
    if info.fast_start:
        state["fast"] = service.predict(np.zeros((28, 28), "float32"))
        service.load_backend()
    else:
        state["tf"] = service.predict(np.zeros((1, 28, 28), "float32"))
        state["batch"] = service.predict(np.zeros((5, 28, 28), "float32"))
        app.quit()
service.model_changed.connect(changed)
service.open_model({str(model)!r})
QTimer.singleShot(150000, app.quit)
app.exec()
assert "tf" in state, state
np.testing.assert_allclose(state["fast"], state["tf"][0], atol=1e-5)
print(sorted(threads))
print(service.shutdown())
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=200,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-3000:]
    names, clean = out.stdout.strip().splitlines()[-2:]
    assert clean == "True"
    names = __import__("ast").literal_eval(names)
    assert names and all(name.startswith("litert") for name in names), names


@pytest.fixture
def cold_service(qtbot, mnist_path):
    """A ModelService with the data loaded and TensorFlow not yet 'ready' (as at launch)."""
    from mnist_gui.service import ModelService

    svc = ModelService()
    with qtbot.waitSignal(svc.dataset_ready, timeout=30_000):
        svc.load_dataset(mnist_path)
    yield svc
    svc.shutdown()


def _changes(service):
    seen = []
    service.model_changed.connect(lambda info: seen.append((info.version, info.fast_start, info.name)))
    return seen


def test_handover_happens_once_and_keeps_the_version(cold_service, qtbot, mnist, answer_of):
    from mnist_gui.core.training import Predictor

    service = cold_service
    path = bundled_models_dir() / "mnist_cnn.keras"
    seen = _changes(service)
    # The pass runs at nice 19 on one thread: on a machine busy with other work it can take minutes.
    with qtbot.waitSignal(service.test_predictions_ready, timeout=300_000):
        service.open_model(str(path))
    fast_version = service.model_info.version
    assert service.model_info.fast_start and not service.backend_is_ready
    fast_predictions = service.test_predictions

    # A Draw Pad request answered by the interpreter, before TensorFlow is ready.
    digit = mnist.x_test[:1]
    answer = answer_of(service.request_prediction(digit))
    expected = LiteRTPredictor(bundled_export(path))(digit)
    np.testing.assert_allclose(answer, expected, atol=1e-6)

    with qtbot.waitSignal(service.model_changed, timeout=120_000,
                          check_params_cb=lambda info: not info.fast_start):
        service.load_backend()  # the pending open now loads the TensorFlow model: the handover
    info = service.model_info
    assert info.version == fast_version and not info.fast_start and info.path == str(path)
    # Same version, so the test-set predictions stand (not recomputed, not dropped).
    assert service.test_predictions is fast_predictions
    # A round trip through the model thread: whatever it had queued before has arrived by now.
    answer_of(service.request_prediction(digit))
    assert [(v, f) for v, f, _ in seen if v == fast_version] in (
        [(fast_version, True), (fast_version, False)],
        [(fast_version, True), (fast_version, True), (fast_version, False)])  # + the accuracy update
    assert max(v for v, _, _ in seen) == fast_version

    keras_probs = Predictor(storage.load_model(path))(mnist.x_test[:200])
    for i in (0, 1, 2):
        np.testing.assert_allclose(service.predict(mnist.x_test[i]), keras_probs[i], atol=1e-5)
    np.testing.assert_allclose(service.predict(mnist.x_test[:200]), keras_probs, atol=1e-5)

    # Opening the same file again is a new version, not a second handover.
    with qtbot.waitSignal(service.model_changed, timeout=60_000):
        service.open_model(str(path))
    assert service.model_info.version > fast_version and not service.model_info.fast_start


def test_no_stale_fast_prediction_after_another_model_is_chosen(cold_service, qtbot, mnist, tmp_path, answer_of,
                                                                trained_mlp_model):
    """The user picks another model while the fast start runs: once it is in, no answer comes from
    the bundled model's export any more."""
    service = cold_service
    other = tmp_path / "mine.keras"
    storage.save_model(trained_mlp_model, other, {"preset": "mlp"})
    bundled = bundled_models_dir() / "mnist_dnn_v1.keras"
    seen = _changes(service)
    with qtbot.waitSignal(service.model_changed, timeout=30_000):
        service.open_model(str(bundled))
    fast_version = service.model_info.version
    assert service.model_info.fast_start

    service.open_model(str(other))  # no LiteRT export: waits for TensorFlow; the fast start stays meanwhile
    assert service.model_info.version == fast_version
    with qtbot.waitSignal(service.model_changed, timeout=120_000,
                          check_params_cb=lambda info: info.name == "mine"):
        service.load_backend()
    assert service.model_info.version > fast_version and not service.model_info.fast_start
    assert not any(name == "mnist_dnn_v1" and not fast for _, fast, name in seen)  # no handover
    assert service.host.worker.fast is None  # no interpreter for a file without its own export

    digits = mnist.x_test[:50]
    mine = trained_mlp_model.predict(digits, verbose=0)
    bundled_fast = LiteRTPredictor(bundled_export(bundled))(digits)
    answers = []
    for digit in digits:  # the Draw Pad's single images, through the queued path
        answers.append(answer_of(service.request_prediction(digit[None]))[0])
    answers = np.array(answers)
    np.testing.assert_allclose(answers, mine, atol=1e-5)
    assert np.abs(answers - bundled_fast).max() > 1e-2  # really a different model


def test_draw_pad_answers_do_not_wait_for_the_fast_test_pass(qtbot, mnist_path, mnist):
    """The fast start's 10,000-image pass runs beside the model thread: a Draw Pad request sent as it
    starts is answered before it ends (behind it, it waited seconds for the CNN)."""
    from mnist_gui.service import ModelService

    service = ModelService()
    try:
        with qtbot.waitSignal(service.model_changed, timeout=30_000):
            service.open_model(str(bundled_models_dir() / "mnist_cnn.keras"))
        assert service.model_info.fast_start
        order = []
        service.test_predictions_ready.connect(lambda *_: order.append("test set"))
        with qtbot.waitSignal(service.test_predictions_ready, timeout=300_000):
            service.load_dataset(mnist_path)  # starts the pass
            qtbot.waitUntil(lambda: service.data is not None, timeout=30_000)
            reply = service.request_prediction(mnist.x_test[:1])
            reply.answered.connect(lambda *_: order.append("draw pad"))
        assert order == ["draw pad", "test set"]
        accuracy = np.mean(service.test_predictions.labels == mnist.y_test)
        assert accuracy == pytest.approx(service.model_info.test_accuracy) and accuracy > 0.99
    finally:
        service.shutdown()


def test_an_export_swapped_or_damaged_beside_its_contract_is_not_used(tmp_path):
    """Defect 8: only the model file's hash was checked, so another model's .tflite beside a matching
    contract answered for this model. The contract records the export's own sha256 too."""
    cnn, dnn = (bundled_models_dir() / f"{name}.keras" for name in ("mnist_cnn", "mnist_dnn_v1"))
    model, tflite = tmp_path / "m.keras", tmp_path / "m.tflite"
    model.write_bytes(dnn.read_bytes())
    export.contract_path(tflite).write_text(export.contract_path(bundled_export(dnn)).read_text())
    tflite.write_bytes(bundled_export(dnn).read_bytes())
    assert verified_export(model) == tflite
    tflite.write_bytes(bundled_export(cnn).read_bytes())  # another model's export
    assert verified_export(model) is None
    tflite.write_bytes(bundled_export(dnn).read_bytes()[:-1000])  # truncated
    assert verified_export(model) is None
    tflite.write_bytes(bundled_export(dnn).read_bytes())
    contract = json.loads(export.contract_path(tflite).read_text())
    del contract["artifact"]  # a contract of before: nothing vouches for the export's bytes
    export.contract_path(tflite).write_text(json.dumps(contract))
    assert verified_export(model) is None
