"""Start the desktop app: a window on screen first, TensorFlow and data loading behind it."""

from __future__ import annotations

import os
import sys
import time

# Set by benchmarks/startup.py: print when the window is shown, when the first Draw Pad prediction
# is answered and when TensorFlow's model is in (wall-clock timestamps), then quit.
STARTUP_PROBE_ENV = "MNIST_GUI_STARTUP_PROBE"


# The installed desktop entry's name (packaging/linux/): on Wayland the window's app id, which the
# shell matches to the entry for its icon and name.
DESKTOP_FILE_NAME = "mnist-gui"


def run_app(data_path: str | None = None, model_path: str | None = None, lang: str | None = None,
            image_paths=()) -> int:
    """The app; ``model_path`` (``mnist-gui FILE``) opens instead of the last model used; ``lang``
    (--lang) overrides View ▸ Language and the system's language; an image given (``image_paths``)
    opens on the Draw Pad."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .service import ModelService
    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mnist-gui")
    app.setOrganizationName("mnist-gui")
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    from . import i18n
    from .ui.settings import app_settings

    i18n.install(i18n.choose_language(lang, i18n.saved_language(app_settings())), app)
    service = ModelService()
    service.prepare_training()
    try:
        window = MainWindow(service)
    except BaseException:
        service.shutdown()  # a QThread still running at exit aborts the process
        raise
    app.setWindowIcon(window.windowIcon())
    window.show()
    if os.environ.get(STARTUP_PROBE_ENV):
        _install_startup_probe(app, window, service)
    # Queued, so the first paint happens before any background work is even scheduled.
    QTimer.singleShot(0, lambda: window.start(data_path, model_path))
    if image_paths:
        QTimer.singleShot(0, lambda: window.open_images(image_paths))
    code = app.exec()
    if not window.closed_cleanly:
        # A worker thread is still inside TensorFlow (e.g. compiling); Python would wait for it.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _install_startup_probe(app, window, service):
    app.processEvents()  # the first paint
    print(f"startup-probe window_shown={time.time():.3f}", flush=True)

    import numpy as np

    seen = set()
    probe = {}

    def on_model(info):
        # The first model that can predict (the fast start's LiteRT export, or TensorFlow's): ask it
        # for a Draw Pad prediction and report when the answer arrives; then TensorFlow's own model.
        if service.model_info is None:
            return
        if "first" not in seen:
            seen.add("first")
            probe["reply"] = service.request_prediction(np.zeros((1, 28, 28), np.float32))
            probe["reply"].answered.connect(on_prediction)
            probe["fast"] = info.fast_start
        if not info.fast_start and "tf" not in seen:
            seen.add("tf")
            print(f"startup-probe tensorflow_ready={time.time():.3f}", flush=True)
            maybe_close()

    def on_prediction(_request_id, probs):
        if probs is not None:
            seen.add("predicted")
            print(f"startup-probe prediction_ready={time.time():.3f} fast_start={probe['fast']}", flush=True)
            maybe_close()

    def maybe_close():
        if {"tf", "predicted"} <= seen:
            window.close()

    service.model_changed.connect(on_model)
