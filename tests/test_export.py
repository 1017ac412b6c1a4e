"""Export with Keras' model.export, the contract file, and the parity check in each format's own runtime."""

import json

import numpy as np
import pytest

from mnist_gui.cli import main
from mnist_gui.core import export, storage
from mnist_gui.paths import bundled_models_dir

SEED_DNN = bundled_models_dir() / "mnist_dnn_v1.keras"


@pytest.fixture(scope="module")
def seed_dnn():
    return storage.load_model(SEED_DNN)


@pytest.mark.parametrize("fmt, name", [("litert", "m.tflite"), ("savedmodel", "m_savedmodel")])
def test_export_round_trip_agrees_on_the_test_set(seed_dnn, mnist, tmp_path, fmt, name):
    path = tmp_path / name
    result = export.export_model(seed_dnn, path, fmt, metadata=storage.read_metadata(SEED_DNN), source=SEED_DNN)
    assert result.path == path and path.exists() and result.size_bytes > 100_000
    parity = export.parity_check(seed_dnn, path, fmt, mnist.x_test, mnist.y_test, timing=False)
    assert parity.test.images == 10_000
    assert parity.passed and parity.test.agreement >= 0.999
    assert parity.test.max_prob_diff < 1e-4
    assert parity.test.accuracy_export == pytest.approx(parity.test.accuracy_keras, abs=1e-3)
    assert parity.test.accuracy_export > 0.96  # the bundled Seed DNN: 96.7%

    contract = json.loads(export.contract_path(path).read_text())
    assert contract["input"]["shape"] == ["N", 28, 28] and contract["input"]["dtype"] == "float32"
    assert "0..255" in contract["input"]["value_range"] and "white" in contract["input"]["polarity"]
    assert contract["model"] == storage.read_metadata(SEED_DNN)  # the sidecar's facts, as they are
    assert contract["source"] == {"file": SEED_DNN.name, "sha256": export.file_sha256(SEED_DNN)}
    assert any("centre of mass" in step for step in contract["preparing_a_drawing"])


def test_extra_image_sets_are_compared_too(seed_dnn, mnist, tmp_path):
    path = tmp_path / "m.tflite"
    export.export_model(seed_dnn, path, "litert")
    drawn = mnist.x_test[:50][:, ::-1, :]  # any other images: here upside-down digits
    parity = export.parity_check(seed_dnn, path, "litert", mnist.x_test[:500], mnist.y_test[:500],
                                 extra_sets={"flipped": (drawn, None)}, timing=False)
    assert [s.name for s in parity.extra] == ["flipped"]
    assert parity.extra[0].images == 50 and parity.extra[0].agreement >= 0.98
    assert parity.extra[0].accuracy_export is None


def test_a_wrong_export_fails_the_check(seed_dnn, trained_mlp_model, mnist, tmp_path):
    """The check compares against the model given: another model's export disagrees, and fails."""
    path = tmp_path / "other.tflite"
    export.export_model(trained_mlp_model, path, "litert")
    parity = export.parity_check(seed_dnn, path, "litert", mnist.x_test[:2000], mnist.y_test[:2000], timing=False)
    assert not parity.passed and parity.test.agreement < 0.99


def test_the_parity_checks_drawn_digits_are_the_benchmarks(mnist):
    """Same generator, size and seed as benchmarks/drawn_digits.py (its default --n and --seed)."""
    import re
    from pathlib import Path

    from mnist_gui.core.drawn import DEFAULT_SEED, drawn_digits

    bench = (Path(__file__).resolve().parents[1] / "benchmarks" / "drawn_digits.py").read_text()
    assert re.search(r'"--n", type=int, default=(\d+)', bench).group(1) == str(export.DRAWN_N)
    assert '"--seed", type=int, default=DEFAULT_SEED' in bench
    images, labels = export.drawn_digit_sets(mnist.x_test, mnist.y_test)["drawn"]
    assert images.shape == (export.DRAWN_N, 28, 28)
    few, few_labels = drawn_digits(mnist.x_test, mnist.y_test, export.DRAWN_N, DEFAULT_SEED)
    np.testing.assert_array_equal(images, few)
    np.testing.assert_array_equal(labels, few_labels)


def test_failed_export_leaves_no_partial_file(tmp_path):
    class Broken:
        inputs = outputs = []

        def export(self, filepath, **kwargs):
            open(filepath, "wb").write(b"half")
            raise RuntimeError("converter crashed\ndetails")

    with pytest.raises(export.ExportError, match="converter crashed"):
        export.export_model(Broken(), tmp_path / "m.tflite", "litert")
    assert list(tmp_path.iterdir()) == []


