"""Numbers, percentages and dates as the user's language writes them (QLocale(): the default that
mnist_gui.i18n.install sets): 1,234 / 1.234 / 1 234; 97.5% / 97,5 % / 97,5 %."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QDateTime, QLocale


# Looked up once: an enum member's lookup costs more than the formatting (a confusion matrix
# formats ~450 numbers at an epoch end, on the UI thread).
_C = QLocale.Language.C
_ENGLISH = (QLocale.Language.English, QLocale.Country.UnitedStates)
_SPACED_PERCENT = (QLocale.Language.German, QLocale.Language.French)


def _loc() -> QLocale:
    loc = QLocale()
    # The "C" locale (LANG=C, minimal systems) writes 10000 without grouping: use plain English.
    return QLocale(*_ENGLISH) if loc.language() == _C else loc


def pct(fraction: float, decimals: int = 1) -> str:
    """0.9751 -> '97.5%' (en), '97,5 %' (de, fr)."""
    if fraction is None or not math.isfinite(fraction):
        return "–"
    loc = _loc()
    return loc.toString(float(fraction) * 100, "f", decimals) + _percent_suffix(loc)


def percent_suffix() -> str:
    """'%', or ' %' (a non-breaking space first) in the languages that write it so (German, French)."""
    return _percent_suffix(_loc())


def _percent_suffix(loc: QLocale) -> str:
    return "\u00a0" + loc.percent() if loc.language() in _SPACED_PERCENT else loc.percent()


def num(value: float, decimals: int = 2) -> str:
    """A fixed-point number: 0.25 -> '0.25' / '0,25'."""
    if value is None or not math.isfinite(value):
        return "–"
    return _loc().toString(float(value), "f", decimals)


def general(value: float, digits: int = 6) -> str:
    """Shortest form with ``digits`` significant digits, like Python's :g (0.001, 12.5, 1e-05)."""
    return _loc().toString(float(value), "g", digits)


def integer(value: int) -> str:
    """A whole number with the language's group separators: 10000 -> '10,000' / '10.000' / '10 000'."""
    return _loc().toString(int(value))


def clock(seconds_since_epoch: float | None = None) -> str:
    """The time of day, as the language writes it (the training log's stamps)."""
    t = time.time() if seconds_since_epoch is None else seconds_since_epoch
    return _loc().toString(QDateTime.fromSecsSinceEpoch(int(t)).time(), "HH:mm:ss")


def date(seconds_since_epoch: float) -> str:
    return _loc().toString(QDateTime.fromSecsSinceEpoch(int(seconds_since_epoch)).date(),
                           QLocale.FormatType.ShortFormat)
