"""Command line: ``mnist-gui [train|evaluate|predict|data|export|drawings|report]``; no command opens the app,
``mnist-gui FILE`` opens it with that model (open_files.py).

User errors (bad flag, bad file, no data) print one line on stderr and exit nonzero, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import i18n, terminal
from .i18n import translate
from .open_files import FilesToOpen, OpenError, files_to_open, split_files

EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
MORE_EPOCHS = 10  # train --resume without --epochs
CODE_FORMATS = ("script", "notebook")  # export: the run as code (core.codegen), not a model artifact


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage + message; we keep it to one clear line
        raise CliError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    from .core.models import ACTIVATIONS, OPTIMIZERS, PRESET_NAMES, SCHEDULES

    parser = _Parser(prog="mnist-gui", description=translate("cli", "Train and use a neural network on MNIST digits."),
                     epilog=translate("cli", "mnist-gui [--data PATH] [FILE ...] opens the app with the model FILE (.keras, .h5)."))
    parser.add_argument("--version", action=terminal.VersionAction, help=translate("cli", "show the version and exit"))
    parser.add_argument("--smoke-test", action="store_true",
                        help=translate("cli", "headless self-test: build the window, load the bundled model, predict, exit"))
    parser.add_argument("--data", metavar="PATH", help=translate("cli", "MNIST .npz or folder with the four IDX files"))
    parser.add_argument("--lang", metavar="CODE", choices=sorted(i18n.LANGUAGES),
                        help=translate("cli", "language of the app and of these texts: en, de or fr (default: the system's)"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    train = sub.add_parser("train", help=translate("cli", "train a model (or continue one with --resume) and save it"))
    train.add_argument("--preset", choices=PRESET_NAMES)
    train.add_argument("--resume", metavar="MODEL",
                       help=translate("cli", "continue training this model file (its weights, optimizer state and epoch count)"))
    train.add_argument("--epochs", type=int, help=translate("cli", "epochs to train (with --resume: how many more)"))
    train.add_argument("--batch-size", type=int)
    train.add_argument("--lr", type=float, help=translate("cli", "learning rate"))
    train.add_argument("--hidden", help=translate("cli", "hidden layer sizes, e.g. 200,100,60,30"))
    train.add_argument("--activation", choices=ACTIVATIONS)
    train.add_argument("--optimizer", choices=OPTIMIZERS)
    train.add_argument("--momentum", type=float, help=translate("cli", "SGD momentum, 0 to 0.999"))
    train.add_argument("--weight-decay", type=float, help=translate("cli", "decoupled weight decay, 0 to 0.1"))
    train.add_argument("--dropout", type=float, help=translate("cli", "dropout after each hidden layer (MLP), 0 to 0.9"))
    train.add_argument("--schedule", choices=SCHEDULES, help=translate("cli", "learning-rate schedule (one_cycle: per batch, up then down)"))
    train.add_argument("--lr-decay", type=float, help=translate("cli", "the step schedule's factor per epoch"))
    train.add_argument("--augment", action=argparse.BooleanOptionalAction, default=None,
                       help=translate("cli", "random rotation, shear, zoom, shift and stroke width of the training images "
                            "(default: the preset's, on for the CNN)"))
    train.add_argument("--seed", type=int)
    train.add_argument("--train-size", type=int, metavar="N", help=translate("cli", "use only the first N training images"))
    train.add_argument("--plain-fit", action="store_true",
                       help=translate("cli", "use the stock Keras step loop (the notebook's, slower)"))
    train.add_argument("--drawings", metavar="PATH_OR_DEFAULT",
                       help=translate("cli", "also train on these drawings: 'default' (My drawings), a drawings folder, or an "
                            ".npz with x and y (Keras MNIST layout), oversampled to --drawings-share"))
    train.add_argument("--drawings-share", type=float, metavar="X",
                       help=translate("cli", "share of each epoch's images that are drawings, 0.01 to 0.5 (default 0.05)"))
    train.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS)
    train.add_argument("--lang", metavar="CODE", choices=sorted(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)
    train.add_argument("--out", required=True, metavar="PATH", help=translate("cli", "where to save (.keras or .h5)"))

    evaluate = sub.add_parser("evaluate", help=translate("cli", "test accuracy and loss of a model file"))
    evaluate.add_argument("model", metavar="MODEL")
    evaluate.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS)
    evaluate.add_argument("--lang", metavar="CODE", choices=sorted(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)

    predict = sub.add_parser("predict", help=translate("cli", "read the digits (a number) in image files; or, with --index, "
                                             "predict one test image (the notebook's last step)"))
    predict.add_argument("inputs", nargs="+", metavar="IMAGE", help=translate("cli", "image files (or: MODEL --index N)"))
    predict.add_argument("--index", type=int, metavar="N", help=translate("cli", "with a MODEL file: test image index 0..9999"))
    predict.add_argument("--model", metavar="MODEL", help=translate("cli", "read images with this model file (default: the "
                                                          "bundled model the app opens with)"))
    predict.add_argument("--json", action="store_true", help=translate("cli", "one JSON line per image"))
    predict.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS)
    predict.add_argument("--lang", metavar="CODE", choices=sorted(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)

    data = sub.add_parser("data", help=translate("cli", "get and verify MNIST; say which source served and where"))
    data.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS)
    data.add_argument("--lang", metavar="CODE", choices=sorted(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)

    export = sub.add_parser("export", help=translate("cli", "export a model for LiteRT, TensorFlow or ONNX, and check it; or "
                                           "write its run as a Keras script or notebook"))
    export.add_argument("model", metavar="MODEL")
    export.add_argument("--format", required=True, choices=("litert", "savedmodel", "onnx", *CODE_FORMATS))
    export.add_argument("--out", required=True, metavar="PATH",
                        help=translate("cli", "the artifact: .tflite (litert), a folder (savedmodel) or .onnx; the code: .py "
                             "(script) or .ipynb (notebook)"))
    export.add_argument("--check", action="store_true",
                        help=translate("cli", "only run the parity check on an existing export at --out"))
    export.add_argument("--int8", action="store_true", help=translate("cli", "litert: quantise weights and activations to int8"))
    export.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS)
    export.add_argument("--lang", metavar="CODE", choices=sorted(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)

    drawings = sub.add_parser("drawings", help=translate("cli", "My drawings: counts per digit, a model's accuracy on them, where"))
    drawings.add_argument("--model", metavar="MODEL", help=translate("cli", "score this model file (default: the bundled model "
                                                           "the app opens with)"))
    drawings.add_argument("--export", metavar="FILE", help=translate("cli", "write them to one .npz (x, y: Keras MNIST layout)"))
    drawings.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS)
    drawings.add_argument("--lang", metavar="CODE", choices=sorted(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)

    report = sub.add_parser("report", help=translate("cli", "a report with pictures of a model: card, curves, "
                                                            "confusion matrix, mistakes, robustness"))
    report.add_argument("model", metavar="MODEL")
    report.add_argument("--out", required=True, metavar="FILE",
                        help=translate("cli", ".pdf (all pages), or .png / .svg (one file a page: FILE, then "
                                              "NAME-2, NAME-3…)"))
    report.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS)
    report.add_argument("--lang", metavar="CODE", choices=sorted(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = None
    try:
        i18n.use_for_cli(argv)
        argv, files = split_files(argv, COMMANDS)
        args = build_parser().parse_args(argv)
        if args.smoke_test:
            from .smoke import run_smoke_test

            return run_smoke_test()
        if args.command is None:
            from .app import run_app

            opening = _files_to_open(files)
            for note in opening.notes:
                print(note, file=sys.stderr)
            images = {"image_paths": opening.images} if opening.images else {}  # the first opens on the Draw Pad
            return run_app(data_path=args.data, model_path=opening.model, lang=args.lang, **images)
        terminal.log_our_lines_only()
        _check_args(args)
        return COMMANDS[args.command](args)
    except CliError as exc:
        # One line: several-line messages (e.g. every data source's reason) are joined.
        print(" ".join(line.strip() for line in str(exc).splitlines() if line.strip()), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        saved = "; nothing was saved" if getattr(args, "command", None) == "train" else ""
        print(f"mnist-gui: interrupted{saved}", file=sys.stderr)
        return EXIT_INTERRUPTED


def _files_to_open(files: list[str]) -> FilesToOpen:
    try:
        return files_to_open(files)
    except OpenError as exc:
        raise CliError(f"mnist-gui: {exc}") from None


def _check_args(args) -> None:
    """What can be checked without data or TensorFlow, so that a mistake costs a second, not a start-up."""
    if args.command == "predict" and args.index is None:
        from .open_files import kind_of

        if len(args.inputs) == 1 and kind_of(args.inputs[0]) == "model" and not args.model:
            raise CliError(f"mnist-gui predict: give --index N to predict a test image with {args.inputs[0]}, "
                           "or image files to read")
        if args.model:
            _check_model_file(args.model)
        elif _default_model_path() is None:
            raise CliError("mnist-gui predict: no bundled model to read images with (give --model)")
    elif args.command == "predict":
        if len(args.inputs) != 1 or args.model or args.json:
            raise CliError("mnist-gui predict: --index N takes one MODEL file (and no --model or --json)")
        args.model = args.inputs[0]
        from .core.data import EXPECTED_SHAPES

        count = EXPECTED_SHAPES["x_test"][0]  # every MNIST source is checked to have these shapes
        if not 0 <= args.index < count:
            raise CliError(f"mnist-gui predict: --index must be between 0 and {count - 1}")


def _quiet_tensorflow() -> None:
    """Import TensorFlow without its screen of C++ start-up lines (logged before its log level is
    read, so TF_CPP_MIN_LOG_LEVEL alone cannot hide them). A user's TF_CPP_MIN_LOG_LEVEL=0 shows them."""
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    if os.environ["TF_CPP_MIN_LOG_LEVEL"] == "0" or "tensorflow" in sys.modules:
        return
    sys.stderr.flush()
    saved, devnull = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        import keras  # noqa: F401
        import tensorflow as tf

        tf.constant(0)  # the device look-up logs too
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _load_data(args):
    from .core.data import DatasetError, load_mnist

    try:
        return load_mnist(getattr(args, "data", None))
    except DatasetError as exc:
        raise CliError(f"mnist-gui: {exc}") from None


