"""The Draw Pad: draw a digit with the mouse and watch the current model read it, live."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QVBoxLayout, QWidget

from ..core.preprocess import SIZE, prepare_digit
from . import accessibility
from .core_texts import core_text
from .draw_canvas import DEFAULT_PEN_WIDTH, IMAGE_SIZE, DrawCanvas  # noqa: F401 (IMAGE_SIZE: its old home)
from .draw_reading import ReadingOnPad
from .inside_views import overlay, rgb_image
from .latest_request import LatestRequest
from .widgets import ProbabilityBars, digit_pixmap
from .locale_format import pct

PEN_WIDTH_PERCENT_RANGE = (3, 15)
PREDICT_INTERVAL_MS = 50         # live predictions at most this often while drawing
PREVIEW_SIZE = 4 * SIZE
# Below this top probability the pad says "not sure" and names the two likeliest digits. Chosen on
# benchmarks/drawn_digits.py with the bundled (calibrated) CNN: figures in the README.
UNSURE_BELOW = 0.8

class DrawTab(ReadingOnPad, QWidget):
    """Drawing pad, tools, and the current model's reading of the drawing.

    Predictions go through the service (its model thread runs a compiled call); at most one
    request is in flight and at most one is sent every ``PREDICT_INTERVAL_MS``, and the newest
    drawing is always the next one sent, so the pad stays smooth however fast the mouse moves.
    After each stroke the preview also shows which pixels pushed the model to its answer (an
    attribution map computed on the model thread, see core.inside).
    """

    digit_changed = Signal(object)   # the prepared 28×28 digit sent to the model; None when cleared

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self._predictions = LatestRequest(lambda image: self.service.request_prediction(image), self)
        self._predictions.answered.connect(self._on_prediction_ready)
        self._predictions.failed.connect(lambda *_: self._send_prediction())  # not answered: go on
        self._needs_prediction = False     # the drawing or the model changed since the last request
        self._digit: np.ndarray | None = None   # the model input for the drawing, None when empty
        self._model_version = service.model_info.version if service.model_info else None
        self._backend_error: str | None = None
        self._overlay: np.ndarray | None = None     # attribution for the predicted digit, for the preview
        self._overlay_wanted = False                 # a stroke ended: ask for it once the answer is in
        self._overlays = LatestRequest(lambda image: self.service.request_inside("attribution", image=image), self)
        self._overlays.answered.connect(self._on_overlay_ready)
        self._throttle = QTimer(self, singleShot=True, interval=PREDICT_INTERVAL_MS)
        self._throttle.timeout.connect(self._send_prediction)

        self.canvas = DrawCanvas()
        self.canvas.changed.connect(self._on_drawing_changed)
        self.canvas.stroke_finished.connect(self._on_stroke_finished)

        # Actions on the tab, so their keys work wherever the focus is inside it.
        self.clear_action = QAction(self.tr("Clear"), self)
        self.clear_action.setShortcuts([QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Escape)])
        self.clear_action.setToolTip(self.tr("Clear the pad (Delete, Esc)"))
        self.clear_action.triggered.connect(self.canvas.clear)
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        undo_keys = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.undo_action.setToolTip(self.tr("Undo the last stroke ({undo_keys})").format(undo_keys=undo_keys))
        self.undo_action.triggered.connect(self.canvas.undo)
        for action in (self.clear_action, self.undo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        self.pen_width_slider = QSlider(Qt.Orientation.Horizontal)
        self.pen_width_slider.setRange(*PEN_WIDTH_PERCENT_RANGE)
        self.pen_width_slider.setValue(round(DEFAULT_PEN_WIDTH * 100))
        self.pen_width_slider.setAccessibleName(self.tr("Pen width"))
        self.pen_width_slider.setToolTip(self.tr("Pen width, for the next strokes"))
        self.pen_width_slider.valueChanged.connect(self._set_pen_width)

        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Pen width")))
        tools.addWidget(self.pen_width_slider, 1)
        for action in (self.undo_action, self.clear_action):
            button = QToolButton()
            button.setDefaultAction(action)
            tools.addWidget(button)

        self._build_reading()
        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addWidget(self.steps_view)
        left.addLayout(tools)
        left.addLayout(self._build_labelling())

        self.digit_label = QLabel()
        font = QFont(self.font())
        font.setPointSize(font.pointSize() * 5)
        font.setBold(True)
        self.digit_label.setFont(font)
        self.digit_label.setMinimumHeight(QFontMetrics(font).height())  # no jump when a digit appears
        self.digit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digit_label.setAccessibleName(self.tr("Predicted digit"))
        self.message_label = QLabel()   # the confidence, or why there is no prediction
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.bars = ProbabilityBars()
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAccessibleName(self.tr("What the model sees"))
        self.preview.setToolTip(self.tr("The 28×28 image the model is given: the drawing scaled into a 20-pixel "
                                "box and centred by its centre of mass, like the MNIST digits"))
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)

        right = QVBoxLayout()
        right.addWidget(self.digit_label)
        right.addWidget(self.message_label)
        right.addWidget(self.number_view)
        right.addWidget(self.bars)
        right.addWidget(QLabel(self.tr("What the model sees (28×28):")))
        right.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.model_label)
        right.addWidget(self.drawings_label)
        right.addStretch(1)
        panel = QWidget()
        panel.setLayout(right)
        panel.setFixedWidth(300)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(panel)

        service.model_changed.connect(self._on_model_changed)
        service.backend_ready.connect(self._on_backend_ready)
        service.backend_failed.connect(self._on_backend_failed)
        service.drawings_changed.connect(self._show_drawings)
        service.drawing_predictions_ready.connect(lambda *_: self._show_drawings())
        service.drawings_failed.connect(self._on_drawings_failed)
        self._show_drawings()
        self._show_model(service.model_info)
        self._show_preview()
        self._show_prediction()

    def _build_labelling(self) -> QHBoxLayout:
        """A row of 0-9 buttons (and the number keys; Enter keeps the model's reading): the drawing
        joins My drawings with that label, and the pad clears for the next one."""
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(QLabel(self.tr("It is a:")))
        self.label_buttons = []
        for digit in range(10):
            action = QAction(str(digit), self)
            action.setShortcut(QKeySequence(str(digit)))
            action.setToolTip(self.tr("Keep this drawing in My drawings as a {digit} (key {digit}); Enter keeps the model's reading").format(digit=digit))
            action.triggered.connect(lambda _=False, d=digit: self.label_drawing(d))
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName(self.tr("Label {digit}").format(digit=digit))
            row.addWidget(button)
            self.label_buttons.append(button)
        self.keep_action = QAction(self.tr("Keep"), self)
        self.keep_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.keep_action.setToolTip(self.tr("The model read it right: keep the drawing with its reading (Enter)"))
        self.keep_action.triggered.connect(lambda: self.label_drawing(None))
        self.undo_label_action = QAction(self.tr("Undo label"), self)
        self.undo_label_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.undo_label_action.setToolTip(self.tr("Take the last labelled drawing out of My drawings (Ctrl+Shift+Z)"))
        self.undo_label_action.triggered.connect(self.service.undo_last_drawing)
        for action in (self.keep_action, self.undo_label_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            row.addWidget(button)
        for action in self.actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        row.addStretch(1)
        self.drawings_label = QLabel()   # counts per digit and how many the model reads right
        self.drawings_label.setWordWrap(True)
        self.drawings_label.setAccessibleName(self.tr("My drawings"))
        self._update_label_actions()
        return row

    def label_drawing(self, label: int | None) -> bool:
        """Keep the drawing, labelled ``label`` (None: the model's reading), in My drawings; clear the pad."""
        canvas = self.canvas.image()
        digit = prepare_digit(canvas)
        predicted = self.predicted_digit if self._digit is not None else None
        if digit is None:
            self.message_label.setText(self.tr("Draw a digit first, then label it."))
            return False
        if label is None:
            if predicted is None:
                self.message_label.setText(self.tr("No reading to keep yet: press the digit it is."))
                return False
            label = predicted
        if not self.service.add_drawing(digit, label, canvas=canvas, prediction=predicted,
                                        pen_width=self.canvas.pen_width, strokes=self._strokes_to_keep()):
            return False  # drawings_failed says why; the drawing stays on the pad
        self.canvas.clear()
        read = "" if predicted is None else (" — read right" if predicted == label else f" — the model read {predicted}")
        self.message_label.setText(self.tr("Kept as {label}{read}. Draw the next one.").format(label=label, read=read))
        return True

    def _strokes_to_keep(self) -> list:
        """The drawing's strokes, kept with it unless there are more than a drawing keeps (then its image alone)."""
        from ..core.strokes import MAX_POINTS, MAX_STROKES

        strokes = self.canvas.strokes()
        fits = len(strokes) <= MAX_STROKES and sum(len(s["points"]) for s in strokes) <= MAX_POINTS
        return strokes if fits else []

    def _update_label_actions(self):
        self.undo_label_action.setEnabled(self.service.drawings.can_undo())

    @Slot(str)
    def _on_drawings_failed(self, message):
        self.message_label.setText(f"⚠ {core_text(message)}")

    def _show_drawings(self):
        """My drawings per digit, and how many of them the current model reads right."""
        store = self.service.drawings
        counts = store.counts()
        total = int(counts.sum())
        self._update_label_actions()
        if not total:
            self.drawings_label.setText(self.tr("My drawings: none yet. Label a drawing to keep it."))
            return
        text = self.tr("My drawings: {total} — ").format(total=total) + " ".join(f"{d}:{c}" for d, c in enumerate(counts))
        p = self.service.drawing_predictions
        if p is not None and len(p) == total:
            right = p.labels == store.arrays()[1]
            text += self.tr("\nThis model reads {v0} of {total} right ({v2})").format(v0=int(right.sum()), total=total, v2=pct(right.mean(), 0))
        self.drawings_label.setText(text)

    @property
    def predicted_digit(self) -> int | None:
        """The digit shown as the model's reading of the drawing, if any."""
        probs = self.bars.probabilities()
        return None if probs is None else int(probs.argmax())

    # ---- drawing → request --------------------------------------------------------------------

    @Slot(int)
    def _set_pen_width(self, percent: int):
        self.canvas.pen_width = percent / 100

    @Slot()
    def _on_drawing_changed(self):
        self._forget_number()
        self._overlay = None
        self._overlay_wanted = not self.canvas.is_drawing()  # an undo: no stroke will finish
        if self.canvas.is_empty():
            # Nothing to wait for: show it at once, and drop any answer still on its way.
            self._needs_prediction = False
            self._digit = None
            self._show_preview()
            self._show_prediction()
            self.digit_changed.emit(None)
            return
        self._needs_prediction = True
        self._send_prediction()

    @property
    def digit(self) -> np.ndarray | None:
        """The model input for the drawing (28×28), None when the pad is empty."""
        return self._digit

    @Slot()
    def _on_stroke_finished(self):
        self._overlay_wanted = True
        self._throttle.stop()  # the finished stroke is read now, not after the interval
        self._send_prediction()
        self._request_overlay()  # now, if the stroke's last answer came before the button was released
        self._request_number()

    @Slot()
    def _send_prediction(self):
        if not self._needs_prediction or self._predictions.busy or self._throttle.isActive():
            return  # called again when the answer arrives or the interval ends
        self._needs_prediction = False
        self._throttle.start()
        self._digit = prepare_digit(self.canvas.image())
        self._show_preview()
        self.digit_changed.emit(self._digit)
        # A model can predict before TensorFlow is ready: the fast start's LiteRT export.
        if self._digit is None or not self.service.has_model:
            self._show_prediction()
            return
        self._predictions.ask(None, {"image": self._digit[None]})

    # ---- answers and model changes --------------------------------------------------------------

    @Slot(object, object)
    def _on_prediction_ready(self, probs, _args):
        if self._digit is not None and self._number is None:  # else the pad was cleared, or a number is shown
            self._show_prediction(None if probs is None else probs[0])
        self._send_prediction()
        self._request_overlay()

    # ---- the attribution overlay on the preview ------------------------------------------------------

    def _request_overlay(self):
        """After a stroke, once the newest drawing's answer is in: which pixels made that answer."""
        if (not self._overlay_wanted or self._needs_prediction or self._predictions.busy
                or self._digit is None or self.canvas.is_drawing()):
            return
        self._overlay_wanted = False
        self._overlays.ask(None, {"image": self._digit})

    @Slot(object, object)
    def _on_overlay_ready(self, result, args):
        if args["image"] is self._digit and not self._overlay_wanted and self._number is None:
            self._overlay = result.maps[0]
            self._show_preview()

    @Slot(object)
    def _on_model_changed(self, info):
        self._show_model(info)
        if info.version != self._model_version:  # new weights, not just new facts about them
            self._model_version = info.version
            self._needs_prediction = not self.canvas.is_empty()
            self._overlay_wanted = self._needs_prediction and not self.canvas.is_drawing()
            self._send_prediction()
            self._reread_on_new_model()
        if self.predicted_digit is None and self._number is None:
            self._show_prediction()  # the reason for no prediction may have changed

    @Slot()
    def _on_backend_ready(self):
        if self.predicted_digit is None:
            self._show_prediction()

    @Slot(str)
    def _on_backend_failed(self, message):
        self._backend_error = message
        self._show_prediction()

    # ---- display ----------------------------------------------------------------------------------

    def _show_prediction(self, probs=None):
        """The model's reading (probabilities for the ten digits), or why there is none."""
        if probs is None:
            self.digit_label.setText("")
            self.message_label.setText(self._why_no_prediction())
            self.bars.set_probabilities(None)
            accessibility.say_reading(self, None, UNSURE_BELOW)
            return
        best, second = (int(i) for i in np.argsort(probs)[::-1][:2])
        if probs[best] < UNSURE_BELOW:
            self.digit_label.setText(f"{best}?")
            self.message_label.setText(self.tr("Not sure: {best} ({v1}) or {second} ({v3})").format(best=best, v1=pct(probs[best], 0), second=second, v3=pct(probs[second], 0)))
        else:
            self.digit_label.setText(str(best))
            self.message_label.setText(self.tr("{p} confident").format(p=pct(probs[best], 1)))
        self.bars.set_probabilities(probs)
        accessibility.say_reading(self, probs, UNSURE_BELOW)

    def _why_no_prediction(self) -> str:
        if self._backend_error:
            return self._backend_error
        if not self.service.backend_is_ready and not self.service.has_model:
            return self.tr("Loading TensorFlow…")
        if not self.service.has_model:
            return self.tr("No model yet — train one or open a model file")
        if self._digit is None:
            return self.tr("Draw a digit")
        return ""  # a prediction is on its way

    def _show_preview(self):
        digit = self._digit if self._digit is not None else np.zeros((SIZE, SIZE), np.float32)
        if self._overlay is None or self._digit is None:
            self.preview.setPixmap(self._preview_pixmap(digit))
            return
        self.preview.setPixmap(QPixmap.fromImage(rgb_image(overlay(digit, self._overlay))).scaled(
            PREVIEW_SIZE, PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))

    def _preview_pixmap(self, digit) -> QPixmap:
        return digit_pixmap(digit, PREVIEW_SIZE)

    def _show_model(self, info):
        if info is None:
            self.model_label.setText("")
            return
        text = self.tr("Model: {name}").format(name=info.name)
        if info.training and info.epoch:
            text += self.tr(", epoch {epoch}").format(epoch=info.epoch)
        if info.test_accuracy is not None:
            text += self.tr(" — {test_accuracy} on the test set").format(test_accuracy=pct(info.test_accuracy, 2))  # as the status bar and Gallery say it
        self.model_label.setText(text)
