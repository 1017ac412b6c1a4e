"""A pad drawing's strokes kept in My drawings (core.strokes, core.drawings): round trip, stores
written before strokes, hostile stroke arrays; and drawings re-rendered from their strokes."""

import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from mnist_gui.core import strokes as st
from mnist_gui.core.drawings import DrawingsError, DrawingStore, mix
from mnist_gui.core.preprocess import prepare_digit

OLD_STORE = Path(__file__).parent / "data" / "drawings_before_strokes"


def pad_strokes():
    """A 7 with a bar, as the pad records it: two strokes, points in pad coordinates, times in seconds."""
    top = np.array([(0.2, 0.2), (0.8, 0.2), (0.45, 0.9)], np.float32)
    bar = np.array([(0.35, 0.55), (0.7, 0.55)], np.float32)
    return [{"points": top, "times": np.array([0, 0.1, 0.3], np.float32), "width": 0.07},
            {"points": bar, "times": np.array([0.8, 0.9], np.float32), "width": 0.09}]


def a_digit():
    digit = np.zeros((28, 28), np.uint8)
    digit[4:24, 12:16] = 255
    return digit


def test_strokes_round_trip_through_the_store(tmp_path):
    store = DrawingStore(tmp_path)
    plain = store.add(a_digit(), 1)
    kept = store.add(a_digit(), 7, strokes=pad_strokes(), pen_width=0.07)
    again = DrawingStore(tmp_path)
    assert len(again) == 2 and again.get(plain.id).strokes == ()
    strokes = again.get(kept.id).strokes
    assert [s.width for s in strokes] == pytest.approx([0.07, 0.09])
    for stroke, given in zip(strokes, pad_strokes()):
        assert np.array_equal(stroke.points, given["points"]) and np.array_equal(stroke.times, given["times"])
    assert [len(s) for s in again.strokes()] == [0, 2]  # aligned with arrays()
    # Deleting another drawing of the same file keeps the rows' strokes with their drawings.
    again.delete(plain.id)
    assert len(DrawingStore(tmp_path).get(kept.id).strokes) == 2


def test_a_store_written_before_strokes_still_loads_adds_and_deletes(tmp_path):
    folder = tmp_path / "store"
    shutil.copytree(OLD_STORE, folder)
    store = DrawingStore(folder)
    assert len(store) == 2 and not store.warnings
    assert list(store.arrays()[1]) == [3, 7]
    assert all(d.strokes == () and d.canvas is not None for d in store.drawings())
    new = store.add(a_digit(), 5, strokes=pad_strokes())
    again = DrawingStore(folder)
    assert len(again) == 3 and len(again.get(new.id).strokes) == 2
    assert again.delete(again.drawings()[0].id) and len(DrawingStore(folder)) == 2


@pytest.mark.parametrize("bad, why", [
    ({"points": np.full((3, 2), np.nan, np.float32)}, "finite"),
    ({"points": np.zeros((3, 3), np.float32)}, r"\(N, 2\)"),
    ({"points": np.zeros((0, 2), np.float32), "times": np.zeros(0, np.float32)}, r"\(N, 2\)"),
    ({"times": np.array([0, 1], np.float32)}, "one time per point"),
    ({"times": np.array([0, -1, 2], np.float32)}, "times"),
    ({"points": np.full((3, 2), 1e9, np.float32)}, "finite pad coordinates"),
    ({"width": float("inf")}, "pen width"),
    ({"points": np.zeros((st.MAX_POINTS + 1, 2), np.float32), "times": np.zeros(st.MAX_POINTS + 1, np.float32)},
     "points"),
    ({"points": np.array([["a", "b"]] * 3)}, "numbers"),
])
def test_hostile_strokes_are_refused_when_added(tmp_path, bad, why):
    stroke = {**pad_strokes()[0], **bad}
    with pytest.raises(DrawingsError, match=why):
        DrawingStore(tmp_path).add(a_digit(), 7, strokes=[stroke])
    with pytest.raises(DrawingsError, match="at most"):
        DrawingStore(tmp_path).add(a_digit(), 7, strokes=[pad_strokes()[1]] * (st.MAX_STROKES + 1))
    assert len(DrawingStore(tmp_path)) == 0


def rewrite(path: Path, **changes):
    """The store file at ``path`` with some of its arrays replaced (None: removed)."""
    with np.load(path) as f:
        arrays = {k: f[k] for k in f.files}
    for name, value in changes.items():
        if value is None:
            arrays.pop(name)
        else:
            arrays[name] = value
    with open(path, "wb") as f:
        np.savez(f, **arrays)