def _load_model(path):
    from .core.storage import ModelFileError, load_model

    try:
        return load_model(path)
    except ModelFileError as exc:
        raise CliError(f"mnist-gui: {exc}") from None


def _check_model_file(path):
    """The checks that need no TensorFlow, before the data and TensorFlow are loaded."""
    from .core.storage import ModelFileError, check_model_file

    try:
        check_model_file(path)
    except ModelFileError as exc:
        raise CliError(f"mnist-gui: {exc}") from None


def cmd_data(args) -> int:
    data = _load_data(args)
    print(f"source={data.source} location={data.location}")
    print(f"train={len(data.x_train)} test={len(data.x_test)} verified={'yes' if data.verified else 'no'}")
    return 0


def _train_config(args, base):
    """``base`` with the flags given on the command line, validated (before any long work)."""
    from .core.models import ConfigError, parse_hidden

    overrides = {}
    try:
        for flag, key in (("epochs", "epochs"), ("batch_size", "batch_size"), ("lr", "learning_rate"),
                          ("activation", "activation"), ("optimizer", "optimizer"), ("seed", "seed"),
                          ("momentum", "momentum"), ("weight_decay", "weight_decay"), ("dropout", "dropout"),
                          ("schedule", "schedule"), ("lr_decay", "lr_decay"), ("augment", "augment")):
            if getattr(args, flag) is not None:
                overrides[key] = getattr(args, flag)
        if args.hidden is not None:
            overrides["hidden"] = parse_hidden(args.hidden)
        return base.replace(**overrides).validate()
    except ConfigError as exc:
        raise CliError(f"mnist-gui train: {exc}") from None


