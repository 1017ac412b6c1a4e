"""The handwriting-style generator (core/styles.py) and its held-out benchmark (benchmarks/styles.py)."""

import ast
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from mnist_gui.core import styles
from mnist_gui.core.drawn import PAD_SIZE, Style, draw_strokes

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "benchmarks"
# Drawn straight, centred, one size and pen: only the template differs.
PLAIN = Style(rotation=0.0, shear=0.0, jitter=0.0, aspect=0.0, height=(0.8, 0.8), pen=(0.05, 0.05))


def _load(name):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCHMARKS))
    return module


def template(name):
    """The style's template drawn plainly and centred (so two templates' ink can be compared)."""
    return draw_strokes(styles.style_strokes(name), np.random.default_rng(0), PLAIN)


def test_every_style_renders_inside_the_pad_as_its_digit():
    canvases, labels, names = styles.style_canvases(87, seed=5)
    assert canvases.shape == (87, PAD_SIZE, PAD_SIZE) and canvases.dtype == np.uint8
    counts = np.bincount(labels, minlength=10)
    assert counts.max() - counts.min() <= 1 and len(set(names)) > 20  # digits equally often, their styles at random
    for canvas, label, name in zip(canvases, labels, names):
        assert styles.TEMPLATES[name][0] == label
        assert (canvas > 128).sum() > 100, name                      # real ink
        border = np.concatenate([canvas[0], canvas[-1], canvas[:, 0], canvas[:, -1]])
        assert border.max() == 0, name                               # the whole stroke on the pad
    for name in styles.STYLE_NAMES:
        canvases, labels, _ = styles.style_canvases(2, seed=1, styles=[name])
        assert (canvases > 128).sum(axis=(1, 2)).min() > 100 and set(labels) == {styles.TEMPLATES[name][0]}


def test_every_digit_has_its_world_styles():
    for digit, wanted in {0: ("0 oval", "0 slashed"), 1: ("1 plain", "1 flag", "1 flag and base", "1 long upstroke"),
                          2: ("2 plain", "2 with loop"), 3: ("3 round", "3 flat top"), 4: ("4 open top", "4 closed"),
                          5: ("5 two strokes", "5 one stroke"), 6: ("6 curved", "6 straight stem"),
                          7: ("7 plain", "7 crossbar", "7 flag"), 8: ("8 stacked loops", "8 one stroke"),
                          9: ("9 straight stem", "9 curved stem")}.items():
        assert set(wanted) <= set(styles.DIGIT_STYLES[digit])
    assert len(styles.TEMPLATES["8 stacked loops"][1]) == 2 and len(styles.TEMPLATES["8 one stroke"][1]) == 1
    assert len(styles.TEMPLATES["5 two strokes"][1]) == 2 and len(styles.TEMPLATES["5 one stroke"][1]) == 1


def test_the_same_seed_draws_the_same_and_another_seed_other_drawings():
    a = styles.style_digits(30, seed=3)
    b = styles.style_digits(30, seed=3)
    c = styles.style_digits(30, seed=4)
    np.testing.assert_array_equal(a[0], b[0])
    assert a[2] == b[2] and a[0].shape == (30, 28, 28)
    differ = [not np.array_equal(x, y) for x, y in zip(a[0], c[0])]
    assert all(differ)
    # One style, many seeds: the variation is real (no two drawings alike).
    one = styles.style_canvases(6, seed=9, styles=["7 crossbar"])[0]
    assert len({x.tobytes() for x in one}) == 6


def test_the_variants_are_recognisably_different():
    def ink_only_in(a, b):
        return int(((template(a) > 128) & (template(b) == 0)).sum())

    # Each pair: the first has a stroke where the second has no ink at all.
    for richer, plainer in (("7 crossbar", "7 plain"), ("7 flag", "7 plain"), ("0 slashed", "0 oval"),
                            ("1 flag", "1 plain"), ("1 flag and base", "1 flag"), ("1 long upstroke", "1 plain"),
                            ("4 closed", "4 open top"), ("3 flat top", "3 round"), ("2 with loop", "2 plain"),
                            ("9 curved stem", "9 straight stem"), ("8 stacked loops", "8 one stroke"),
                            ("0 vertical slash", "0 oval"), ("1 upstroke to the base", "1 long upstroke"),
                            ("7 wavy top", "7 plain"), ("9 loop right of stem", "9 straight stem")):
        assert ink_only_in(richer, plainer) > 150, (richer, plainer)
    # The crossbar crosses the stem at mid-height, where a plain 7 has only its stem.
    bar, plain = template("7 crossbar"), template("7 plain")
    middle = slice(PAD_SIZE // 2 - 4, PAD_SIZE // 2 + 4)
    assert (bar[middle] > 128).sum() > 2 * (plain[middle] > 128).sum()


def test_unknown_styles_are_refused_by_name():
    with pytest.raises(ValueError, match="unknown style.*7 with hat"):
        styles.style_canvases(2, styles=["7 with hat"])


def test_the_benchmark_shares_no_template_data_seed_or_code_with_training():
    bench = _load("style_templates")
    assert set(bench.BENCH_TEMPLATES) == set(styles.TEMPLATES)  # same names: results per style
    assert not bench.bench_points() & styles.template_points()
    for name in styles.TEMPLATES:  # no stroke of a benchmark drawing is a training stroke
        for ours in styles.style_strokes(name):
            for theirs in bench.bench_strokes(name, np.random.default_rng(0)):
                assert ours.shape != theirs.shape or not np.allclose(ours, theirs)
    # The benchmark's seed is not a training seed, and neither side imports the other's templates.
    train_tool = (REPO / "tools" / "train_bundled.py").read_text(encoding="utf-8")
    assert bench.BENCHMARK_SEED < styles.DEFAULT_TRAIN_SEED and str(bench.BENCHMARK_SEED) not in train_tool
    for path in (REPO / "mnist_gui" / "core" / "styles.py", REPO / "tools" / "train_bundled.py"):
        assert "style_templates" not in path.read_text(encoding="utf-8")
    imported = {n.module for n in ast.walk(ast.parse((BENCHMARKS / "style_templates.py").read_text(encoding="utf-8")))
                if isinstance(n, ast.ImportFrom)}
    assert not any(m and "styles" in m for m in imported)


def test_the_style_benchmark_runs_on_a_tiny_n_and_records(trained_mlp_model, tmp_path, capsys):
    import json

    from mnist_gui.core.storage import save_model

    path = tmp_path / "tiny.keras"
    save_model(trained_mlp_model, path, {"note": "kept"})
    bench = _load("styles")
    results = bench.main([str(path), "--n", "1", "--no-bundled", "--record", "--grid", str(tmp_path / "grid.png")])
    out = capsys.readouterr().out
    assert f"{len(styles.STYLE_NAMES)} drawings of {len(styles.STYLE_NAMES)} styles" in out and "style_accuracy=" in out and "1 long upstroke" in out
    facts = results[str(path)]
    assert 0 <= facts["accuracy"] <= 1 and set(facts["per_style"]) == set(styles.STYLE_NAMES)
    meta = json.loads((tmp_path / "tiny.keras.json").read_text(encoding="utf-8"))
    assert meta["note"] == "kept" and meta["style_benchmark"]["n_per_style"] == 1
    assert meta["style_benchmark"]["accuracy"] == facts["accuracy"] and (tmp_path / "grid.png").is_file()
    with pytest.raises(SystemExit):
        bench.main(["--n", "1", "--seed", "29001", "--no-bundled"])  # a training seed
    assert "training generator" in capsys.readouterr().err
