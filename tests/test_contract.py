"""The one model contract (core.contract): decided when a model is opened, honoured by every entry
point (CLI evaluate/predict/export/train --resume, Predictor, Inside); refused models are one line."""

import json

import keras
import numpy as np
import pytest

from mnist_gui.cli import main
from mnist_gui.core import contract, export, inside, storage
from mnist_gui.core.contract import ContractError
from mnist_gui.core.training import Predictor, evaluate, predict_probabilities


def _dense(inputs, x, activation="softmax", outputs=1):
    x = keras.layers.Flatten()(keras.layers.Rescaling(1 / 255)(x))
    x = keras.layers.Dense(16, activation="relu")(x)
    heads = [keras.layers.Dense(10, activation=activation)(x) for _ in range(outputs)]
    return keras.Model(inputs, heads if outputs > 1 else heads[0])


def _build(kind):
    """Tiny functional models, one per case the contract decides."""
    keras.utils.set_random_seed(1)
    if kind == "flat":
        i = keras.Input((784,))
        return _dense(i, i)
    if kind == "channel":
        i = keras.Input((28, 28, 1))
        return _dense(i, i)
    if kind == "logits":
        i = keras.Input((28, 28))
        return _dense(i, i, activation=None)
    if kind == "two_outputs":
        i = keras.Input((28, 28))
        return _dense(i, i, outputs=2)
    if kind == "two_inputs":
        a, b = keras.Input((28, 28)), keras.Input((28, 28))
        return _dense([a, b], keras.layers.Add()([a, b]))
    if kind == "nan":
        i = keras.Input((28, 28))
        model = _dense(i, i)
        weights = model.get_weights()
        weights[0][:] = np.nan
        model.set_weights(weights)
        return model
    i = keras.Input((28, 28))
    return _dense(i, i)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    paths = {}
    for kind in ("plain", "flat", "channel", "logits", "two_outputs", "two_inputs", "nan"):
        paths[kind] = folder / f"{kind}.keras"
        _build(kind).save(paths[kind])
    return paths


# ---- opening --------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, fragment", [("two_outputs", "2 outputs"), ("two_inputs", "2 inputs"),
                                            ("nan", "NaN or infinite")])
def test_models_outside_the_contract_are_refused_on_open(files, kind, fragment):
    """Defects 9, 13: two inputs/outputs passed the shape check (only the first was looked at); NaN
    weights passed everything and predicted 0."""
    with pytest.raises(ContractError, match=fragment) as refused:
        storage.load_model(files[kind])
    assert isinstance(refused.value, storage.ModelFileError)  # the CLI and the app already show those
    assert len(str(refused.value).splitlines()) == 1


@pytest.mark.parametrize("kind, shape, logits, said", [
    ("plain", (28, 28), False, ""), ("flat", (784,), False, "takes 784 flat pixels"),
    ("channel", (28, 28, 1), False, "takes 28×28×1 images"),
    ("logits", (28, 28), True, "outputs logits (softmax applied)")])
def test_accepted_models_carry_their_contract(files, mnist, kind, shape, logits, said):
    model, found = storage.open_model(files[kind])
    assert found == contract.of(model) == contract.ModelContract(shape, logits)
    assert found.describe() == said
    loaded = storage.load_model(files[kind])
    assert contract.of(loaded) == found
    probs = Predictor(loaded)(mnist.x_test[:50])  # defect 10: flat models failed here in the app
    assert probs.shape == (50, 10) and np.allclose(probs.sum(axis=1), 1, atol=1e-5)
    np.testing.assert_allclose(predict_probabilities(loaded, mnist.x_test[:50]), probs, atol=1e-5)
    single = Predictor(loaded)(mnist.x_test[0])
    assert single.shape == (10,)


def test_a_logits_model_is_evaluated_on_the_softmax_of_its_logits(files, mnist):
    """Defect 13: the cross-entropy of logits read as probabilities was meaningless."""
    model = storage.load_model(files["logits"])
    loss, accuracy = evaluate(model, mnist.x_test[:500], mnist.y_test[:500])
    probs = Predictor(model)(mnist.x_test[:500])
    expected = -np.mean(np.log(np.clip(probs[np.arange(500), mnist.y_test[:500]], 1e-7, 1)))
    assert loss == pytest.approx(expected, rel=1e-3)
    assert accuracy == pytest.approx(np.mean(probs.argmax(1) == mnist.y_test[:500]))


# ---- every command ------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["two_outputs", "two_inputs", "nan"])
def test_every_cli_command_refuses_them_in_one_line(files, kind, mnist_path, tmp_path, capsys):
    """Defect 9: evaluate, predict, export and train --resume ended in tracebacks; export left files."""
    data = ["--data", str(mnist_path)]
    for argv in (["evaluate", str(files[kind])], ["predict", str(files[kind]), "--index", "0"],
                 ["export", str(files[kind]), "--format", "litert", "--out", str(tmp_path / "m.tflite")],
                 ["train", "--resume", str(files[kind]), "--epochs", "1", "--train-size", "64",
                  "--out", str(tmp_path / "more.keras")]):
        assert main(argv + data) == 2, argv
        err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("mnist-gui")]
        assert len(err) == 1 and err[0].startswith("mnist-gui: ") and kind.split("_")[0][:3] in err[0], err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["flat", "channel"])