def cmd_train(args) -> int:
    from .core import storage
    from .core.models import PRESETS, ModelConfig, preset_title

    resume_meta, known, warning = {}, False, None
    if args.resume:
        if not Path(args.resume).is_file():
            raise CliError(f"mnist-gui train: --resume: no model file at {args.resume}")
        _check_model_file(args.resume)
        # A model the app trained goes on with its own settings; any other with the preset's
        # (the MLP's by default): its optimizer, learning rate and batch size.
        # A damaged sidecar (it is only informative) is ignored, field by field, with one warning.
        resume_meta, warning = storage.read_sidecar(args.resume)
        known = resume_meta.get("preset") in PRESETS and isinstance(resume_meta.get("config"), dict)
        base = PRESETS[args.preset or "mlp"].defaults
        if known:
            try:
                base = ModelConfig.from_dict(resume_meta["config"]).validate()
            except Exception as exc:  # any JSON at all: wrong types fail in many ways
                known = False
                reason = f"config ({' '.join(str(exc).split())[:200] or type(exc).__name__})"
                warning = (f"{warning}; {reason}" if warning else "ignoring damaged fields of the sidecar of "
                           f"{Path(args.resume).name} ({storage.sidecar_path(args.resume).name}): {reason}")
        config = _train_config(args, base.replace(epochs=MORE_EPOCHS))
    else:
        base = PRESETS[args.preset or "seed"].defaults
        config = _train_config(args, base)
    if args.train_size is not None and args.train_size < 1:
        raise CliError("mnist-gui train: --train-size must be at least 1")
    from .core.run import DRAWINGS_SHARE

    share = DRAWINGS_SHARE if args.drawings_share is None else args.drawings_share
    if not 0.01 <= share <= 0.5:
        raise CliError("mnist-gui train: --drawings-share must be from 0.01 to 0.5")
    drawings = None
    if args.drawings is not None:
        from .core.drawings import DrawingsError, load_drawings

        try:
            drawings = load_drawings(args.drawings)
        except DrawingsError as exc:
            raise CliError(f"mnist-gui train: --drawings: {exc}") from None
        if not len(drawings[1]):
            raise CliError(f"mnist-gui train: --drawings: there are no drawings in {args.drawings}")
    try:
        out = storage.check_destination(args.out)
    except storage.ModelFileError as exc:
        raise CliError(f"mnist-gui train: {exc}") from None

    if warning:
        print(f"mnist-gui: warning: {warning}", file=sys.stderr)
    if getattr(args, "data", None) is None:
        _quiet_tensorflow()  # without --data the loader may import Keras to download MNIST
    data = _load_data(args)
    _quiet_tensorflow()
    from .core import run

    model = _load_model(args.resume) if args.resume else None
    # The model's own optimizer (and its state) goes on unless the command names another one.
    keep = bool(args.resume) and known and (args.optimizer is None or args.optimizer == base.optimizer)
    n_train = min(args.train_size or len(data.x_train), len(data.x_train))
    first = int(resume_meta.get("epochs_run") or 0) if args.resume else 0
    span = f"epochs {first + 1}–{first + config.epochs}" if args.resume else f"{config.epochs} epochs"
    mixed = ""
    if drawings is not None:
        from .core.drawings import mix_repeats

        copies = mix_repeats(n_train, len(drawings[1]), share)
        mixed = f" + {len(drawings[1])} drawings ×{copies}"
    print(f"training {preset_title(config.preset)}{' (continued)' if args.resume else ''}: {span}, "
          f"batch {config.batch_size}, {n_train} images{' augmented' if config.augment else ''}{mixed}, "
          f"validating on {len(data.x_test)}")
    progress = terminal.EpochProgress(first + config.epochs)
    # Ctrl-C stops as the app's Stop does, and the last finished epoch is saved; a second aborts.
    with terminal.CtrlC() as ctrl_c:
        outcome = run.train(config, data, model=model, prior=resume_meta, train_size=args.train_size,
                            progress=progress, fast=not args.plain_fit, keep_optimizer=keep, drawings=drawings,
                            drawings_share=share, stop_event=ctrl_c.event, stop_keeps_last_epoch=True)
        progress.close()
        if ctrl_c.event.is_set():
            return _save_interrupted(outcome, out)
        code = _save_trained(outcome, out)
        return EXIT_INTERRUPTED if code == 0 and ctrl_c.event.is_set() else code  # Ctrl-C while saving


