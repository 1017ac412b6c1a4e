"""Start the desktop app: a window on screen first, TensorFlow and data loading behind it."""

from __future__ import annotations

import sys


def run_app(data_path: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from .service import ModelService
    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mnist-gui")
    app.setOrganizationName("mnist-gui")
    service = ModelService()
    window = MainWindow(service)
    app.setWindowIcon(window.windowIcon())
    window.show()
    # Queued, so the first paint happens before any background work is even scheduled.
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: window.start(data_path))
    return app.exec()
