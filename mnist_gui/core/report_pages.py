"""The report's pages, drawn with matplotlib's object API (``Figure``; no pyplot, so no global
figure state and no GUI backend: safe on a worker thread of the app). One topic per page, in
``report.PAGES``' order; each function takes ``report.ReportData`` and returns its Figure."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from . import robustness

SIZE = (11.69, 8.27)   # A4 landscape, inches
DPI = 110              # a .png page: 1285 × 909 px
MONO = dict(family="monospace", fontsize=8.5, va="top")
TRAIN, VALID, MISTAKE = "#1f77b4", "#ff7f0e", "#d62728"


def _page(data, title: str, number: int) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=SIZE, dpi=DPI)
    FigureCanvasAgg(figure)
    figure.suptitle(title, x=0.04, ha="left", fontsize=17, fontweight="bold")
    figure.text(0.96, 0.955, f"{data.name}", ha="right", fontsize=10, color="0.35")
    figure.text(0.04, 0.02, f"mnist-gui report · {data.created}", fontsize=8, color="0.45")
    figure.text(0.96, 0.02, f"page {number} of 6", ha="right", fontsize=8, color="0.45")
    return figure


def _percent(value) -> str:
    return "—" if value is None or not np.isfinite(value) else f"{value:.2%}"


# ---- 1. the model card ---------------------------------------------------------------------------------

def _settings_lines(config: dict) -> list[str]:
    if not config:
        return ["(not recorded: a model the app did not train)"]
    names = {"learning_rate": "learning rate", "batch_size": "batch size", "lr_decay": "lr decay",
             "weight_decay": "weight decay"}
    lines = []
    for key in sorted(config):
        value = config[key]
        if isinstance(value, list):
            value = ", ".join(map(str, value)) or "none"
        lines.append(f"{names.get(key, key.replace('_', ' ')):<14} {value}")
    return lines


def _data_lines(data) -> list[str]:
    meta = data.metadata
    lines = []
    if "data_source" in meta or "data_verified" in meta:
        verified = {True: "verified against the official hashes", False: "not verified"}.get(
            meta.get("data_verified"), "")
        lines.append(f"trained on: {meta.get('data_source', '?')}{', ' + verified if verified else ''}")
    if meta.get("train_size"):
        lines.append(f"training images: {meta['train_size']:,}")
    for name, digest in sorted((meta.get("data_sha256") or {}).items()):
        lines.append(f"{name:<8} sha256 {digest}")
    lines.append(f"this report's test set: {len(data.labels):,} images{' (' + data.data_note + ')' if data.data_note else ''}")
    return lines


def _date_lines(data) -> list[str]:
    meta = data.metadata
    lines = [f"trained: {meta['date']}" if meta.get("date") else "trained: (date not recorded)"]
    if meta.get("epochs_run") is not None:
        seconds = meta.get("train_seconds")
        lines.append(f"epochs: {meta['epochs_run']}" + (f" in {seconds:.0f} s" if isinstance(seconds, (int, float)) else "")
                     + (" (stopped early)" if meta.get("stopped") else ""))
    lines.append(f"report: {data.created}")
    return lines


def _layer_lines(layers) -> list[str]:
    if not layers:
        return ["(no layer list: not a Keras model)"]
    width = max(12, *(len(layer.name) for layer in layers[:40]))
    lines = [f"{'layer':<{width}}  {'type':<20} {'output shape':<16} {'params':>9}"]
    for layer in layers[:40]:
        lines.append(f"{layer.name[:width]:<{width}}  {layer.kind[:20]:<20} {layer.shape:<16} {layer.params:>9,}")
    if len(layers) > 40:
        lines.append(f"… and {len(layers) - 40} more layers")
    lines.append(f"{'total':<{width}}  {'':<20} {'':<16} {sum(layer.params for layer in layers):>9,}")
    return lines


def draw_card(data) -> Figure:
    figure = _page(data, "Model card", 1)
    meta = data.metadata
    preset = meta.get("preset") or (meta.get("config") or {}).get("preset") or "unknown"
    summary = [f"model: {data.name}", f"file: {data.source or '(not saved)'}", f"preset: {preset}",
               f"test accuracy now: {_percent(data.accuracy)} of {len(data.labels):,} test images",
               f"test accuracy recorded: {_percent(meta.get('test_accuracy'))}"]
    if meta.get("architecture"):
        summary.append(f"built as: {meta['architecture']}")
    blocks = [("Model", summary), ("Settings", _settings_lines(meta.get("config") or {})),
              ("Dates", _date_lines(data)), ("Data", _data_lines(data))]
    y = 0.89
    for title, lines in blocks:
        figure.text(0.04, y, title, fontsize=12, fontweight="bold", va="top")
        figure.text(0.04, y - 0.03, "\n".join(lines), **MONO)
        y -= 0.055 + 0.0175 * len(lines)
    figure.text(0.52, 0.89, "Architecture", fontsize=12, fontweight="bold", va="top")
    figure.text(0.52, 0.86, "\n".join(_layer_lines(data.layers)), **MONO)
    return figure


# ---- 2. training curves ----------------------------------------------------------------------------------

def draw_curves(data) -> Figure:
    figure = _page(data, "Training curves", 2)
    history = data.metadata.get("history") or {}
    length = len(next(iter(history.values()), []))
    if not length:
        figure.text(0.5, 0.5, "No training history recorded for this model.", ha="center", fontsize=13)
        return figure
    runs = data.metadata.get("epochs_run") or length
    epochs = np.arange(runs - length + 1, runs + 1)  # a sidecar may keep only the last epochs
    for i, (metric, label) in enumerate((("loss", "Loss"), ("accuracy", "Accuracy"))):
        ax = figure.add_axes((0.07 + i * 0.48, 0.14, 0.4, 0.7))
        for key, name, colour in ((metric, "training", TRAIN), (f"val_{metric}", "test (validation)", VALID)):
            if history.get(key):
                ax.plot(epochs, history[key], marker="o", markersize=3, color=colour, label=name)
        ax.set_title(label)
        ax.set_xlabel("epoch")
        ax.grid(alpha=0.3)
        ax.legend()
        if metric == "accuracy":
            ax.yaxis.set_major_formatter(lambda v, _: f"{v:.1%}")
    if length < runs:
        figure.text(0.07, 0.9, f"The sidecar keeps the last {length} of {runs} epochs.", fontsize=9, color="0.35")
    return figure


# ---- 3. confusion matrix ----------------------------------------------------------------------------------

def draw_confusion(data) -> Figure:
    figure = _page(data, "Confusion matrix", 3)
    matrix = data.confusion
    ax = figure.add_axes((0.22, 0.1, 0.56, 0.78))
    rows = matrix.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(rows > 0, matrix / np.maximum(rows, 1), 0)
    # Off the diagonal the shares are small: a square root keeps the mistakes visible.
    ax.imshow(np.sqrt(share), cmap="Blues", vmin=0, vmax=1)
    for r in range(10):
        for c in range(10):
            if matrix[r, c]:
                ax.text(c, r, f"{matrix[r, c]}", ha="center", va="center", fontsize=8,
                        color="white" if share[r, c] > 0.5 else ("#a00000" if r != c else "black"))
    ax.set_xticks(range(10))
    ax.set_yticks(range(10))
    ax.set_xlabel("predicted digit")
    ax.set_ylabel("true digit")
    ax.set_title(f"{len(data.labels):,} test images, {_percent(data.accuracy)} right; rows are true digits",
                 fontsize=10)
    return figure


# ---- 4. per-class accuracy -------------------------------------------------------------------------------

def draw_per_class(data) -> Figure:
    from . import metrics

    figure = _page(data, "Per-class accuracy", 4)
    per_class = data.per_class
    counts = np.bincount(np.asarray(data.labels, np.int64), minlength=10)
    ax = figure.add_axes((0.07, 0.12, 0.58, 0.74))
    bars = ax.bar(range(10), np.nan_to_num(per_class), color=TRAIN)
    low = max(0.0, float(np.nanmin(per_class)) - 0.05) if np.isfinite(per_class).any() else 0.0
    ax.set_ylim(low, 1.0 + (1.0 - low) * 0.08)  # room for the labels above the bars
    for bar, value, n in zip(bars, per_class, counts):
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), f"{_percent(value)}\n{n} img",
                ha="center", va="bottom", fontsize=7.5)
    ax.axhline(data.accuracy, color=VALID, linestyle="--", label=f"overall {_percent(data.accuracy)}")
    ax.set_xticks(range(10))
    ax.set_xlabel("true digit")
    ax.set_ylabel("share read right")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.legend(loc="lower right")
    worst = metrics.worst_confusions(data.labels, data.predicted, top=10)
    lines = [f"{t} read as {p}: {n}" for t, p, n in worst] or ["no mistakes"]
    figure.text(0.7, 0.86, "Most frequent mistakes", fontsize=12, fontweight="bold", va="top")
    figure.text(0.7, 0.82, "\n".join(lines), **{**MONO, "fontsize": 10})
    return figure


# ---- 5. the most confident mistakes ------------------------------------------------------------------------

def draw_mistakes(data) -> Figure:
    figure = _page(data, "The most confident mistakes", 5)
    wrong = data.mistakes()
    total = int(np.sum(data.predicted != data.labels))
    figure.text(0.04, 0.895, f"{total} of {len(data.labels):,} test images read wrong; the {len(wrong)} the model "
                f"was surest of (true digit → answer, confidence; test image number below):", fontsize=10)
    if not len(wrong):
        figure.text(0.5, 0.5, "No mistakes on this test set.", ha="center", fontsize=13)
        return figure
    # One mosaic in one axes: 24 axes of their own made ten times the objects (and the garbage
    # collector's full passes over them held up the app's UI thread for 200 ms).
    columns, cell, gap = 8, 28, 14
    rows = -(-len(wrong) // columns)
    mosaic = np.full((rows * (cell + gap) + gap, columns * (cell + 6) + 6), np.nan, np.float32)
    ax = figure.add_axes((0.04, 0.06, 0.92, 0.8))
    for i, index in enumerate(wrong):
        r, c = divmod(i, columns)
        top, left = gap + r * (cell + gap), 6 + c * (cell + 6)
        mosaic[top:top + cell, left:left + cell] = data.images[index]
        p = data.probabilities[index]
        ax.text(left + cell / 2, top - 2, f"{data.labels[index]} → {p.argmax()}  {p.max():.1%}", ha="center",
                va="bottom", fontsize=9, color=MISTAKE)
        ax.text(left + cell / 2, top + cell + 1, f"#{index}", ha="center", va="top", fontsize=7, color="0.4")
    ax.imshow(mosaic, cmap=_colormap("gray_r").with_extremes(bad="white"), vmin=0, vmax=255, interpolation="nearest")
    ax.set_axis_off()
    return figure


def _colormap(name: str):
    from matplotlib import colormaps

    return colormaps[name]


# ---- 6. robustness and the sidecar's other accuracies -----------------------------------------------------

def draw_robustness(data) -> Figure:
    figure = _page(data, "Robustness", 6)
    curves = data.curves
    note = (f"Accuracy on {data.robust_sample} test images spoilt one way at a time (as in the Robustness tab)."
            if curves is not None else "Robustness curves were not measured.")
    figure.text(0.04, 0.895, note, fontsize=10)
    for i, axis in enumerate(robustness.AXES):
        r, c = divmod(i, 3)
        ax = figure.add_axes((0.06 + c * 0.315, 0.5 - r * 0.41, 0.26, 0.3))
        points = curves.points("current", axis.name) if curves is not None else []
        if points:
            x, y = zip(*points)
            ax.plot(x, y, marker="o", markersize=3, color=TRAIN)
        ax.set_ylim(0, 1.02)
        ax.set_title(axis.title, fontsize=10)
        ax.set_xlabel({"drawn": "how far redrawn as a mouse drawing", "noise": "σ (grey levels of 255)",
                       "rotation": "degrees, anticlockwise", "shear": "slant (x shift per unit of height)",
                       "thickness": "px thicker (+) or thinner (−)"}[axis.name], fontsize=8)
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=8)
    ax = figure.add_axes((0.06 + 2 * 0.315 + 0.06, 0.09, 0.2, 0.3))
    found = [("MNIST test (now)", data.accuracy), *data.other_accuracies()]
    ax.barh(range(len(found)), [v for _, v in found], color=[VALID] + [TRAIN] * (len(found) - 1))
    ax.set_yticks(range(len(found)))
    ax.set_yticklabels([name for name, _ in found], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    for i, (_, value) in enumerate(found):
        ax.text(min(value, 0.98), i, f" {value:.1%}", va="center", ha="right" if value > 0.8 else "left",
                fontsize=8, color="white" if value > 0.8 else "black")
    ax.set_title("Drawn / style accuracy (sidecar)", fontsize=10)
    ax.tick_params(axis="x", labelsize=8)
    if len(found) == 1:
        ax.text(0.5, 0.5, "none recorded", transform=ax.transAxes, ha="center", fontsize=9, color="0.4")
    return figure


DRAW = (draw_card, draw_curves, draw_confusion, draw_per_class, draw_mistakes, draw_robustness)
