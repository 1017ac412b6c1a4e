"""A model's report with pictures (``mnist-gui report``, File ▸ Save report…), with no Qt.

``collect`` measures what the report shows — the test set's answers (confusion matrix, per-class
accuracy, the most confident mistakes) and robustness curves on a small fixed sample (``core.robustness``,
so the curves match the Robustness tab's method) — and ``write`` draws the pages with matplotlib's
object API (``report_pages``: Agg, PDF and SVG canvases, never pyplot's global state) and writes
them atomically. A PDF holds every page; a .png or .svg report is one file per page: the name given
for the first page, then ``NAME-2.png``, ``NAME-3.png``… (one tall image would be unreadable on screen).
matplotlib is imported only here, when a report is written.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from . import metrics, robustness

FORMATS = (".pdf", ".png", ".svg")
ROBUST_SAMPLE = 100       # images per robustness point: 40 points × 100 images stay a few seconds
PREDICT_BATCH = 1000      # test images per predict call (the app's host takes its lock per call)
MISTAKES = 24             # the most confident mistakes shown, with their images
PAGES = ("Model card", "Training curves", "Confusion matrix", "Per-class accuracy", "Confident mistakes",
         "Robustness")  # one topic a page, in this order (report_pages.DRAW)


class ReportError(Exception):
    """The report cannot be written; the message is one line for the user."""


@dataclass(frozen=True)
class Layer:
    """One row of the architecture table."""

    name: str
    kind: str
    shape: str      # output shape, without the batch dimension: "(28, 28, 32)"
    params: int


@dataclass(eq=False)
class ReportData:
    """Everything the pages show; the numbers derive from the answers (``probabilities``)."""

    name: str
    metadata: dict                      # the model's sidecar record (informative; may be empty)
    layers: list                        # Layer rows ([] when the model has no Keras layers)
    probabilities: np.ndarray           # (n, 10) on the test set
    labels: np.ndarray                  # (n,) true digits
    images: np.ndarray                  # (n, 28, 28) the test images
    data_note: str = ""                 # where the test set came from
    source: str | None = None           # the model file
    curves: robustness.Curves | None = None
    robust_sample: int = 0
    created: str = field(default_factory=lambda: datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))

    @property
    def predicted(self) -> np.ndarray:
        return self.probabilities.argmax(axis=1)

    @property
    def confusion(self) -> np.ndarray:
        return metrics.confusion_matrix(self.labels, self.predicted)

    @property
    def accuracy(self) -> float:
        return metrics.overall_accuracy(self.confusion)

    @property
    def per_class(self) -> np.ndarray:
        return metrics.per_class_accuracy(self.confusion)

    def mistakes(self, top: int = MISTAKES) -> np.ndarray:
        """Indices of the wrong answers, most confident first."""
        wrong = np.flatnonzero(self.predicted != self.labels)
        confidence = self.probabilities[wrong].max(axis=1)
        return wrong[np.argsort(-confidence, kind="stable")][:top]

    def other_accuracies(self) -> list[tuple[str, float]]:
        """Accuracies the sidecar records beyond the test set (drawn digits, styles, My drawings)."""
        found = []
        for key, value in sorted(self.metadata.items()):
            if key.endswith("accuracy") and not key.startswith("test_accuracy") and _share(value):
                found.append((key.replace("_", " "), float(value)))
            elif isinstance(value, dict):  # e.g. "styles": {"accuracy": ...} or per style
                for sub, v in sorted(value.items()):
                    if _share(v) and ("accuracy" in sub or "held_out" in sub):
                        found.append((f"{key} {sub}".replace("_", " "), float(v)))
        return found


def _share(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


def describe_layers(model) -> list[Layer]:
    """The layer list of a Keras model (duck-typed: no Keras import here); [] for anything else."""
    rows = []
    for layer in getattr(model, "layers", None) or []:
        try:
            shape = tuple(layer.output.shape)[1:]
        except Exception:  # a layer used twice, or never called: no single output
            shape = None
        try:
            params = int(layer.count_params())
        except Exception:  # an unbuilt layer
            params = 0
        text = "?" if shape is None else "(" + ", ".join("?" if s is None else str(s) for s in shape) + \
            ("," if len(shape) == 1 else "") + ")"
        rows.append(Layer(layer.name, type(layer).__name__, text, params))
    return rows


def check_destination(out) -> Path:
    """What can be checked before any work: the format, the folder, no FIFO or folder in the way."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        got = f" (not {suffix})" if suffix else ""
        raise ReportError(f"the report must be a .pdf, .png or .svg file{got}: {path.name}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"there is no folder {folder} to write {path.name} into")
    from .files import check_folder_writable, check_regular_file

    try:  # here, not after seconds of work
        check_folder_writable(folder)
    except OSError as exc:
        raise ReportError(f"cannot write into {folder} ({exc.strerror or exc})") from None
    for page in page_paths(path, len(PAGES)):
        if page.exists() and not page.is_file():
            try:
                check_regular_file(page)
            except OSError as exc:
                raise ReportError(f"{page} {exc}") from None
    return path


def page_paths(out, pages: int) -> list[Path]:
    """The files a report of ``pages`` pages writes: one PDF, or one image per page."""
    out = Path(out)
    if out.suffix.lower() == ".pdf":
        return [out]
    return [out] + [out.with_name(f"{out.stem}-{i}{out.suffix}") for i in range(2, pages + 1)]


def predict_all(predict, images, cancel=None) -> np.ndarray:
    parts = []
    for start in range(0, len(images), PREDICT_BATCH):
        if cancel is not None and cancel.is_set():
            raise ReportError("cancelled")
        parts.append(np.asarray(predict(images[start:start + PREDICT_BATCH]), np.float32))
    return np.concatenate(parts) if parts else np.zeros((0, 10), np.float32)


def collect(name: str, metadata: dict, predict, x_test, y_test, *, model=None, data_note: str = "",
            source=None, robust_sample: int = ROBUST_SAMPLE, cancel=None, probabilities=None) -> ReportData:
    """Measure what the report shows: ``predict`` (images (n, 28, 28) 0..255 -> probabilities) on
    the test set (unless its ``probabilities`` are given: the app has them), and the robustness
    curves on ``robust_sample`` of its images (0: none)."""
    if x_test is None or not len(x_test):
        raise ReportError("there is no test set to measure the model on")
    if probabilities is None or len(probabilities) != len(x_test):
        probabilities = predict_all(predict, x_test, cancel)
    curves = None
    if robust_sample:
        sample = _sample(x_test, y_test, robust_sample)
        job = robustness.curves(sample, [robustness.Model("current", name, predict)])
        try:
            while True:
                if cancel is not None and cancel.is_set():
                    raise ReportError("cancelled")
                next(job)
        except StopIteration as done:
            curves = done.value
    return ReportData(name, dict(metadata or {}), describe_layers(model), probabilities, np.asarray(y_test),
                      np.asarray(x_test), data_note, None if source is None else str(source), curves,
                      len(sample) if robust_sample else 0)


_samples: list = []  # [(test set, n, Sample)]: the last one, with its mouse drawings once made


def _sample(x_test, y_test, n: int) -> robustness.Sample:
    """The robustness sample, kept for the same test set: its mouse drawings (most of a report's
    time) are made once, not at every report."""
    if _samples and _samples[0][0] is x_test and _samples[0][1] == n:
        return _samples[0][2]
    sample = robustness.Sample.of(x_test, y_test, n=n)
    _samples[:] = [(x_test, n, sample)]
    return sample


@dataclass(frozen=True)
class Written:
    """What ``write`` wrote."""

    paths: list
    pages: list          # page titles
    seconds: float       # drawing and writing (``make``: measuring too)

    def line(self) -> str:
        files = ", ".join(str(p) for p in self.paths) if len(self.paths) <= 2 else \
            f"{self.paths[0]}, {self.paths[1].name} … {self.paths[-1].name}"
        return f"wrote the report ({len(self.pages)} pages: {', '.join(self.pages)}) to {files}"


def write(data: ReportData, out) -> Written:
    """Draw the pages and write them: a PDF as one file, images as one file a page, all written or none."""
    from . import report_pages
    from .files import atomic_write, atomic_write_all

    _freeze_imports()

    started = time.perf_counter()
    path = check_destination(out)
    fmt = path.suffix.lower()[1:]
    paths = page_paths(path, len(PAGES))
    try:
        if fmt == "pdf":
            def write_pdf(tmp):
                from matplotlib.backends.backend_pdf import PdfPages

                with PdfPages(tmp, metadata={"Title": f"Report: {data.name}", "Creator": "mnist-gui"}) as pdf:
                    for draw in report_pages.DRAW:
                        figure = draw(data)
                        pdf.savefig(figure)
                        figure.clear()  # its artists freed now, a few at a time, not by a full GC pass

            atomic_write(path, write_pdf)
        else:
            def write_pages(tmps):
                for draw, tmp in zip(report_pages.DRAW, tmps):
                    figure = draw(data)
                    figure.savefig(tmp, format=fmt, dpi=report_pages.DPI)
                    figure.clear()

            atomic_write_all(paths, write_pages)  # every page, or none (a full disk at page 4)
    except OSError as exc:
        raise ReportError(f"could not write {path.name}: {exc.strerror or exc}") from None
    return Written(paths, list(PAGES), time.perf_counter() - started)


_frozen = []


def _freeze_imports() -> None:
    """Once matplotlib is imported, its module objects leave the garbage collector's view (as
    TensorFlow's do at start-up): a full pass over them held the GIL, so the app's UI thread, for
    100-400 ms while a report was drawn."""
    if not _frozen:
        import gc

        gc.freeze()
        _frozen.append(True)


def make(out, name: str, metadata: dict, predict, x_test, y_test, **args) -> Written:
    """``collect`` then ``write``: the whole report (the CLI's and the app's one call)."""
    started = time.perf_counter()
    check_destination(out)  # before seconds of measuring
    written = write(collect(name, metadata, predict, x_test, y_test, **args), out)
    return replace(written, seconds=time.perf_counter() - started)
