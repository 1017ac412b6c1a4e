"""Training curves as an image or document file, drawn by matplotlib (Agg, no GUI backend).

The live charts in the window are Qt's; this is the export: PNG, SVG or PDF, by the file's suffix.
"""

from __future__ import annotations

from pathlib import Path

from .files import atomic_write

CHART_FORMATS = (".png", ".svg", ".pdf")


class ChartError(ValueError):
    """The chart could not be saved; the message is meant for the user."""


def history_figure(history: dict[str, list[float]], title: str | None = None):
    """A matplotlib Figure with loss and accuracy per epoch, train and validation."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4), dpi=100, layout="constrained")
    for ax, metric, label in zip(figure.subplots(1, 2), ("loss", "accuracy"), ("Loss", "Accuracy")):
        for key, style, name in ((metric, "o-", "train"), ("val_" + metric, "s--", "validation (test set)")):
            values = history.get(key) or []
            if values:
                ax.plot(range(1, len(values) + 1), values, style, ms=3, label=name)
        ax.set_title(label)
        ax.set_xlabel("epoch")
        ax.grid(True, alpha=0.3)
        if ax.lines:
            ax.legend(loc="best", fontsize="small")
    if title:
        figure.suptitle(title)
    return figure


def save_history_chart(history: dict[str, list[float]], path, title: str | None = None) -> Path:
    """Write the chart to ``path`` atomically; the format follows the suffix (.png, .svg, .pdf)."""
    path = Path(path)
    if path.suffix.lower() not in CHART_FORMATS:
        raise ChartError(f"Choose a file name ending in {', '.join(CHART_FORMATS)}, not '{path.suffix or path.name}'.")
    if not any(history.get(k) for k in ("loss", "accuracy", "val_loss", "val_accuracy")):
        raise ChartError("There is no training history to draw yet.")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = history_figure(history, title)
    FigureCanvasAgg(figure)
    try:
        atomic_write(path, lambda tmp: figure.savefig(tmp, format=path.suffix[1:].lower()))
    except OSError as exc:
        raise ChartError(f"Could not save {path.name}: {exc.strerror or exc}") from exc
    return path
