"""Models kept for training again, so that a run does not compile its steps anew.

TensorFlow keeps every XLA program it compiles for the life of the process: its compilation
cache has no eviction, and each new model's train step is a new program. In one app session every
Train press used to add 10-25 MB that were never given back. Here a run trains a *trainer* — a
model of the same architecture and optimizer kept from an earlier run, its compiled steps intact —
loaded with the weights and optimizer state the run should start from; the run's result is handed
out as a copy. The trainer itself never leaves this module.

A trainer may also compute in another precision than the model it trains for (``take``'s
``policy``): its variables stay float32, so the weights and optimizer state copy across exactly,
and the model handed out computes in float32 as every model the app hosts, saves and exports.
In float32 it may compute a first convolution and its pooling as one layer (``core.fused``): the
same variables and function, in less time; the model handed out keeps Keras' standard layers.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

MAX_TRAINERS = 4  # architectures kept (the presets, and a model or two loaded from files)


def architecture(model) -> str | None:
    """The layers and how they connect, names aside: what a compiled forward pass depends on."""
    try:
        arch = model.get_config()
        names = {}
        _collect_names(arch, names)
        shapes = [(tuple(v.shape), str(v.dtype)) for v in model.variables]
        return json.dumps([_renamed(arch, names), shapes], sort_keys=True, default=str)
    except Exception:  # a model whose config cannot be read is simply not shared
        return None


def config_key(architecture: dict) -> str | None:
    """What makes two serialized models (``keras.saving.serialize_keras_object``) the same network:
    their layers and how they connect, with the layers' names, the dtype policy's spelling and any
    compile settings left out."""
    try:
        layers = {"class_name": architecture["class_name"], "config": _plain(architecture["config"])}
        names: dict = {}
        _collect_names(layers, names)
        return json.dumps(_renamed(layers, names), sort_keys=True, default=str)
    except (KeyError, TypeError):
        return None


def _plain(node):
    """``node`` with each dtype policy as its name alone: a float32 clone of a trainer spells its
    layers' policy as "float32", a new model as a DTypePolicy."""
    if isinstance(node, dict):
        if node.get("class_name") == "DTypePolicy":
            return (node.get("config") or {}).get("name")
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, (list, tuple)):
        return [_plain(value) for value in node]
    return node


def signature(model) -> str | None:
    """What the compiled train steps depend on: the architecture, the optimizer's kind and settings
    (its learning rate is a variable, set per run), the loss."""
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None or not getattr(model, "compiled", False):
        return None
    arch = architecture(model)
    if arch is None:
        return None
    try:
        opt = {k: v for k, v in optimizer.get_config().items() if k not in ("name", "learning_rate")}
        compile_config = model.get_compile_config() or {}
        return json.dumps([arch, type(optimizer).__name__, opt, compile_config.get("loss"),
                           compile_config.get("jit_compile")], sort_keys=True, default=str)
    except Exception:
        return None


def _collect_names(node, names: dict) -> None:
    if isinstance(node, dict):
        name = node.get("name")
        if isinstance(name, str) and name not in names:
            names[name] = len(names)
        for value in node.values():
            _collect_names(value, names)
    elif isinstance(node, list):
        for value in node:
            _collect_names(value, names)


def _renamed(node, names: dict):
    """``node`` with every string value that is a name (a layer's, or a reference to one) replaced
    by its number: Keras numbers the layers of each new model anew."""
    if isinstance(node, dict):
        return {key: _renamed(value, names) for key, value in node.items()}
    if isinstance(node, (list, tuple)):
        return [_renamed(value, names) for value in node]
    if isinstance(node, str) and node in names:
        return f"#{names[node]}"
    return node


def _optimizer_variables(model) -> list:
    optimizer = model.optimizer
    if not optimizer.built:
        optimizer.build(model.trainable_variables)
    return list(optimizer.variables)


def copy_state(source, target) -> None:
    """Weights, random-seed states (dropout) and optimizer state (step count, learning rate,
    moments) from ``source`` to ``target``, models of one signature."""
    _assign_all(source.variables, target.variables, "model variables")
    _assign_all(_optimizer_variables(source), _optimizer_variables(target), "optimizer states")


def _assign_all(src, dst, what: str) -> None:
    if len(src) != len(dst) or any(tuple(a.shape) != tuple(b.shape) or a.dtype != b.dtype
                                   for a, b in zip(src, dst)):
        raise ValueError(f"{what} differ")
    for a, b in zip(src, dst):
        b.assign(a.value)


