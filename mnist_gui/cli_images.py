"""``mnist-gui predict IMAGE... [--model MODEL] [--json]``: the digits (a number) in image files.

Every file is loaded and prepared first (no TensorFlow: a bad file costs no start-up); a file that
cannot be read gets one ``mnist-gui: FILE: reason`` line on stderr, the others are still read, and
the exit status is 2 if any failed.
"""

from __future__ import annotations

import json
import sys


def read_images(paths: list[str], model_path, as_json: bool, load_model, quiet_tensorflow) -> int:
    from .core.images import ImageError
    from .core.numbers import prepare_image, read_prepared

    failed = False
    prepared = []
    for path in paths:
        try:
            prepared.append((path, prepare_image(path)))
        except ImageError as exc:
            print(f"mnist-gui: {path}: {exc}", file=sys.stderr)
            failed = True
    if prepared:
        quiet_tensorflow()
        from .core.quiet import quiet
        from .core.training import Predictor

        with quiet():
            predict = Predictor(load_model(model_path))
        for path, image in prepared:
            with quiet():
                result = read_prepared(predict, image)
            if as_json:
                print(json.dumps(result.as_json(path)), flush=True)
            else:
                each = ", ".join(f"{d.digit} {d.probability:.1%}" for d in result.digits)
                print(f"{path}: {result.text} ({each})", flush=True)
    return 2 if failed else 0
