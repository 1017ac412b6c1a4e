"""``mnist-gui FILE...``: the files the app opens at start-up, given on the command line or by the file
manager (the desktop entry's ``Exec=mnist-gui %F``). No Qt, no TensorFlow: parsed before either loads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MODEL_SUFFIXES = (".keras", ".h5")
# The image types the desktop entry offers the app for (packaging/linux/mnist-gui.desktop's MimeType).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")
# Options of the bare command (no subcommand) that take a value: its value is not a file to open.
VALUE_OPTIONS = ("--data", "--lang")


class OpenError(ValueError):
    """A file that cannot be opened: one line, for the CLI's ``mnist-gui: ...`` message."""


@dataclass(frozen=True)
class FilesToOpen:
    model: str | None = None       # absolute path of the model to open instead of the last one used
    images: tuple[str, ...] = ()   # absolute paths; the first opens on the Draw Pad
    notes: tuple[str, ...] = ()    # one line each for stderr: files given and not opened, and why


def split_files(argv: list[str], commands) -> tuple[list[str], list[str]]:
    """``argv`` without the files to open, and those files.

    Files are the bare command's positional arguments: ``mnist-gui m.keras``, ``mnist-gui --data D
    m.keras``. A subcommand (``train``, ``evaluate``, ...) as the first positional argument leaves
    ``argv`` whole for the parser, and so does a mistyped one. After ``--`` everything is a file (a
    name starting with ``-``).
    """
    rest: list[str] = []
    files: list[str] = []
    takes_value = False
    for i, token in enumerate(argv):
        if takes_value:
            rest.append(token)
            takes_value = False
        elif token == "--":
            files.extend(argv[i + 1:])
            break
        elif token.startswith("-") and token != "-":
            rest.append(token)
            # "--data PATH", or an abbreviation argparse accepts ("--dat PATH"); "--data=PATH" is one token.
            takes_value = "=" not in token and any(
                len(token) > 2 and option.startswith(token) for option in VALUE_OPTIONS)
        elif not files and (token in commands or _mistyped_command(token)):
            return list(argv), []
        else:
            files.append(token)
    return rest, files


def _mistyped_command(token: str) -> bool:
    """No suffix and no such file: "evalute" is a command mistyped (argparse names the commands)."""
    return not Path(token).suffix and not os.path.exists(token)


def kind_of(path: str) -> str | None:
    """``"model"``, ``"image"`` or None, by the file name's suffix (any case)."""
    suffix = Path(path).suffix.lower()
    if suffix in MODEL_SUFFIXES:
        return "model"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    return None


def files_to_open(paths: list[str]) -> FilesToOpen:
    """What to open of ``paths``: the first model, and the first image (on the Draw Pad).

    A missing file, a folder or a file of another kind raises ``OpenError``: a typing mistake on the
    command line should say so, not open the app without it.
    """
    models: list[str] = []
    images: list[str] = []
    for given in paths:
        kind = kind_of(given)
        if kind is None:
            raise OpenError(f"cannot open {given}: not a model ({', '.join(MODEL_SUFFIXES)}) "
                            f"or an image ({', '.join(IMAGE_SUFFIXES)})")
        path = Path(given)
        if not path.exists():
            raise OpenError(f"cannot open {given}: no such file")
        if not path.is_file():
            raise OpenError(f"cannot open {given}: not a file")
        (models if kind == "model" else images).append(os.path.abspath(given))
    notes = []
    if len(models) > 1:
        others = ", ".join(Path(p).name for p in models[1:])
        notes.append(f"mnist-gui: one model at a time: opening {Path(models[0]).name}, not {others}")
    if len(images) > 1:
        others = ", ".join(Path(p).name for p in images[1:])
        notes.append(f"mnist-gui: one image at a time on the Draw Pad: opening {Path(images[0]).name}, not {others}")
    return FilesToOpen(model=models[0] if models else None, images=tuple(images), notes=tuple(notes))
