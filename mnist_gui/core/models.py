"""Model presets built from a small config object.

Every model takes raw pixels, shape (28, 28), values 0..255 as float, and returns ten softmax
probabilities: the notebook fed unscaled pixels into its BatchNormalization layer, and keeping
that contract for every preset means the Gallery and Draw Pad never need to know which model
they are talking to.

Keras is imported inside the functions so that importing this module stays fast.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import os
from dataclasses import dataclass

ACTIVATIONS = ("sigmoid", "relu", "tanh", "elu", "selu", "gelu", "swish")
OPTIMIZERS = ("sgd", "adam")
SCHEDULES = ("constant", "step", "cosine", "one_cycle")
# Of a run's steps, rising from ONE_CYCLE_START of the rate. 5%, not 15%: the CNN preset's first
# epoch then reads ≥ 99.0% in float32 too (benchmarks/time_to_accuracy.py --float32).
ONE_CYCLE_WARMUP = 0.05
ONE_CYCLE_START, ONE_CYCLE_END = 0.1, 0.002
# The one place ranges live: validate() checks them, the form's fields and the CLI take them.
# (low, high, low_inclusive): learning rate 0 is no training, so its low end is excluded.
RANGES = {
    "learning_rate": (0.0, 10.0, False),
    "momentum": (0.0, 0.999, True),
    "weight_decay": (0.0, 0.1, True),
    "dropout": (0.0, 0.9, True),
    "lr_decay": (0.0, 1.0, False),
    "epochs": (1, 10_000, True),
    "batch_size": (1, 60_000, True),
    "seed": (0, 2**32 - 1, True),
    "hidden_units": (1, 4096, True),
}
FIELD_NAMES = {"learning_rate": "learning rate", "weight_decay": "weight decay", "lr_decay": "lr decay",
               "batch_size": "batch size", "hidden_units": "hidden"}


class ConfigError(ValueError):
    """A hyperparameter is out of range; the message names the field."""


def _check_range(field: str, value) -> None:
    low, high, low_inclusive = RANGES[field]
    name = FIELD_NAMES.get(field, field)
    whole = isinstance(low, int)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not isinstance(value, int)):
        raise ConfigError(f"{name}: must be a {'whole number' if whole else 'number'}, got {value!r}")
    inside = (low <= value if low_inclusive else low < value) and value <= high
    if not inside or value != value:
        lo, hi = (f"{low}", f"{high}") if whole else (f"{low:g}", f"{high:g}")
        span = f"from {lo} to {hi}" if low_inclusive else f"greater than {lo} and at most {hi}"
        raise ConfigError(f"{name}: must be {span}")


@dataclass(frozen=True)
class ModelConfig:
    preset: str = "seed"
    hidden: tuple[int, ...] = (200, 100, 60, 30)
    activation: str = "sigmoid"
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    epochs: int = 50
    batch_size: int = 32
    seed: int = 42
    momentum: float = 0.0        # SGD only
    weight_decay: float = 0.0    # decoupled, as Keras' optimizers apply it; 0 = none
    dropout: float = 0.0         # after each hidden layer of a dense model
    schedule: str = "constant"   # of the learning rate: per epoch (lr_at_epoch) or per batch (one_cycle: lr_at_step)
    lr_decay: float = 1.0        # the "step" schedule's factor per epoch
    # Random rotation, shear, zoom, shift and stroke width of the training images (core.augment);
    # a training option, not part of the model. False here: a sidecar from before it trained without.
    augment: bool = False

    def validate(self) -> "ModelConfig":
        if self.preset not in PRESETS:
            raise ConfigError(f"preset: unknown preset {self.preset!r} (choose {', '.join(PRESET_NAMES)})")
        if PRESETS[self.preset].has_hidden_layers:
            if not self.hidden:
                raise ConfigError("hidden: at least one hidden layer is needed")
            for units in self.hidden:
                _check_range("hidden_units", units)
        if self.activation not in ACTIVATIONS:
            raise ConfigError(f"activation: unknown activation {self.activation!r} (choose {', '.join(ACTIVATIONS)})")
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(f"optimizer: unknown optimizer {self.optimizer!r} (choose {', '.join(OPTIMIZERS)})")
        if self.schedule not in SCHEDULES:
            raise ConfigError(f"schedule: unknown schedule {self.schedule!r} (choose {', '.join(SCHEDULES)})")
        if not isinstance(self.augment, bool):
            raise ConfigError(f"augment: must be true or false, got {self.augment!r}")
        for field in ("learning_rate", "momentum", "weight_decay", "dropout", "lr_decay", "epochs",
                      "batch_size", "seed"):
            _check_range(field, getattr(self, field))
        return self

    def replace(self, **changes) -> "ModelConfig":
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["hidden"] = list(self.hidden)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "ModelConfig":
        known = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in d.items() if k in known}
        if "hidden" in values:
            values["hidden"] = tuple(int(n) for n in values["hidden"])
        if "schedule" not in values and values.get("lr_decay", 1.0) < 1.0:
            values["schedule"] = "step"  # sidecars from before schedules were named
        return cls(**values)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    def lr_at_epoch(self, epoch: int, first_epoch: int = 0, epochs_in_run: int | None = None) -> float:
        """The learning rate for ``epoch`` (0-based, counted over the model's whole training).

        step: ``lr_decay`` per epoch, counted from the model's first epoch, so a continued run
        carries on decaying; cosine: from the learning rate down to zero over each run (a warm
        restart when training continues).
        """
        if self.schedule == "step":
            return self.learning_rate * self.lr_decay ** epoch
        if self.schedule == "cosine":
            span = max(1, epochs_in_run or self.epochs)
            return self.learning_rate * 0.5 * (1 + math.cos(math.pi * (epoch - first_epoch) / span))
        return self.learning_rate

    def lr_at_step(self, step: int, total: int) -> float:
        """one_cycle, per batch over one run of ``total`` steps: up from a tenth of the rate over
        the first 5%, then a cosine down to almost nothing (a continued run starts a new cycle)."""
        total = max(1, total)
        up = max(1, round(ONE_CYCLE_WARMUP * total))
        if step < up:
            return self.learning_rate * (ONE_CYCLE_START + (1 - ONE_CYCLE_START) * step / up)
        t = min(1.0, (step - up) / max(1, total - up))
        return self.learning_rate * (ONE_CYCLE_END + (1 - ONE_CYCLE_END) * 0.5 * (1 + math.cos(math.pi * t)))


@dataclass(frozen=True)
class Preset:
    """What a preset is: the form, the CLI and validation read this, never the preset's name."""

    name: str
    title: str
    description: str
    defaults: ModelConfig
    editable: frozenset[str]       # ModelConfig fields the user may change
    architecture: str              # "dense" (a hidden-layer stack) or "cnn"
    training_path: str             # "compiled chunks" or "Keras step loop": how core.training.fit runs it
    # Momentum of the moving average of the weights that validation and the result use
    # (core.averaging.weight_averager); 0: the weights as the last step left them.
    weight_average: float = 0.0
    # Train in bfloat16 where the CPU computes it natively (training_policy): the model handed
    # out, saved and exported still computes in float32.
    bfloat16_training: bool = False
    # Targets of 1 − ε + ε/10 and ε/10 instead of one-hot (targets below): the model
    # learns sooner; its handed-out copy gets a temperature back (core.calibration).
    label_smoothing: float = 0.0

    @property
    def has_hidden_layers(self) -> bool:
        return self.architecture == "dense"


_ALL_KNOBS = frozenset({"hidden", "activation", "optimizer", "learning_rate", "momentum", "weight_decay",
                        "dropout", "schedule", "lr_decay", "epochs", "batch_size", "augment"})

PRESETS: dict[str, Preset] = {p.name: p for p in (
    # The notebook's model, exactly: only how long and in which batches it trains may change.
    Preset("seed", "Seed DNN (notebook)",
           "The notebook's model: Reshape 784 → BatchNorm → Dense 200/100/60/30 sigmoid → softmax, "
           "SGD 0.03, batch 32, 50 epochs. Choose MLP to change the architecture.",
           ModelConfig(), frozenset({"epochs", "batch_size", "augment"}), "dense", "compiled chunks"),
    Preset("mlp", "MLP (editable)",
           "Edit freely: hidden sizes, activation, dropout, optimizer, momentum, weight decay and the "
           "learning-rate schedule.",
           ModelConfig(preset="mlp", hidden=(256, 128), activation="relu", optimizer="adam",
                       learning_rate=0.001, epochs=10, batch_size=64),
           _ALL_KNOBS, "dense", "compiled chunks"),
    Preset("cnn", "CNN",
           "Three small convolutions, Adam with a one-cycle learning rate, augmented digits, "
           "averaged weights: quick on a CPU, ≈99.0% test accuracy after 1 epoch, ≈99.4% in 6.",
           ModelConfig(preset="cnn", hidden=(), activation="relu", optimizer="adam",
                       learning_rate=0.008, epochs=6, batch_size=256, schedule="one_cycle", augment=True),
           frozenset({"optimizer", "learning_rate", "weight_decay", "schedule", "lr_decay", "epochs",
                      "batch_size", "augment"}), "cnn", "Keras step loop", weight_average=0.99,
           bfloat16_training=True, label_smoothing=0.1),
)}
PRESET_NAMES = tuple(PRESETS)
PRESET_TITLES = {name: p.title for name, p in PRESETS.items()}


def preset_title(name: str | None) -> str:
    return PRESETS[name].title if name in PRESETS else (name or "Model")


BFLOAT16_CPU_FLAGS = ("amx_bf16", "avx512_bf16")  # /proc/cpuinfo's names for native bfloat16


def native_bfloat16() -> bool:
    """Whether this CPU computes bfloat16 natively (Intel AMX or AVX-512 BF16, as Linux reports
    them). Elsewhere bfloat16 is emulated and slower than float32. ``MNIST_GUI_BFLOAT16=0`` or
    ``=1`` overrides the answer (benchmarks compare both; tests take the bfloat16 path anywhere)."""
    forced = os.environ.get("MNIST_GUI_BFLOAT16", "").strip()
    if forced in ("0", "1"):
        return forced == "1"
    return _cpu_flags_have_bfloat16()


@functools.cache
def _cpu_flags_have_bfloat16() -> bool:  # the CPU does not change: read /proc/cpuinfo once
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return any(flag in line.split() for flag in BFLOAT16_CPU_FLAGS)
    except OSError:  # not Linux
        pass
    return False


def training_policy(config: ModelConfig) -> str | None:
    """The Keras dtype policy a run of ``config`` trains under, None for float32.

    bfloat16 has float32's range, so no loss scaling; the CNN preset's steps take 0.57 of the time
    on this project's AMX machine, at the same accuracy (benchmarks/time_to_accuracy.py)."""
    if PRESETS[config.preset].bfloat16_training and native_bfloat16():
        return "mixed_bfloat16"
    return None


def preset(name: str, **overrides) -> ModelConfig:
    """The named preset, with any hyperparameters overridden, validated."""
    if name not in PRESETS:
        raise ConfigError(f"preset: unknown preset {name!r} (choose {', '.join(PRESET_NAMES)})")
    return PRESETS[name].defaults.replace(**overrides).validate()


def parse_hidden(text: str) -> tuple[int, ...]:
    """'200,100,60,30' -> (200, 100, 60, 30); raises ConfigError with a readable message."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if not parts:
        raise ConfigError("hidden: give layer sizes like 200,100,60,30")
    try:
        sizes = tuple(int(p) for p in parts)
    except ValueError:
        raise ConfigError(f"hidden: {text!r} is not a list of whole numbers like 200,100,60,30") from None
    for units in sizes:
        _check_range("hidden_units", units)
    return sizes


def make_optimizer(config: ModelConfig):
    import keras

    # No weight_decay argument at all when it is 0: the Seed DNN's optimizer stays the notebook's.
    decay = {"weight_decay": float(config.weight_decay)} if config.weight_decay else {}
    if config.optimizer == "sgd":
        return keras.optimizers.SGD(learning_rate=float(config.learning_rate), momentum=float(config.momentum),
                                    **decay)
    return keras.optimizers.Adam(learning_rate=float(config.learning_rate), **decay)


def build_model(config: ModelConfig, *, compile: bool = True, jit_compile="auto",
                steps_per_execution: int = 1, seeded: bool = True):
    """A new Keras model for ``config``, seeded so that the same config gives the same weights
    (``seeded=False``: any weights, and the process's random generators are left alone)."""
    import keras
    from keras import layers

    config.validate()
    if seeded:
        keras.utils.set_random_seed(config.seed)
    if PRESETS[config.preset].architecture == "cnn":
        model = _cnn(keras, layers)
    else:
        # The notebook: Reshape 28x28 -> 784, BatchNormalization, Dense stack, softmax.
        model = keras.Sequential(name="seed_dnn" if config.preset == "seed" else config.preset)
        model.add(keras.Input(shape=(28, 28)))
        model.add(layers.Reshape((784,)))
        model.add(layers.BatchNormalization())
        for units in config.hidden:
            model.add(layers.Dense(units, activation=config.activation))
            if config.dropout:
                model.add(layers.Dropout(config.dropout))
        model.add(layers.Dense(10, activation="softmax"))
    if compile:
        compile_model(model, config, jit_compile=jit_compile, steps_per_execution=steps_per_execution)
    return model


def compile_model(model, config: ModelConfig, *, jit_compile="auto", steps_per_execution: int = 1):
    model.compile(
        optimizer=make_optimizer(config),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
        jit_compile=jit_compile,
        steps_per_execution=steps_per_execution,
    )
    return model


def _cnn(keras, layers):
    # Quick on a 2-core CPU: three 3×3 convolutions, the first two pooled, then straight to the
    # classifier (no wide dense layer), ~1.4× the multiply-adds of keras.io's mnist_convnet. No
    # batch norm: on this CPU it doubled a step's time, and Adam with one-cycle trains without it.
    def conv(x, filters, padding="same"):
        return layers.Conv2D(filters, 3, padding=padding, activation="relu")(x)

    inputs = keras.Input(shape=(28, 28))
    x = layers.Rescaling(1 / 255.0)(inputs)
    x = layers.Reshape((28, 28, 1))(x)
    x = layers.MaxPooling2D()(conv(x, 24))      # 14×14
    x = layers.MaxPooling2D()(conv(x, 48))      # 7×7
    x = conv(x, 96, padding="valid")            # 5×5
    x = layers.Flatten()(x)
    x = layers.Dropout(0.25)(x)
    outputs = layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="cnn")


def one_hot(labels, num_classes: int = 10):
    """The notebook's to_categorical, in numpy (no TensorFlow needed)."""
    import numpy as np

    labels = np.asarray(labels, dtype=np.int64)
    out = np.zeros((labels.shape[0], num_classes), dtype=np.float32)
    out[np.arange(labels.shape[0]), labels] = 1.0
    return out


def targets(y, label_smoothing: float = 0.0):
    """The training targets (N, 10) of integer labels ``y``: one-hot, or smoothed by ε = ``label_smoothing``."""
    import numpy as np

    out = one_hot(y)
    if label_smoothing:
        out = out * np.float32(1 - label_smoothing) + np.float32(label_smoothing / out.shape[1])
    return out
