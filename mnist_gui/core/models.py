"""Model presets built from a small config object.

Every model takes raw pixels, shape (28, 28), values 0..255 as float, and returns ten softmax
probabilities: the notebook fed unscaled pixels into its BatchNormalization layer, and keeping
that contract for every preset means the Gallery and Draw Pad never need to know which model
they are talking to.

Keras is imported inside the functions so that importing this module stays fast.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

ACTIVATIONS = ("sigmoid", "relu", "tanh", "elu", "selu", "gelu", "swish")
OPTIMIZERS = ("sgd", "adam")
PRESET_NAMES = ("seed", "mlp", "cnn")
PRESET_TITLES = {
    "seed": "Seed DNN (notebook)",
    "mlp": "MLP (editable)",
    "cnn": "CNN",
}


class ConfigError(ValueError):
    """A hyperparameter is out of range; the message names the field."""


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
    # CNN only: a step-decay of the learning rate per epoch (1.0 = constant).
    lr_decay: float = 1.0
    # Random rotation, shear, zoom, shift and stroke width while training (core.augment).
    augment: bool = False
    # The learning rate rises, then falls along a cosine, every batch (core.schedule); replaces lr_decay.
    one_cycle: bool = False

    def validate(self) -> "ModelConfig":
        if self.preset not in PRESET_NAMES:
            raise ConfigError(f"preset: unknown preset {self.preset!r} (choose {', '.join(PRESET_NAMES)})")
        if self.preset != "cnn":
            if not self.hidden:
                raise ConfigError("hidden: at least one hidden layer is needed")
            if any(int(n) < 1 or int(n) > 4096 for n in self.hidden):
                raise ConfigError("hidden: layer sizes must be between 1 and 4096")
        if self.activation not in ACTIVATIONS:
            raise ConfigError(f"activation: unknown activation {self.activation!r} (choose {', '.join(ACTIVATIONS)})")
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(f"optimizer: unknown optimizer {self.optimizer!r} (choose sgd or adam)")
        if not (0 < self.learning_rate <= 10):
            raise ConfigError("learning rate: must be greater than 0 and at most 10")
        if not (1 <= self.epochs <= 10_000):
            raise ConfigError("epochs: must be between 1 and 10000")
        if not (1 <= self.batch_size <= 60_000):
            raise ConfigError("batch size: must be between 1 and 60000")
        if not (0 < self.lr_decay <= 1):
            raise ConfigError("lr decay: must be in (0, 1]")
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
        return cls(**values)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)


# The notebook's model, exactly; "mlp" starts from it and is meant to be edited.
PRESETS: dict[str, ModelConfig] = {
    "seed": ModelConfig(),
    "mlp": ModelConfig(preset="mlp", hidden=(256, 128), activation="relu", optimizer="adam",
                       learning_rate=0.001, epochs=10, batch_size=64),
    "cnn": ModelConfig(preset="cnn", hidden=(), activation="relu", optimizer="adam",
                       learning_rate=0.003, epochs=5, batch_size=128, augment=True, one_cycle=True),
}


def preset(name: str, **overrides) -> ModelConfig:
    """The named preset, with any hyperparameters overridden, validated."""
    if name not in PRESETS:
        raise ConfigError(f"preset: unknown preset {name!r} (choose {', '.join(PRESET_NAMES)})")
    return PRESETS[name].replace(**overrides).validate()


def parse_hidden(text: str) -> tuple[int, ...]:
    """'200,100,60,30' -> (200, 100, 60, 30); raises ConfigError with a readable message."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if not parts:
        raise ConfigError("hidden: give layer sizes like 200,100,60,30")
    try:
        sizes = tuple(int(p) for p in parts)
    except ValueError:
        raise ConfigError(f"hidden: {text!r} is not a list of whole numbers like 200,100,60,30") from None
    if any(n < 1 or n > 4096 for n in sizes):
        raise ConfigError("hidden: layer sizes must be between 1 and 4096")
    return sizes


def make_optimizer(config: ModelConfig):
    import keras

    if config.optimizer == "sgd":
        return keras.optimizers.SGD(learning_rate=float(config.learning_rate))
    return keras.optimizers.Adam(learning_rate=float(config.learning_rate))


def build_model(config: ModelConfig, *, compile: bool = True, jit_compile="auto",
                steps_per_execution: int = 1):
    """A new Keras model for ``config``, seeded so that the same config gives the same weights."""
    import keras
    from keras import layers

    config.validate()
    keras.utils.set_random_seed(config.seed)
    if config.preset == "cnn":
        model = _cnn(keras, layers)
    else:
        # The notebook: Reshape 28x28 -> 784, BatchNormalization, Dense stack, softmax.
        model = keras.Sequential(name="seed_dnn" if config.preset == "seed" else "mlp")
        model.add(keras.Input(shape=(28, 28)))
        model.add(layers.Reshape((784,)))
        model.add(layers.BatchNormalization())
        for units in config.hidden:
            model.add(layers.Dense(units, activation=config.activation))
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
    # Small and quick on a CPU: three 3x3 conv layers, the first two pooled, then straight to the
    # classifier (no wide dense layer), about 1.4x the multiply-adds of keras.io's mnist_convnet.
    # No batch norm: on this CPU it doubled the time of a step (measured), and Adam with the
    # one-cycle schedule trains the plain stack fast enough.
    def conv(x, filters, padding="same"):
        return layers.Conv2D(filters, 3, padding=padding, activation="relu")(x)

    inputs = keras.Input(shape=(28, 28))
    x = layers.Rescaling(1 / 255.0)(inputs)
    x = layers.Reshape((28, 28, 1))(x)
    x = layers.MaxPooling2D()(conv(x, 24))        # 14x14
    x = layers.MaxPooling2D()(conv(x, 48))        # 7x7
    x = conv(x, 96, padding="valid")              # 5x5
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
