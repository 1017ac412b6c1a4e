"""File ▸ Save report…: the current model's report with pictures (core.report), written by a job
off the UI thread (``ModelService.request_report``); the status bar says when it is written, an
error box says why not. One report at a time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from .core_texts import core_text


class SaveReport(QObject):
    """The menu action and its request; ``window``: the MainWindow (status label, errors, last folder)."""

    def __init__(self, window, menu):
        super().__init__(window)
        self.window, self.service = window, window.service
        self.reply = None  # the report being written
        self.action = QAction(self.tr("Save &report…"), window)
        self.action.setStatusTip(self.tr("Write a PDF, PNG or SVG report of the current model: its card, "
                                         "training curves, confusion matrix, mistakes and robustness"))
        menu.addAction(self.action)
        self.action.triggered.connect(self.choose_path)
        for signal in (self.service.model_changed, self.service.dataset_ready, self.service.busy_changed):
            signal.connect(self.update_action)
        self.update_action()

    @property
    def filters(self) -> dict:
        return {self.tr("PDF, all pages (*.pdf)"): ".pdf", self.tr("PNG images, one a page (*.png)"): ".png",
                self.tr("SVG images, one a page (*.svg)"): ".svg"}

    def update_action(self, *_):
        s = self.service
        info = s.model_info
        self.action.setEnabled(info is not None and s.data is not None and not s.is_training and self.reply is None)

    def choose_path(self):
        info = self.service.model_info
        name = f"{info.name if info else 'model'}-report.pdf"
        default = str(Path(self.window.last_folder.path()) / name)
        filters = self.filters
        path, chosen = QFileDialog.getSaveFileName(self.window, self.tr("Save report"), default, ";;".join(filters))
        if not path:
            return
        if Path(path).suffix.lower() not in filters.values():
            path += filters.get(chosen, ".pdf")
        self.window.last_folder.remember(Path(path).parent)
        self.save(path)

    def save(self, path: str):
        """Write the report to ``path`` (.pdf, .png, .svg) off the UI thread."""
        self.reply = self.service.request_report(path)
        self.reply.answered.connect(self._written)
        self.reply.failed.connect(self._failed)
        self.window.activity_label.setText(self.tr("Writing the report %1…").replace("%1", Path(path).name))
        self.update_action()

    def _written(self, _, written):
        self.reply = None
        pages = QLocale().toString(len(written.pages))  # always several: no singular needed
        seconds = QLocale().toString(float(written.seconds), "f", 1)
        first = str(written.paths[0])
        if len(written.paths) == 1:
            text = self.tr("Saved the report (%1 pages) to %2").replace("%1", pages).replace("%2", first)
        else:
            text = self.tr("Saved the report as %1 images: %2 …").replace("%1", pages).replace("%2", first)
        self.window.activity_label.setText(text)
        self.window.activity_label.setToolTip(self.tr("Drawn and written in %1 s").replace("%1", seconds))
        self.update_action()

    def _failed(self, _, error):
        self.reply = None
        self.window.show_error(self.tr("Save report"), self.tr("The report was not written: %1").replace("%1", core_text(str(error))))
        self.update_action()