def _save_trained(outcome, out) -> int:
    from .core import storage

    result = outcome.result
    if outcome.diverged and outcome.model is None:
        raise CliError("mnist-gui train: training diverged in its first epoch (the loss became NaN or "
                       "infinite); nothing was saved. Try a lower learning rate.")
    try:
        storage.save_model(outcome.model, out, outcome.metadata)
    except storage.ModelFileError as exc:
        raise CliError(f"mnist-gui train: {exc}") from None
    if outcome.diverged:
        raise CliError(f"mnist-gui train: training diverged in epoch {outcome.epochs_total + 1} (the loss "
                       f"became NaN or infinite); saved the weights of epoch {outcome.kept_epoch} to {out}. "
                       "Try a lower learning rate.")
    final = {k: v[-1] for k, v in outcome.history.items() if v}
    print(f"saved {out}")
    print(f"test_accuracy={final.get('val_accuracy', float('nan')):.4f} "
          f"test_loss={final.get('val_loss', float('nan')):.4f} epochs={outcome.epochs_total} "
          f"seconds={result.seconds:.1f}")
    return 0


def _save_interrupted(outcome, out) -> int:
    """After Ctrl-C: save the model of the last finished epoch as a normal run would, say what was
    kept, and exit 130 (the shell's code for an interrupt)."""
    from .core import storage

    where = (f"after epoch {outcome.epochs_total}" if not outcome.stopped and not outcome.diverged
             else f"in epoch {outcome.epochs_total + 1}")
    if outcome.model is None or outcome.result.epochs_run == 0:
        print(f"mnist-gui: interrupted {where}; no epoch finished, nothing was saved", file=sys.stderr)
        return EXIT_INTERRUPTED
    epoch = outcome.kept_epoch or outcome.epochs_total
    try:
        storage.save_model(outcome.model, out, outcome.metadata)
    except storage.ModelFileError as exc:
        raise CliError(f"mnist-gui train: interrupted {where}; {exc}") from None
    accuracy = outcome.metadata.get("test_accuracy")
    measured = f" (test accuracy {accuracy:.4f})" if isinstance(accuracy, float) else ""
    print(f"mnist-gui: interrupted {where}; saved the model of epoch {epoch} to {out}{measured}", file=sys.stderr)
    return EXIT_INTERRUPTED


