"""The run as code (core.codegen, `mnist-gui export --format script|notebook`).

The generated code is run for real: the Seed DNN's and an MLP's script for one epoch on a small
slice of MNIST, and the CNN's notebook top to bottom, each in its own process (no mnist-gui on
its path: the code stands alone). The built models are compared with the app's own.
"""

import importlib.util
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mnist_gui.cli import main
from mnist_gui.core import codegen
from mnist_gui.core.models import SCHEDULES, preset

KERAS2_H5 = Path(__file__).parent / "data" / "keras2_notebook.h5"
ACCURACY_LINE = re.compile(r"^test_accuracy=(\d\.\d{4})$")


@pytest.fixture(scope="module")
def mnist_slice(mnist, tmp_path_factory):
    """2,000 training and 500 test images of real MNIST in Keras' .npz layout."""
    path = tmp_path_factory.mktemp("data") / "mnist_slice.npz"
    np.savez(path, x_train=mnist.x_train[:2000], y_train=mnist.y_train[:2000],
             x_test=mnist.x_test[:500], y_test=mnist.y_test[:500])
    return path


def run_python(args, cwd, env_extra=None):
    """A fresh interpreter, headless, in ``cwd`` (the generated code must not need mnist_gui)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH")}
    env.update(TF_CPP_MIN_LOG_LEVEL="2", **(env_extra or {}))
    done = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()


def final_accuracy(lines) -> float:
    found = ACCURACY_LINE.match(lines[-1])
    assert found, f"last line {lines[-1]!r}"
    return float(found.group(1))


def load_script(path: Path):
    """The generated script as a module (its main() does not run)."""
    spec = importlib.util.spec_from_file_location(f"generated_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def matplotlib_installed() -> bool:
    return importlib.util.find_spec("matplotlib") is not None


def test_every_config_gives_valid_python_and_a_valid_notebook():
    for name, schedule, augment in itertools.product(("seed", "mlp", "cnn"), SCHEDULES, (False, True)):
        overrides = dict(augment=augment)
        if name != "seed":
            overrides.update(schedule=schedule, weight_decay=0.001)
        if name == "mlp":
            overrides.update(optimizer="sgd", momentum=0.9, dropout=0.1, lr_decay=0.9)
        config = preset(name, **overrides)
        source = codegen.script_source(config)
        compile(source, f"{name}.py", "exec")
        assert source.rstrip().endswith('main()') and 'print(f"test_accuracy={accuracy:.4f}")' in source

        nb = json.loads(json.dumps(codegen.notebook(config)))  # what is written is plain JSON
        assert nb["nbformat"] == 4 and nb["nbformat_minor"] >= 4
        assert nb["metadata"]["kernelspec"]["language"] == "python"
        ids = [cell["id"] for cell in nb["cells"]]
        assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", i) for i in ids)
        for cell in nb["cells"]:
            assert cell["cell_type"] in ("markdown", "code") and cell["metadata"] == {}
            assert isinstance(cell["source"], list) and all(isinstance(line, str) for line in cell["source"])
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None
            else:
                assert "outputs" not in cell
        code = "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        compile(code, f"{name}.ipynb", "exec")
        # Only what the config uses is written.
        assert ("def augment(" in source) == augment
        assert ("OneCycle(" in source) == (config.schedule == "one_cycle")
        assert ("WeightAverage()" in source) == (name == "cnn")


def test_seed_dnn_code_is_the_notebooks_model_and_settings(tmp_path):
    from mnist_gui.core.models import build_model

    path = codegen.write_code(preset("seed"), tmp_path / "seed_run.py", "script")
    script = load_script(path)
    assert (script.EPOCHS, script.BATCH_SIZE, script.LEARNING_RATE, script.SEED) == (50, 32, 0.03, 42)
    model = script.build_model()
    app = build_model(preset("seed"))

    layers = [(type(layer).__name__, layer.get_config().get("units"), layer.get_config().get("activation"))
              for layer in model.layers]
    assert layers == [("Reshape", None, None), ("BatchNormalization", None, None),
                      ("Dense", 200, "sigmoid"), ("Dense", 100, "sigmoid"), ("Dense", 60, "sigmoid"),
                      ("Dense", 30, "sigmoid"), ("Dense", 10, "softmax")]
    assert tuple(model.layers[0].get_config()["target_shape"]) == (784,)
    assert model.input_shape == (None, 28, 28) and model.count_params() == app.count_params()
    compiled = model.get_compile_config()
    assert compiled["loss"] == "categorical_crossentropy" and compiled["metrics"] == ["accuracy"]
    optimizer = model.optimizer
    assert type(optimizer).__name__ == "SGD" and float(optimizer.learning_rate) == pytest.approx(0.03)
    assert optimizer.momentum == 0 and not optimizer.weight_decay and not optimizer.use_ema
    unnamed = lambda config: {k: v for k, v in config.items() if k != "name"}  # noqa: E731 (sgd, sgd_1, ...)
    assert unnamed(optimizer.get_config()) == unnamed(app.optimizer.get_config())
    # The same seed, the same layers in the same order: the app's starting weights, exactly.
    for ours, theirs in zip(model.get_weights(), app.get_weights(), strict=True):
        np.testing.assert_array_equal(ours, theirs)
    # Trained as the notebook: batch 32, validating on the test set, no augmentation or schedule.
    source = path.read_text(encoding="utf-8")
    assert ("history = model.fit(x_train, y_train_onehot, batch_size=BATCH_SIZE, epochs=epochs,\n"
            "                        validation_data=(x_test, y_test_onehot), verbose=2)") in source
    assert "callbacks" not in source and "AugmentedBatches" not in source


def test_seed_script_trains_one_epoch_on_a_slice_as_the_app_does(tmp_path, mnist_slice):
    from mnist_gui.core import training
    from mnist_gui.core.models import build_model

    path = codegen.write_code(preset("seed"), tmp_path / "run.py", "script")
    lines = run_python([str(path), "--epochs", "1", "--data", str(mnist_slice)], tmp_path)
    assert "2000 training images, 500 test images" in lines
    assert sum(line.startswith("test image ") for line in lines) == 10
    # The notebook's sigmoids sit near chance for their first few hundred steps of SGD, in the app
    # too (measured: 0.10-0.13 after these 63 steps, both); the MLP test below shows the code learning.
    with np.load(mnist_slice) as f:
        app = build_model(preset("seed"))
        result = training.fit(app, f["x_train"], f["y_train"], validation_data=(f["x_test"], f["y_test"]),
                              epochs=1, batch_size=32)
    assert abs(final_accuracy(lines) - result.history["val_accuracy"][-1]) <= 0.1
    assert (tmp_path / "run.keras").is_file()
    assert (tmp_path / "run_predictions.png").is_file() == matplotlib_installed()


def _app_model_file(folder: Path, config, **facts) -> Path:
    """A model file as the app saves one: the model and its sidecar record."""
    from mnist_gui.core import storage
    from mnist_gui.core.models import build_model

    path = folder / "mine.keras"
    storage.save_model(build_model(config), path, {"preset": config.preset, "config": config.to_dict(), **facts})
    return path


def test_cli_writes_an_mlp_script_that_runs(tmp_path, mnist_slice, capsys):
    config = preset("mlp", hidden=(64, 32), dropout=0.1, schedule="cosine", weight_decay=0.0001, epochs=3)
    model = _app_model_file(tmp_path, config, epochs_run=3, test_accuracy=0.9712, train_size=10_000)
    out = tmp_path / "mlp_run.py"
    assert main(["export", str(model), "--format", "script", "--out", str(out)]) == 0
    assert f"as a script to {out}" in capsys.readouterr().out
    source = out.read_text(encoding="utf-8")
    assert "from mine.keras" in source and "97.12% after 3 epochs" in source
    assert "TRAIN_SIZE = 10000" in source and "mnist_gui" not in source.split('"""', 2)[2]

    lines = run_python([str(out), "--epochs", "1", "--data", str(mnist_slice)], tmp_path)
    assert 0.6 < final_accuracy(lines) <= 1.0
    assert (tmp_path / "mlp_run.keras").is_file()