def _clone(model, dtype_of=None, swap=None):
    """``keras.models.clone_model``; with ``dtype_of``, each layer is rebuilt from its config with
    ``dtype_of(layer)`` as its dtype policy where that is not None; with ``swap``, a layer for
    which ``swap(layer)`` gives a new layer is replaced by it."""
    import keras

    if dtype_of is None and swap is None:
        return keras.models.clone_model(model)

    def clone_layer(layer):
        other = swap(layer) if swap is not None else None
        if other is not None:
            return other
        config, dtype = layer.get_config(), dtype_of(layer) if dtype_of is not None else None
        return layer.__class__.from_config(config if dtype is None else {**config, "dtype": dtype})

    return keras.models.clone_model(model, clone_function=clone_layer)


def blank_copy(model, dtype_of=None, swap=None):
    """A new model with ``model``'s architecture (layers as ``_clone``) and a built optimizer
    of its kind, ready for ``copy_state``. Made before a run, so that the copy at its end only
    assigns values: cloning and compiling took 0.4-1 s of a CNN's Stop while tf.data's threads
    wound down."""
    from .storage import compile_for_app

    clone = _clone(model, dtype_of, swap)
    optimizer = model.optimizer
    compile_for_app(clone, type(optimizer).from_config(optimizer.get_config()))
    _optimizer_variables(clone)
    return clone


def compute_twin(model, policy: str):
    """A ``blank_copy`` of ``model`` whose layers compute under the Keras dtype ``policy`` (e.g.
    "mixed_bfloat16"), all but the output layer: its softmax, and so the loss, stay float32 as
    Keras' mixed-precision guide advises. Variables are float32 either way."""
    output = model.layers[-1]  # the app's models have one output, their last layer
    return blank_copy(model, lambda layer: None if layer is output else policy)


def fused_twin(model):
    """A ``blank_copy`` of ``model`` whose first convolution and pooling compute as one layer
    (``core.fused``), or None if it has no such block. float32 only: not measured in bfloat16."""
    from .fused import stand_ins

    swap = stand_ins(model)
    return None if swap is None else blank_copy(model, swap=swap)


def _mixed(layer) -> bool:
    policy = getattr(layer, "dtype_policy", None)
    return policy is not None and policy.compute_dtype != policy.variable_dtype


def float32_clone(model):
    """A new, uncompiled model of ``model``'s architecture in standard layers computing in float32,
    where ``model`` computes in a mixed policy (a ``compute_twin``) or has fused layers (a
    ``fused_twin``); its weights are new."""
    from .fused import plain_layer

    return _clone(model, lambda layer: layer.dtype_policy.variable_dtype if _mixed(layer) else None, plain_layer)


def compute_dtype(model) -> str:
    """"bfloat16" if any of ``model``'s layers computes in it (a ``compute_twin``), else "float32"."""
    return "bfloat16" if any(_mixed(layer) and layer.dtype_policy.compute_dtype == "bfloat16"
                             for layer in model.layers) else "float32"


def copy_model(model):
    """A new model with ``model``'s architecture, weights, optimizer and optimizer state."""
    clone = blank_copy(model)
    copy_state(model, clone)
    return clone


class TrainerPool:
    """At most ``size`` trainers, one per signature, most recently used kept."""

    def __init__(self, size: int = MAX_TRAINERS):
        self.size = size
        self._trainers: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._trainers)

    def take(self, model, policy: str | None = None):
        """A trainer holding ``model``'s weights and optimizer state, and its key; the caller gives
        it back with ``give_back``. With no trainer kept for ``model``'s signature: with a
        ``policy``, a new ``compute_twin``; in float32, a new ``fused_twin``; ``model`` itself if
        neither can be made."""
        found = signature(model)
        if found is None:
            return model, None
        float32_key = json.dumps([found, "fused"])  # float32 trainers fuse where they can
        key = json.dumps([found, policy]) if policy else float32_key
        with self._lock:
            trainer = self._trainers.pop(key, None)
        if trainer is None:
            try:
                trainer = compute_twin(model, policy) if policy else fused_twin(model)
            except Exception:  # e.g. a layer that takes no dtype: train the model itself, in float32
                trainer = None
            if trainer is None:
                return model, float32_key
        try:
            copy_state(model, trainer)
        except Exception:  # e.g. an optimizer built differently: train the model itself
            return model, key
        return trainer, key

    def give_back(self, key, trainer) -> None:
        if key is None:
            return
        with self._lock:
            self._trainers[key] = trainer
            self._trainers.move_to_end(key)
            while len(self._trainers) > self.size:
                self._trainers.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._trainers.clear()


POOL = TrainerPool()
