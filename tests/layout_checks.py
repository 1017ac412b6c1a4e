"""Layout checks for the real window, driven by a fake service (no TensorFlow).

Used by tests/test_layouts.py, in its own process too (for QT_SCALE_FACTOR, which must be set
before the QApplication exists): ``python tests/layout_checks.py W H`` prints one line per problem.
"""

from __future__ import annotations

import itertools
import os
import sys

import numpy as np
from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QScrollBar,
    QSplitterHandle,
    QTableWidget,
    QToolButton,
    QWidget,
)

from mnist_gui.core.drawings import DrawingStore
from mnist_gui.core.metrics import Predictions
from mnist_gui.service import Reply
from mnist_gui.session import DatasetInfo, ModelInfo, TrainingPlan

SIZES = ((1024, 640), (1100, 757), (1920, 1080))


# The digit each one is most often mistaken for, as by real models (4 for 9, 7 for 2, ...).
LOOKALIKE = np.array([6, 7, 7, 5, 9, 3, 0, 2, 3, 4])


def realistic_probabilities(y_test: np.ndarray, accuracy: float = 0.96, seed: int = 0) -> np.ndarray:
    """Softmax outputs of an imagined model: confident and right mostly; wrong now and then, most
    often for the digit's look-alike, so some confusion cells hold a few dozen images."""
    rng = np.random.default_rng(seed)
    n = len(y_test)
    logits = rng.normal(0, 1.5, (n, 10))
    wrong = rng.random(n) > accuracy
    other = np.where(rng.random(n) < 0.7, LOOKALIKE[y_test], (y_test + rng.integers(1, 10, n)) % 10)
    target = np.where(wrong, other, y_test)
    logits[np.arange(n), target] += rng.uniform(5, 14, n)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


class FakeService(QObject):
    """The ModelService's signals and attributes that the window and its tabs use, with a real
    MNIST test set and numpy probabilities standing in for a model."""

    backend_ready = Signal()
    backend_failed = Signal(str)
    status_changed = Signal(str)
    dataset_ready = Signal(object)
    dataset_failed = Signal(str)
    model_changed = Signal(object)
    model_failed = Signal(str)
    model_saved = Signal(str)
    model_exported = Signal(str, str)
    test_predictions_ready = Signal(int, object)
    training_started = Signal(object)
    batch_progress = Signal(int, int, int, object)
    epoch_finished = Signal(int, object)
    training_finished = Signal(object, bool)
    training_failed = Signal(str)
    training_outcome = Signal(object)
    busy_changed = Signal(bool)
    drawings_changed = Signal()
    drawings_failed = Signal(str)
    drawing_predictions_ready = Signal(int, object)
    health_ready = Signal(int, object)
    settings_changed = Signal(object)
    settings_refused = Signal(str)

    def __init__(self, data, probabilities):
        super().__init__()
        self.backend_is_ready = True
        self.data = data
        self.dataset_info = DatasetInfo("path", "mnist.npz", True, len(data.x_train), len(data.x_test))
        self.test_predictions = Predictions.of(probabilities)
        accuracy = float(np.mean(self.test_predictions.labels == data.y_test))
        self.model_info = ModelInfo("mnist_cnn", 1, preset="cnn", test_accuracy=accuracy, drawn_accuracy=0.9912)
        self.is_training = False
        self.busy = False
        self.is_saving = False
        self.is_exporting = False
        self.outcome = None
        self._requests = itertools.count(1)
        # A few of "My drawings" (test digits, in the data dir: the tests' own), read right but one.
        self.drawings = DrawingStore()
        for i in range(12 - len(self.drawings)):
            self.drawings.add(data.x_test[i], int(data.y_test[i]), prediction=int(data.y_test[i]))
        wrong = np.eye(10)[(data.y_test[:12] + (np.arange(12) == 3)) % 10]
        self.drawing_predictions = Predictions.of(wrong)

    has_model = property(lambda self: self.model_info is not None)
    has_unsaved_model = property(lambda self: self.model_info is not None and self.model_info.unsaved)
    test_probabilities = property(lambda self: self.test_predictions.probabilities)

    def _reply(self, kind, result=None):
        reply = Reply(next(self._requests), kind)
        if result is not None:
            QTimer.singleShot(0, lambda: reply.answered.emit(reply.id, result))
        return reply

    def request_prediction(self, images):
        seed = next(self._requests)
        return self._reply("predict", realistic_probabilities(np.zeros(len(images), int), seed=seed))

    def load_backend(self): pass
    def load_dataset(self, path=None): pass
    def open_model(self, path): pass
    def start_fast(self, path): return False
    def export_model(self, path, fmt): pass
    def stop_training(self): pass
    def change_settings(self, **changes): return False
    def start_training(self, config, *, train_size=None, drawings_share=None): return False
    def train_more(self, epochs, *, config=None, train_size=None, drawings_share=None): return False
    def fine_tune(self): return False
    def add_drawing(self, digit, label, *, canvas=None, prediction=None, pen_width=None): return False
    def delete_drawing(self, drawing_id): return False
    def undo_last_drawing(self): return False
    def import_drawings(self, path): return None
    def export_drawings(self, path): return None
    def use_new_model(self): pass
    def keep_previous_model(self): pass
    def versions(self): return ["TensorFlow 2.x", "Keras 3.x"]
    def request_inside(self, kind, **args): return self._reply(kind)  # the Inside tab waits: fine here
    def shutdown(self, timeout_ms=0): return True

    def request_robustness(self, kind, **args):
        """Real core.robustness results from a numpy nearest-centroid model. Curves stop before the
        mouse drawings (seconds to make): the view is checked with those still coming."""
        from mnist_gui.core import robustness

        x, y = self.data.x_train[:2000].reshape(2000, -1) / 255.0, self.data.y_train[:2000]
        centres = np.stack([x[y == d].mean(axis=0) for d in range(10)])

        def predict(images):
            z = -((np.asarray(images).reshape(len(images), 1, -1) / 255.0 - centres) ** 2).sum(-1) / 4
            e = np.exp(z - z.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)

        models = [robustness.Model("current", self.model_info.name, predict)]
        job = robustness.compute(kind, models, **{**args, "first": None} if kind == "curves" else args)
        before_drawings = sum(len(a.curve) for a in robustness.AXES if a.name != "drawn")
        while True:
            try:
                partial = next(job)
            except StopIteration as done:
                result = done.value
                break
            if partial is not None:
                result = partial
                if sum(len(result.points("current", a.name)) for a in robustness.AXES) >= before_drawings:
                    break
        return self._reply(kind, result)

    def announce(self):
        """What the real service says once it has loaded everything."""
        self.status_changed.emit(f"Model: {self.model_info.name}")
        self.dataset_ready.emit(self.dataset_info)
        self.model_changed.emit(self.model_info)
        self.test_predictions_ready.emit(self.model_info.version, self.test_predictions)

    def stopped_run(self, epochs: int = 3, planned: int = 50):
        """A Seed DNN run stopped by the user after ``epochs`` epochs: full progress, charts, result."""
        from mnist_gui.core.models import PRESETS

        config = PRESETS["seed"].defaults
        plan = TrainingPlan(config, 60000, 10000, planned, 1875)
        self.is_training = True
        self.training_started.emit(plan)
        history = {}
        for epoch in range(epochs):
            logs = {"loss": 2.3 / (epoch + 1), "accuracy": 0.1 + 0.001 * epoch,
                    "val_loss": 2.31 / (epoch + 1), "val_accuracy": 0.1135}
            for key, value in logs.items():
                history.setdefault(key, []).append(value)
            self.batch_progress.emit(epoch, 1875, 1875, logs)
            self.epoch_finished.emit(epoch, logs)
        self.is_training = False
        self.training_finished.emit(history, True)


