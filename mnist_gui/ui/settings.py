"""Typed reads of QSettings: a settings file may hold anything (hand edits, older versions, a
damaged disk), and no value in it may stop the app from starting."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QSettings

log = logging.getLogger("mnist_gui.settings")


def app_settings() -> QSettings:
    return QSettings("mnist-gui", "mnist-gui")


def _reject(settings: QSettings, key: str, raw, default):
    log.warning("settings: %s=%r is not usable; using %r instead", key, raw, default)
    settings.remove(key)
    return default


def read_int(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    """An integer clamped to [low, high]; anything that is not a whole number gives ``default``."""
    raw = settings.value(key)
    if raw is None:
        return default
    try:
        value = float(raw) if not isinstance(raw, bool) else None
        if value is None or not math.isfinite(value) or value != int(value):
            raise ValueError
    except (TypeError, ValueError):
        return _reject(settings, key, raw, default)
    return min(max(int(value), low), high)


def read_choice(settings: QSettings, key: str, default: str, choices) -> str:
    raw = settings.value(key)
    if raw is None:
        return default
    if isinstance(raw, str) and raw in choices:
        return raw
    return _reject(settings, key, raw, default)


def read_text(settings: QSettings, key: str, default: str, max_length: int = 4096) -> str:
    raw = settings.value(key)
    if raw is None:
        return default
    if isinstance(raw, str) and len(raw) <= max_length and "\0" not in raw:
        return raw
    return _reject(settings, key, raw, default)


def read_float_text(settings: QSettings, key: str, default: str, low: float, high: float) -> str:
    """A number kept as the text the user typed (e.g. a learning rate), within (low, high]."""
    text = read_text(settings, key, default, 64)
    try:
        value = float(text)
    except ValueError:
        return _reject(settings, key, text, default)
    if not (math.isfinite(value) and low < value <= high):
        return _reject(settings, key, text, default)
    return text


def read_float(settings: QSettings, key: str, default: float, low: float, high: float) -> float:
    """A finite number clamped to [low, high]; anything else gives ``default``."""
    raw = settings.value(key)
    if raw is None:
        return default
    try:
        value = float(raw) if not isinstance(raw, bool) else None
        if value is None or not math.isfinite(value):
            raise ValueError
    except (TypeError, ValueError):
        return _reject(settings, key, raw, default)
    return min(max(value, low), high)


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A yes/no (an INI file holds it as the text "true" or "false"); anything else gives ``default``."""
    raw = settings.value(key)
    if raw is None:
        return default
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    return _reject(settings, key, raw, default)
