"""One training run in a child process (no Qt): ``core.run.train`` there, its progress and result here.

Why a process: a run's tracing and compiling hold Python's GIL for 20-50 ms at a time, and in one
process the window waits as long (a dropped frame). The child has its own GIL; what the window's
process still does for a run (the live copy it predicts with) holds it under a frame
(``benchmarks/gil_live_copy.py``). A child can also always be stopped (killed), a crash in
TensorFlow ends the child and not the app, and a run's memory returns to the system with it.

A child is spawned (never forked: TensorFlow's threads do not survive a fork), imports TensorFlow
(~3.4 s), may be given the data ahead of a run (``TrainingChild.give_data``), trains one run and
exits. Messages are pickled tuples over a ``multiprocessing`` pipe between the app and the child it
started, never anything read from a file. Models cross as a Keras config (deserialized with
``safe_mode``) and their variables (``model_payload``).

Child → parent: ("ready",) (once TensorFlow is imported and, if the data came by then, what a run's
end needs is prepared: ``_calibrate_ahead``), ("model", config), ("batch", epoch, done, total, logs),
("health", epoch, stats), ("epoch", epoch, logs, weights), ("setting", change),
("finished", outcome without its model, model payload or None), ("failed", message).
Parent → child: ("data", MnistData without its arrays, [(field, shape, dtype)]) then each array's
raw bytes (``send_bytes``: written from the array itself, so the GIL is not held for a 55-MB pickle),
("run", train arguments, model payload or None),
("stop",), ("change", {field: value}).
"""

from __future__ import annotations

import copy
import logging
import os
import sys
import threading
import time
import traceback
from concurrent.futures import Future
from dataclasses import fields, replace

log = logging.getLogger("mnist_gui.training")

BATCH_REPORT_INTERVAL = 0.05  # at most 20 batch reports a second
CHILD_NICE = 10               # the window's process keeps a core (see jobs.background_priority)
ENDED_GRACE = 5.0             # seconds a child may take to exit after its last message


class TrainingProcessError(RuntimeError):
    """The child could not start, or ended without a result (crashed, killed, out of memory)."""


# ---- models across the pipe -------------------------------------------------------------------------

def model_payload(model) -> dict:
    """What rebuilds ``model`` in another process: its Keras config, variables, and optimizer (its
    config and state) when it has one that can go on training it."""
    import keras
    import numpy as np

    payload = {"model": keras.saving.serialize_keras_object(model),
               "variables": [np.array(v) for v in model.variables]}
    optimizer = getattr(model, "optimizer", None) if getattr(model, "compiled", False) else None
    if isinstance(optimizer, keras.optimizers.Optimizer):
        try:
            payload["optimizer"] = keras.saving.serialize_keras_object(optimizer)
        except Exception:  # an optimizer that cannot be described is not kept: a fresh one trains
            log.warning("optimizer not handed over:\n%s", traceback.format_exc())
        else:
            payload["optimizer_variables"] = ([np.array(v) for v in optimizer.variables]
                                              if optimizer.built else None)
    return payload


def from_config(config: dict):
    """The Keras object (a new model, an optimizer) a config from the other process describes; in
    Keras' safe mode (a Lambda layer's code is never loaded)."""
    import keras

    return keras.saving.deserialize_keras_object(config, safe_mode=True)


def model_from_payload(payload: dict, shell=None):
    """The model ``model_payload`` described: same architecture, weights and optimizer state.
    ``shell``: a new model of that architecture (uncompiled) to load, rather than make one."""
    from .storage import compile_for_app

    model = from_config(payload["model"]) if shell is None else shell
    _assign(model.variables, payload["variables"], "model variables")
    if "optimizer" in payload:
        optimizer = from_config(payload["optimizer"])
        compile_for_app(model, optimizer)
        state = payload.get("optimizer_variables")
        if state is not None:
            optimizer.build(model.trainable_variables)
            _assign(optimizer.variables, state, "optimizer states")
    return model


def _assign(variables, values, what: str) -> None:
    variables = list(variables)
    if len(variables) != len(values) or any(tuple(v.shape) != tuple(a.shape) for v, a in zip(variables, values)):
        raise TrainingProcessError(f"{what} differ between the two processes")
    for variable, value in zip(variables, values):
        variable.assign(value)


# ---- the parent's side --------------------------------------------------------------------------------