def cmd_evaluate(args) -> int:
    from .core.quiet import quiet

    _check_model_file(args.model)
    data = _load_data(args)
    _quiet_tensorflow()
    with quiet():  # Keras' warnings about a file's optimizer state: not this command's output
        model = _load_model(args.model)
        from .core.training import evaluate

        loss, accuracy = evaluate(model, data.x_test, data.y_test)
    print(f"test_accuracy={accuracy:.4f} test_loss={loss:.4f}")
    return 0


def cmd_predict(args) -> int:
    """Ten probabilities (a softmax of a model's logits, if it outputs those), then the answer; or,
    without --index, the digits in image files (cli_images)."""
    if args.index is None:
        from .cli_images import read_images

        return read_images(args.inputs, args.model or _default_model_path(), args.json, _load_model,
                           _quiet_tensorflow)
    from .core.quiet import quiet

    _check_model_file(args.model)
    data = _load_data(args)
    if not 0 <= args.index < len(data.x_test):
        raise CliError(f"mnist-gui predict: --index must be between 0 and {len(data.x_test) - 1}")
    _quiet_tensorflow()
    with quiet():
        model = _load_model(args.model)
        from .core.training import Predictor

        probs = Predictor(model)(data.x_test[args.index])
    for digit, p in enumerate(probs):
        print(f"{digit}: {p:.4f}")
    print(f"predicted={int(probs.argmax())} actual={int(data.y_test[args.index])}")
    return 0


def cmd_export(args) -> int:
    """Export (unless --check), then the parity check; exit 1 with one line if the export disagrees."""
    if args.format in CODE_FORMATS:
        return _export_code(args)
    from .core import export, storage
    from .core.quiet import quiet

    try:
        path = export.check_destination(args.out, args.format)
        if args.int8 and args.format != "litert":
            raise export.ExportError("--int8 applies to the litert format only.")
        if args.check and not path.exists():
            raise export.ExportError(f"No exported model at {path} to check.")
    except export.ExportError as exc:
        raise CliError(f"mnist-gui export: {exc}") from None
    _check_model_file(args.model)
    data = _load_data(args)
    _quiet_tensorflow()
    metadata = storage.read_metadata(args.model)
    try:
        with quiet():  # LiteRT's XNNPACK line, "Assets written to", Keras' warnings
            model = _load_model(args.model)
            if args.check:
                parity = export.parity_check(model, path, args.format, data.x_test, data.y_test,
                                             extra_sets=export.drawn_digit_sets(data.x_test, data.y_test),
                                             int8=args.int8)
                export.record_parity(path, parity)
            else:
                report = export.export_and_verify(model, path, args.format, data.x_test, data.y_test,
                                                  metadata=metadata, source=args.model, int8=args.int8,
                                                  calibration_images=data.x_train)
                parity = report.parity
    except export.ExportError as exc:
        raise CliError(f"mnist-gui export: {exc}") from None
    if not args.check:
        print(f"exported {args.format}{' int8' if args.int8 else ''} to {path} "
              f"({report.size_bytes / 1e6:.2f} MB, {report.seconds:.1f} s); contract: {report.contract}")
    print(parity.line())
    for extra in parity.extra:
        print(f"{extra.name}: images={extra.images} agreement={extra.agreement:.4f} "
              f"max_prob_diff={extra.max_prob_diff:.2e}")
    print(f"one image: {parity.export_ms_per_image:.3f} ms exported, {parity.keras_ms_per_image:.3f} ms Keras "
          f"(median); test_accuracy_keras={parity.test.accuracy_keras:.4f}")
    if args.int8:
        with quiet():
            _report_int8(model, parity, data)
    if not parity.passed:
        worst = min([parity.test, *parity.extra], key=lambda s: s.agreement)
        hint = " (int8 does not suit this model: use the float export)" if args.int8 else ""
        print(f"mnist-gui export: parity check FAILED: {worst.name} set agreement {worst.agreement:.4f} "
              f"< {parity.threshold:.3f}{hint}", file=sys.stderr)
        return 1
    return 0


