"""The app's languages: which one to use, loading its catalogue, translating outside QObjects.

Catalogues: translations/mnist_gui_LANG.ts (sources, `make translations`), compiled to
resources/translations/mnist_gui_LANG.qm (committed; tests/test_translations.py checks they are fresh).
English is the source language: it needs no catalogue. The core (mnist_gui/core) never imports this.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from . import paths

# Code -> the language's own name (View ▸ Language, --lang).
LANGUAGES = {"en": "English", "de": "Deutsch", "fr": "Français"}
SYSTEM = "system"
SETTINGS_KEY = "ui/language"
CATALOGUE = "mnist_gui"

# Loaded catalogues, kept alive (Qt holds only a pointer); used directly where no QCoreApplication
# exists (the CLI), where QCoreApplication.translate would find no installed translator.
_translators: list[QTranslator] = []
_current = "en"


def translations_dir():
    return paths.resources_dir() / "translations"


def normalise(code: str | None) -> str | None:
    """'de_DE.UTF-8', 'de-AT', 'DE' -> 'de'; None for a language the app does not ship."""
    if not code:
        return None
    code = code.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language() -> str:
    """The first shipped language among the system's UI languages (LANGUAGE/LC_ALL/LC_MESSAGES/LANG
    on Linux), else English."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        # QLocale.system() reads these too, but only once per process; the CLI's tests change them.
        value = os.environ.get(var)
        if value:
            for part in value.split(":"):
                if part in ("C", "POSIX"):
                    return "en"
                if normalise(part):
                    return normalise(part)
            if var != "LANGUAGE":
                return "en"
    for name in QLocale.system().uiLanguages():
        if normalise(name):
            return normalise(name)
    return "en"


def choose_language(requested: str | None = None, saved: str | None = None) -> str:
    """--lang first, then the user's choice in View ▸ Language, then the system's language."""
    for choice in (requested, saved):
        if choice and choice != SYSTEM and normalise(choice):
            return normalise(choice)
    return system_language()


def saved_language(settings) -> str:
    from .ui.settings import read_choice

    return read_choice(settings, SETTINGS_KEY, SYSTEM, (SYSTEM, *LANGUAGES))


def current_language() -> str:
    return _current


def install(code: str, app: QCoreApplication | None = None) -> bool:
    """Use language ``code`` from now on: its catalogue (and Qt's own, for standard buttons and
    dialogs), and its QLocale for numbers and dates. False if a catalogue is missing (English then)."""
    global _current
    app = app or QCoreApplication.instance()
    for old in _translators:
        if app is not None:
            app.removeTranslator(old)
    _translators.clear()
    code = normalise(code) or "en"
    ok = True
    if code != "en":
        ours = QTranslator()
        ok = ours.load(f"{CATALOGUE}_{code}", str(translations_dir()))
        if ok:
            _translators.append(ours)
        qt = QTranslator()  # absent in a trimmed package except for the shipped languages
        for folder in (str(translations_dir()), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            if qt.load(f"qtbase_{code}", folder):
                _translators.append(qt)
                break
        if app is not None:
            for t in _translators:
                app.installTranslator(t)
    _current = code if ok else "en"
    QLocale.setDefault(QLocale(_current))
    return ok


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate that also works before (or without) a QCoreApplication: the CLI.
    pyside6-lupdate collects calls of this name like QCoreApplication.translate's."""
    if QCoreApplication.instance() is not None:
        return QCoreApplication.translate(context, text, disambiguation, n)
    for t in _translators:
        found = t.translate(context, text, disambiguation, n)
        if found:
            return found
    return text.replace("%n", str(n)) if n >= 0 else text


# ---- the command line --------------------------------------------------------------------------

def lang_from_argv(argv: list[str]) -> str | None:
    """--lang CODE / --lang=CODE, looked for before argparse runs: the help must be in that language."""
    for i, token in enumerate(argv):
        if token == "--":
            break
        if token == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if token.startswith("--lang="):
            return token.split("=", 1)[1]
    return None


def use_for_cli(argv: list[str]) -> str:
    """The CLI's language (--lang, else the system's); argparse's own words follow it too."""
    import argparse

    code = choose_language(lang_from_argv(argv))
    install(code)
    if code != "en":
        argparse._ = lambda text: translate("argparse", text)
        argparse.ngettext = lambda one, many, n: translate("argparse", one if n == 1 else many)
    return code


def _argparse_texts():
    """argparse's own words (it asks gettext for them), listed here for pyside6-lupdate; never called."""
    return [translate("argparse", t) for t in ()] + [
        translate("argparse", "usage: "),
        translate("argparse", "positional arguments"),
        translate("argparse", "options"),
        translate("argparse", "show this help message and exit"),
        translate("argparse", "show program's version number and exit"),
        translate("argparse", "%(prog)s: error: %(message)s\n"),
        translate("argparse", "argument %(argument_name)s: %(message)s"),
        translate("argparse", "the following arguments are required: %s"),
        translate("argparse", "one of the arguments %s is required"),
        translate("argparse", "unrecognized arguments: %s"),
        translate("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
        translate("argparse", "invalid %(type)s value: %(value)r"),
        translate("argparse", "expected one argument"),
        translate("argparse", "expected at least one argument"),
        translate("argparse", "expected at most one argument"),
        translate("argparse", "expected %s argument"),
        translate("argparse", "expected %s arguments"),
        translate("argparse", "ambiguous option: %(option)s could match %(matches)s"),
        translate("argparse", "not allowed with argument %s"),
        translate("argparse", "ignored explicit argument %r"),
    ]
