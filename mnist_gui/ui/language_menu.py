"""View ▸ Language: System, English, Deutsch, Français. The choice is kept in the settings and
takes effect at the next start (every text is made once, when the window is built)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QActionGroup

from .. import i18n


class LanguageMenu(QObject):
    def __init__(self, view_menu, settings, status_label, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.status_label = status_label
        self.menu = view_menu.addMenu(self.tr("&Language (applies on restart)"))
        self.menu.setObjectName("language_menu")
        group = QActionGroup(self.menu)
        chosen = i18n.saved_language(settings)
        self.actions = {}
        for code, name in ((i18n.SYSTEM, self.tr("System")), *i18n.LANGUAGES.items()):
            action = self.menu.addAction(name, lambda c=code: self.choose(c))
            action.setCheckable(True)
            action.setChecked(code == chosen)
            group.addAction(action)
            self.actions[code] = action

    def choose(self, code: str):
        self.settings.setValue(i18n.SETTINGS_KEY, code)
        self.settings.sync()
        self.status_label.setText(self.tr("The language changes when you start mnist-gui again."))