class TrainingChild:
    """One child process, for one run. ``run`` blocks (call it off the UI thread); ``stop``,
    ``change`` and ``kill`` may be called from any thread."""

    def __init__(self):
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._conn, child_end = context.Pipe(duplex=True)
        self._send_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._begun = self._cancelled = False  # the run has ended a step / was ended before that
        self.data = None           # the data the child holds (given, or being given)
        self.process = context.Process(target=child_main, args=(child_end,), name="mnist-gui training",
                                       daemon=True)
        try:
            self.process.start()
        except Exception as exc:
            self._conn.close()
            raise TrainingProcessError(f"The training process could not start: {exc}") from None
        finally:
            child_end.close()
        self._sender: threading.Thread | None = None
        self._architecture = None  # the run's model as the child described it ("model")
        self._result_shell = None  # a Future: a model of it, made while a stopped run winds down

    def is_ready(self) -> bool:
        """True once an idle child has imported TensorFlow and prepared for its data (its first
        message, "ready", waits)."""
        try:
            return not self._conn.closed and self._conn.poll()
        except (OSError, ValueError):
            return False

    def give_data(self, data) -> None:
        """Send the data ahead of a run, on a thread of its own (pickling and sending ~55 MB)."""
        if self.data is data:
            return
        self.data = data
        self._wait_sender()
        self._sender = threading.Thread(target=self._send_data, args=(data,), name="training data",
                                        daemon=True)
        self._sender.start()

    def run(self, data, train_args: dict, model=None, *, on_model=None, on_batch=None, on_epoch=None,
            on_health=None, on_setting=None):
        """Train in the child as ``core.run.train(config, data, model=model, **train_args)``; the
        callbacks (called on this thread) follow it; returns its ``core.run.RunOutcome``. Raises
        ``core.training.TrainingError`` for what the run refused or failed at (one line), and
        ``TrainingProcessError`` if the child ended without a result."""
        handlers = {"model": on_model, "batch": on_batch, "health": on_health, "epoch": on_epoch,
                    "setting": on_setting}
        try:
            self.give_data(data)
            payload = None if model is None else model_payload(model)
            self._wait_sender()
            self._send(("run", train_args, payload))
            return self._follow(handlers)
        except BaseException as exc:
            self.kill()  # nothing follows the child any more
            self._reap()
            if self._cancelled and isinstance(exc, Exception):  # the kill's own consequence
                from .run import RunOutcome

                return RunOutcome.nothing_trained()
            raise
        finally:  # whoever keeps this object after the run does not keep a model with it
            self._architecture = self._result_shell = None

    def _follow(self, handlers):
        from .training import TrainingError

        while True:
            message = self._receive()
            kind = message[0]
            if kind == "finished":
                self._reap()
                outcome, payload = message[1], message[2]
                return replace(outcome, model=None if payload is None else self._result_model(payload))
            if kind == "model":
                self._architecture = message[1]
            if kind == "failed":
                self._reap()
                raise TrainingError(message[1])
            if kind == "batch":  # a step has ended: from now on a Stop keeps what it trained
                with self._state_lock:
                    self._begun = True
            handler = handlers.get(kind)
            if handler is not None:
                handler(*message[1:])

    def stop(self) -> None:
        self._send(("stop",))
        self._make_result_shell()

    def _make_result_shell(self) -> None:
        """The model a stopped run's result is loaded into, made from its architecture on a thread
        while the child winds down, not once the result has come (0.04-0.24 s of a Stop, measured)."""
        architecture = self._architecture
        if architecture is None or self._result_shell is not None:
            return
        future = self._result_shell = Future()

        def make():
            try:
                future.set_result(from_config(copy.deepcopy(architecture)))  # deserializing takes it apart
            except Exception as exc:  # the result is then made as usual
                future.set_exception(exc)

        threading.Thread(target=make, name="result model", daemon=True).start()

    def _result_model(self, payload: dict):
        from .trainers import config_key

        future, shell = self._result_shell, None
        # A compiled model's config compiles it (a payload without an optimizer): not a shell's
        if (future is not None and "optimizer" in payload
                and config_key(payload["model"]) == config_key(self._architecture)):
            try:
                shell = future.result()
            except Exception:
                log.warning("no model made ahead for the result:\n%s", traceback.format_exc())
        if shell is not None:
            try:
                return model_from_payload(payload, shell)
            except TrainingProcessError:  # the variables differ after all
                log.warning("the model made ahead did not fit the result", exc_info=True)
        return model_from_payload(payload)

    def cancel(self) -> bool:
        """End the child at once if its run has not ended a step yet (a new child may still be
        importing TensorFlow for seconds, and a CNN's first step is traced and compiled for 2-4 s):
        ``run`` then returns ``RunOutcome.nothing_trained()``. False once a step has ended: ``stop``
        the run instead (it ends after its current step)."""
        with self._state_lock:
            if self._begun:
                return False
            self._cancelled = True
        self.kill()
        return True

    def change(self, **changes) -> None:
        self._send(("change", changes))

    def kill(self) -> None:
        """End the child now (a run's result is lost); ``run`` then raises ``TrainingProcessError``."""
        if self.process.exitcode is None:
            self.process.kill()

    def wait_ended(self, timeout: float | None = None):
        """The child's exit code once it has ended (None if it is still running after ``timeout``).
        Several threads may wait: each waits on the process's sentinel, and only reads the code
        (which the first to see the end records for all)."""
        from multiprocessing.connection import wait

        if not wait([self.process.sentinel], timeout):
            return None
        deadline = time.monotonic() + 1.0
        while self.process.exitcode is None and time.monotonic() < deadline:  # another thread records it
            time.sleep(0.005)
        return self.process.exitcode

    def close(self) -> None:
        """End an idle child (it holds nothing of value; a data transfer under way ends with it)."""
        self.kill()
        self._reap()

    def _send(self, message, *buffers) -> None:
        """``message`` pickled, then each buffer's raw bytes, together (no other send between)."""
        with self._send_lock:  # the closing in _reap waits for a send under way
            try:
                self._conn.send(message)
                for buffer in buffers:
                    self._conn.send_bytes(memoryview(buffer).cast("B"))  # flat: a message's length is len()
            except (OSError, ValueError):  # the child is gone (or closed): run() says so when it reads
                pass

    def _send_data(self, data) -> None:
        # Pickled whole, the arrays were copied into one bytes object with the GIL held: 30-40 ms of
        # a frozen window at every run's end, when the next child is given the data.
        import numpy as np

        arrays = {f.name: np.ascontiguousarray(getattr(data, f.name)) for f in fields(data)
                  if isinstance(getattr(data, f.name), np.ndarray)}
        specs = [(name, array.shape, array.dtype.str) for name, array in arrays.items()]
        self._send(("data", replace(data, **dict.fromkeys(arrays)), specs), *arrays.values())

    def _wait_sender(self) -> None:
        if self._sender is not None and self._sender is not threading.current_thread():
            self._sender.join()

    def _receive(self):
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            raise TrainingProcessError(_ended_message(self.wait_ended(ENDED_GRACE))) from None

    def _reap(self) -> None:
        """The child exits after its last message; waited for on a thread of its own."""

        def reap():
            if self.wait_ended(ENDED_GRACE) is None:
                self.process.kill()
                self.wait_ended()
            with self._send_lock:  # not in the middle of a send
                self._conn.close()

        threading.Thread(target=reap, name="training process end", daemon=True).start()


