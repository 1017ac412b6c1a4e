"""Where the app finds its bundled files and keeps the user's own (no Qt, no TensorFlow)."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``models/`` and ``resources/``: the repo, or PyInstaller's bundle."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def bundled_models_dir() -> Path:
    return app_root() / "models"


def resources_dir() -> Path:
    return app_root() / "resources"


def user_models_dir() -> Path:
    """The user's own saved models, beside the data cache."""
    from .core.data import default_cache_dir

    return default_cache_dir() / "models"
