"""``mnist-gui --smoke-test``: prove an installed or packaged app works, headless, in one line.

Builds the main window with its four tabs, loads the best bundled model through the service,
predicts the sample digits shipped in ``resources/``, trains on them for an epoch in a training
process, prints what it did with timings, exits 0.
Any failure exits nonzero with the reason.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

MIN_CORRECT = 0.8  # of the bundled sample digits; the bundled models score ~100%


def run_smoke_test() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    try:
        line = _run()
    except Exception as exc:  # the reason, one line, for scripts and CI
        print(f"smoke-test FAILED: {exc}", file=sys.stderr)
        return 1
    print(line)
    return 0


def _run() -> str:
    t0 = time.perf_counter()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .service import ModelService
    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    service = ModelService()
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "mnist-gui", "smoke-test")
    settings.clear()  # the smoke test must not depend on, or change, the user's settings
    window = MainWindow(service, settings=settings)
    try:
        return _exercise(app, window, service, t0)
    finally:
        window.close()  # stops the service's threads, whatever happened
        service.shutdown()


def _exercise(app, window, service, t0) -> str:
    from PySide6.QtCore import QEventLoop, QTimer

    from . import paths
    from .core import storage

    window.show()
    app.processEvents()
    tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    if tabs != ["Training", "Gallery", "Draw Pad", "Inside", "Robustness"]:
        raise RuntimeError(f"unexpected tabs {tabs}")
    t_window = time.perf_counter() - t0

    bundled = storage.list_models(paths.bundled_models_dir())
    if not bundled:
        raise RuntimeError(f"no bundled model in {paths.bundled_models_dir()}")
    model_path = bundled[0][0]

    def wait_for(signal, start, timeout_s, what):
        loop = QEventLoop()
        outcome = {}
        signal.connect(lambda *a: (outcome.setdefault("ok", a), loop.quit()))
        service.model_failed.connect(lambda msg: (outcome.setdefault("error", msg), loop.quit()))
        service.backend_failed.connect(lambda msg: (outcome.setdefault("error", msg), loop.quit()))
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        start()
        loop.exec()
        if "error" in outcome:
            raise RuntimeError(outcome["error"])
        if "ok" not in outcome:
            raise RuntimeError(f"timed out after {timeout_s:.0f} s {what}")

    samples = np.load(paths.resources_dir() / "sample_digits.npz", allow_pickle=False)
    images, labels = samples["images"], samples["labels"]

    # Fast start: the bundled model's LiteRT export predicts before TensorFlow is loaded.
    fast = ""
    from .core import litert

    if litert.available() and litert.verified_export(model_path) is not None:
        t1 = time.perf_counter()
        wait_for(service.model_changed, lambda: service.open_model(str(model_path)), 30, "starting LiteRT")
        if not service.model_info.fast_start:
            raise RuntimeError("no fast start from the bundled LiteRT export")
        fast_correct = int(np.sum(service.predict(images).argmax(axis=1) == labels))
        if fast_correct < MIN_CORRECT * len(labels):
            raise RuntimeError(f"the LiteRT export got only {fast_correct}/{len(labels)} sample digits right")
        fast = f"fast start (LiteRT) {fast_correct}/{len(labels)} in {time.perf_counter() - t1:.2f}s; "

    t1 = time.perf_counter()
    wait_for(service.backend_ready, service.load_backend, 120, "loading TensorFlow")
    t_tf = time.perf_counter() - t1
    t1 = time.perf_counter()

    def tensorflow_model_in():
        info = service.model_info
        return info is not None and info.path == str(model_path) and not info.fast_start

    if not fast:
        wait_for(service.model_changed, lambda: service.open_model(str(model_path)), 60, "loading the model")
    while not tensorflow_model_in():  # the fast start's pending open hands over to TensorFlow's model
        if time.perf_counter() - t1 > 60:
            raise RuntimeError("timed out after 60 s waiting for the handover to TensorFlow's model")
        wait_for(service.model_changed, lambda: None, 60, "waiting for the handover")
    t_model = time.perf_counter() - t1

    t1 = time.perf_counter()
    probs = service.predict(images)
    t_predict = time.perf_counter() - t1
    correct = int(np.sum(probs.argmax(axis=1) == labels))
    if correct < MIN_CORRECT * len(labels):
        raise RuntimeError(f"{model_path.name} got only {correct}/{len(labels)} sample digits right")

    # The Robustness tab's job on the model thread, mouse drawings (Pillow's drawing) included.
    from .core import robustness

    sample = robustness.Sample.of(images, labels, len(labels))
    reply = service.request_robustness("evaluate", sample=sample,
                                       distortion=robustness.Distortion(rotation=10, drawn=0.25))
    answers = []
    reply.failed.connect(lambda _id, error: answers.append(error))
    wait_for(reply.answered, lambda: reply.answered.connect(lambda _id, result: answers.append(result)), 60,
             "evaluating spoilt digits")
    if not isinstance(answers[-1], robustness.Evaluation):
        raise RuntimeError(f"the robustness evaluation failed: {answers[-1]}")
    spoilt = answers[-1].accuracy()

    # A run in the training process: in a packaged app the executable is started again as the child.
    from .core.data import MnistData
    from .core.models import preset
    from .core.train_process import TrainingChild

    t1 = time.perf_counter()
    data = MnistData(images, labels, images, labels, source="samples", location="", verified=False)
    run = TrainingChild().run(data, dict(config=preset("mlp", epochs=1, batch_size=8)))
    if run.model is None or run.result.epochs_run != 1:
        raise RuntimeError("the training process returned no model")
    t_child = time.perf_counter() - t1

    # The chart export: Qt's SVG module and PDF writer must be in a packaged app.
    import tempfile

    from .ui.charts import TrainingCharts

    charts = TrainingCharts()
    charts.clear(2)
    for loss, accuracy in ((0.5, 0.9), (0.3, 0.95)):
        charts.add_epoch({"loss": loss, "val_accuracy": accuracy})
    with tempfile.TemporaryDirectory() as folder:
        for name in ("chart.png", "chart.svg", "chart.pdf"):
            chart = charts.save(Path(folder) / name)
            if chart.stat().st_size < 1000:
                raise RuntimeError(f"the chart export wrote an empty {chart.suffix[1:].upper()}")
    charts.deleteLater()
    return (f"smoke-test ok: window with {len(tabs)} tabs in {t_window:.2f}s; {fast}TensorFlow in {t_tf:.1f}s; "
            f"loaded {model_path.name} in {t_model:.2f}s; predicted {correct}/{len(labels)} sample digits "
            f"correctly in {t_predict * 1000:.0f}ms; {spoilt:.0%} when redrawn and turned; trained 1 epoch in a "
            f"training process in {t_child:.1f}s; chart export ok; total {time.perf_counter() - t0:.1f}s")
