"""What the command line needs around its commands: only our own lines on stderr, Ctrl-C that
stops training as the app's Stop does, Keras' progress bar one line per epoch. No TensorFlow here."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading

# The data loader's notes on sources that did not serve: if one serves, "MNIST served by" says
# which; if none does, the error's one line lists every source's reason.
_UNSAID = ("No MNIST cache at", "MNIST not available from")


class OurLines(logging.StreamHandler):
    """Our loggers' records (which source served MNIST, ...) as plain lines on the current stderr."""

    def __init__(self):
        super().__init__()
        self.setFormatter(logging.Formatter("%(message)s"))
        self.addFilter(lambda record: record.name.partition(".")[0] == "mnist_gui" and not (
            record.levelno < logging.WARNING and str(record.msg).startswith(_UNSAID)))

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):  # StreamHandler sets it; the current sys.stderr is used instead
        pass


def log_our_lines_only() -> None:
    """Our log lines on stderr; not the libraries': Keras' and absl's records ("You are saving your
    model as an HDF5 file...", "Compiled the loaded model, but the compiled metrics...") and Python
    warnings (Keras' optimizer warnings) are about Keras, not about what the user asked for."""
    root = logging.getLogger()
    if root.handlers:  # a program calling main() (or pytest) says where records go, as with basicConfig
        return
    root.addHandler(OurLines())
    logging.getLogger("mnist_gui").setLevel(logging.INFO)
    logging.captureWarnings(True)  # to the "py.warnings" logger, which OurLines leaves out


class CtrlC:
    """While training: the first SIGINT sets ``event`` (training stops as the app's Stop does), the
    next one raises KeyboardInterrupt at once. Outside the main thread, or when SIGINT is ignored
    (a background job), nothing changes."""

    def __init__(self):
        self.event = threading.Event()
        self._previous = None

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            previous = signal.getsignal(signal.SIGINT)
            if previous is not signal.SIG_IGN:
                signal.signal(signal.SIGINT, self._first)
                self._previous = (previous,)  # may be None: a handler not set from Python
        return self

    def _first(self, signum, frame):
        self.event.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *exc_info):
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous[0] if self._previous[0] is not None else signal.SIG_DFL)
        return False


class EpochProgress:
    """Keras' own progress bar, one line per epoch."""

    def __init__(self, epochs: int):
        self.epochs = epochs
        self.bar = None

    def on_batch(self, epoch, done, total, logs):
        import keras

        if self.bar is None:
            print(f"Epoch {epoch + 1}/{self.epochs}")
            self.bar = keras.utils.Progbar(total, stateful_metrics=list(logs))
        self.bar.update(done, values=list(logs.items()))

    def on_epoch(self, epoch, logs, weights=None):
        if self.bar is not None:
            self.bar.update(self.bar.target, values=list(logs.items()), finalize=True)
        self.bar = None

    def close(self) -> None:
        """End an interrupted epoch's bar line, so that what follows starts on a line of its own."""
        if self.bar is not None:
            print(flush=True)
            self.bar = None


class VersionAction(argparse.Action):
    """argparse's "version" action, with the version read only when asked for: reading it at every
    launch (importlib.metadata) cost ~20 ms of the window's start-up."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from . import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()