def test_savedmodel_export_replaces_an_older_one(seed_dnn, trained_mlp_model, mnist, tmp_path):
    path = tmp_path / "sm"
    export.export_model(trained_mlp_model, path, "savedmodel")
    export.export_model(seed_dnn, path, "savedmodel")
    parity = export.parity_check(seed_dnn, path, "savedmodel", mnist.x_test[:1000], mnist.y_test[:1000], timing=False)
    assert parity.passed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sm", "sm.json"]


def test_cli_export_prints_the_parity_line(mnist_path, tmp_path, capsys):
    out = tmp_path / "seed.tflite"
    assert main(["export", str(SEED_DNN), "--format", "litert", "--out", str(out), "--data", str(mnist_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    parity = [line for line in lines if line.startswith("agreement=")]
    assert len(parity) == 1
    # The drawn-digit benchmark's images went through the export too.
    drawn = [line for line in lines if line.startswith("drawn: ")]
    assert len(drawn) == 1 and drawn[0].startswith(f"drawn: images={export.DRAWN_N} agreement=1.0000"), lines
    match = __import__("re").fullmatch(
        r"agreement=(1\.0000|0\.\d{4}) max_prob_diff=\d\.\d\de-\d\d test_accuracy_export=0\.\d{4}", parity[0])
    assert match and float(match.group(1)) >= 0.999
    checked = json.loads(export.contract_path(out).read_text())["parity_check"]
    assert checked["passed"] is True and checked["extra_sets"][0]["name"] == "drawn"

    # --check: the parity check alone, on the existing export
    assert main(["export", str(SEED_DNN), "--format", "litert", "--out", str(out), "--check",
                 "--data", str(mnist_path)]) == 0
    assert "exported litert to" not in capsys.readouterr().out


def test_cli_int8_that_breaks_the_model_fails_loudly(mnist_path, tmp_path, capsys):
    """int8 quantisation wrecks the Seed DNN (its first layer normalises raw pixels with scales
    spanning three orders of magnitude): the check must say so, not ship it."""
    out = tmp_path / "seed_int8.tflite"
    code = main(["export", str(SEED_DNN), "--format", "litert", "--int8", "--out", str(out),
                 "--data", str(mnist_path)])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.err.strip().splitlines()) == 1 and "parity check FAILED" in captured.err
    assert "int8: accuracy cost" in captured.out


@pytest.mark.parametrize("args, fragment", [
    (["--format", "litert", "--out", "{tmp}/missing/m.tflite"], "does not exist"),
    (["--format", "litert", "--out", "{tmp}/m.onnx"], "must be a .tflite file"),
    (["--format", "tfjs", "--out", "{tmp}/m"], "invalid choice"),
    (["--format", "savedmodel", "--out", "{tmp}/m.tflite", "--int8"], "litert format only"),
    (["--format", "litert", "--out", "{tmp}/none.tflite", "--check"], "No exported model"),
])
def test_cli_export_user_errors_are_one_line(args, fragment, tmp_path, capsys):
    argv = ["export", str(SEED_DNN), *[a.replace("{tmp}", str(tmp_path)) for a in args]]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and fragment in err[0], err


def test_onnx_exports_where_its_packages_are_installed(seed_dnn, mnist, tmp_path, capsys):
    path = tmp_path / "m.onnx"
    if export.missing_onnx_packages():
        assert main(["export", str(SEED_DNN), "--format", "onnx", "--out", str(path)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "mnist-gui[onnx]" in err[0]
        assert "onnx" not in export.available_formats()
        return
    export.export_model(seed_dnn, path, "onnx")
    parity = export.parity_check(seed_dnn, path, "onnx", mnist.x_test, mnist.y_test, timing=False)
    assert parity.passed and parity.test.agreement >= 0.999


def test_litert_predictor_matches_the_call_contract(seed_dnn, mnist, tmp_path):
    from mnist_gui.core.litert import LiteRTPredictor
    from mnist_gui.core.training import Predictor

    path = tmp_path / "m.tflite"
    export.export_model(seed_dnn, path, "litert")
    fast, keras_predictor = LiteRTPredictor(path), Predictor(seed_dnn)
    one = fast(mnist.x_test[0])
    assert one.shape == (10,) and one.dtype == np.float32
    np.testing.assert_allclose(one, keras_predictor(mnist.x_test[0]), atol=1e-5)
    many = fast(mnist.x_test[:2500].astype(np.uint8))  # any dtype, several batches
    assert many.shape == (2500, 10)
    np.testing.assert_allclose(many[7], fast(mnist.x_test[7]), atol=1e-6)  # batch size does not matter
    assert fast(np.zeros((0, 28, 28))).shape == (0, 10)


def test_app_exports_the_current_model_on_the_model_thread(qtbot, service_with_model, mnist, tmp_path):
    """File ▸ Export… path: the window asks the service; the export is checked against the test set."""
    from PySide6.QtCore import QSettings

    from mnist_gui.ui.main_window import MainWindow

    service = service_with_model
    win = MainWindow(service, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.export_action.isEnabled()
    out = tmp_path / "app.tflite"
    with qtbot.waitSignal(service.model_exported, timeout=120_000) as done:
        win.export_model(str(out), "litert")
    message, line = done.args
    assert "parity check passed" in message and line.startswith("agreement=1.0000")
    assert line in win.activity_label.text()
    contract = json.loads(export.contract_path(out).read_text())
    assert contract["model"]["name"] == "test MLP" and contract["parity_check"]["test_set"]["images"] == 10_000
    # The export predicts as the app's model does, in the interpreter.
    from mnist_gui.core.litert import LiteRTPredictor

    np.testing.assert_allclose(LiteRTPredictor(out)(mnist.x_test[:20]), service.predict(mnist.x_test[:20]),
                               atol=1e-5)

    assert "drawn 2000 agreement=1.0000" in message  # the drawn-digit benchmark's images, too

    with qtbot.waitSignal(service.model_failed, timeout=30_000) as failed:
        win.export_model(str(tmp_path / "nowhere" / "m.tflite"), "litert")
    assert "does not exist" in failed.args[0] and "\n" not in failed.args[0]
    with qtbot.waitSignal(service.model_failed, timeout=30_000) as failed:
        win.export_model(str(tmp_path / "m.js"), "tfjs")
    assert "Unknown export format" in failed.args[0] and "\n" not in failed.args[0]
    assert not service.busy and win.export_action.isEnabled()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".ini")) == ["app.tflite",
                                                                                          "app.tflite.json"]


def test_without_the_onnx_packages_onnx_is_one_line_and_not_offered(monkeypatch, tmp_path, capsys):
    """Whatever this environment has installed: as a user without the [onnx] extra sees it."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "tf2onnx" else real(name, *a))
    missing = export.missing_onnx_packages()  # onnx and onnxruntime may be there or not
    assert "tf2onnx" in missing and set(missing) <= {"tf2onnx", "onnx", "onnxruntime"}
    assert export.available_formats() == ["litert", "savedmodel"]
    assert main(["export", str(SEED_DNN), "--format", "onnx", "--out", str(tmp_path / "m.onnx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install 'mnist-gui[onnx]'" in err[0], err
    assert list(tmp_path.iterdir()) == []


# ---- artifact and contract as one pair, verified by their own hashes ----------------------------------

def _pair(path):
    return path.read_bytes(), export.contract_path(path).read_bytes()


def test_a_folder_in_the_way_of_the_contract_leaves_nothing(seed_dnn, tmp_path, mnist_path, capsys):
    """Defect 7: the artifact was written, then the contract's write failed with a traceback."""
    path = tmp_path / "m.tflite"
    export.contract_path(path).mkdir()
    with pytest.raises(export.ExportError, match="m.tflite.json is in the way"):
        export.export_model(seed_dnn, path, "litert")
    assert main(["export", str(SEED_DNN), "--format", "litert", "--out", str(path), "--data", str(mnist_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "in the way" in err[0]
    assert [p.name for p in tmp_path.iterdir()] == ["m.tflite.json"]


def test_disk_full_after_the_artifact_keeps_the_previous_pair(seed_dnn, trained_mlp_model, mnist, tmp_path,
                                                              monkeypatch):
    """Defect 7: a contract that cannot be written takes its artifact with it; the old pair stays."""
    import errno

    path = tmp_path / "m.tflite"
    export.export_model(trained_mlp_model, path, "litert")
    before = _pair(path)
    real = export.finish_temp

    def full(tmp):
        if str(tmp).endswith(".json"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(tmp)

    monkeypatch.setattr(export, "finish_temp", full)
    with pytest.raises(export.ExportError, match="the disk is full") as failed:
        export.export_and_verify(seed_dnn, path, "litert", mnist.x_test[:500], mnist.y_test[:500], timing=False)
    assert len(str(failed.value).splitlines()) == 1
    assert _pair(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.tflite", "m.tflite.json"]


def test_a_failed_rename_puts_the_old_pair_back(tmp_path, monkeypatch):
    import os

    from mnist_gui.core import files

    old = [tmp_path / "a.tflite", tmp_path / "a.tflite.json"]
    new = [tmp_path / "new.tflite", tmp_path / "new.json"]
    for p, text in zip(old + new, ("old", "old contract", "new", "new contract")):
        p.write_text(text)
    real = os.replace

    def failing(src, dst):
        if str(src) == str(new[1]):
            raise OSError("the disk went away")
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", failing)
    with pytest.raises(OSError):
        files.replace_together(list(zip(new, old)))
    assert [p.read_text() for p in old] == ["old", "old contract"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.tflite", "a.tflite.json", "new.json"]


def test_export_and_verify_is_the_whole_job(seed_dnn, mnist, tmp_path):
    """One function for the CLI and the app: export (under the model's lock only), the parity check
    (through the caller's predictor), both hashes in the contract, the app's one-line message."""
    import threading

    from mnist_gui.core.litert import verified_export
    from mnist_gui.core.training import Predictor

    model_file = tmp_path / "m.keras"
    model_file.write_bytes(SEED_DNN.read_bytes())
    path = tmp_path / "m.tflite"
    lock, held, calls = threading.Lock(), [], []
    predictor = Predictor(seed_dnn)

    class Recording:
        def __enter__(self):
            lock.acquire()
            held.append("export")

        def __exit__(self, *exc):
            lock.release()

    def keras_predict(images):
        assert not lock.locked()  # the check runs without the model's lock (it takes it per batch)
        calls.append(len(images))
        return predictor(images)

    report = export.export_and_verify(seed_dnn, path, "litert", mnist.x_test[:2000], mnist.y_test[:2000],
                                      source=model_file, keras_predict=keras_predict, export_lock=Recording(),
                                      timing=False)
    assert held == ["export"] and sum(calls) == 2000 + export.DRAWN_N
    assert report.passed and not report.failed and report.parity_line.startswith("agreement=1.0000")
    assert report.message.startswith("Exported m.tflite (0.") and "parity check passed (test set; drawn 2000" in report.message
    written = json.loads(export.contract_path(path).read_text())
    assert written["artifact"] == {"file": "m.tflite", "sha256": export.file_sha256(path)}
    assert written["source"] == {"file": "m.keras", "sha256": export.file_sha256(model_file)}
    assert written["parity_check"]["passed"] is True
    assert verified_export(model_file) == path

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(export.ExportError, match="cancelled"):
        export.export_and_verify(seed_dnn, tmp_path / "c.tflite", "litert", mnist.x_test[:500], mnist.y_test[:500],
                                 cancel=cancel, timing=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.keras", "m.tflite", "m.tflite.json"]


def test_litert_does_not_import_export():
    """The import cycle is gone: core.litert (the fast start's, without TensorFlow) never imports core.export."""
    import subprocess
    import sys

    from mnist_gui.paths import bundled_models_dir

    code = ("import sys, mnist_gui.core.litert as litert; "
            f"litert.verified_export({str(bundled_models_dir() / 'mnist_cnn.keras')!r}); "
            "print('mnist_gui.core.export' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_cli_export_and_predict_print_no_stray_lines(mnist_path, tmp_path, capfd):
    """LiteRT's XNNPACK INFO line and TensorFlow's 'Assets written to' came between the command's lines."""
    out = tmp_path / "sm"
    assert main(["export", str(SEED_DNN), "--format", "savedmodel", "--out", str(out), "--data", str(mnist_path)]) == 0
    assert main(["export", str(SEED_DNN), "--format", "litert", "--out", str(tmp_path / "m.tflite"),
                 "--data", str(mnist_path)]) == 0
    assert main(["predict", str(SEED_DNN), "--index", "0", "--data", str(mnist_path)]) == 0
    captured = capfd.readouterr()
    noise = [line for line in captured.err.splitlines() + captured.out.splitlines()
             if "XNNPACK" in line or "Assets written" in line or "INFO" in line or "Warning" in line]
    assert noise == []