def test_cnn_script_builds_the_apps_cnn(tmp_path):
    from mnist_gui.core.models import build_model

    config = preset("cnn")
    script = load_script(codegen.write_code(config, tmp_path / "cnn_run.py", "script"))
    model, app = script.build_model(), build_model(config)
    assert [type(layer).__name__ for layer in model.layers] == [type(layer).__name__ for layer in app.layers]
    assert model.count_params() == app.count_params()
    for ours, theirs in zip(model.get_weights(), app.get_weights(), strict=True):
        np.testing.assert_array_equal(ours, theirs)
    assert type(model.optimizer).__name__ == "Adam" and script.WEIGHT_AVERAGE == 0.99
    assert model.loss.get_config()["label_smoothing"] == script.LABEL_SMOOTHING == 0.1  # the preset's targets
    # The one-cycle rate is the app's, step by step.
    total = 1175
    for step in (0, 1, 100, 176, 177, 600, 1174):
        assert script.one_cycle_rate(step, total) == pytest.approx(config.lr_at_step(step, total))


def test_the_cnn_scripts_weight_average_is_the_apps(tmp_path, mnist):
    from mnist_gui.core.averaging import weight_averager
    from mnist_gui.core.models import build_model, one_hot

    script = load_script(codegen.write_code(preset("cnn"), tmp_path / "avg.py", "script"))
    x, y = mnist.x_train[:256].astype(np.float32), one_hot(mnist.y_train[:256])
    val = (mnist.x_test[:64].astype(np.float32), one_hot(mnist.y_test[:64]))
    results = []
    for averager in (script.WeightAverage(), weight_averager(0.99)):
        model = build_model(preset("mlp", hidden=(16,)))  # the same starting weights both times
        history = model.fit(x, y, batch_size=32, epochs=2, shuffle=False, validation_data=val, verbose=0,
                            callbacks=[averager])
        if hasattr(averager, "settle"):
            averager.settle()
        results.append((history.history["val_accuracy"], model.get_weights()))
    (ours_val, ours), (app_val, app) = results
    assert ours_val == pytest.approx(app_val)
    for a, b in zip(ours, app, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("schedule", ["step", "cosine"])
def test_epoch_schedules_are_the_apps(tmp_path, schedule):
    config = preset("mlp", schedule=schedule, lr_decay=0.8, epochs=7)
    script = load_script(codegen.write_code(config, tmp_path / f"{schedule}.py", "script"))
    for epoch in range(7):
        assert script.learning_rate_at(epoch, 7) == pytest.approx(config.lr_at_epoch(epoch, 0, 7))


def test_augmentation_changes_half_of_each_batch_within_the_apps_ranges(tmp_path, mnist):
    script = load_script(codegen.write_code(preset("cnn"), tmp_path / "aug.py", "script"))
    images = mnist.x_train[:64].astype(np.float32)
    out = script.augment(images, np.random.default_rng(0))
    assert out.shape == images.shape and out.dtype == np.float32
    assert out.min() >= 0 and out.max() <= 255.001
    assert all(np.abs(o - i).max() > 10 for o, i in zip(out, images))  # every image changed
    ink = out.sum(axis=(1, 2)) / images.sum(axis=(1, 2))
    assert 0.3 < ink.min() and ink.max() < 3  # thinner or thicker strokes, never gone or smeared

    labels = np.eye(10, dtype=np.float32)[mnist.y_train[:64]]
    batches = script.AugmentedBatches(images, labels, 16, seed=1)
    x, y = batches[0]
    take = batches.order[:16]
    assert len(batches) == 4 and x.shape == (16, 28, 28) and (y == labels[take]).all()
    assert np.array_equal(x[8:], images[take][8:])  # the second half stays as MNIST has it
    assert not np.array_equal(x[:8], images[take][:8])


def test_cnn_notebook_runs_top_to_bottom(tmp_path, mnist_slice):
    path = codegen.write_code(preset("cnn"), tmp_path / "run.ipynb", "notebook")
    env = {codegen.DATA_ENV: str(mnist_slice), codegen.EPOCHS_ENV: "1"}
    if importlib.util.find_spec("nbclient") and importlib.util.find_spec("ipykernel"):
        import nbclient
        import nbformat

        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        os.environ.update(env)
        try:
            nbclient.NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(tmp_path)}}).execute()
        finally:
            for key in env:
                os.environ.pop(key)
        lines = "".join(o.get("text", "") for o in nb.cells[-1].outputs).strip().splitlines()
    else:  # the notebook's code cells, in order, in one namespace, in a fresh interpreter
        runner = ("import json, sys\nnamespace = {'__name__': '__main__'}\n"
                  "for cell in json.load(open(sys.argv[1], encoding='utf-8'))['cells']:\n"
                  "    if cell['cell_type'] == 'code':\n"
                  "        exec(compile(''.join(cell['source']), 'cell', 'exec'), namespace)\n")
        lines = run_python(["-c", runner, str(path)], tmp_path, env)
    assert 0.0 <= final_accuracy(lines) <= 1.0
    assert (tmp_path / "run.keras").is_file()
    assert (tmp_path / "run_data.png").is_file() == matplotlib_installed()


