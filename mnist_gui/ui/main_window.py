"""The main window: three tabs around one ModelService, menus, status bar, settings."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox

from .. import paths
from ..core import storage
from .draw_tab import DrawTab
from .gallery_tab import GalleryTab
from .training_tab import TrainingTab
from .widgets import SteadyLabel, TabWidget

MODEL_FILTER = "Keras model (*.keras);;Legacy HDF5 model (*.h5)"
OPEN_MODEL_FILTER = "Keras models (*.keras *.h5);;All files (*)"
DATA_FILTER = "MNIST .npz (*.npz);;All files (*)"
# File ▸ Export…: dialog filter -> core.export format (a SavedModel is a folder: its name, no suffix).
EXPORT_FILTERS = {
    "LiteRT / TensorFlow Lite (*.tflite)": "litert",
    "TensorFlow SavedModel folder (*)": "savedmodel",
    "ONNX (*.onnx)": "onnx",
}


def app_texts() -> dict:
    try:
        return json.loads((paths.resources_dir() / "app.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"title": "MNIST Digits", "about": "", "credit": "MNIST: LeCun, Cortes, Burges"}


def app_settings() -> QSettings:
    return QSettings("mnist-gui", "mnist-gui")


class MainWindow(QMainWindow):
    def __init__(self, service, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.service = service
        self.settings = settings if settings is not None else app_settings()
        self.texts = app_texts()
        self.error_box: QMessageBox | None = None  # the last error shown (non-blocking)
        self._data_path: str | None = None

        self.setWindowTitle(self.texts["title"])
        icon = paths.resources_dir() / "icon.png"
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        self.tabs = TabWidget()
        self.training_tab = TrainingTab(service)
        self.gallery_tab = GalleryTab(service)
        self.draw_tab = DrawTab(service)
        self.tabs.addTab(self.training_tab, "&Training")
        self.tabs.addTab(self.gallery_tab, "&Gallery")
        self.tabs.addTab(self.draw_tab, "&Draw Pad")
        self.setCentralWidget(self.tabs)

        self._build_menus()
        self._build_status_bar()
        self._connect_service()
        self.restore_settings()

    # ---- menus -------------------------------------------------------------------------------

    def _build_menus(self):
        file_menu = self.menuBar().addMenu("&File")
        self.open_model_action = file_menu.addAction("&Open model…", self.choose_model_file)
        self.open_model_action.setShortcut(QKeySequence.StandardKey.Open)
        self.save_model_action = file_menu.addAction("&Save model as…", self.choose_save_path)
        self.save_model_action.setShortcut(QKeySequence("Ctrl+S"))
        self.export_action = file_menu.addAction("&Export…", self.choose_export_path)
        self.models_menu = file_menu.addMenu("&Models")
        self.models_menu.aboutToShow.connect(self._fill_models_menu)
        file_menu.addSeparator()
        self.open_data_action = file_menu.addAction("Open &dataset…", self.choose_dataset)
        self.open_data_action.setShortcut(QKeySequence("Ctrl+D"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit", self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        view_menu = self.menuBar().addMenu("&View")
        for i, name in enumerate(("Training", "Gallery", "Draw Pad")):
            action = view_menu.addAction(name, lambda i=i: self.tabs.setCurrentIndex(i))
            action.setShortcut(QKeySequence(f"Alt+{i + 1}"))

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction("&About", self.show_about)

    def _fill_models_menu(self):
        """The model picker: bundled models and the user's own, with their test accuracy."""
        self.models_menu.clear()
        group = QActionGroup(self.models_menu)
        current = self.service.model_info.path if self.service.model_info else None
        for title, folder in (("Bundled", paths.bundled_models_dir()), ("Saved", paths.user_models_dir())):
            entries = storage.list_models(folder)
            self.models_menu.addSection(title)
            if not entries:
                self.models_menu.addAction("(none)").setEnabled(False)
            for path, meta in entries:
                acc = meta.get("test_accuracy")
                label = path.name + (f"  —  {acc:.2%}" if isinstance(acc, (int, float)) else "")
                action = self.models_menu.addAction(label, lambda p=str(path): self.open_model(p))
                action.setCheckable(True)
                action.setChecked(current == str(path))
                action.setEnabled(not self.service.is_training)
                group.addAction(action)

    def choose_model_file(self):
        start = self.settings.value("model/last_dir", str(paths.user_models_dir()))
        path, _ = QFileDialog.getOpenFileName(self, "Open model", str(start), OPEN_MODEL_FILTER)
        if path:
            self.settings.setValue("model/last_dir", str(Path(path).parent))
            self.open_model(path)

    def open_model(self, path: str):
        self.service.open_model(path)

    def choose_save_path(self):
        folder = paths.user_models_dir()
        folder.mkdir(parents=True, exist_ok=True)
        info = self.service.model_info
        name = (info.preset or "model") if info else "model"
        default = str(Path(self.settings.value("model/last_dir", str(folder))) / f"mnist_{name}.keras")
        path, chosen = QFileDialog.getSaveFileName(self, "Save model as", default, MODEL_FILTER)
        if not path:
            return
        if not Path(path).suffix:
            path += ".h5" if "h5" in chosen else ".keras"
        self.settings.setValue("model/last_dir", str(Path(path).parent))
        self.service.save_model(path)

    def choose_export_path(self):
        """File ▸ Export…: the current model for LiteRT, TensorFlow or ONNX, parity-checked (core/export.py)."""
        from ..core.export import FORMATS, available_formats

        info = self.service.model_info
        available = available_formats()
        filters = [f for f, fmt in EXPORT_FILTERS.items() if fmt in available]
        folder = self.settings.value("export/last_dir", str(Path.home()))
        default = str(Path(str(folder)) / f"mnist_{(info.preset if info and info.preset else 'model')}.tflite")
        path, chosen = QFileDialog.getSaveFileName(self, "Export model", default, ";;".join(filters))
        if not path:
            return
        fmt = EXPORT_FILTERS.get(chosen, "litert")
        suffix = FORMATS[fmt][1]
        if suffix and not path.lower().endswith(suffix):
            path = str(Path(path).with_suffix(suffix))
        self.settings.setValue("export/last_dir", str(Path(path).parent))
        self.export_model(path, fmt)

    def export_model(self, path: str, fmt: str):
        self.service.export_model(path, fmt)

    def choose_dataset(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open MNIST dataset (.npz, or any IDX file in the folder)",
                                              str(Path.home()), DATA_FILTER + ";;IDX files (*ubyte *ubyte.gz)")
        if path:
            # An IDX file stands for its folder: the loader wants the folder with all four.
            self.open_dataset(path if path.endswith(".npz") else str(Path(path).parent))

    def open_dataset(self, path: str):
        self._data_path = path
        self.service.load_dataset(path)

    def about_text(self) -> str:
        import platform

        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        from .. import __version__

        versions = [f"mnist-gui {__version__}", f"Python {platform.python_version()}",
                    f"Qt {qVersion()} (PySide6 {pyside_version})"]
        if self.service.backend_is_ready:
            import keras
            import tensorflow as tf

            versions += [f"TensorFlow {tf.__version__}", f"Keras {keras.__version__}"]
        else:
            versions.append("TensorFlow: still loading")
        return (f"<p>{self.texts['about']}</p><p>{'<br>'.join(versions)}</p>"
                f"<p><small>{self.texts['credit']}</small></p>")

    def show_about(self):
        QMessageBox.about(self, f"About {self.texts['title']}", self.about_text())

    # ---- status bar ------------------------------------------------------------------------------

    def _build_status_bar(self):
        bar = self.statusBar()
        self.activity_label = QLabel("Starting…")
        self.model_label = SteadyLabel("No model")  # its accuracy changes at every epoch end
        self.data_label = QLabel("Data: not loaded")
        bar.addWidget(self.activity_label, 1)
        bar.addPermanentWidget(self.model_label)
        bar.addPermanentWidget(self.data_label)

    def _connect_service(self):
        s = self.service
        s.status_changed.connect(self.activity_label.setText)
        s.model_changed.connect(self._show_model)
        s.dataset_ready.connect(self._on_dataset_ready)
        s.dataset_failed.connect(self._on_dataset_failed)
        s.model_failed.connect(lambda msg: self.show_error("Model", msg))
        s.model_saved.connect(self._on_model_saved)
        s.model_exported.connect(self._on_model_exported)
        s.training_failed.connect(lambda msg: self.show_error("Training", msg))
        self.training_tab.error.connect(self.show_error)
        s.backend_failed.connect(lambda msg: self.show_error("TensorFlow", msg))
        s.busy_changed.connect(self._update_actions)
        s.training_started.connect(lambda _: self._update_actions())

    def _show_model(self, info):
        acc = f" · test accuracy {info.test_accuracy:.2%}" if info.test_accuracy is not None else ""
        self.model_label.setText(f"Model: {info.name}{acc}")
        # model_changed comes at every epoch end: write (and sync) the settings only on a change.
        if info.path and not info.training and self.settings.value("model/last_path") != info.path:
            self.settings.setValue("model/last_path", info.path)
        self._update_actions()

    def _on_dataset_ready(self, info):
        verified = " (verified)" if info.verified else ""
        self.data_label.setText(f"Data: {info.source}{verified}")
        self.data_label.setToolTip(info.location)
        if self._data_path:
            self.settings.setValue("data/path", self._data_path)

    def _on_dataset_failed(self, message):
        if self.service.data is None:
            self.data_label.setText("Data: unavailable")
        self._data_path = None
        self.show_error("Data", message)

    def _on_model_saved(self, path):
        self.activity_label.setText(f"Saved {path}")

    def _on_model_exported(self, message, parity_line):
        self.activity_label.setText(f"{message}: {parity_line}" if parity_line else message)

    def _update_actions(self, *_):
        training = self.service.is_training
        self.open_model_action.setEnabled(not training)
        self.save_model_action.setEnabled(self.service.has_model and not training)
        # Exports come from TensorFlow's model: not from the fast start's LiteRT stand-in.
        info = self.service.model_info
        self.export_action.setEnabled(self.service.has_model and not training and not info.fast_start)

    def show_error(self, title: str, message: str):
        """A window-modal box that does not block the event loop (training keeps reporting)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box
        self.activity_label.setText(message.splitlines()[0][:200])

    # ---- settings ------------------------------------------------------------------------------------

    def restore_settings(self):
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        self.tabs.setCurrentIndex(int(self.settings.value("window/tab", 0)))
        self.training_tab.restore_settings(self.settings)

    def save_settings(self):
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.training_tab.save_settings(self.settings)
        self.settings.sync()

    def startup_model_path(self) -> str | None:
        """The last model used if it still exists, else the best bundled one."""
        last = self.settings.value("model/last_path")
        if last and Path(str(last)).is_file():
            return str(last)
        bundled = storage.list_models(paths.bundled_models_dir())
        return str(bundled[0][0]) if bundled else None

    def startup_data_path(self) -> str | None:
        path = self.settings.value("data/path")
        return str(path) if path and Path(str(path)).exists() else None

    def start(self, data_path: str | None = None):
        """Begin the background work: TensorFlow, data, then the start-up model."""
        path = data_path or self.startup_data_path()
        self._data_path = path
        self.service.load_backend()
        self.service.load_dataset(path)
        model = self.startup_model_path()
        if model:
            self.service.open_model(model)  # waits for TensorFlow inside the service

    def closeEvent(self, event):
        self.save_settings()
        self.hide()  # the user sees the window go at once, even if a compile must finish first
        self.service.shutdown()
        event.accept()
