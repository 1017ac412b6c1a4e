"""My drawings' store (core/drawings.py): kept across runs, crash-safe, export/import in the Keras layout."""

import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from mnist_gui.core import drawings as dr
from mnist_gui.core.drawings import DrawingsError, DrawingStore

REPO = Path(__file__).resolve().parents[1]


def digit(value):
    return np.full((28, 28), value, np.uint8)


def test_the_store_lives_in_the_user_data_dir_beside_the_cache(tmp_path, monkeypatch):
    from mnist_gui.core.data import default_cache_dir

    monkeypatch.setenv("MNIST_GUI_DATA_DIR", str(tmp_path / "data"))
    assert dr.default_drawings_dir() == default_cache_dir() / "drawings" == tmp_path / "data" / "drawings"
    monkeypatch.delenv("MNIST_GUI_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert dr.default_drawings_dir() == tmp_path / "xdg" / "mnist-gui" / "drawings"


def test_drawings_are_kept_with_everything_known_about_them(tmp_path):
    store = DrawingStore(tmp_path)
    canvas = np.zeros((140, 140), np.uint8)
    canvas[20:100, 60:70] = 255
    first = store.add(digit(5), 7, canvas=canvas, prediction=1, pen_width=0.07)
    store.add(digit(9), 3)
    again = DrawingStore(tmp_path).drawings()  # a new process would read this
    assert [d.label for d in again] == [7, 3]
    assert again[0].id == first.id and again[0].prediction == 1 and again[0].pen_width == 0.07
    np.testing.assert_array_equal(again[0].digit, digit(5))
    np.testing.assert_array_equal(again[0].canvas, canvas)
    assert again[1].canvas is None and again[1].prediction is None and again[0].date.startswith("20")
    x, y = DrawingStore(tmp_path).arrays()
    assert x.dtype == np.uint8 and x.shape == (2, 28, 28) and y.tolist() == [7, 3]
    assert DrawingStore(tmp_path).counts().tolist() == [0, 0, 0, 1, 0, 0, 0, 1, 0, 0]


def test_delete_and_undo_the_last_label(tmp_path):
    store = DrawingStore(tmp_path)
    a, b, c = (store.add(digit(i), i) for i in (1, 2, 3))
    assert store.delete(b.id) and not store.delete(b.id)
    assert [d.id for d in DrawingStore(tmp_path).drawings()] == [a.id, c.id]
    assert store.undo_last().id == c.id and store.undo_last().id == a.id and store.undo_last() is None
    assert len(DrawingStore(tmp_path)) == 0


def test_bad_input_to_add_is_refused(tmp_path):
    store = DrawingStore(tmp_path)
    with pytest.raises(DrawingsError):
        store.add(np.zeros((20, 20)), 3)
    with pytest.raises(DrawingsError):
        store.add(digit(1), 10)
    assert len(DrawingStore(tmp_path)) == 0


CRASHING_WRITER = r"""
import sys, time
import numpy as np
from mnist_gui.core import drawings
store = drawings.DrawingStore(sys.argv[1])
for i in range(5):
    store.add(np.full((28, 28), i, np.uint8), i)
real = np.savez_compressed
def half_then_hang(f, **arrays):
    f.write(b"PK\x03\x04 half a zip")  # the temp file has part of its bytes
    f.flush()
    print("writing", flush=True)
    time.sleep(60)
drawings.np.savez_compressed = half_then_hang
store.add(np.full((28, 28), 99, np.uint8), 9)
"""


def test_a_kill_mid_write_loses_only_the_drawing_being_saved(tmp_path):
    folder = tmp_path / "drawings"
    proc = subprocess.Popen([sys.executable, "-c", CRASHING_WRITER, str(folder)], stdout=subprocess.PIPE,
                            cwd=REPO, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    assert leftovers, "the killed write should leave its temp file behind"
    store = DrawingStore(folder)
    assert [d.label for d in store.drawings()] == [0, 1, 2, 3, 4] and not store.warnings
    store.add(digit(7), 7)  # the next write removes the dead writer's temp file
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]
    assert len(DrawingStore(folder)) == 6


def test_export_then_import_round_trips_in_the_keras_layout(tmp_path):
    store = DrawingStore(tmp_path / "a")
    for i in range(4):
        store.add(digit(10 * i), i)
    out = tmp_path / "mine.npz"
    assert store.export_npz(out) == 4
    with np.load(out, allow_pickle=False) as f:
        assert sorted(f.files) == ["x", "y"] and f["x"].dtype == np.uint8 and f["x"].shape == (4, 28, 28)
        assert f["y"].dtype == np.uint8 and f["y"].tolist() == [0, 1, 2, 3]
    other = DrawingStore(tmp_path / "b")
    other.add(digit(1), 8)
    assert other.import_npz(out) == 4
    assert DrawingStore(tmp_path / "b").arrays()[1].tolist() == [8, 0, 1, 2, 3]


def _hostile_files(tmp_path):
    def npz(name, **arrays):
        path = tmp_path / name
        np.savez(path, **arrays)
        return path

    x, y = np.zeros((3, 28, 28), np.uint8), np.array([1, 2, 3], np.uint8)
    yield npz("objects.npz", x=np.array([{"a": 1}, None, 3], dtype=object), y=y)
    yield npz("wrong_shape.npz", x=np.zeros((3, 32, 32), np.uint8), y=y)
    yield npz("float_pixels.npz", x=x.astype(np.float32), y=y)
    yield npz("labels_out_of_range.npz", x=x, y=np.array([1, 2, 12]))
    yield npz("negative_labels.npz", x=x, y=np.array([1, -1, 2]))
    yield npz("label_count.npz", x=x, y=y[:2])
    yield npz("no_y.npz", x=x)
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip at all")
    yield garbage
    bomb = tmp_path / "bomb.npz"  # small on disk, huge unpacked
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("x.npy", b"\0" * (dr.MAX_IMPORT_BYTES + 1))
    yield bomb
    big = tmp_path / "big.npz"
    with open(big, "wb") as f:
        f.truncate(dr.MAX_IMPORT_BYTES + 1)
    yield big


def test_bad_or_hostile_files_are_refused_in_one_line_and_the_store_is_untouched(tmp_path):
    folder = tmp_path / "store"
    store = DrawingStore(folder)
    store.add(digit(3), 3)
    before = sorted(p.name for p in folder.iterdir())
    for path in _hostile_files(tmp_path):
        with pytest.raises(DrawingsError) as refused:
            store.import_npz(path)
        message = str(refused.value)
        assert path.name in message and "\n" not in message and "allow_pickle" not in message, message
        assert sorted(p.name for p in folder.iterdir()) == before
        assert DrawingStore(folder).arrays()[1].tolist() == [3]


def test_a_foreign_file_in_the_folder_is_skipped_with_a_warning(tmp_path):
    store = DrawingStore(tmp_path)
    store.add(digit(3), 3)
    np.savez(tmp_path / "zzz.npz", x=np.zeros(3))
    again = DrawingStore(tmp_path)
    assert again.arrays()[1].tolist() == [3] and len(again.warnings) == 1 and "zzz.npz" in again.warnings[0]


def test_mixing_oversamples_the_drawings_to_their_share():
    x, y = np.zeros((1000, 28, 28), np.uint8), np.zeros(1000, np.uint8)
    ex, ey = np.full((10, 28, 28), 7, np.uint8), np.full(10, 7, np.uint8)
    mx, my = dr.mix(x, y, ex, ey, 0.2)
    assert len(my) == 1250 and np.mean(my == 7) == pytest.approx(0.2)
    assert np.all(mx[my == 7] == 7)
    assert dr.mix(x, y, ex[:0], ey[:0], 0.2)[1] is y
    assert len(dr.mix(x, y, ex, ey, 0.0001)[1]) == 1010  # each at least once


def test_held_out_split_keeps_a_share_of_every_digit():
    labels = np.repeat(np.arange(10), 10)
    taught, held = dr.held_out_split(labels, 0.3)
    assert len(held) == 30 and np.bincount(labels[held], minlength=10).tolist() == [3] * 10
    assert set(taught) | set(held) == set(range(100)) and not set(taught) & set(held)
    np.testing.assert_array_equal(held, dr.held_out_split(labels, 0.3)[1])