@pytest.mark.parametrize("changes", [
    {"stroke_points": np.full((5, 3), np.nan, np.float32)},                     # NaN
    {"stroke_points": np.zeros((5, 2), np.float32)},                            # wrong shape
    {"stroke_points": np.zeros((6, 3), np.float32)},                            # lengths do not add up
    {"stroke_lengths": np.array([4, 1], np.int32)} | {"stroke_points": np.full((5, 3), 9.0, np.float32)},
    {"stroke_lengths": np.array([-1, 6], np.int32)},
    {"stroke_rows": np.array([5], np.int32)},                                   # a row the file lacks
    {"stroke_counts": np.array([300], np.int32)},
    {"stroke_widths": np.array([0.07, -1], np.float32)},
    {"stroke_widths": np.array([0.07, 0.09], np.float64)},                      # 8-byte floats
    {"stroke_points": np.zeros((5, 3), object)},                                # pickled objects
    {"stroke_counts": None},                                                    # a part missing
    {"stroke_points": np.zeros((st.FILE_POINTS + 1, 3), np.float32),
     "stroke_lengths": np.array([st.FILE_POINTS, 1], np.int32)},                # a huge point count
])
def test_hostile_stroke_arrays_in_a_file_skip_that_file_with_a_warning(tmp_path, changes):
    store = DrawingStore(tmp_path)
    good = store.add(a_digit(), 1, strokes=pad_strokes())
    bad = store.add(a_digit(), 7, strokes=pad_strokes())
    path = tmp_path / f"{bad.id}.npz"
    if any(getattr(v, "dtype", None) == object for v in changes.values()):
        with np.load(path) as f:
            arrays = {k: f[k] for k in f.files}
        arrays.update(changes)
        with open(path, "wb") as f:
            np.savez(f, **arrays)  # allow_pickle is the default when writing
    else:
        rewrite(path, **changes)
    again = DrawingStore(tmp_path)
    assert [d.id for d in again.drawings()] == [good.id]
    assert len(again.warnings) == 1 and "not a drawings file" in again.warnings[0]


def test_a_huge_declared_point_count_is_refused_from_its_header(tmp_path):
    """A member declaring billions of points is refused before any of it is read."""
    store = DrawingStore(tmp_path)
    drawing = store.add(a_digit(), 7, strokes=pad_strokes())
    path = tmp_path / f"{drawing.id}.npz"
    with zipfile.ZipFile(path) as z:
        members = {name: z.read(name) for name in z.namelist()}
    header = b"\x93NUMPY\x01\x00" + b"{'descr': '<f4', 'fortran_order': False, 'shape': (3000000000, 3), }"
    header = header + b" " * (63 - len(header) % 64) + b"\n"
    members["stroke_points.npy"] = header
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    again = DrawingStore(tmp_path)
    assert len(again) == 0 and len(again.warnings) == 1


def test_drawings_re_rendered_from_their_strokes_vary_and_stay_the_digit():
    strokes = st.strokes_of(pad_strokes())
    rng = np.random.default_rng(0)
    variants = [st.rerender(strokes, rng) for _ in range(8)]
    assert all(v is not None and v.shape == (28, 28) and v.dtype == np.uint8 for v in variants)
    assert len({v.tobytes() for v in variants}) == 8              # each one new
    # Still this 7: closer to one another than to a 1.
    one = prepare_digit(np.pad(np.full((100, 12), 255, np.uint8), ((20, 20), (64, 64))))
    mean = np.mean(variants, axis=0)
    assert all(np.abs(v - mean).mean() < np.abs(v - one).mean() for v in variants)
    # Pen widths vary: the ink's amount differs from variant to variant.
    ink = [int((v > 128).sum()) for v in variants]
    assert max(ink) > 1.2 * min(ink)


def test_mix_repeats_drawings_with_strokes_re_rendered_and_the_others_augmented():
    x = np.zeros((100, 28, 28), np.uint8)
    y = np.zeros(100, np.uint8)
    drawn, plain = a_digit(), a_digit()
    marked = []
    vary = st.vary_from_strokes([st.strokes_of(pad_strokes()), ()],
                                fallback=lambda images: marked.append(len(images)) or images, seed=0)
    mx, my = mix(x, y, np.stack([drawn, plain]), np.array([7, 1], np.uint8), 0.2, vary=vary)
    extra = mx[100:]
    assert np.array_equal(extra[0], drawn) and np.array_equal(extra[1], plain)  # the first of each as drawn
    repeats = len(extra) // 2
    assert repeats > 2 and list(my[100:]) == [7, 1] * repeats
    assert all(not np.array_equal(extra[2 * i], drawn) for i in range(1, repeats))  # re-rendered
    assert all(np.array_equal(extra[2 * i + 1], plain) for i in range(1, repeats))  # the fallback's
    # The first VARIANTS repeats are rendered; later ones reuse them (through the fallback too).
    reused = max(0, repeats - 1 - st.VARIANTS)
    assert reused and marked == [repeats - 1 + reused]
    variants = {extra[2 * i].tobytes() for i in range(1, repeats)}
    assert len(variants) == st.VARIANTS
