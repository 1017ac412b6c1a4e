"""Print the size of a PyInstaller onedir build and its biggest parts: ``python size_report.py dist/mnist-gui``.

Sizes are disk usage in MiB (like ``du -sm``); symbolic links count as nothing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def disk_usage(path: Path) -> int:
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.lstat().st_blocks * 512
    total = 0
    for root, dirs, files in os.walk(path):
        for name in files + dirs:
            p = Path(root, name)
            if not p.is_symlink():
                total += p.lstat().st_blocks * 512
    return total


def main(argv: list[str]) -> int:
    app = Path(argv[1] if len(argv) > 1 else "dist/mnist-gui")
    if not app.is_dir():
        print(f"size_report: {app} is not a folder", file=sys.stderr)
        return 1
    internal = app / "_internal"
    parts = [(disk_usage(p), p) for p in internal.iterdir()] if internal.is_dir() else []
    # TensorFlow dominates; show its own big files too.
    tf = internal / "tensorflow"
    if tf.is_dir():
        parts += [(disk_usage(p), p) for p in tf.rglob("*") if p.is_file() and not p.is_symlink()
                  and p.stat().st_size > 5 * 2**20]
    print(f"{app}: {disk_usage(app) / 2**20:.0f} MiB on disk")
    for size, path in sorted(parts, key=lambda item: item[0], reverse=True)[:12]:
        print(f"  {size / 2**20:7.1f} MiB  {path.relative_to(app)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