def _ended_message(code) -> str:
    if code is not None and code < 0:
        import signal

        try:
            signal_name = signal.Signals(-code).name
        except ValueError:
            signal_name = f"signal {-code}"
        return f"The training process was ended ({signal_name}); the run's result is lost."
    if code in (None, 0):
        return "The training process ended without a result."
    return f"The training process failed (exit code {code}); the run's result is lost."


# ---- the child's side ----------------------------------------------------------------------------------

def child_main(conn) -> None:
    """The child: wait for the data and one run, train it, report, exit."""
    if hasattr(os, "nice"):
        try:
            os.nice(CHILD_NICE)
        except OSError:  # only smoothness is lost
            pass
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras  # noqa: F401  TensorFlow (~3 s) now, before a run is asked for
    import tensorflow  # noqa: F401

    from . import augment, health, run  # noqa: F401  and the modules a run imports

    # The augmenter's first eager call (0.3 s) now, not when a run with smoothed labels ends (a Stop)
    import numpy as np

    augment.augmenter(seed=0)(np.zeros((1, 28, 28), np.float32), training=True)
    from .models import build_model, preset, training_policy

    if training_policy(preset("cnn")) is None:  # a float32 CNN run: its first block's way, measured now
        from . import fused

        fused.stand_ins(build_model(preset("cnn"), compile=False))  # fused.method_for, 0.4 s

    data = pending = None
    try:
        if conn.poll():  # the data, sent as this process started: prepared for before it says it is ready
            pending = conn.recv()
            if pending[0] == "data":
                data, pending = _receive_data(conn, *pending[1:]), None
                _calibrate_ahead(data)
        conn.send(("ready",))
    except (EOFError, OSError):  # closed before it was ready: the app is gone or closing
        return
    stopped = False  # a Stop that came before the run (its first step then ends it)
    while True:
        try:
            message, pending = pending or conn.recv(), None
        except (EOFError, OSError):  # the app is gone, or closed this idle child
            return
        if message[0] == "data":
            data = _receive_data(conn, *message[1:])
            if not conn.poll():  # no run asked for yet (else its end does this itself)
                _calibrate_ahead(data)  # never beside a run: the process's augmenter is shared
        elif message[0] == "stop":
            stopped = True
        elif message[0] == "run":
            _train(conn, data, message[1], message[2], stopped)
            conn.close()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)  # at once: TensorFlow's own clean-up at exit only delays the end