def test_the_header_says_what_the_code_does_not_repeat():
    tuned = preset("cnn").replace(epochs=1, learning_rate=0.0016, schedule="constant")
    record = {"preset": "cnn", "config": tuned.to_dict(), "epochs_run": 6, "test_accuracy": 0.9925,
              "drawings": {"taught": 30, "share": 0.2, "images": 1600, "held_out": 11}}
    header = codegen.script_source(*codegen.config_from(record)).split('"""')[1]
    for words in ("99.25% after 6 epochs", "bfloat16", "taught 30 of your drawings", "fine-tune",
                  "6 epochs in all", "folds a temperature"):
        assert words in " ".join(header.split()), words
    plain = " ".join(codegen.script_source(preset("seed")).split('"""')[1].split())
    assert "bfloat16" not in plain and "drawings" not in plain and "temperature" not in plain


def test_a_foreign_model_is_refused_in_one_line(tmp_path, capsys):
    out = tmp_path / "run.py"
    assert main(["export", str(KERAS2_H5), "--format", "script", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "only be written for models the app built" in err
    assert err.startswith("mnist-gui export: ") and not out.exists()

    # A sidecar whose settings are damaged is no better.
    model = tmp_path / "damaged.h5"
    model.write_bytes(KERAS2_H5.read_bytes())
    (tmp_path / "damaged.h5.json").write_text(json.dumps({"preset": "seed", "config": {"hidden": "many"}}))
    assert main(["export", str(model), "--format", "notebook", "--out", str(tmp_path / "run.ipynb")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged" in err and not (tmp_path / "run.ipynb").exists()


def test_bad_destinations_and_flags_are_one_line(tmp_path, capsys):
    model = tmp_path / "m.keras"
    model.write_bytes(b"")
    for args, words in ((["--format", "script", "--out", str(tmp_path / "run.ipynb")], "must be a .py file"),
                        (["--format", "notebook", "--out", str(tmp_path / "no" / "run.ipynb")], "does not exist"),
                        (["--format", "script", "--out", str(tmp_path / "run.py"), "--int8"], "--int8"),
                        # the model exports check as before
                        (["--format", "litert", "--out", str(tmp_path / "m.onnx")], "must be a .tflite file")):
        assert main(["export", str(model), *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and words in err
