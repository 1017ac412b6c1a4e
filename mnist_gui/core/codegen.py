"""The run as code: a model's preset and settings written out as a plain Keras script or notebook.

``mnist-gui export MODEL --format script|notebook`` and the app call ``write_code``. The code
rebuilds the model (the same layers, in the same order, from the same seed: the same starting
weights as the app's ``build_model``), loads MNIST with Keras' loader or from an .npz, trains with
the model's optimizer, schedule and augmentation, evaluates, shows a few predictions and saves the
model. The script takes ``--epochs N`` and ``--data PATH`` and ends by printing
``test_accuracy=X.XXXX``; the notebook (nbformat 4, written as JSON here: no dependency) reads
``MNIST_DATA`` and ``MNIST_EPOCHS`` from the environment instead. No TensorFlow is needed to write
either: only the model's sidecar is read.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from . import codegen_parts as parts
from .models import PRESETS, ModelConfig

FORMATS = {"script": ".py", "notebook": ".ipynb"}
DATA_ENV, EPOCHS_ENV = "MNIST_DATA", "MNIST_EPOCHS"  # the notebook's --data and --epochs
MNIST_TRAIN_IMAGES = 60_000


class CodegenError(ValueError):
    """The code cannot be written; the message is one line for the user."""


def config_from(source) -> tuple[ModelConfig, dict]:
    """(config, info) from a ModelConfig, a sidecar record (``{"preset", "config", ...}``) or a
    model file; info holds the facts the code's header mentions (file name, accuracy, epochs)."""
    if isinstance(source, ModelConfig):
        return source.validate(), {}
    if isinstance(source, dict):
        return _from_record(source, None, None)
    from .storage import ModelFileError, check_model_file, read_sidecar

    path = Path(source)
    try:
        check_model_file(path)
    except ModelFileError as exc:
        raise CodegenError(str(exc)) from None
    record, warning = read_sidecar(path)
    return _from_record(record, path.name, warning)


def _from_record(record: dict, name: str | None, warning: str | None) -> tuple[ModelConfig, dict]:
    what = name or "this model"
    if record.get("preset") not in PRESETS or not isinstance(record.get("config"), dict):
        why = f" ({warning})" if warning else ""
        raise CodegenError(f"the code can only be written for models the app built: {what} has no app "
                           f"settings (a preset and its config) in its sidecar{why}.")
    try:
        config = ModelConfig.from_dict(record["config"]).validate()
    except Exception as exc:  # any JSON at all: wrong types fail in many ways
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise CodegenError(f"the code can only be written for models the app built: the settings in "
                           f"{what}'s sidecar are damaged ({reason}).") from None
    info = {"source": name}
    for key, kind in (("test_accuracy", float), ("epochs_run", int), ("drawings", dict)):
        if isinstance(record.get(key), kind) and not isinstance(record.get(key), bool):
            info[key] = record[key]
    size = record.get("train_size")
    if isinstance(size, int) and not isinstance(size, bool) and 0 < size < MNIST_TRAIN_IMAGES:
        info["train_size"] = size
    return config, info


def check_destination(path, fmt: str) -> Path:
    if fmt not in FORMATS:
        raise CodegenError(f"unknown code format {fmt!r}: choose {', '.join(FORMATS)}.")
    path = Path(path)
    if path.suffix.lower() != FORMATS[fmt]:
        raise CodegenError(f"a {fmt} must be a {FORMATS[fmt]} file, not {path.name}.")
    if path.is_dir():
        raise CodegenError(f"cannot write to {path}: it is a folder.")
    if not path.parent.is_dir():
        raise CodegenError(f"cannot write to {path}: the folder {path.parent} does not exist.")
    return path


def write_code(model_path_or_config, out_path, fmt: str) -> Path:
    """Write the run of a model (a model file the app built, its sidecar record, or a
    ModelConfig) as ``fmt`` "script" (.py) or "notebook" (.ipynb) to ``out_path``, atomically."""
    from .files import atomic_write

    path = check_destination(out_path, fmt)
    config, info = config_from(model_path_or_config)
    if fmt == "script":
        text = script_source(config, info, name=path.stem)
    else:
        text = json.dumps(notebook(config, info, name=path.stem), indent=1, ensure_ascii=False) + "\n"
    try:
        atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    except OSError as exc:
        raise CodegenError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def _plain(text) -> str:
    """A file name fit for a docstring or a markdown line."""
    return "".join(c if c.isprintable() else "?" for c in str(text)).replace("\\", "/").replace('"', "'")


def _about(config: ModelConfig, info: dict) -> list[str]:
    """The header's paragraphs: what the code is, what the app's model reached, what differs."""
    from .. import __version__

    source = f" from {_plain(info['source'])}" if info.get("source") else ""
    lines = [f"Written by mnist-gui {__version__}{source}. Plain Keras: it rebuilds the model with the settings "
             "mnist-gui trained it with, loads MNIST, trains, evaluates on the test set, shows a few "
             "predictions (with matplotlib, if it is installed) and saves the model."]
    if "test_accuracy" in info:
        after = f" after {info['epochs_run']} epochs" if "epochs_run" in info else ""
        lines.append(f"mnist-gui's model reached test accuracy {info['test_accuracy']:.2%}{after}.")
    return lines + parts.omissions(config, info)


