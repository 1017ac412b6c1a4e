"""My drawings against a hostile user: non-regular files, bombs, broken folders, big imports, copied files."""

import os
import shutil
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest

from mnist_gui.cli import main
from mnist_gui.core import drawings as dr
from mnist_gui.core.drawings import DrawingsError, DrawingStore
from mnist_gui.core.files import NotRegularFileError, check_regular_file

REPO = Path(__file__).resolve().parents[1]
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")


def digit(value):
    return np.full((28, 28), value, np.uint8)


def keras_npz(path, x, y):
    with open(path, "wb") as f:
        np.savez_compressed(f, x=x, y=y)
    return path


def one_line(exc_info, name=None):
    message = str(exc_info.value)
    assert "\n" not in message and "allow_pickle" not in message, message
    if name is not None:
        assert name in message, message
    return message


def run_bounded(code: str, *args, timeout=60) -> subprocess.CompletedProcess:
    """``code`` in a fresh Python with 2 GB of address space and a deadline: a read that never ends
    fails the test instead of hanging it or eating the machine's memory."""
    def limit():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, env=env, preexec_fn=limit)


# ---- 1. zips that are not arrays --------------------------------------------------------------------

def _not_arrays(tmp_path):
    texts = tmp_path / "texts.npz"
    with zipfile.ZipFile(texts, "w") as z:
        z.writestr("x.txt", "hello")
        z.writestr("y.txt", "world")
    yield texts
    raw = tmp_path / "raw_members.npz"  # named like arrays, holding bytes
    with zipfile.ZipFile(raw, "w") as z:
        z.writestr("x.npy", os.urandom(2000))
        z.writestr("y.npy", b"12")
    yield raw
    objects = tmp_path / "objects.npz"
    np.savez(objects, x=np.array([{"a": 1}, None, 3], dtype=object), y=np.array([1, 2, 3]))
    yield objects


def test_a_zip_of_other_things_is_one_clear_error_for_import_and_for_train(tmp_path, capsys):
    store = DrawingStore(tmp_path / "store")
    store.add(digit(3), 3)
    for path in _not_arrays(tmp_path):
        with pytest.raises(DrawingsError) as refused:
            store.import_npz(path)
        one_line(refused, path.name)
        assert DrawingStore(tmp_path / "store").arrays()[1].tolist() == [3]
        assert main(["train", "--preset", "mlp", "--drawings", str(path), "--out", str(tmp_path / "m.keras")]) == 2
        err = capsys.readouterr().err
        assert err.startswith("mnist-gui train: --drawings: ") and len(err.strip().splitlines()) == 1, err
        assert "allow_pickle" not in err


def test_random_bytes_are_not_a_drawings_file_in_plain_words(tmp_path):
    junk = tmp_path / "junk.npz"
    junk.write_bytes(np.random.default_rng(0).bytes(5000))
    with pytest.raises(DrawingsError) as refused:
        DrawingStore(tmp_path / "s").import_npz(junk)
    assert "not an .npz file" in one_line(refused, "junk.npz")
    folder = tmp_path / "store"
    DrawingStore(folder).add(digit(1), 1)
    (folder / "junk.npz").write_bytes(junk.read_bytes())
    (folder / "notes.txt").write_text("mine")
    again = DrawingStore(folder)
    assert again.arrays()[1].tolist() == [1] and len(again.warnings) == 2
    assert all("allow_pickle" not in w and "not a drawings file" in w for w in again.warnings), again.warnings


# ---- 2, 3. devices, FIFOs, symlinks -------------------------------------------------------------------

@posix_only
def test_check_regular_file_refuses_without_opening(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "to_zero").symlink_to("/dev/zero")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "file").write_bytes(b"x")
    assert check_regular_file(tmp_path / "file").st_size == 1
    for path, words in ((fifo, "FIFO"), (tmp_path / "to_zero", "device"), (tmp_path, "folder")):
        with pytest.raises(NotRegularFileError) as refused:
            check_regular_file(path)  # a FIFO with no writer: opening it would block here
        assert words in str(refused.value) and str(refused.value).endswith("not a regular file")
    with pytest.raises(OSError):
        check_regular_file(tmp_path / "loop")


NON_REGULAR_IMPORTS = r"""
import os, sys
from pathlib import Path
from mnist_gui.core.drawings import DrawingsError, DrawingStore
tmp = Path(sys.argv[1])
os.mkfifo(tmp / "pipe.npz")
(tmp / "zero.npz").symlink_to("/dev/zero")
(tmp / "loop.npz").symlink_to(tmp / "loop.npz")
store = DrawingStore(tmp / "store")
for name in ("/dev/zero", tmp / "zero.npz", tmp / "pipe.npz", tmp / "loop.npz", "/dev/null"):
    try:
        store.import_npz(name)
        print("imported", name)
    except DrawingsError as exc:
        print(exc)
print("drawings", len(DrawingStore(tmp / "store")))
"""