def _elided(text_width: int, room: int) -> bool:
    return text_width > room


def problems(window: QWidget) -> list[str]:
    """Every text that does not fit its widget or cell, every visible widget cut by its parent,
    and every pair of visible sibling widgets that overlap, in the window as it is now."""
    found = []
    widgets = [w for w in window.findChildren(QWidget) if w.isVisible() and not w.isWindow()]
    for w in widgets:
        name = f"{type(w).__name__}({w.objectName() or _text(w)!r})"
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            found += _label_problems(w, name)
        elif isinstance(w, (QPushButton, QCheckBox, QToolButton)) and w.text():
            hint = w.sizeHint()
            if w.width() < hint.width() or w.height() < QFontMetrics(w.font()).height():
                found.append(f"{name}: {w.width()}×{w.height()} px, its text needs {hint.width()}×{hint.height()}")
        elif isinstance(w, QComboBox):
            if w.width() < w.minimumSizeHint().width():
                found.append(f"{name}: {w.width()} px wide, its items need {w.minimumSizeHint().width()}")
        if isinstance(w, QTableWidget):
            found += _table_problems(w, name)
        if isinstance(w, QAbstractScrollArea) and w.verticalScrollBar().isVisible() and not w.property("may_scroll"):
            found.append(f"{name}: needs a vertical scroll bar")
        found += _cell_problems(w, name)
    found += _overlaps(widgets)
    return found


def _text(w) -> str:
    text = getattr(w, "text", None)
    return text()[:30] if callable(text) else ""


def _label_problems(label: QLabel, name: str) -> list[str]:
    rect = label.contentsRect()
    margin = label.margin() * 2 + max(label.indent(), 0)
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height():
            return [f"{name}: wrapped text needs {need} px of height, has {label.height()}"]
        return []
    metrics = QFontMetrics(label.font())
    text = label.text()
    if label.buddy() is not None:  # "&Preset:" shows as "Preset:", P underlined
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    lines = text.split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    height = metrics.height() * len(lines)
    if _elided(width + margin, rect.width()) or height > rect.height():
        return [f"{name}: text needs {width}×{height} px, has {rect.width()}×{rect.height()}"]
    return []


