"""``mnist-gui report MODEL --out FILE``: the model's report with pictures (core.report).

The destination and the model file are checked before the data and TensorFlow are loaded, so a
mistake costs a second; every user error is one ``mnist-gui report: ...`` line (exit 2).
"""

from __future__ import annotations

import sys
from pathlib import Path


def make_report(args, cli) -> int:
    """``cli``: the cli module (its CliError, data and model loaders), passed in to avoid an import cycle."""
    from .core import report, storage
    from .core.quiet import quiet

    try:
        report.check_destination(args.out)
    except report.ReportError as exc:
        raise cli.CliError(f"mnist-gui report: {exc}") from None
    cli._check_model_file(args.model)
    data = cli._load_data(args)
    cli._quiet_tensorflow()
    metadata, warning = storage.read_sidecar(args.model)
    if warning:
        print(f"mnist-gui: warning: {warning}", file=sys.stderr)
    with quiet():  # Keras' warnings about a file's optimizer state: not this command's output
        model = cli._load_model(args.model)
        from .core.training import Predictor

        verified = ", verified" if data.verified else ""
        try:
            written = report.make(args.out, Path(args.model).stem, metadata, Predictor(model), data.x_test,
                                  data.y_test, model=model, source=args.model,
                                  data_note=f"{data.source}: {data.location}{verified}")
        except report.ReportError as exc:
            raise cli.CliError(f"mnist-gui report: {exc}") from None
    print(written.line())
    return 0
