"""The main window: five tabs around one ModelService, menus, status bar, settings."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox

from .core_texts import core_text
from .locale_format import pct
from .. import paths
from ..core import storage
from . import accessibility
from . import learn_actions
from .draw_tab import DrawTab
from .report_action import SaveReport
from .settings import app_settings, read_int, read_text
from .training_tab import TrainingTab
from .widgets import LastFolder, LazyPage, SteadyLabel, TabWidget, restore_splitters, save_splitters

MODEL_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Keras model (*.keras);;Legacy HDF5 model (*.h5)")
OPEN_MODEL_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Keras models (*.keras *.h5);;All files (*)")
DATA_FILTER = QT_TRANSLATE_NOOP("MainWindow", "MNIST .npz (*.npz);;All files (*)")
# File ▸ Export…: dialog filter -> core.export format (a SavedModel is a folder: its name, no suffix).
EXPORT_FILTERS = {
    QT_TRANSLATE_NOOP("MainWindow", "LiteRT / TensorFlow Lite (*.tflite)"): "litert",
    QT_TRANSLATE_NOOP("MainWindow", "TensorFlow SavedModel folder (*)"): "savedmodel",
    "ONNX (*.onnx)": "onnx",
}
CODE_FILTERS = {QT_TRANSLATE_NOOP("MainWindow", "Python script (*.py)"): "script",
                QT_TRANSLATE_NOOP("MainWindow", "Jupyter notebook (*.ipynb)"): "notebook"}
CLOSE_TIMEOUT_MS = 1500
DEFAULT_SIZE = (1100, 720)  # the first launch's window, where the screen has room
FAST_START_WAIT_MS = 300  # the longest the start-up waits for the fast start's model before loading the rest
TABS_AFTER_MS, TABS_APART_MS = 2000, 300  # the tabs not made at start-up: when, and how far apart


def app_texts() -> dict:
    try:
        return json.loads((paths.resources_dir() / "app.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"title": "MNIST Digits", "about": "", "credit": "MNIST: LeCun, Cortes, Burges"}


class MainWindow(QMainWindow):
    def __init__(self, service, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        accessibility.install()  # before any widget is asked for its accessible interface
        self.service = service
        self.settings = settings if settings is not None else app_settings()
        self.texts = {key: core_text(text) for key, text in app_texts().items()}  # translated
        # Open model, Save model and Save chart open in the folder the user last chose in any of them.
        self.last_folder = LastFolder(self.settings, default=paths.user_models_dir())
        self.error_box: QMessageBox | None = None  # the last error shown (non-blocking)
        self._data_path: str | None = None
        # What start() took from the settings: if it fails, the app falls back instead of failing
        # the same way at every launch.
        self._startup_model: str | None = None
        self._startup_model_asked = False  # _startup_model came from the command line (mnist-gui FILE)
        self._startup_data: str | None = None
        self.closed_cleanly = True
        self.closed = False  # the service is shut down: nothing more may be asked of it

        self.setWindowTitle(self.texts["title"])
        icon = paths.resources_dir() / "icon.png"
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        self.tabs = TabWidget()
        self.training_tab = TrainingTab(service)
        # Made when first shown or asked for (gallery_tab, inside_tab, robustness_tab).
        self.gallery_page = LazyPage(self._make_gallery_tab)
        self.inside_page = LazyPage(self._make_inside_tab)
        self.robustness_page = LazyPage(self._make_robustness_tab)
        self.draw_tab = DrawTab(service)
        # Tabs are Alt+1…5 and underline no letter: a tab's letter is taken on every tab, and two
        # controls sharing one only pass the focus between them (Alt+T reached the tab, not Train).
        self.tabs.addTab(self.training_tab, self.tr("Training"))
        self.tabs.addTab(self.gallery_page, self.tr("Gallery"))
        self.tabs.addTab(self.draw_tab, self.tr("Draw Pad"))
        self.tabs.addTab(self.inside_page, self.tr("Inside"))
        self.tabs.addTab(self.robustness_page, self.tr("Robustness"))
        self.setCentralWidget(self.tabs)

        self._build_status_bar()
        self._build_menus()
        self._connect_service()
        self._update_actions()  # for a service that already holds a model
        self.restore_settings()
        self.training_tab.last_folder = self.last_folder
        # The tabs not made yet are made soon after start-up, one at a time, so that opening one
        # later (say, while a CNN trains) does not hold the window for the 30-40 ms it takes.
        QTimer.singleShot(TABS_AFTER_MS, self, self._make_next_tab)

    # ---- menus -------------------------------------------------------------------------------

    def _build_menus(self):
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_model_action = file_menu.addAction(self.tr("&Open model…"), self.choose_model_file)
        self.open_model_action.setShortcut(QKeySequence.StandardKey.Open)
        self.save_model_action = file_menu.addAction(self.tr("&Save model as…"), self.choose_save_path)
        self.save_model_action.setShortcut(QKeySequence("Ctrl+S"))
        self.export_action = file_menu.addAction(self.tr("&Export…"), self.choose_export_path)
        self.export_code_action = file_menu.addAction(self.tr("Export as &code…"), self.choose_code_path)
        self.save_report = SaveReport(self, file_menu)  # File ▸ Save report… (report_action.py)
        file_menu.addAction(self.draw_tab.open_image_action)  # issue 29: images on the Draw Pad
        self.draw_tab.open_image_action.triggered.connect(lambda: self.tabs.setCurrentWidget(self.draw_tab))
        self.models_menu = file_menu.addMenu(self.tr("&Models"))
        self.models_menu.aboutToShow.connect(self._fill_models_menu)
        file_menu.addSeparator()
        self.open_data_action = file_menu.addAction(self.tr("Open &dataset…"), self.choose_dataset)
        self.open_data_action.setShortcut(QKeySequence("Ctrl+D"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, name in enumerate((self.tr("Training"), self.tr("Gallery"), self.tr("Draw Pad"), self.tr("Inside"),
                                   self.tr("Robustness"))):
            action = view_menu.addAction(name, lambda i=i: self.tabs.setCurrentIndex(i))
            action.setShortcut(QKeySequence(f"Alt+{i + 1}"))
        view_menu.addSeparator()
        self.high_contrast = accessibility.HighContrast(view_menu, self.settings)  # issue 31: a11y

        from .language_menu import LanguageMenu  # View ▸ Language (issue 31)

        view_menu.addSeparator()
        self.language_menu = LanguageMenu(view_menu, self.settings, self.activity_label, self)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About"), self.show_about)
        # Issue 30: the Learn dock (View ▸ Learn) and Explain this (F1, Help ▸ Explain this).
        learn_actions.install(self, view_menu, help_menu)

    @property
    def learn_panel(self):
        """The Learn dock (learn_actions.py): made at its first use."""
        return learn_actions.panel(self)

    @property
    def explainer(self):
        """Explain this (F1; learn_actions.py): made at its first use."""
        return learn_actions.explainer(self)

    @property
    def gallery_tab(self):
        return self.gallery_page.ensure_built()

    @property
    def inside_tab(self):
        return self.inside_page.ensure_built()

    @property
    def robustness_tab(self):
        return self.robustness_page.ensure_built()

    # The Inside tab explains the Draw Pad's drawing or the Gallery's selected image, and opens test
    # images (from the map, the top images) in the Gallery; the Robustness tab opens misread ones.
    def _make_gallery_tab(self):
        from .gallery_tab import GalleryTab

        tab = GalleryTab(self.service)
        if self.inside_page.widget is not None:
            tab.detail_changed.connect(self.inside_page.widget.set_gallery_image)
        return self._made(tab, "gallery_tab")

    def _make_inside_tab(self):
        from .inside_tab import InsideTab

        tab = InsideTab(self.service)
        self.draw_tab.digit_changed.connect(tab.set_drawing)
        tab.open_in_gallery.connect(self._open_in_gallery)
        gallery = self.gallery_page.widget
        if gallery is not None:
            gallery.detail_changed.connect(tab.set_gallery_image)
        if self.draw_tab.digit is not None:
            tab.set_drawing(self.draw_tab.digit)
        elif gallery is not None and gallery.detail_index() is not None:
            tab.set_gallery_image(gallery.detail_index())
        return self._made(tab, "inside_tab")

    def _make_robustness_tab(self):
        from .robustness_tab import RobustnessTab

        tab = RobustnessTab(self.service)
        tab.open_in_gallery.connect(self._open_in_gallery)
        return self._made(tab, "robustness_tab")

    def _made(self, tab, name: str):
        """A tab just made: its splitters as the user left them, its widgets explainable."""
        restore_splitters(tab, self.settings)
        if self._explainer is not None:
            from .explain import mark_window

            mark_window(self, tab, name)
        return tab

    def _make_next_tab(self):
        unbuilt = self.unbuilt_tabs()
        if unbuilt and self.isVisible():
            getattr(self, unbuilt[0])
            QTimer.singleShot(TABS_APART_MS, self, self._make_next_tab)

    def unbuilt_tabs(self) -> list[str]:
        return [name for name, page in (("gallery_tab", self.gallery_page), ("inside_tab", self.inside_page),
                                        ("robustness_tab", self.robustness_page)) if page.widget is None]

    def _open_in_gallery(self, index: int):
        self.gallery_tab.show_test_image(index)
        self.tabs.setCurrentWidget(self.gallery_tab)

    def _fill_models_menu(self):
        """The model picker: bundled models and the user's own, with their test accuracy."""
        self.models_menu.clear()
        group = QActionGroup(self.models_menu)
        current = self.service.model_info.path if self.service.model_info else None
        for title, folder in ((self.tr("Bundled"), paths.bundled_models_dir()), (self.tr("Saved"), paths.user_models_dir())):
            entries = storage.list_models(folder)
            self.models_menu.addSection(title)
            if not entries:
                self.models_menu.addAction(self.tr("(none)")).setEnabled(False)
            for path, meta in entries:
                acc = meta.get("test_accuracy")
                label = path.name + (f"  —  {pct(acc, 2)}" if isinstance(acc, (int, float)) else "")
                action = self.models_menu.addAction(label, lambda p=str(path): self.open_model(p))
                action.setCheckable(True)
                action.setChecked(current == str(path))
                action.setEnabled(not self.service.is_training)
                group.addAction(action)

    def choose_model_file(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), self.last_folder.path(),
                                              self.tr(OPEN_MODEL_FILTER))
        if path:
            self.last_folder.remember(Path(path).parent)
            self.open_model(path)

    def open_model(self, path: str):
        self.service.open_model(path)

    def choose_save_path(self):
        folder = paths.user_models_dir()
        folder.mkdir(parents=True, exist_ok=True)
        info = self.service.model_info
        name = (info.preset or "model") if info else "model"
        default = str(Path(self.last_folder.path()) / f"mnist_{name}.keras")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save model as"), default, self.tr(MODEL_FILTER))
        if not path:
            return
        if not Path(path).suffix:
            path += ".h5" if "h5" in chosen else ".keras"
        self.last_folder.remember(Path(path).parent)
        self.service.save_model(path)

    def choose_export_path(self):
        """File ▸ Export…: the current model for LiteRT, TensorFlow or ONNX, parity-checked (core/export.py)."""
        from ..core.export import FORMATS, available_formats

        info = self.service.model_info
        available = available_formats()
        export_filters = {self.tr(f): fmt for f, fmt in EXPORT_FILTERS.items()}  # as shown -> format
        filters = [f for f, fmt in export_filters.items() if fmt in available]
        name = Path(info.path).stem if info and info.path else f"mnist_{(info.preset if info else None) or 'model'}"
        default = str(Path(self.last_folder.path()) / f"{name}.tflite")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export model"), default, ";;".join(filters))
        if not path:
            return
        fmt = export_filters.get(chosen, "litert")
        suffix = FORMATS[fmt][1]
        if suffix and not path.lower().endswith(suffix):
            path = str(Path(path).with_suffix(suffix))
        elif not suffix and Path(path).suffix.lower() in (".tflite", ".onnx"):
            path = str(Path(path).with_suffix(""))  # the default name's suffix, for a folder
        self.last_folder.remember(Path(path).parent)
        self.export_model(path, fmt)

    def choose_code_path(self):
        """File ▸ Export as code…: the current model's run as a plain Keras script or notebook."""
        info = self.service.model_info
        default = str(Path(self.last_folder.path()) / f"mnist_{(info.preset if info else None) or 'model'}.py")
        code_filters = {self.tr(f): fmt for f, fmt in CODE_FILTERS.items()}  # as shown -> format
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export as code"), default, ";;".join(code_filters))
        if path:
            fmt = code_filters[chosen] if chosen in code_filters else (
                "notebook" if path.lower().endswith(".ipynb") else "script")
            path = str(Path(path).with_suffix(".ipynb" if fmt == "notebook" else ".py"))
            self.last_folder.remember(Path(path).parent)
            self.export_code(path, fmt)

    def export_code(self, path: str, fmt: str) -> bool:
        """Write the run as code (core.codegen: only reads the model's settings; no TensorFlow)."""
        from ..core.codegen import CodegenError, write_code

        info = self.service.model_info
        try:
            written = write_code(info.sidecar() if info else {}, path, fmt)
        except CodegenError as exc:
            self.show_error(self.tr("Export as code"), str(exc))
            return False
        self.activity_label.setText(self.tr("Wrote the run as {v0}: {written}").format(v0=self.tr('a notebook') if fmt == 'notebook' else self.tr('a script'), written=written))
        return True

    def export_model(self, path: str, fmt: str):
        self.service.export_model(path, fmt)
        self._update_actions()  # one export at a time

    def choose_dataset(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open MNIST dataset (.npz, or any IDX file in the folder)"),
                                              str(Path.home()), self.tr(DATA_FILTER) + self.tr(";;IDX files (*ubyte *ubyte.gz)"))
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
                    f"Qt {qVersion()} (PySide6 {pyside_version})", *self.service.versions()]
        info = self.service.model_info
        if info is not None:
            facts = [what.format(pct(a, 2)) for a, what in (
                (info.test_accuracy, self.tr("{0} of the MNIST test images")),
                (info.drawn_accuracy, self.tr("{0} of the mouse-style drawings (drawn-digit benchmark)")))
                if a is not None]
            versions.append(self.tr("Model: {name}").format(name=info.name) + (
                self.tr(", right on {facts}").format(facts=self.tr(" and ").join(facts)) if facts else ""))
        return (self.tr("<p>{v0}</p><p>{v1}</p><p><small>{v2}</small></p>").format(v0=self.texts['about'], v1='<br>'.join(versions), v2=self.texts['credit']))

    def show_about(self):
        QMessageBox.about(self, self.tr("About {v0}").format(v0=self.texts['title']), self.about_text())

    # ---- status bar ------------------------------------------------------------------------------

    def _build_status_bar(self):
        bar = self.statusBar()
        self.activity_label = QLabel(self.tr("Starting…"))
        self.model_label = SteadyLabel(self.tr("No model"))  # its accuracy changes at every epoch end
        self.data_label = QLabel(self.tr("Data: not loaded"))
        bar.addWidget(self.activity_label, 1)
        bar.addPermanentWidget(self.model_label)
        bar.addPermanentWidget(self.data_label)

    def _connect_service(self):
        s = self.service
        s.status_changed.connect(self._show_activity)
        s.model_changed.connect(self._show_model)
        s.test_predictions_ready.connect(lambda *_: self._show_accuracy())
        s.dataset_ready.connect(self._on_dataset_ready)
        s.dataset_failed.connect(self._on_dataset_failed)
        s.model_failed.connect(self._on_model_failed)
        s.model_saved.connect(self._on_model_saved)
        s.model_exported.connect(self._on_model_exported)
        s.model_failed.connect(self._update_actions)  # also an export's failure
        s.training_failed.connect(lambda msg: self.show_error(self.tr("Training"), msg))
        self.training_tab.error.connect(self.show_error)
        s.backend_failed.connect(lambda msg: self.show_error(self.tr("TensorFlow"), msg))
        s.busy_changed.connect(self._update_actions)
        s.training_started.connect(lambda _: self._update_actions())

    def _show_activity(self, text: str):
        # The model label at the right names the current model: the left does not say it again.
        info = self.service.model_info
        if info is not None and text == f"Model: {info.name}":
            text = self.tr("Ready")
        self.activity_label.setText(core_text(text))

    def _show_model(self, info):
        self._show_accuracy()
        self._startup_model = None
        # model_changed comes at every epoch end: write (and sync) the settings only on a change.
        if info.path and not info.training and self.settings.value("model/last_path") != info.path:
            self.settings.setValue("model/last_path", info.path)
        self._update_actions()

    def _show_accuracy(self):
        info = self.service.model_info
        if info is None:
            return
        acc = (self.tr(" · test accuracy {accuracy}").format(accuracy=pct(info.test_accuracy, 2))
               if info.test_accuracy is not None else "")
        unsaved = self.tr(" (not saved)") if info.unsaved else ""
        note = f" ({', '.join(core_text(p) for p in info.note.split(', '))})" if info.note else ""  # e.g. a model that outputs logits
        self.model_label.setText(self.tr("Model: {name}{note}{unsaved}{acc}").format(name=info.name, note=note, unsaved=unsaved, acc=acc))

    def _on_dataset_ready(self, info):
        verified = self.tr(" (verified)") if info.verified else ""
        self.data_label.setText(self.tr("Data: {source}{verified}").format(source=core_text(info.source), verified=verified))
        self.data_label.setToolTip(info.location)
        if self._data_path:
            self.settings.setValue("data/path", self._data_path)

    def _on_model_failed(self, message):
        if not self._startup_model_failed(message):
            self.show_error(self.tr("Model"), message)

    def _on_dataset_failed(self, message):
        if self._startup_data_failed():
            return
        if self.service.data is None:
            self.data_label.setText(self.tr("Data: unavailable"))
        self._data_path = None
        self.show_error(self.tr("Data"), message)

    def _on_model_saved(self, path):
        self.activity_label.setText(self.tr("Saved {path}").format(path=path))

    def _on_model_exported(self, message, parity_line):
        message = core_text(message)  # the parity line stays as it is: figures and names
        self.activity_label.setText(f"{message}: {parity_line}" if parity_line else message)
        self._update_actions()

    def _update_actions(self, *_):
        training = self.service.is_training
        self.open_model_action.setEnabled(not training)
        # Saves and exports come from TensorFlow's model, not from the fast start's LiteRT stand-in.
        info = self.service.model_info
        keras_model = info is not None and not info.fast_start
        self.save_model_action.setEnabled(keras_model and not training)
        self.export_action.setEnabled(keras_model and not training and not self.service.is_exporting)
        self.export_code_action.setEnabled(info is not None and bool(info.config))  # a model the app built

    def show_error(self, title: str, message: str):
        """A window-modal box that does not block the event loop (training keeps reporting)."""
        message = core_text(message)  # the service's English, translated where it is a known message
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box
        self.activity_label.setText(message.splitlines()[0][:200])

    # ---- settings ------------------------------------------------------------------------------------

    def restore_settings(self):
        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            screen = self.screen().availableGeometry()  # a small screen's window stays on it
            self.resize(min(DEFAULT_SIZE[0], screen.width()), min(DEFAULT_SIZE[1], screen.height()))
        self.tabs.setCurrentIndex(read_int(self.settings, "window/tab", 0, 0, self.tabs.count() - 1))
        self.training_tab.restore_settings(self.settings)
        restore_splitters(self, self.settings)

    def save_settings(self):
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.training_tab.save_settings(self.settings)
        save_splitters(self, self.settings)
        self.settings.sync()

    def _remembered_path(self, key: str, exists) -> str | None:
        """A path from the settings if it still exists; a stale one is dropped, with one line saying so."""
        path = read_text(self.settings, key, "")
        if not path:
            return None
        if exists(Path(path)):
            return path
        self.settings.remove(key)
        self.activity_label.setText(self.tr("{name} is gone; using the default instead.").format(name=Path(path).name))
        return None

    def startup_model_path(self) -> str | None:
        """The last model used if it still exists, else the best bundled one."""
        return self._remembered_path("model/last_path", Path.is_file) or self.bundled_model_path()

    @staticmethod
    def bundled_model_path() -> str | None:
        bundled = storage.list_models(paths.bundled_models_dir())
        return str(bundled[0][0]) if bundled else None

    def open_images(self, paths) -> None:
        """``mnist-gui IMAGE``: the image opens on the Draw Pad (read once a model is there)."""
        if paths:
            self.tabs.setCurrentWidget(self.draw_tab)
            self.draw_tab.open_image(str(paths[0]))

    def startup_data_path(self) -> str | None:
        return self._remembered_path("data/path", Path.exists)

    def start(self, data_path: str | None = None, model_path: str | None = None):
        """Begin the background work: TensorFlow, data, then the start-up model: ``model_path`` (a file
        given on the command line or by the file manager), else the last one used, else the bundled one."""
        path = data_path or self.startup_data_path()
        self._data_path = path
        self._startup_data = path if not data_path else None
        model = model_path or self.startup_model_path()
        fast = False
        if model:
            self._startup_model = model if model != self.bundled_model_path() else None
            self._startup_model_asked = bool(model_path)
            fast = self.service.open_model(model)  # TensorFlow's model once that is in
        started = []

        def load_the_rest(*_):
            if not started and not self.closed:
                started.append(True)
                if fast:
                    self.service.model_changed.disconnect(load_the_rest)
                self.service.load_backend()
                self.service.load_dataset(path)
                self.service.load_drawings()

        if fast:
            # The rest once the fast start's model is in (at the latest after FAST_START_WAIT_MS):
            # TensorFlow's import and the data's loading, begun beside it, held the GIL while it
            # loaded (first prediction 55 -> 30 ms after the first paint).
            self.service.model_changed.connect(load_the_rest)
            QTimer.singleShot(FAST_START_WAIT_MS, self, load_the_rest)
        else:
            load_the_rest()

    def _startup_model_failed(self, message: str) -> bool:
        """The start-up model could not be loaded: open the bundled one instead. A remembered one is
        forgotten; for one the user asked for (mnist-gui FILE) the error is shown, and the last model
        used is still remembered."""
        failed, self._startup_model = self._startup_model, None
        if failed is None or self.service.has_model:
            return False
        asked = self._startup_model_asked
        fallback = self.bundled_model_path()
        then = self.tr("using the bundled model.") if fallback else self.tr("no model loaded.")
        if asked:
            self.show_error(self.tr("Model"), self.tr("{message}\n\nCould not open {name}; {then}").format(message=core_text(message), name=Path(failed).name, then=then))
        else:
            self.settings.remove("model/last_path")
            self.activity_label.setText(self.tr("Could not open the last model, {name}; {then}").format(name=Path(failed).name, then=then))
        if fallback:
            self.service.open_model(fallback)
        return True

    def _startup_data_failed(self) -> bool:
        """The remembered dataset could not be read: forget it and use the usual sources."""
        failed, self._startup_data = self._startup_data, None
        if failed is None or self.service.data is not None:
            return False
        self.settings.remove("data/path")
        self._data_path = None
        self.activity_label.setText(self.tr("Could not use the last dataset, {name}; using the MNIST cache or download instead.").format(name=Path(failed).name))
        self.service.load_dataset(None)
        return True

    def ask_to_save(self) -> bool:
        """A trained model that was never saved: save it, discard it, or stay. True to go on quitting."""
        if not self.service.has_unsaved_model or self.service.is_training:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved model"),
            self.tr("The model in use, {name}, was trained in this session and is not saved. Save it before quitting?").format(name=self.service.model_info.name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self.choose_save_path()
            return not self.service.has_unsaved_model or self.service.is_saving
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event):
        if self.isVisible() and not self.ask_to_save():  # hidden: closed already, nobody to ask
            event.ignore()
            return
        self.save_settings()
        self.hide()  # the user sees the window go at once
        # A run stops within a step, but XLA's compiler cannot be interrupted: run_app ends the
        # process anyway when a thread is still inside it (saves are waited for, and atomic).
        self.closed = True
        self.closed_cleanly = self.service.shutdown(CLOSE_TIMEOUT_MS)
        event.accept()
