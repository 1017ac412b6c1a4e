"""Gallery tab: random test images with true and predicted labels, filters, a detail view and a
confusion matrix over the whole test set.

The tab never predicts. The service predicts all 10,000 test images in one batched call per model
version on its model thread and sends ``test_predictions_ready``; everything here is numpy on those
predictions plus Qt drawing, so the tab imports neither TensorFlow nor matplotlib. What to show is
chosen by ``core.gallery_selection``; the grid, the detail and the matrix are widgets of their own.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QSignalBlocker, QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from .core_texts import core_text
from ..core.gallery_selection import DrawingsSet, GallerySelection
from .gallery_texts import describe, drawings_line, filter_conditions, test_set_line  # translated
from ..core.metrics import Predictions
from .confusion_matrix import ACCURACY_COLUMN, ConfusionPanel
from .digit_grid import DEFAULT_GRID_SIZE, GRID_SIZES, DigitCell, DigitGrid, page_buttons
from .gallery_detail import DetailPanel
from .gallery_filters import FilterControls

SHUFFLE_KEY = "Ctrl+R"
MATRIX_AFTER_MS = 50  # an epoch's matrix after its grid: three frames, too soon to see

TEST, DRAWINGS = "test", "drawings"   # the grid's sources
SOURCE_TITLES = {TEST: QT_TRANSLATE_NOOP("GalleryTab", "MNIST test set"),
                 DRAWINGS: QT_TRANSLATE_NOOP("GalleryTab", "My drawings")}


class GalleryTab(QWidget):
    """Test images in a grid, filtered by labels and predictions, with details and a confusion matrix."""

    detail_changed = Signal(int)   # the test image shown in the detail (the Inside tab explains it)

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self._service = service
        self._selection = GallerySelection()  # what is shown and selected
        self._source = TEST
        self._data = None   # the source's images: the MNIST data (its test set) or a DrawingsSet
        self._data_error: str | None = None
        # Predictions of one model version for the current test set, all (10000,)-shaped.
        self._version: int | None = None
        self._predictions_model_name = ""
        self._predictions: Predictions | None = None
        self._pending_predictions = None  # (version, Predictions, model name) that came while hidden
        # A new epoch's matrix is set a few frames after the grid, in a turn of the event loop of
        # its own: with the grid in the same turn the window stalled 19-27 ms at every epoch end,
        # and on the next turn it still shared a frame with the grid's repaint.
        self._matrix_timer = QTimer(self, singleShot=True, interval=MATRIX_AFTER_MS)
        self._matrix_timer.timeout.connect(self._update_confusion)

        self._build_ui()
        service.dataset_ready.connect(self._on_dataset_ready)
        service.dataset_failed.connect(self._on_dataset_failed)
        service.model_changed.connect(self._on_model_changed)
        service.test_predictions_ready.connect(self._on_test_predictions_ready)
        service.drawings_changed.connect(self._on_drawings_changed)
        service.drawing_predictions_ready.connect(self._on_drawing_predictions_ready)
        service.drawings_failed.connect(self._on_drawings_failed)

        # Whatever the service already has (the tab may be built after data or a model arrived).
        if service.data is not None:
            self._take_data(service.data)
            info = service.model_info
            if info is not None and service.test_predictions is not None:
                self._take_predictions(info.version, service.test_predictions)
        else:
            self._take_predictions(None, None)
        self._update_state()

    # ---- layout ---------------------------------------------------------------------------------

    def _build_ui(self):
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.grid_size_combo = QComboBox()
        for n in GRID_SIZES:
            self.grid_size_combo.addItem(f"{n} × {n}", n)
        self.grid_size_combo.setCurrentIndex(GRID_SIZES.index(DEFAULT_GRID_SIZE))
        self.grid_size_combo.setToolTip(self.tr("How many test images to show at once"))
        self.grid_size_combo.currentIndexChanged.connect(self._on_grid_size_changed)

        self.source_combo = QComboBox()
        for key, title in SOURCE_TITLES.items():
            self.source_combo.addItem(self.tr(title), key)
        self.source_combo.setToolTip(self.tr("Show the MNIST test images, or the drawings you labelled on the Draw Pad"))
        self.source_combo.setAccessibleName(self.tr("Images"))
        self.source_combo.currentIndexChanged.connect(lambda _: self.set_source(self.source_combo.currentData()))

        self.shuffle_button = QPushButton(self.tr("Shuffle"))
        self.shuffle_button.setToolTip(self.tr("Show other random test images ({SHUFFLE_KEY})").format(SHUFFLE_KEY=SHUFFLE_KEY))
        self.shuffle_button.clicked.connect(self.shuffle)
        QShortcut(QKeySequence(SHUFFLE_KEY), self, activated=self.shuffle)

        self._filters = FilterControls(self)
        self._filters.changed.connect(self._on_filters_changed)
        self.true_digit_combo = self._filters.true_digit
        self.predicted_digit_combo = self._filters.predicted_digit
        self.misclassified_check = self._filters.misclassified

        controls = QHBoxLayout()
        controls.addWidget(self.source_combo)
        controls.addWidget(QLabel(self.tr("Grid")))
        controls.addWidget(self.grid_size_combo)
        controls.addWidget(self.shuffle_button)
        controls.addSpacing(16)
        self._filters.add_to(controls)
        controls.addStretch(1)

        self.selection_label = QLabel()
        self.reset_button = QPushButton(self.tr("Show all"))
        self.reset_button.setToolTip(self.tr("Clear the filters and show random images from the whole test set"))
        self.reset_button.clicked.connect(lambda: self.set_filters())
        self.previous_page_button, self.next_page_button = page_buttons()
        self.previous_page_button.clicked.connect(lambda: self.show_page(self.page() - 1))
        self.next_page_button.clicked.connect(lambda: self.show_page(self.page() + 1))
        selection_row = QHBoxLayout()
        selection_row.addWidget(self.previous_page_button)
        selection_row.addWidget(self.next_page_button)
        selection_row.addWidget(self.selection_label)
        selection_row.addWidget(self.reset_button)
        selection_row.addStretch(1)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add drawings from an .npz with x and y (Keras MNIST layout)"))
        self.import_button.clicked.connect(self._ask_import)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save My drawings as one .npz with x and y (Keras MNIST layout)"))
        self.export_button.clicked.connect(self._ask_export)
        for button in (self.import_button, self.export_button):
            selection_row.addWidget(button)
            button.hide()

        self.grid = DigitGrid()
        self.grid_scroll = self.grid  # the grid's scrolling pane
        self.grid.clicked.connect(self.show_detail)
        self.grid.images_resized.connect(self._on_images_resized)
        self.grid.set_columns(self.grid_size())

        self.detail = DetailPanel()
        self.detail.delete_button.clicked.connect(self._delete_shown_drawing)
        self.detail_image, self.detail_bars = self.detail.image, self.detail.bars
        self.delete_button = self.detail.delete_button
        self.confusion_box = ConfusionPanel()
        self.confusion_box.cell_clicked.connect(self._on_confusion_cell_clicked)
        self.confusion_table, self.accuracy_label = self.confusion_box.table, self.confusion_box.accuracy_label
        right_panel = QSplitter(Qt.Orientation.Vertical, objectName="gallery_detail_confusion")
        right_panel.addWidget(self.detail)
        right_panel.addWidget(self.confusion_box)
        right_panel.setChildrenCollapsible(False)
        right_panel.setStretchFactor(0, 1)
        right_panel.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="gallery_grid_panels")
        splitter.addWidget(self.grid_scroll)
        splitter.addWidget(right_panel)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(controls)
        layout.addLayout(selection_row)
        layout.addWidget(splitter, 1)

    def image_size(self) -> int:
        """The side of each grid image now, in px."""
        return self.grid.image_size()

    @Slot()
    def _on_images_resized(self):
        shown = self._selection.shown
        # Not when the grid has just become smaller than what it shows: the refill that follows picks a page.
        if self._data is not None and 0 < len(shown) <= self.capacity():
            self.show_indices(shown, keep_detail=True)  # the pixmaps at the new size; an image opened elsewhere stays

    # ---- the grid ---------------------------------------------------------------------------------

    def grid_size(self) -> int:
        """Images per row (and rows) of the grid."""
        return self.grid_size_combo.currentData()

    def capacity(self) -> int:
        return self.grid_size() ** 2

    def shown_indices(self) -> list[int]:
        """Test indices of the images in the grid, in reading order."""
        return self._selection.shown.tolist()

    def cell_widget(self, position: int) -> DigitCell:
        return self.grid.cells[position]

    def cell_texts(self) -> list[str]:
        """The captions of the shown cells, in reading order."""
        return [cell.text() for cell in self.grid.cells[:len(self._selection.shown)]]

    def show_indices(self, indices, keep_detail: bool = False) -> None:
        """Show exactly these test images, in this order (at most one grid's worth).

        The selected image stays selected while it is shown; when it is not (a filter or a new page
        left it out), the first image shown is selected instead, unless ``keep_detail`` (the same
        images with new predictions: an image opened from elsewhere, e.g. the Inside tab's map, stays)."""
        selection = self._selection
        indices = selection.show(indices, self.capacity())
        self.grid.fill(indices, selection.detail)
        target = selection.detail_after(keep_detail)
        if target is None:
            if selection.detail is not None:
                self._clear_detail()
        elif target != selection.detail:
            self.show_detail(target)

    @Slot()
    def shuffle(self) -> None:
        """Other random images from the current selection: a new order, from its first page."""
        self._refill(keep_shown=False)

    def _refill(self, keep_shown: bool) -> None:
        """Page through the selection in a random order, from the first page.

        With ``keep_shown`` the images already in the grid that still match stay first, so a new
        epoch's predictions or a bigger grid do not throw away what the user is looking at; if the
        selection itself did not change, the grid and its page stay as they are.
        """
        if not self._selection.reorder(self.selection_indices(), keep_shown):
            self.show_indices(self._selection.shown, keep_detail=True)  # the same images, with their new predictions
            self._update_paging()
            return
        self.show_page(0)

    def page_count(self) -> int:
        return self._selection.page_count(self.capacity())

    def page(self) -> int:
        """The page shown, from 0."""
        return self._selection.page

    @Slot(int)
    def show_page(self, page: int) -> None:
        """The ``page``-th grid's worth of the selection (clamped to the pages there are)."""
        self.show_indices(self._selection.page_of(page, self.capacity()))
        self._update_paging()

    def _update_paging(self):
        many = len(self._selection.order) > self.capacity()
        self.shuffle_button.setEnabled(many)
        for button in (self.previous_page_button, self.next_page_button):
            button.setVisible(many)
        self.previous_page_button.setEnabled(self.page() > 0)
        self.next_page_button.setEnabled(self.page() < self.page_count() - 1)
        self._describe_selection()

    @Slot()
    def _on_grid_size_changed(self):
        self.grid.set_columns(self.grid_size())
        self._selection.forget_order()  # pages of the new size, keeping what is shown first
        self._refill(keep_shown=True)

    # ---- filters ----------------------------------------------------------------------------------

    def filters(self) -> dict:
        return self._filters.values()

    def set_filters(self, true_digit: int | None = None, predicted_digit: int | None = None,
                    misclassified: bool = False) -> None:
        """Select the images to show; filters on predictions need a model's predictions."""
        if self._predictions is None and (predicted_digit is not None or misclassified):
            raise ValueError("filtering on predictions needs a model's predictions")
        self._filters.set_values(true_digit, predicted_digit, misclassified)  # one refill below, not one per control
        self._refill(keep_shown=False)

    def selection_indices(self) -> np.ndarray:
        """All test indices matching the filters, ascending; the grid shows them or a sample of them."""
        return self._selection.matching(**self.filters())

    @Slot()
    def _on_filters_changed(self):
        self._refill(keep_shown=False)

    def _describe_selection(self):
        if self._data is None:
            self.selection_label.clear()
            self.reset_button.setEnabled(False)
            return
        self.selection_label.setText(describe(self._selection, self.capacity(), self._source == DRAWINGS,
                                              **self.filters()))
        self.reset_button.setEnabled(bool(filter_conditions(**self.filters())))

    # ---- detail -----------------------------------------------------------------------------------

    @Slot(int)
    def show_detail(self, index: int) -> None:
        """The image large, its ten probabilities, predicted against true label, and its index."""
        changed, self._selection.detail = index != self._selection.detail, index
        if changed and self._source == TEST:  # not when new predictions re-show it (each epoch end)
            self.detail_changed.emit(index)
        self.grid.select(index, len(self._selection.shown))
        if self._source == DRAWINGS:
            title = self.tr("Drawing {v0} of {v1}, {v2}").format(v0=index + 1, v1=len(self._data.y_test), v2=self._data.dates[index][:10])
        else:
            title = self.tr("Test image #{index}").format(index=index)
        p = self._predictions
        self.detail.show_image(self._data.x_test[index], title, int(self._data.y_test[index]),
                               None if p is None else p.probabilities[index], deletable=self._source == DRAWINGS)

    def detail_index(self) -> int | None:
        return self._selection.detail

    _detail_index = property(detail_index)

    def detail_text(self) -> str:
        return self.detail.text()

    def detail_probabilities(self) -> np.ndarray | None:
        return self.detail_bars.probabilities()

    def _clear_detail(self):
        self._selection.detail = None
        self.detail.clear()

    # ---- confusion matrix -------------------------------------------------------------------------

    def confusion_counts(self) -> np.ndarray | None:
        """Counts (true digit, predicted digit) over the whole test set, or None without predictions."""
        return self._selection.confusion

    def _update_confusion(self):
        self._matrix_timer.stop()  # whatever was due is shown now
        self.confusion_box.show_counts(self._selection.confusion,
                                       self.tr("drawings") if self._source == DRAWINGS else self.tr("test images"))

    @Slot(int, int)
    def _on_confusion_cell_clicked(self, true_digit: int, column: int):
        if self._selection.confusion is None:
            return
        if column == ACCURACY_COLUMN:
            self.set_filters(true_digit=true_digit)
        else:
            self.set_filters(true_digit=true_digit, predicted_digit=column)

    # ---- source: the MNIST test set or My drawings -----------------------------------------------

    def source(self) -> str:
        return self._source

    def set_source(self, source: str) -> None:
        """Show the MNIST test set (TEST) or My drawings (DRAWINGS): the same grid, filters, detail and matrix."""
        if source not in SOURCE_TITLES:
            raise ValueError(f"unknown source {source!r}")
        with QSignalBlocker(self.source_combo):
            self.source_combo.setCurrentIndex(self.source_combo.findData(source))
        self._source = source
        drawings = source == DRAWINGS
        for button in (self.import_button, self.export_button):
            button.setVisible(drawings)
        self.confusion_box.setTitle(self.tr("Confusion matrix (My drawings)") if drawings else
                                    self.tr("Confusion matrix (whole test set)"))
        self._pending_predictions = None
        with QSignalBlocker(self.true_digit_combo):  # another set: its filters start afresh
            self.true_digit_combo.setCurrentIndex(0)
        self._filters.reset_prediction_filters()
        info = self._service.model_info
        if drawings:
            self._take_data(DrawingsSet.of(self._service.drawings))
            p = self._service.drawing_predictions
            if info is not None and p is not None and len(p) == len(self._data.y_test):
                self._take_predictions(info.version, p)
        elif self._service.data is not None:
            self._take_data(self._service.data)
            if info is not None and self._service.test_predictions is not None:
                self._take_predictions(info.version, self._service.test_predictions)
        else:
            self._take_data(None)
        self._update_state()

    def show_test_image(self, index: int) -> None:
        """A test image in the detail (from another tab): the test set is shown if it was not."""
        if self._source != TEST:
            self.set_source(TEST)
        self.show_detail(index)

    @Slot()
    def _on_drawings_changed(self):
        if self._source == DRAWINGS:
            detail = self._detail_index
            self._take_data(DrawingsSet.of(self._service.drawings))
            if detail is not None and len(self._data.y_test):  # after a delete: the next one
                self.show_detail(min(detail, len(self._data.y_test) - 1))
            self._update_state()

    @Slot(int, object)
    def _on_drawing_predictions_ready(self, version, predictions):
        if self._source != DRAWINGS or self._data is None or len(predictions) != len(self._data.y_test):
            return
        self._take_predictions(version, predictions)
        self._update_state()

    @Slot(str)
    def _on_drawings_failed(self, message):
        if self._source == DRAWINGS:
            self.state_label.setText(f"⚠ {core_text(message)}")

    def _delete_shown_drawing(self):
        if self._source == DRAWINGS and self._detail_index is not None:
            self._service.delete_drawing(self._data.ids[self._detail_index])

    def _ask_import(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import drawings"), str(Path.home()), self.tr("NumPy archive (*.npz)"))
        if path:
            count = self._service.import_drawings(path)
            if count is not None:
                self.state_label.setText(self.tr("Imported {count} drawings from {name}.").format(count=count, name=Path(path).name))

    def _ask_export(self):
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export drawings"), str(Path.home() / "my_drawings.npz"),
                                              self.tr("NumPy archive (*.npz)"))
        if path:
            count = self._service.export_drawings(path)
            if count is not None:
                self.state_label.setText(self.tr("Exported {count} drawings to {path}.").format(count=count, path=path))

    def _take_data(self, data):
        self._data = data
        self._pending_predictions = None
        self.grid.set_data(data, drawings=self._source == DRAWINGS)
        self._data_error = None
        self._selection.set_labels(None if data is None else data.y_test)
        self._clear_detail()
        self._take_predictions(None, None)  # the service predicts the new test set afresh

    def _take_predictions(self, version: int | None, predictions: Predictions | None,
                          model_name: str | None = None, matrix_later: bool = False):
        self._version = version
        self._predictions = predictions
        self.grid.set_predictions(predictions)
        if predictions is None:
            self._selection.set_predictions(None)
            self._predictions_model_name = ""
            self._filters.reset_prediction_filters()
        else:
            self._selection.set_predictions(predictions.labels)
            self._predictions_model_name = model_name or self._service.model_info.name
        self._filters.allow_prediction_filters(predictions is not None)
        if matrix_later:
            self._matrix_timer.start()
        else:
            self._update_confusion()
        self._refill(keep_shown=True)
        if self._selection.detail is not None:
            self.show_detail(self._selection.detail)

    @Slot(object)
    def _on_dataset_ready(self, _info):
        if self._source == TEST:  # else taken when the test set is shown again
            self._take_data(self._service.data)
            self._update_state()

    @Slot(str)
    def _on_dataset_failed(self, message: str):
        if self._data is None:  # otherwise the data already loaded stays in use
            self._data_error = message
            self._update_state()

    @Slot(int, object)
    def _on_test_predictions_ready(self, version: int, predictions: Predictions):
        info = self._service.model_info
        if info is None or version != info.version or self._data is None or self._source != TEST:
            return  # an older model's answer, overtaken by a newer one (or the drawings are shown)
        if len(predictions) != len(self._data.y_test):
            return  # for a test set that has since been replaced
        if not self.isVisible():
            # While training on another tab this comes every epoch: take only the newest, when shown.
            self._pending_predictions = (version, predictions, info.name)
            return
        self._take_predictions(version, predictions, matrix_later=True)
        self._update_state()

    def showEvent(self, event):
        super().showEvent(event)
        pending, self._pending_predictions = self._pending_predictions, None
        if pending is not None:  # for the current test set: a new one drops it (_take_data)
            self._take_predictions(*pending)
            self._update_state()

    @Slot(object)
    def _on_model_changed(self, _info):
        self._update_state()  # the predictions follow with test_predictions_ready

    def _update_state(self):
        """One line saying what the grid can show right now, and why not more."""
        info = self._service.model_info
        controls_usable = self._data is not None
        for control in (self.grid_size_combo, self.true_digit_combo):
            control.setEnabled(controls_usable)
        if self._source == DRAWINGS:
            self.state_label.setText(drawings_line(info, len(self._data.y_test), self._service.drawings.folder,
                                                   self._predictions is not None, self._selection.right_count()))
            return
        self.state_label.setText(test_set_line(info, None if self._data is None else len(self._data.y_test),
                                               self._data_error, self._version, self._predictions_model_name))
