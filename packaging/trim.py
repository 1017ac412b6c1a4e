"""What build.spec leaves out of the packaged app, and why (imported by build.spec only).

Rule for every entry: the app never imports it while it starts, shows its window, loads/saves
models (.keras and .h5), trains (fast XLA loop, plain ``fit``, MLP and CNN), evaluates or predicts.
The list of modules imported in those runs was recorded from the source tree (``sys.modules`` at exit)
and compared with what PyInstaller collects; everything `import tensorflow` itself pulls in is kept,
even when it is useless to the app (e.g. the TFLite interpreter wrappers), because TensorFlow's
package ``__init__`` imports them eagerly. The frozen build is then checked with ``--smoke-test``
and by training, saving, evaluating and predicting with the frozen binary (tests/test_packaging.py).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from fnmatch import fnmatch
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Whole packages (and their submodules) never imported by the app.
EXCLUDES = [
    # Development and build tools that collect_submodules('keras') drags in through Keras' *_test modules.
    "pytest", "_pytest", "pytestqt", "pluggy", "iniconfig", "py",
    "setuptools", "pkg_resources", "distutils", "pip", "wheel", "PyInstaller", "altgraph",
    # Other GUI toolkits and Qt bindings (PySide6 is the one used).
    "tkinter", "_tkinter", "PyQt5", "PyQt6", "PySide2", "wx", "gi",
    # Qt modules the app does not use (it uses QtCore, QtGui, QtWidgets, QtCharts and QtSvg; QtCharts'
    # OpenGL libraries still come along as its binary dependencies).
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtPrintSupport", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtUiTools", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia", "PySide6.Qt3DCore",
    # Notebook/IPython integrations (h5py, rich and Keras only import them inside Jupyter).
    "IPython", "ipykernel", "ipywidgets", "jupyter", "jupyter_client", "notebook",
    # Keras backends other than TensorFlow, and the frameworks they wrap (not installed anyway).
    "keras.src.backend.jax", "keras.src.backend.torch", "keras.src.backend.openvino",
    "keras.src.backend.numpy", "jax", "jaxlib", "torch", "openvino", "flax",
    # TensorBoard and TF add-ons: the app logs nothing for TensorBoard (not installed anyway).
    "tensorboard", "tensorboard_data_server", "tensorboard_plugin_wit", "tensorflow_io",
    # gRPC: only TensorFlow's distributed runtime / debugger server use it (17 MB).
    "grpc",
    # libclang: a build-time dependency of TensorFlow's wheel, never imported.
    "clang",
    # Pillow codecs with their own native libraries (AVIF, WebP) and its Tk bridge. The app only
    # resizes arrays with Image.fromarray(...).resize(...); Pillow skips a missing codec quietly.
    "PIL._avif", "PIL._webp", "PIL._imagingtk", "PIL.ImageTk",
]

# TensorFlow sub-packages that neither `import tensorflow` nor Keras training/inference imports.
TF_EXCLUDES = [
    "tensorflow.compiler.mlir.stablehlo",  # StableHLO Python bindings: 25 MB .so, for JAX/XLA export
    "tensorflow.python.kernel_tests",
    "tensorflow.python.autograph.impl.testing",
    "tensorflow.python.debug.examples",
    "tensorflow.python.tools.api.generator",
    # The remote-profiler *client* extension (86 MB): imported by `import tensorflow` only to define
    # tf.profiler.experimental.client.trace/monitor (profiling a remote TF server). It is replaced by
    # STUBS below, so `import tensorflow` works and those two functions raise a clear error.
    "tensorflow.python.profiler.internal._pywrap_profiler_plugin",
]

# Pure-Python stand-ins for excluded modules that are imported but never called: module name -> file.
STUBS = {
    "tensorflow.python.profiler.internal._pywrap_profiler_plugin":
        HERE / "stubs" / "_pywrap_profiler_plugin.py",
}

# Modules of the app's own code whose .py source must ship next to the bytecode: TensorFlow's
# AutoGraph reads the source of functions it converts (the chunked training loop in
# core/training.py iterates over tf.range). Without the source, frozen training fails with
# "OperatorNotAllowedInGraphError: Iterating over a symbolic tf.Tensor is not allowed".
SOURCE_MODULES = {"mnist_gui": "pyz+py"}

# Collected files to drop, by destination path inside _internal/ (fnmatch patterns; * spans '/').
DROP_BINARIES = [
    # XLA op kernels as a loadable op library: no code loads it (the ops are in libtensorflow_cc).
    "tensorflow/compiler/tf2xla/ops/_xla_ops.so",
    # Qt platform plugins for embedded/remote displays (framebuffer, EGLFS, VNC, Vulkan display)
    # and their input plugins; the app runs on xcb (X11), wayland, or offscreen/minimal (smoke test).
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so*",
    "PySide6/Qt/lib/libQt6EglFsKmsSupport.so*",
    "PySide6/Qt/plugins/generic/*",
    # Network plugins (QtNetwork is excluded above).
    "PySide6/Qt/plugins/tls/*",
    "PySide6/Qt/plugins/networkinformation/*",
    # Image formats the app never reads (it reads PNG, built into QtGui; SVG/ICO/JPEG are kept for
    # icon themes and file dialogs).
    "PySide6/Qt/plugins/imageformats/libqgif.so",
    "PySide6/Qt/plugins/imageformats/libqicns.so",
    "PySide6/Qt/plugins/imageformats/libqtga.so",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/plugins/imageformats/libqwbmp.so",
    "PySide6/Qt/plugins/imageformats/libqwebp.so",
]

DROP_DATAS = [
    # Qt's own translations: build.spec ships those of the app's languages in resources/translations/.
    "PySide6/Qt/translations/*",
    # Headers, static libraries, type stubs, C/Cython sources: build-time only.
    "*.h", "*.hpp", "*.a", "*.pyi", "*.pxd", "*.c", "*.cc", "*.cpp",
    "tensorflow/include/*", "tensorflow/xla_aot_runtime_src/*",
    # Tests and test data inside packages.
    "*/tests/*", "*/testing/*", "*/test_data/*", "*/testdata/*",
]

# Python modules whose names mark them as tests (Keras ships its tests inside the package and the
# TensorFlow hook collects all Keras submodules). Never imported outside a test run.
DROP_MODULE_PATTERNS = ["keras.src.*_test", "keras.src.*.testing.*", "keras.src.testing.*"]

# Shared libraries to strip of their symbol tables (`strip --strip-unneeded`; dynamic symbols stay).
# TensorFlow ships its libraries unstripped (~265 MB of .symtab/.strtab, 210 MB in libtensorflow_cc
# alone); so is this Python build's libpython. Not everything: PyInstaller's own strip=True would also
# rewrite the libraries that auditwheel patched (numpy.libs/..., pillow.libs/...) and `strip` corrupts
# those ("ELF load command address/offset not page-aligned" on import of numpy). Each stripped copy
# is also checked for that misalignment and the original is kept if the check fails.
STRIP_BINARIES = [
    "tensorflow/*.so", "tensorflow/*.so.*",
    "libpython3*.so*", "python3*/lib-dynload/*.so",
]

# Sanity check at the end of the analysis: if any of these is missing, an exclusion went too far.
MUST_KEEP = [
    "mnist_gui.cli", "mnist_gui.smoke", "mnist_gui.app",
    "keras", "keras.src.backend.tensorflow", "keras.src.saving.saving_api", "keras.src.legacy.saving",
    "keras.src.datasets.mnist", "keras.src.utils.summary_utils",
    "tensorflow", "tensorflow.python.profiler.internal._pywrap_profiler",
    "tensorflow.compiler.tf2xla.python.xla", "tensorflow.lite.python.interpreter",
    "tensorflow.lite.python.lite", "ai_edge_litert.interpreter", "mnist_gui.core.export",
    "h5py", "PIL.Image", "numpy", "rich.console", "unittest", "pdb",
    "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtCharts", "PySide6.QtSvg",
    # The report (core/report.py): matplotlib's object API and the canvases of its three formats.
    "mnist_gui.core.report_pages", "matplotlib.figure", "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_pdf", "matplotlib.backends.backend_svg",
]
MUST_KEEP_FILES = [
    "tensorflow/libtensorflow_cc.so.2", "tensorflow/libtensorflow_framework.so.2",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/lib/libQt6Charts.so.6",
    "matplotlib/mpl-data/matplotlibrc", "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
    "matplotlib/mpl-data/fonts/ttf/DejaVuSansMono.ttf",
]


def _dest(entry) -> str:
    return str(entry[0]).replace("\\", "/")


def filter_toc(toc, patterns, what: str):
    """``toc`` without the entries whose destination matches one of ``patterns``; logs the saving."""
    kept, dropped, size = [], 0, 0
    for entry in toc:
        dest = _dest(entry)
        if any(fnmatch(dest, p) for p in patterns):
            dropped += 1
            try:
                size += Path(entry[1]).stat().st_size
            except OSError:
                pass
            continue
        kept.append(entry)
    # PyInstaller links libraries into _internal/ as SYMLINK entries; drop those left dangling.
    dests = {_dest(e) for e in kept}
    kept = [e for e in kept if e[2] != "SYMLINK"
            or os.path.normpath(os.path.join(os.path.dirname(_dest(e)), str(e[1]))).replace("\\", "/") in dests]
    print(f"trim: dropped {dropped} {what} ({size / 2**20:.1f} MiB)")
    return kept


def filter_modules(toc, patterns):
    kept = [e for e in toc if not any(fnmatch(e[0], p) for p in patterns)]
    print(f"trim: dropped {len(toc) - len(kept)} test modules")
    return kept


def add_stubs(pure_toc):
    names = {e[0] for e in pure_toc}
    extra = [(name, str(path), "PYMODULE") for name, path in STUBS.items() if name not in names]
    return list(pure_toc) + extra


def strip_binaries(toc, patterns, workdir):
    """``toc`` with the matching binaries replaced by stripped copies made under ``workdir``."""
    workdir = Path(workdir)
    out, before, after = [], 0, 0
    for entry in toc:
        dest, src = _dest(entry), Path(entry[1])
        if not any(fnmatch(dest, p) for p in patterns) or not _is_elf(src):
            out.append(entry)
            continue
        target = workdir / dest
        if not target.exists() or target.stat().st_mtime < src.stat().st_mtime:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".tmp")
            shutil.copy2(src, tmp)
            result = subprocess.run(["strip", "--strip-unneeded", str(tmp)], capture_output=True, text=True)
            if result.returncode != 0 or not _load_segments_aligned(tmp):
                print(f"trim: not stripping {dest}: {result.stderr.strip() or 'misaligned after strip'}")
                tmp.unlink()
                out.append(entry)
                continue
            os.replace(tmp, target)
        before += src.stat().st_size
        after += target.stat().st_size
        out.append((entry[0], str(target), entry[2]))
    print(f"trim: stripped binaries {before / 2**20:.0f} MiB -> {after / 2**20:.0f} MiB")
    return out


def _is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def _load_segments_aligned(path) -> bool:
    """What the dynamic loader requires of every PT_LOAD segment: offset = address (mod alignment)."""
    with open(path, "rb") as f:
        header = f.read(64)
        if header[:4] != b"\x7fELF" or header[4] != 2:  # only ELF64 is checked
            return True
        endian = "<" if header[5] == 1 else ">"
        (phoff,) = struct.unpack_from(endian + "Q", header, 32)
        phentsize, phnum = struct.unpack_from(endian + "HH", header, 54)
        f.seek(phoff)
        table = f.read(phentsize * phnum)
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, _filesz, _memsz, align = struct.unpack_from(
            endian + "IIQQQQQQ", table, i * phentsize)
        if p_type == 1 and align > 1 and (offset - vaddr) % align:
            return False
    return True


def check(a) -> None:
    """Fail the build when an exclusion removed something the app needs."""
    modules = {e[0] for e in a.pure}
    modules |= {re.sub(r"(\.cpython-[^.]*|\.abi3)?\.so$", "", _dest(e)).replace("/", ".") for e in a.binaries}
    missing = [m for m in MUST_KEEP if m not in modules]
    files = {_dest(e) for e in list(a.binaries) + list(a.datas)}
    missing += [f for f in MUST_KEEP_FILES if f not in files]
    if missing:
        raise SystemExit(f"build.spec: the size cuts removed what the app needs: {', '.join(missing)}")