@posix_only
def test_devices_fifos_and_symlink_loops_are_refused_as_imports_without_reading(tmp_path):
    done = run_bounded(NON_REGULAR_IMPORTS, tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 6 and lines[-1] == "drawings 0", lines
    assert "zero: is a device, not a regular file" in lines[0]
    assert "zero.npz: is a device" in lines[1] and "pipe.npz: is a FIFO" in lines[2]
    assert "loop.npz: cannot read it" in lines[3] and "null: is a device" in lines[4]


FIFO_IN_THE_FOLDER = r"""
import os, sys
from pathlib import Path
import numpy as np
from mnist_gui.core.drawings import DrawingStore
folder = Path(sys.argv[1])
DrawingStore(folder).add(np.full((28, 28), 4, np.uint8), 4)
os.mkfifo(folder / "zz_pipe.npz")
(folder / "zz_zero.npz").symlink_to("/dev/zero")
store = DrawingStore(folder)
print(store.arrays()[1].tolist(), len(store.warnings))
for w in store.warnings:
    print(w)
"""


@posix_only
def test_a_fifo_or_device_in_the_folder_is_skipped_with_a_warning_not_opened(tmp_path):
    folder = tmp_path / "drawings"
    done = run_bounded(FIFO_IN_THE_FOLDER, folder)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "[4] 2", lines
    assert "zz_pipe.npz skipped: is a FIFO" in lines[1] and "zz_zero.npz skipped: is a device" in lines[2]
    assert "zz_pipe.npz skipped" in done.stderr  # logged
    # The command line too: it lists, it does not hang.
    env = {**os.environ, "MNIST_GUI_DATA_DIR": str(tmp_path / "data")}
    (tmp_path / "data").mkdir()
    os.mkfifo(tmp_path / "data" / "drawings")  # the folder itself a FIFO
    listed = subprocess.run([sys.executable, "-m", "mnist_gui", "drawings"], capture_output=True, text=True,
                            timeout=60, cwd=REPO, env={**env, "PYTHONPATH": str(REPO)})
    assert listed.returncode == 2 and "is not a folder" in listed.stderr, listed.stderr
    assert len(listed.stderr.strip().splitlines()) == 1


# ---- 4. a folder that cannot be read or made ----------------------------------------------------------

def test_a_file_in_the_folders_place_is_an_error_everywhere_never_an_oserror(tmp_path):
    blocked = tmp_path / "drawings"
    blocked.write_text("not a folder")
    store = DrawingStore(blocked)
    export = tmp_path / "out.npz"
    keras_npz(export, np.zeros((2, 28, 28), np.uint8), np.array([1, 2]))
    # Reading shows nothing and says why (an app must start), load() raises it, every change too.
    assert len(store) == 0 and store.drawings() == [] and store.counts().sum() == 0 and store.get("x") is None
    assert "is not a folder" in store.error
    for call in (store.load, lambda: store.add(digit(1), 1), lambda: store.import_npz(export),
                 lambda: store.export_npz(tmp_path / "e.npz"), lambda: store.delete("x")):
        with pytest.raises(DrawingsError) as refused:
            call()
        assert "is not a folder" in one_line(refused)
    assert store.undo_last() is None  # nothing was added
    assert not (tmp_path / "e.npz").exists() and blocked.read_text() == "not a folder"
    # Fixed by the user: the next change reads the folder again.
    blocked.unlink()
    assert store.add(digit(1), 1).label == 1 and store.error is None and len(DrawingStore(blocked)) == 1
    # Under a file (a data dir that cannot be made): nothing to read, and saving says why.
    (tmp_path / "data").write_text("a file")
    under = DrawingStore(tmp_path / "data" / "drawings")
    with pytest.raises(DrawingsError) as refused:
        under.add(digit(1), 1)
    one_line(refused)


def test_the_command_line_says_the_folder_is_broken_in_one_line(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "drawings").write_text("a file where the folder goes")
    monkeypatch.setenv("MNIST_GUI_DATA_DIR", str(data))
    for args in (["drawings"], ["drawings", "--export", str(tmp_path / "e.npz")]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.startswith("mnist-gui drawings: ") and "is not a folder" in err
        assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "e.npz").exists()
    assert main(["train", "--preset", "mlp", "--drawings", "default", "--out", str(tmp_path / "m.keras")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_a_folder_not_made_yet_is_simply_empty(tmp_path):
    store = DrawingStore(tmp_path / "later")
    assert len(store) == 0 and store.arrays()[0].shape == (0, 28, 28) and store.export_npz(tmp_path / "e.npz") == 0
    assert not (tmp_path / "later").exists()


def test_the_service_reports_a_save_it_cannot_make(qtbot, tmp_path, monkeypatch):
    from mnist_gui.service import ModelService

    (tmp_path / "data").write_text("a file where the data dir goes")
    monkeypatch.setenv("MNIST_GUI_DATA_DIR", str(tmp_path / "data"))
    service = ModelService()
    try:
        with qtbot.waitSignal(service.drawings_failed, timeout=5000) as failed:
            assert service.add_drawing(digit(2), 2) is False
        assert "\n" not in failed.args[0] and "drawings" in failed.args[0]
    finally:
        assert service.shutdown()


# ---- 5. limits, packed imports, older files --------------------------------------------------------------

def test_an_import_of_20000_is_one_packed_file_without_canvases_and_loads_whole(tmp_path, mnist):
    folder = tmp_path / "store"
    store = DrawingStore(folder)
    store.add(digit(7), 7, canvas=np.full((140, 140), 9, np.uint8))
    x, y = mnist.x_train[:dr.IMPORT_LIMIT], mnist.y_train[:dr.IMPORT_LIMIT]
    path = keras_npz(tmp_path / "many.npz", x, y)
    tracemalloc.start()
    try:
        assert store.import_npz(path) == dr.IMPORT_LIMIT
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 2**20, f"an import of 16 MB of images took {peak / 2**20:.0f} MB"  # was 1.8 GB for 80,000
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 2
    with zipfile.ZipFile(folder / files[1]) as packed:
        assert "canvases.npy" not in packed.namelist()
    again = DrawingStore(folder)
    ax, ay = again.arrays()
    np.testing.assert_array_equal(ax[1:], x)
    np.testing.assert_array_equal(ay, np.concatenate([[7], y]))
    drawings = again.drawings()
    assert len(drawings) == len(again) == dr.IMPORT_LIMIT + 1 and len({d.id for d in drawings}) == len(drawings)
    assert drawings[0].canvas is not None and drawings[0].canvas[0, 0] == 9
    assert all(d.canvas is None and d.prediction is None for d in drawings[1:])
    assert again.get(drawings[500].id).label == y[499]
    # Deleting one imported drawing rewrites that file only; the label's file is untouched.
    label_file = folder / files[0]
    before = label_file.stat().st_mtime_ns
    assert again.delete(drawings[500].id)
    assert label_file.stat().st_mtime_ns == before
    assert len(DrawingStore(folder)) == dr.IMPORT_LIMIT and DrawingStore(folder).get(drawings[500].id) is None


def test_an_import_over_the_limit_is_refused_whole(tmp_path):
    store = DrawingStore(tmp_path / "store")
    store.add(digit(1), 1)
    n = dr.IMPORT_LIMIT + 1
    path = keras_npz(tmp_path / "big.npz", np.zeros((n, 28, 28), np.uint8), np.zeros(n, np.uint8))
    with pytest.raises(DrawingsError) as refused:
        store.import_npz(path)
    assert "20,001 images, more than 20,000" in one_line(refused, "big.npz")
    assert len(list((tmp_path / "store").iterdir())) == 1 and len(DrawingStore(tmp_path / "store")) == 1


def test_the_store_has_a_limit_for_labels_and_imports(tmp_path, monkeypatch):
    monkeypatch.setattr(dr, "STORE_LIMIT", 5)
    store = DrawingStore(tmp_path / "store")
    for i in range(3):
        store.add(digit(i), i)
    path = keras_npz(tmp_path / "three.npz", np.zeros((3, 28, 28), np.uint8), np.array([1, 2, 3]))
    with pytest.raises(DrawingsError) as refused:
        store.import_npz(path)
    assert "more than the 5" in one_line(refused)
    store.add(digit(3), 3)
    store.add(digit(4), 4)
    with pytest.raises(DrawingsError) as refused:
        store.add(digit(5), 5)
    assert "full" in one_line(refused)
    assert len(DrawingStore(tmp_path / "store")) == 5


def _old_format_file(path, drawings):
    """A file as the store wrote it before canvases were optional: every field, a blank canvas each."""
    n = len(drawings)
    canvases = np.zeros((n, 140, 140), np.uint8)
    for i, d in enumerate(drawings):
        if d.get("canvas") is not None:
            canvases[i] = d["canvas"]
    with open(path, "wb") as f:
        np.savez_compressed(f, ids=np.array([d["id"] for d in drawings], "<U32"),
                            digits=np.stack([d["digit"] for d in drawings]), canvases=canvases,
                            labels=np.array([d["label"] for d in drawings], np.uint8),
                            predictions=np.array([d.get("prediction", -1) for d in drawings], np.int8),
                            pen_widths=np.array([d.get("pen", np.nan) for d in drawings], np.float32),
                            dates=np.array(["2026-01-02T03:04:05+00:00"] * n, "<U32"))


def test_files_written_before_still_load_and_delete(tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    canvas = np.zeros((140, 140), np.uint8)
    canvas[10:20, 30:40] = 200
    _old_format_file(folder / "20260101T000000000000aaaaaaaaaa.npz",
                     [{"id": "20260101T000000000000aaaaaaaaaa", "digit": digit(5), "label": 5, "canvas": canvas,
                       "prediction": 3, "pen": 0.05}])
    _old_format_file(folder / "20260102T000000000000bbbbbbbbbb.npz",
                     [{"id": f"20260102T000000000000bbbb{i:06d}", "digit": digit(i % 250), "label": i % 10}
                      for i in range(1200)])  # an old import: more canvases than one read holds
    store = DrawingStore(folder)
    drawings = store.drawings()
    assert len(drawings) == 1201 and not store.warnings
    np.testing.assert_array_equal(drawings[0].canvas, canvas)
    assert drawings[0].prediction == 3 and drawings[0].pen_width == 0.05 and drawings[0].label == 5
    assert all(d.canvas is None for d in drawings[1:]) and drawings[7].label == 6
    assert store.delete(drawings[7].id)
    again = DrawingStore(folder)
    assert len(again) == 1200 and again.get(drawings[7].id) is None and again.get(drawings[8].id).label == 7
    assert again.arrays()[1].tolist()[:3] == [5, 0, 1]


# ---- 6. copies of a file ---------------------------------------------------------------------------------

def test_a_copied_file_counts_once_and_delete_sticks(tmp_path):
    folder = tmp_path / "store"
    store = DrawingStore(folder)
    a = store.add(digit(1), 1)
    b = store.add(digit(2), 2)
    original = folder / f"{a.id}.npz"
    shutil.copy(original, folder / "zz copy.npz")
    again = DrawingStore(folder)
    assert len(again) == 2 and again.arrays()[1].tolist() == [1, 2] and again.counts()[1] == 1
    assert [d.id for d in again.drawings()] == [a.id, b.id]
    assert again.delete(a.id) and not again.delete(a.id)
    after = DrawingStore(folder)
    assert after.get(a.id) is None and after.arrays()[1].tolist() == [2]
    assert sorted(p.name for p in folder.iterdir()) == [f"{b.id}.npz"]


# ---- hostile archives ---------------------------------------------------------------------------------

def test_truncated_archives_and_member_bombs_are_refused_in_one_line(tmp_path):
    store = DrawingStore(tmp_path / "store")
    good = keras_npz(tmp_path / "good.npz", np.zeros((50, 28, 28), np.uint8), np.arange(50) % 10)
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    crowd = tmp_path / "crowd.npz"  # many members: refused before the directory is parsed
    with zipfile.ZipFile(crowd, "w") as z:
        for i in range(5000):
            z.writestr(f"m{i}.npy", b"")
    liar = tmp_path / "liar.npz"  # x.npy declares 50 images, its header says 20,000
    header = good.read_bytes()
    with zipfile.ZipFile(good) as z:
        x_bytes = z.read("x.npy")
    forged = x_bytes.replace(b"(50, 28, 28)", b"(20000, 28, 28)")
    with zipfile.ZipFile(liar, "w") as z:
        z.writestr("x.npy", forged)
        z.writestr("y.npy", b"")
    assert header
    for path, words in ((truncated, "not an .npz file"), (crowd, "too many members"), (liar, "damaged")):
        with pytest.raises(DrawingsError) as refused:
            store.import_npz(path)
        assert words in one_line(refused, path.name)
    assert len(DrawingStore(tmp_path / "store")) == 0


@posix_only
def test_export_never_replaces_a_fifo_or_device_with_a_file(tmp_path):
    import stat

    store = DrawingStore(tmp_path / "store")
    store.add(digit(1), 1)
    fifo = tmp_path / "out.npz"
    os.mkfifo(fifo)
    (tmp_path / "null.npz").symlink_to("/dev/null")
    for target, words in ((fifo, "is a FIFO"), (tmp_path / "null.npz", "is a device")):
        with pytest.raises(DrawingsError) as refused:
            store.export_npz(target)
        assert words in one_line(refused)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null.npz", "out.npz", "store"]  # no temp left
