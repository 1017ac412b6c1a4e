"""mnist-gui: train and use a neural network on the MNIST handwritten digits."""

from __future__ import annotations

DISTRIBUTION = "mnist-gui"


def __getattr__(name: str):
    # ``__version__`` is looked up when asked for (About, --version), not at every start-up import.
    if name == "__version__":
        value = globals()["__version__"] = _read_version()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _read_version() -> str:
    """pyproject.toml's version, the one place it is written: read from the source checkout this
    package is imported from (a development run: an installed copy's metadata may be another
    checkout's), else from the installed package's metadata (pip installs, and the frozen app, which
    carries it: build.spec's copy_metadata)."""
    import re
    from importlib import metadata
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        text = ""
    if re.search(rf'^name\s*=\s*"{DISTRIBUTION}"', text, re.MULTILINE):
        match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
        if match:
            return match.group(1)
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"
