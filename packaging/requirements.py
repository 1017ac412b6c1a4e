"""Print the packaged app's requirements: the project's own, with ``tensorflow`` swapped for ``tensorflow-cpu``.

Used by ``make package`` to fill its own environment (``.venv-package``): the same TensorFlow
release without the CUDA kernels a desktop MNIST app never uses (libtensorflow_cc 752 MB instead of
1,046 MB). Reads the installed project's metadata (``pip install --no-deps -e .`` first), so the
list is pyproject.toml's, plus the extras named on the command line.

Usage: python packaging/requirements.py [--tensorflow-version X.Y.Z] [EXTRA ...]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re


def requirements(extras: list[str], tensorflow_version: str | None) -> list[str]:
    out = []
    for req in importlib.metadata.requires("mnist-gui") or []:
        spec, _, marker = req.partition(";")
        extra = re.search(r"""extra\s*==\s*["']([^"']+)["']""", marker)
        if extra and extra.group(1) not in extras:
            continue
        marker = re.sub(r"""\s*(and\s+)?extra\s*==\s*["'][^"']+["']""", "", marker).strip()
        name = re.match(r"[A-Za-z0-9_.\-]+", spec.strip()).group(0)
        if name.lower() == "tensorflow":
            spec = f"tensorflow-cpu=={tensorflow_version}" if tensorflow_version else spec.replace(name, "tensorflow-cpu", 1)
        out.append(spec.strip() + (f"; {marker}" if marker else ""))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tensorflow-version")
    parser.add_argument("extras", nargs="*")
    args = parser.parse_args()
    print("\n".join(requirements(args.extras, args.tensorflow_version)))


if __name__ == "__main__":
    main()