def _export_code(args) -> int:
    """The model's run as plain Keras code: only its sidecar is read (no data, no TensorFlow)."""
    from .core import codegen

    if args.check or args.int8:
        raise CliError(f"mnist-gui export: --check and --int8 apply to model exports, not to --format {args.format}")
    try:
        path = codegen.write_code(args.model, args.out, args.format)
    except codegen.CodegenError as exc:
        raise CliError(f"mnist-gui export: {exc}") from None
    how = f"python {path.name} [--epochs N] [--data PATH]" if args.format == "script" else "Jupyter, top to bottom"
    print(f"wrote the run of {Path(args.model).name} as a {args.format} to {path} (run it with {how})")
    return 0


def _report_int8(model, parity, data) -> None:
    """What int8 costs in accuracy and gains in size and speed, against the float LiteRT export."""
    import tempfile

    from .core import export

    with tempfile.TemporaryDirectory() as folder:
        float_path = Path(folder) / "float.tflite"
        export.export_model(model, float_path, "litert")
        floating = export.parity_check(model, float_path, "litert", data.x_test[:1000], data.y_test[:1000])
        float_size = floating.size_bytes
    cost = (parity.test.accuracy_keras - parity.test.accuracy_export) * 100
    print(f"int8: accuracy cost {cost:+.2f} points ({parity.test.accuracy_export:.4f} vs "
          f"{parity.test.accuracy_keras:.4f}); size {parity.size_bytes / 1e6:.2f} MB vs {float_size / 1e6:.2f} MB "
          f"float ({float_size / parity.size_bytes:.1f}x smaller); one image {parity.export_ms_per_image:.3f} ms "
          f"vs {floating.export_ms_per_image:.3f} ms float "
          f"({floating.export_ms_per_image / parity.export_ms_per_image:.1f}x faster)")


def cmd_drawings(args) -> int:
    import numpy as np

    from .core.drawings import DrawingsError, DrawingStore

    if args.model and not args.export:
        _check_model_file(args.model)  # before anything is printed
    store = DrawingStore()
    try:
        store.load()  # files it skips are logged (stderr), one line each
    except DrawingsError as exc:
        raise CliError(f"mnist-gui drawings: {exc}") from None
    x, y = store.arrays()
    if args.export:
        try:
            n = store.export_npz(args.export)
        except DrawingsError as exc:
            raise CliError(f"mnist-gui drawings: {exc}") from None
        print(f"exported {n} drawings to {args.export}")
        return 0
    counts = np.bincount(y, minlength=10)
    print(f"drawings={len(y)} path={store.folder}")
    print("per digit: " + " ".join(f"{d}:{c}" for d, c in enumerate(counts)))
    if not len(y):
        return 0
    if args.model:
        path = Path(args.model)
    else:
        path = _default_model_path()
        if path is None:
            print("accuracy: no model to score them with (give --model)")
            return 0
    _quiet_tensorflow()
    from .core.training import Predictor

    predicted = Predictor(_load_model(path))(x).argmax(axis=1)
    right = predicted == y
    per_digit = " ".join(f"{d}:{int(right[y == d].sum())}/{int(c)}" for d, c in enumerate(counts) if c)
    print(f"right per digit: {per_digit}")
    print(f"model={path} accuracy={right.mean():.4f} ({int(right.sum())} of {len(y)})")
    return 0


def _default_model_path() -> Path | None:
    """The bundled model the app opens with at first launch (the best on the test set)."""
    from .core.storage import list_models
    from .paths import bundled_models_dir

    bundled = list_models(bundled_models_dir())
    return bundled[0][0] if bundled else None


def cmd_report(args) -> int:
    from .cli_report import make_report

    return make_report(args, sys.modules[__name__])


COMMANDS = {"train": cmd_train, "evaluate": cmd_evaluate, "predict": cmd_predict, "data": cmd_data,
            "export": cmd_export, "drawings": cmd_drawings, "report": cmd_report}
