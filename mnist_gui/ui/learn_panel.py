"""The Learn panel (issue 30 part 1): a dock beside the tabs that walks the notebook's steps (the data
from core/learn_steps.py), each with its explanation, its Keras lines and a button that shows it
happening in the app. The buttons run named actions the window provides (ui/learn_actions.py).
Which steps are done and which is current is kept in the settings at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (QDockWidget, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from ..core.learn_steps import CONTEXT, STEP_BY_ID, STEP_IDS, STEPS, Step
from .settings import read_choice, read_text

DONE_KEY, CURRENT_KEY = "learn/done", "learn/current"
DONE_MARK, CURRENT_MARK, TODO_MARK = "✓", "▸", "  "


def step_text(text: str) -> str:
    """A step's title, text or button label in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


class LearnPanel(QDockWidget):
    """The steps in a list (✓ done, ▸ current), the current one's text and code below, its button."""

    step_shown = Signal(str)   # the id of the step now current

    def __init__(self, settings: QSettings, actions: dict[str, Callable[[], str | None]], parent=None):
        super().__init__(self.tr("Learn"), parent)
        self.setObjectName("learn_dock")
        self.settings = settings
        self.actions_by_name = actions
        self.done: set[str] = set(self._read_done())
        self.current = read_choice(settings, CURRENT_KEY, STEP_IDS[0], STEP_IDS)
        self._built = False  # the widgets are made when first shown: most launches never show it

    def ensure_built(self) -> None:
        if not self._built:
            self._built = True
            self._build()
            self.show_step(self.current)

    def showEvent(self, event):  # noqa: N802 - Qt's name
        self.ensure_built()
        super().showEvent(event)
        self._fit_width()

    # ---- layout --------------------------------------------------------------------------

    def _build(self):
        body = QWidget()
        self.step_list = QListWidget()
        self.step_list.setAccessibleName(self.tr("Learn steps"))
        for step in STEPS:
            item = QListWidgetItem(step_text(step.title))
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            self.step_list.addItem(item)
        self.step_list.currentRowChanged.connect(lambda row: row >= 0 and self.show_step(STEPS[row].id))

        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text_label.setAccessibleName(self.tr("Step explanation"))
        self.code_view = QPlainTextEdit(readOnly=True)
        self.code_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # Wrapped: a learner should not have to scroll sideways to read a line of Keras.
        self.code_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.code_view.setAccessibleName(self.tr("The Keras code of this step"))
        self.code_view.setToolTip(self.tr("The few lines of Keras that do this step (File ▸ Export as code… "
                                          "writes the whole run)"))
        self.action_button = QPushButton()
        self.action_button.setAccessibleName(self.tr("Show this step in the app"))
        self.action_button.clicked.connect(self.run_action)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("font-style: italic;")
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.setAccessibleName(self.tr("Previous step"))
        self.back_button.clicked.connect(lambda: self._move(-1))
        self.next_button = QPushButton(self.tr("Done, next ▶"))
        self.next_button.setAccessibleName(self.tr("Mark this step done and go to the next"))
        self.next_button.clicked.connect(self.next_step)
        self.progress_label = QLabel()

        step_box = QWidget()
        step_layout = QVBoxLayout(step_box)
        step_layout.setContentsMargins(0, 0, 0, 0)
        step_layout.addWidget(self.title_label)
        step_layout.addWidget(self.text_label)
        self.code_view.setMinimumHeight(QFontMetrics(self.code_view.font()).lineSpacing() * 6)
        step_layout.addWidget(self.code_view, 1)
        step_layout.addWidget(self.action_button)
        step_layout.addWidget(self.message_label)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.progress_label, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next_button)
        step_layout.addLayout(nav)

        # The list and the step scroll where the dock is short (a learner's small screen).
        step_scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        step_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        step_scroll.setWidget(step_box)
        for view in (self.step_list, self.code_view, step_scroll):
            view.setProperty("may_scroll", True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.step_list)
        split.addWidget(step_scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self._body, self._step_box, self._step_scroll = body, step_box, step_scroll
        self.setWidget(body)

    # ---- steps -------------------------------------------------------------------------------

    def step(self) -> Step:
        return STEP_BY_ID[self.current]

    def show_step(self, step_id: str) -> None:
        """Make ``step_id`` the current step (remembered) and show it."""
        if step_id not in STEP_BY_ID:
            return
        self.ensure_built()
        self.current = step_id
        step = STEP_BY_ID[step_id]
        row = STEP_IDS.index(step_id)
        if self.step_list.currentRow() != row:
            self.step_list.setCurrentRow(row)
        self.title_label.setText(step_text(step.title))
        self.text_label.setText(step_text(step.text))
        self.code_view.setPlainText(step.code)
        self.code_view.setVisible(bool(step.code))
        has_action = bool(step.action) and step.action in self.actions_by_name
        self.action_button.setText(step_text(step.action_label))
        self.action_button.setVisible(has_action)
        self.message_label.clear()
        self.back_button.setEnabled(row > 0)
        self.next_button.setText(self.tr("Done ✓") if row == len(STEPS) - 1 else self.tr("Done, next ▶"))
        self.settings.setValue(CURRENT_KEY, step_id)
        self._show_marks()
        self.step_shown.emit(step_id)

    def run_action(self) -> None:
        """The current step's button: shows it happening in the app; the step counts as done."""
        step = self.step()
        action = self.actions_by_name.get(step.action)
        if action is None:
            return
        message = action()
        self.message_label.setText(message or "")
        self.mark_done(step.id)

    def next_step(self) -> None:
        self.mark_done(self.current)
        self._move(1)

    def _move(self, delta: int) -> None:
        row = min(max(STEP_IDS.index(self.current) + delta, 0), len(STEPS) - 1)
        self.show_step(STEP_IDS[row])

    def mark_done(self, step_id: str) -> None:
        if step_id in self.done:
            return
        self.done.add(step_id)
        self.settings.setValue(DONE_KEY, ",".join(i for i in STEP_IDS if i in self.done))
        self.settings.sync()
        self._show_marks()

    def reset_progress(self) -> None:
        self.done.clear()
        self.settings.remove(DONE_KEY)
        self.show_step(STEP_IDS[0])

    def _read_done(self) -> list[str]:
        raw = read_text(self.settings, DONE_KEY, "", 1000)
        return [i for i in raw.split(",") if i in STEP_BY_ID]

    def _show_marks(self) -> None:
        if not self._built:
            return
        for row, step in enumerate(STEPS):
            mark = CURRENT_MARK if step.id == self.current else DONE_MARK if step.id in self.done else TODO_MARK
            item = self.step_list.item(row)
            item.setText(f"{mark} {step_text(step.title)}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, step_text(step.title) + (
                self.tr(" (done)") if step.id in self.done else ""))
        self.progress_label.setText(self.tr("%1 of %2 done").replace("%1", QLocale().toString(len(self.done)))
                                    .replace("%2", QLocale().toString(len(STEPS))))
        self._fit_width()

    def _fit_width(self) -> None:
        """Wide enough for the step's bottom row beside the scroll bar (nothing cut in any language);
        again once shown, when the style has polished the buttons."""
        if not self._built:
            return
        self._step_box.layout().invalidate()  # its texts just changed: no stale size
        needed = (self._step_box.minimumSizeHint().width() + self._step_scroll.verticalScrollBar().sizeHint().width()
                  + 8)
        self._body.setMinimumWidth(max(280, needed))