def _needs_math(config: ModelConfig) -> bool:
    return config.augment or config.schedule in ("cosine", "one_cycle")


def _comment(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=100, initial_indent=indent + "# ", subsequent_indent=indent + "# ",
                         break_on_hyphens=False)


def script_source(config: ModelConfig, info: dict | None = None, name: str = "run") -> str:
    """The run as one Python script (``python run.py [--epochs N] [--data PATH]``)."""
    info = info or {}
    run = f"python {_plain(name)}.py"
    title = PRESETS[config.preset].title
    about = "\n\n".join(textwrap.fill(p, width=100, break_on_hyphens=False) for p in _about(config, info))
    out = [f'"""{title}: the run as code.\n\n{about}\n\n'
           f"    {run}                               # Keras' loader downloads MNIST (once)\n"
           f"    {run} --epochs 1 --data mnist.npz   # an .npz in Keras' layout\n\n"
           'Its last line is test_accuracy=X.XXXX.\n"""\n',
           "import argparse\n" + ("import math\n" if _needs_math(config) else "") + "import os\nimport sys\n\n"
           'os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # TensorFlow\'s start-up lines; 0 shows them\n\n'
           "import keras\nimport numpy as np\nfrom keras import layers\n",
           "# The settings mnist-gui trained the model with.\n" + parts.settings(config, info) + "\n"]
    for piece in parts.definitions(config):
        out.append(_comment(f"{piece.title}. {piece.text}") + "\n" + piece.code + "\n")
    main = ["def main(argv=None):",
            f'    parser = argparse.ArgumentParser(description="{title}: train on MNIST, evaluate, predict.")',
            '    parser.add_argument("--epochs", type=int, default=EPOCHS,',
            '                        help=f"passes over the training images (default {EPOCHS})")',
            '    parser.add_argument("--data", metavar="PATH",',
            '                        help="an .npz in Keras\' MNIST layout (x_train, y_train, x_test, y_test); "',
            '                             "default: Keras\' loader downloads MNIST")',
            "    args = parser.parse_args(argv)",
            "    if args.epochs < 1:",
            '        parser.error("--epochs must be at least 1")',
            "    if args.data is not None and not os.path.isfile(args.data):",
            '        parser.error(f"--data: no file at {args.data}")',
            "    epochs, data_path = args.epochs, args.data",
            "    base = os.path.splitext(os.path.abspath(__file__))[0]  # the PNGs and the model go beside this file"]
    number = 0
    for piece in parts.steps(config, info):
        if piece.notebook_only:
            continue
        number += 1
        main += ["", _comment(f"{number}. {piece.title}. {piece.text}", "    "),
                 textwrap.indent(piece.code, "    ")]
    main += ["", '    print(f"test_accuracy={accuracy:.4f}")  # the last line: what the run reached']
    out.append("\n".join(main) + "\n")
    out.append('if __name__ == "__main__":\n    main()\n')
    return "\n\n".join(out)


def _cell(kind: str, text: str, number: int) -> dict:
    lines = text.splitlines(keepends=True)
    cell = {"cell_type": kind, "id": f"cell-{number}", "metadata": {}, "source": lines}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def notebook(config: ModelConfig, info: dict | None = None, name: str = "run") -> dict:
    """The run as a Jupyter notebook (nbformat 4.5), the notebook's steps one cell each."""
    info = info or {}
    title = PRESETS[config.preset].title
    stem = _plain(name)
    cells = [("markdown", f"# {title}: the run as code\n\n" + "\n\n".join(_about(config, info)) +
              "\n\nRun the cells from top to bottom. The last one prints `test_accuracy=X.XXXX`."),
             ("code", ("import math\n" if _needs_math(config) else "") + "import os\nimport sys\n\n"
              "import keras\nimport numpy as np\nfrom keras import layers"),
             ("markdown", "## Settings\n\nThe settings mnist-gui trained the model with. `data_path`: where "
              f"MNIST comes from (None: Keras' loader downloads it once; or an .npz in Keras' layout); "
              f"the environment variables `{DATA_ENV}` and `{EPOCHS_ENV}` set it and the epochs without "
              "editing."),
             ("code", parts.settings(config, info) + "\n\n"
              f'data_path = os.environ.get("{DATA_ENV}") or None\n'
              f'epochs = int(os.environ.get("{EPOCHS_ENV}") or EPOCHS)\n'
              f"base = os.path.join(os.getcwd(), {parts.q(stem)})  # the pictures and the model are saved as "
              f"{stem}_*.png and {stem}.keras")]
    for piece in parts.definitions(config):
        cells += [("markdown", f"### {piece.title}\n\n{piece.text}"), ("code", piece.code)]
    for number, piece in enumerate(parts.steps(config, info), start=1):
        cells += [("markdown", f"## {number}. {piece.title}\n\n{piece.text}"), ("code", piece.code)]
    cells.append(("code", 'print(f"test_accuracy={accuracy:.4f}")'))
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                         "language_info": {"name": "python"}},
            "cells": [_cell(kind, text, k) for k, (kind, text) in enumerate(cells, start=1)]}
