"""The report with pictures (core/report.py, `mnist-gui report`): its numbers, its files, bad input."""

import os
import re
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest

from mnist_gui.cli import main
from mnist_gui.core import report

SLICE = 600  # test images the numbers are checked on


@pytest.fixture(scope="module")
def model_file(tmp_path_factory, trained_mlp_model):
    """The trained MLP saved with a sidecar as `mnist-gui train` writes one (history, data hashes)."""
    from mnist_gui.core import storage

    path = tmp_path_factory.mktemp("report") / "mlp.keras"
    meta = {"preset": "mlp", "config": {"preset": "mlp", "epochs": 2, "learning_rate": 0.001, "hidden": [64]},
            "epochs_run": 2, "history": {"loss": [0.6, 0.3], "accuracy": [0.85, 0.92],
                                         "val_loss": [0.35, 0.28], "val_accuracy": [0.9, 0.93]},
            "date": "2026-12-06T03:00:00+00:00", "data_source": "path", "data_verified": True,
            "data_sha256": {"x_test": "ab" * 32}, "test_accuracy": 0.93, "drawn_accuracy": 0.41}
    storage.save_model(trained_mlp_model, path, meta)
    return path


@pytest.fixture(scope="module")
def sliced(trained_mlp_model, mnist):
    from mnist_gui.core.training import Predictor

    x, y = mnist.x_test[:SLICE], mnist.y_test[:SLICE]
    data = report.collect("mlp", {"drawn_accuracy": 0.41, "test_accuracy": 0.93}, Predictor(trained_mlp_model),
                          x, y, model=trained_mlp_model, robust_sample=100)
    return data, x, y


def test_the_reports_numbers_are_the_models_own(sliced, trained_mlp_model):
    data, x, y = sliced
    # The model's own output (its Rescaling layer takes raw pixels), counted without core.metrics.
    answers = np.asarray(trained_mlp_model(x.astype(np.float32))).argmax(axis=1)
    assert np.mean(data.predicted == answers) > 0.99  # Predictor batches; a tie may round differently
    for digit in range(10):
        mine = data.predicted[y == digit]
        assert data.per_class[digit] == pytest.approx(np.mean(mine == digit))
    assert data.confusion.sum() == SLICE and np.trace(data.confusion) == np.sum(data.predicted == y)
    assert data.accuracy == pytest.approx(np.mean(data.predicted == y))
    wrong = data.mistakes()
    confidence = data.probabilities[wrong].max(axis=1)
    assert len(wrong) == min(report.MISTAKES, np.sum(data.predicted != y))
    assert np.all(data.predicted[wrong] != y[wrong]) and np.all(np.diff(confidence) <= 0)
    assert confidence[0] == pytest.approx(data.probabilities[data.predicted != y].max(axis=1).max())


def test_the_robustness_curves_start_at_the_samples_own_accuracy(sliced):
    from mnist_gui.core import robustness

    data, x, y = sliced
    sample = robustness.Sample.of(x, y, n=100)
    clean = np.mean(data.predicted[sample.indices] == sample.labels)
    for axis in robustness.AXES:
        points = dict(data.curves.points("current", axis.name))
        assert len(points) == len(axis.curve) and points[0] == pytest.approx(clean)
    assert data.curves.points("current", "noise")[-1][1] < clean  # σ 160 spoils it


def test_the_card_lists_the_layers_with_shapes_and_parameters(sliced, trained_mlp_model):
    data, _, _ = sliced
    assert [layer.name for layer in data.layers] == [layer.name for layer in trained_mlp_model.layers]
    assert sum(layer.params for layer in data.layers) == trained_mlp_model.count_params()
    assert data.layers[-1].shape == "(10,)"
    assert ("drawn accuracy", 0.41) in data.other_accuracies()
    assert all("test" not in name for name, _ in data.other_accuracies())


def _pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))


def test_cli_writes_a_pdf_of_every_page(model_file, mnist_path, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    assert main(["report", str(model_file), "--data", str(mnist_path), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-") and _pdf_pages(out) == len(report.PAGES) >= 5
    printed = capsys.readouterr().out
    assert printed.startswith("wrote the report (6 pages: Model card, Training curves") and str(out) in printed
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temp file left


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_cli_writes_one_image_a_page_the_first_under_the_name_given(model_file, mnist_path, tmp_path, suffix):
    out = tmp_path / f"Mine{suffix.upper()}"  # the name is kept exactly, its case too
    assert main(["report", str(model_file), "--data", str(mnist_path), "--out", str(out)]) == 0
    pages = [out] + [tmp_path / f"Mine-{i}{suffix.upper()}" for i in range(2, len(report.PAGES) + 1)]
    assert sorted(tmp_path.iterdir()) == sorted(pages)
    for page in pages:
        if suffix == ".png":
            from PIL import Image

            with Image.open(page) as image:
                assert image.format == "PNG" and image.size == (1285, 909)
        else:
            assert ElementTree.parse(page).getroot().tag.endswith("svg")


@pytest.mark.parametrize("case, fragment", [
    ("missing model", "No model file at"),
    ("bad extension", "must be a .pdf, .png or .svg file (not .txt)"),
    ("unwritable", "cannot write into"),
    ("no folder", "there is no folder"),
    ("fifo", "is a FIFO (named pipe), not a regular file"),
    ("not a model", "is not a model file"),
])
def test_bad_input_is_one_line_and_exit_2(model_file, mnist_path, tmp_path, capsys, case, fragment):
    model, out = str(model_file), tmp_path / "r.pdf"
    if case == "missing model":
        model = str(tmp_path / "nope.keras")
    elif case == "bad extension":
        out = tmp_path / "r.txt"
    elif case == "unwritable":
        out = "/proc/r.pdf"  # refused even to root
    elif case == "no folder":
        out = tmp_path / "no" / "r.pdf"
    elif case == "fifo":
        os.mkfifo(out)
    elif case == "not a model":
        model = str(tmp_path / "notes.txt")
        (tmp_path / "notes.txt").write_text("hello")
    assert main(["report", model, "--data", str(mnist_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("mnist-gui") and fragment in err and "\n" not in err and "Traceback" not in err
    assert not any(p.suffix == ".pdf" and p.is_file() for p in tmp_path.iterdir())


def test_importing_the_report_does_not_import_matplotlib():
    import subprocess
    import sys

    code = "import sys, mnist_gui.core.report, mnist_gui.ui.report_action; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_full_disk_midway_leaves_no_page_and_the_old_report_whole(sliced, tmp_path, monkeypatch):
    """Pages belong together: a write failing at page 4 (a full disk) renames none of them, so an
    earlier report under the same name stays complete and no temp file is left."""
    from mnist_gui.core import report_pages

    data, _, _ = sliced
    out = tmp_path / "r.svg"
    report.write(data, out)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert len(before) == len(report.PAGES)
    failing = list(report_pages.DRAW)

    def full_disk(_data):
        raise OSError(28, "No space left on device")

    failing[3] = full_disk
    monkeypatch.setattr(report_pages, "DRAW", failing)
    with pytest.raises(report.ReportError, match="No space left on device"):
        report.write(data, out)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