def _receive_data(conn, shell, specs):
    """The data ``TrainingChild._send_data`` sent: its arrays' bytes read straight into new arrays."""
    import numpy as np

    arrays = {}
    for name, shape, dtype in specs:
        array = arrays[name] = np.empty(shape, np.dtype(dtype))
        conn.recv_bytes_into(memoryview(array).cast("B"))
    return replace(shell, **arrays)


def _calibrate_ahead(data) -> None:
    """What the end of a run with smoothed labels (a preset's) needs, made while this process waits:
    that end comes sooner, after a Stop too (``core.calibration.prepare``, 0.2-0.4 s)."""
    from .calibration import prepare
    from .models import PRESETS, build_model

    try:
        for settings in PRESETS.values():
            if settings.label_smoothing:
                config = settings.defaults
                prepare(build_model(config, compile=False, seeded=False), data.x_train, data.y_train, seed=config.seed)
    except Exception:  # the run's end does it then
        log.warning("calibration not prepared:\n%s", traceback.format_exc())


def _train(conn, data, train_args: dict, payload, stopped: bool = False) -> None:
    from . import run, training
    from .live import LiveSettings
    from .models import ConfigError, ModelConfig

    train_args = dict(train_args)
    config: ModelConfig = train_args.pop("config")
    stop_event = threading.Event()
    if stopped:
        stop_event.set()
    send_lock = threading.Lock()

    def send(*message):
        with send_lock:
            try:
                conn.send(message)
            except (OSError, ValueError):  # the app is gone: nothing to train for
                stop_event.set()

    live = LiveSettings(config, on_applied=lambda change: send("setting", change))
    threading.Thread(target=_listen, args=(conn, stop_event, live), name="training orders", daemon=True).start()
    health = None
    last_batch = 0.0

    def on_model(trainer):
        nonlocal health
        import keras

        from .trainers import float32_clone

        send("model", keras.saving.serialize_keras_object(float32_clone(trainer)))
        health = _monitor(trainer, data)

    def on_batch(epoch, done, total, logs):
        nonlocal last_batch
        now = time.monotonic()
        if now - last_batch >= BATCH_REPORT_INTERVAL or done == total:
            last_batch = now
            send("batch", epoch, done, total, logs)

    def on_epoch(epoch, logs, weights):
        nonlocal health
        if health is not None:
            try:
                send("health", epoch, health.measure(epoch))
            except Exception:  # informative only: the run goes on without it
                log.warning("training health not measured:\n%s", traceback.format_exc())
                health = None
        send("epoch", epoch, logs, weights)

    try:
        if data is None:
            raise training.TrainingError("no training data was given to the training process")
        model = None if payload is None else model_from_payload(payload)
        outcome = run.train(config, data, model=model, stop_event=stop_event, on_model=on_model, live=live,
                            progress=training.callback_progress(on_batch, on_epoch), **train_args)
    except (ConfigError, training.TrainingError) as exc:
        send("failed", str(exc))
    except MemoryError:
        send("failed", "Out of memory: try a smaller model or batch size.")
    except Exception as exc:
        print(f"training failed:\n{traceback.format_exc()}", file=sys.stderr)
        send("failed", f"Training failed: {exc}")
    else:
        result = None if outcome.model is None else model_payload(outcome.model)
        send("finished", replace(outcome, model=None), result)


def _listen(conn, stop_event: threading.Event, live) -> None:
    """The parent's orders during the run; its end (the app gone) stops the run."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            stop_event.set()
            return
        if message[0] == "stop":
            stop_event.set()
        elif message[0] == "change":
            try:
                live.request(**message[1])
            except ValueError:
                log.warning("refused a setting change: %r", message[1])


def _monitor(model, data):
    from .health import HealthMonitor

    try:
        return HealthMonitor(model, data.x_train, data.y_train)
    except Exception:
        log.warning("training health not measured:\n%s", traceback.format_exc())
        return None