def _table_problems(table: QTableWidget, name: str) -> list[str]:
    found = []
    metrics = QFontMetrics(table.font())
    viewport = table.viewport().rect()
    for row, column in itertools.product(range(table.rowCount()), range(table.columnCount())):
        item = table.item(row, column)
        if item is None or not item.text():
            continue
        cell = table.visualRect(table.model().index(row, column))
        if not viewport.contains(cell):
            found.append(f"{name} cell ({row}, {column}) {item.text()!r}: not fully in view")
        elif _elided(metrics.horizontalAdvance(item.text()) + 6, cell.width()) or metrics.height() > cell.height():
            found.append(f"{name} cell ({row}, {column}) {item.text()!r}: elided in {cell.width()}×{cell.height()} px")
    headers = ((table.horizontalHeader(), table.horizontalHeaderItem, table.columnCount()),
               (table.verticalHeader(), table.verticalHeaderItem, table.rowCount()))
    for header, item_at, count in headers:
        metrics = QFontMetrics(header.font())
        for section in range(count):
            text = item_at(section).text() if item_at(section) else ""
            room = header.sectionSize(section) if header is table.horizontalHeader() else header.width()
            if _elided(metrics.horizontalAdvance(text) + 4, room):
                found.append(f"{name} header {text!r}: elided in {room} px")
    return found


def _cell_problems(w: QWidget, name: str) -> list[str]:
    """Widgets that draw their own text say how much room it needs: ``text_fits()``."""
    check = getattr(w, "text_fits", None)
    if callable(check) and not check():
        return [f"{name}: its drawn text does not fit ({w.width()}×{w.height()} px)"]
    return []


def _overlaps(widgets) -> list[str]:
    found = []
    shown = set(widgets)
    by_parent = {}
    for w in widgets:
        parent = w.parentWidget()
        if parent is None or parent not in shown and not parent.isWindow():
            continue
        if isinstance(w, (QScrollBar, QSplitterHandle)) or w.objectName().startswith("qt_"):
            continue
        if isinstance(parent, QAbstractScrollArea) or parent.objectName() == "qt_scrollarea_viewport":
            continue  # a scroll area's own parts, and contents that scroll
        by_parent.setdefault(parent, []).append(w)
        inside = QRect(0, 0, parent.width(), parent.height())
        if not inside.contains(w.geometry()) and parent.layout() is not None and not parent.isWindow():
            found.append(f"{type(w).__name__}({_text(w)!r}) at {w.geometry().getRect()} sticks out of "
                         f"{type(parent).__name__} ({parent.width()}×{parent.height()})")
    for parent, children in by_parent.items():
        for a, b in itertools.combinations(children, 2):
            if a.geometry().intersects(b.geometry()):
                found.append(f"{type(a).__name__}({_text(a)!r}) {a.geometry().getRect()} overlaps "
                             f"{type(b).__name__}({_text(b)!r}) {b.geometry().getRect()} in {type(parent).__name__}")
    return found


def build_window(data, settings):
    from mnist_gui.ui.main_window import MainWindow

    service = FakeService(data, realistic_probabilities(data.y_test))
    settings.setValue("learn/used", True)  # the tabs as after the first launch: the Learn dock closed
    window = MainWindow(service, settings=settings)
    service.announce()
    service.stopped_run()
    return window, service


def check_all_tabs(app, window, width: int, height: int) -> list[str]:
    window.resize(width, height)
    window.show()
    found = []
    if (window.width(), window.height()) != (width, height):
        found.append(f"window is {window.width()}×{window.height()}, not {width}×{height} (its minimum is too big)")
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        for _ in range(3):
            app.processEvents()
        found += [f"{window.tabs.tabText(index).replace('&', '')} at {width}×{height}: {p}" for p in problems(window)]
    gallery = window.gallery_tab
    shown, selection = gallery.shown_indices(), gallery.selection_indices()
    if len(shown) != min(gallery.capacity(), len(selection)):
        found.append(f"Gallery at {width}×{height}: {len(shown)} images shown of {len(selection)}")
    elif gallery.detail_index() not in shown:
        found.append(f"Gallery at {width}×{height}: the selected image {gallery.detail_index()} is not in the grid")
    return found


def main(argv) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from mnist_gui.core.data import load_mnist

    width, height, data_path = int(argv[1]), int(argv[2]), argv[3]
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["MNIST_GUI_DATA_DIR"] = folder  # the fake's drawings go there, not to the user's
        settings = QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat)
        window, _service = build_window(load_mnist(data_path), settings)
        found = check_all_tabs(app, window, width, height)
        print(f"device pixel ratio {window.devicePixelRatio()}")
        for line in found:
            print(line)
        window.close()
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