def test_flat_and_channel_models_evaluate_and_train_on(files, kind, mnist_path, tmp_path, capsys):
    """Defect 10: a flat-784 model (the README says it is supported) failed evaluate and train --resume."""
    assert main(["evaluate", str(files[kind]), "--data", str(mnist_path)]) == 0
    assert capsys.readouterr().out.startswith("test_accuracy=")
    out = tmp_path / "more.keras"
    assert main(["train", "--resume", str(files[kind]), "--epochs", "1", "--train-size", "256",
                 "--out", str(out), "--data", str(mnist_path)]) == 0
    trained, found = storage.open_model(out)
    assert found.input_shape == contract.of(storage.load_model(files[kind])).input_shape  # its own interface


def test_predict_prints_probabilities_of_a_logits_model(files, mnist_path, capsys):
    """Defect 13: ``predict`` printed a logits model's raw scores as probabilities."""
    assert main(["predict", str(files["logits"]), "--index", "0", "--data", str(mnist_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    probs = [float(line.split(": ")[1]) for line in lines[:10]]
    assert all(0 <= p <= 1 for p in probs) and sum(probs) == pytest.approx(1, abs=2e-3)


def test_a_logits_models_export_says_so_and_is_checked_as_probabilities(files, mnist, tmp_path):
    """Defect 13: the contract claimed softmax probabilities that sum to 1."""
    from mnist_gui.core.litert import LiteRTPredictor

    model = storage.load_model(files["logits"])
    path = tmp_path / "m.tflite"
    report = export.export_and_verify(model, path, "litert", mnist.x_test[:1000], mnist.y_test[:1000],
                                      source=files["logits"], timing=False)
    assert report.passed and report.parity.test.max_prob_diff < 1e-4
    written = json.loads(export.contract_path(path).read_text())
    assert written["output"]["kind"] == "logits" and "NOT probabilities" in written["output"]["meaning"]
    raw = LiteRTPredictor(path, logits=False)(mnist.x_test[:5])
    assert not np.allclose(raw.sum(axis=1), 1, atol=1e-2)  # the artifact outputs logits, honestly
    np.testing.assert_allclose(LiteRTPredictor(path)(mnist.x_test[:5]), Predictor(model)(mnist.x_test[:5]),
                               atol=1e-5)  # the contract beside it tells the fast start to apply a softmax


def test_nan_answers_never_pass_the_parity_check(mnist, tmp_path):
    """Defect 13: NaN on both sides gave agreement 1.0 (argmax 0 == 0) and max_prob_diff=nan, 'passed'."""
    model = _build("nan")
    path = tmp_path / "m.tflite"
    export.export_model(model, path, "litert")
    parity = export.parity_check(model, path, "litert", mnist.x_test[:200], mnist.y_test[:200], timing=False)
    assert not parity.passed


# ---- Inside ---------------------------------------------------------------------------------------------

def test_inside_views_of_logits_and_flat_models_show_probabilities(files, mnist):
    for kind in ("logits", "flat", "channel"):
        model = storage.load_model(files[kind])
        expected = Predictor(model)(mnist.x_test[0])
        layers = inside.compute("layers", model, image=mnist.x_test[0])
        np.testing.assert_allclose(layers.probabilities, expected, atol=1e-5)
        found = inside.compute("attribution", model, image=mnist.x_test[0], method="occlusion")
        np.testing.assert_allclose(found.probabilities, expected, atol=1e-5)
        ig = inside.compute("attribution", model, image=mnist.x_test[0])
        assert np.all(np.isfinite(ig.maps))
        mapped = inside.run_steps(inside.compute("map", model, images=mnist.x_test[:300]))
        assert mapped.points.shape == (300, 2)


def test_inside_gives_one_clear_line_for_what_it_cannot_show(mnist):
    """Defect 14: raw internal errors ('autodetected range of [nan, nan]') reached the view."""
    model = _build("nan")  # built in the app (never opened): its views must still not fail raw
    weights = model.get_weights()
    weights[-2][:] = np.nan  # the output layer's too: NaN answers
    model.set_weights(weights)
    for kind, args in (("histograms", {"images": mnist.x_test[:20]}), ("layers", {"image": mnist.x_test[0]}),
                       ("attribution", {"image": mnist.x_test[0]}), ("map", {"images": mnist.x_test[:20]})):
        with pytest.raises(inside.InsideError, match="cannot be shown for this model") as said:
            inside.run_steps(inside.compute(kind, model, **args)) if kind == "map" else inside.compute(kind, model, **args)
        assert "autodetected" not in str(said.value) and len(str(said.value).splitlines()) == 1
    with pytest.raises(inside.InsideError, match="2 outputs"):
        inside.compute("layers", _build("two_outputs"), image=mnist.x_test[0])


# ---- in the app -------------------------------------------------------------------------------------

def test_the_app_refuses_them_in_one_line_and_keeps_its_model(qtbot, service_with_model, files):
    service = service_with_model
    before = service.model_info
    for kind in ("two_outputs", "two_inputs", "nan"):
        with qtbot.waitSignal(service.model_failed, timeout=60_000) as failed:
            service.open_model(files[kind])
        message = failed.args[0]
        assert "\n" not in message and files[kind].name in message and "Traceback" not in message
        assert service.model_info is before and not service.busy


def test_the_app_reads_logits_and_flat_models_and_says_so(qtbot, service, files, mnist):
    for kind, said in (("logits", "outputs logits (softmax applied)"), ("flat", "takes 784 flat pixels")):
        with qtbot.waitSignal(service.test_predictions_ready, timeout=60_000):
            service.open_model(files[kind])
        assert said in service.model_info.note
        probs = service.predict(mnist.x_test[:50])
        np.testing.assert_allclose(probs.sum(axis=1), 1, atol=1e-5)
        np.testing.assert_allclose(probs, predict_probabilities(storage.load_model(files[kind]), mnist.x_test[:50]),
                                   atol=1e-5)
