"""Inside the network, with no Qt: what each layer outputs, what the first layer learned, why the
model answered, where the test set lies in its penultimate layer, and the data itself.

Every function takes a Keras model with the app's contract (``core.contract``: 28×28 raw pixels
0..255 in, or 28×28×1 or 784; ten probabilities out, or logits, turned into probabilities here) and
returns plain numpy results; anything a view cannot show is one ``InsideError`` line (``compute``).
The compiled sub-models each function needs are cached per model object (a model whose weights
change, as the live copy during training does, keeps its cache: sub-models share its variables).
Callers serialise access, as for the model itself (the service runs these on its model thread).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import numpy as np

from . import pictures
from .calibration import ends_in_softmax_dense

SIZE = 28
IG_STEPS = 32                # integrated gradients: points on the path from black to the image
OCCLUSION_PATCH, OCCLUSION_STRIDE = 4, 2
BATCH = 1000                 # images per compiled call over the test set
HISTOGRAM_SLICE = 1000      # images counted at a time: np.bincount holds the GIL throughout (≈1 ms here)
MAP_STEP = 250               # images per step of the map: a CNN step stays near 0.1 s (more under load)
# Layers that only reshape or pass values through at inference: not worth a picture of their own.
_PASS_THROUGH = {"InputLayer", "Reshape", "Flatten", "Dropout", "Rescaling", "SpatialDropout1D",
                 "SpatialDropout2D", "GaussianNoise", "GaussianDropout", "AlphaDropout", "Identity"}
# Attribution methods; DEFAULT_METHOD won on faithfulness (deletion curves, benchmarks/inside.py).
METHODS = ("integrated_gradients", "occlusion")
DEFAULT_METHOD = "integrated_gradients"


class InsideError(ValueError):
    """The view cannot be computed for this model (the message says why, for the user)."""


class Superseded(InsideError):
    """The model's weights changed while a long view was computed: ask again."""


@dataclass
class LayerOutput:
    name: str
    kind: str            # the Keras layer class: Dense, Conv2D, BatchNormalization, ...
    values: np.ndarray   # this image's output, without the batch axis: (units,) or (h, w, channels)
    activation: str = ""  # e.g. "sigmoid", "softmax" for layers that have one


@dataclass
class LayerOutputs:
    image: np.ndarray              # the 28×28 input
    layers: list[LayerOutput]
    probabilities: np.ndarray      # (10,)
    penultimate: np.ndarray        # the last layer's input, flat: what the map is made of
    pictures: object = None        # core.pictures.LayerPictures, when asked for with a width


@dataclass
class Attribution:
    method: str
    targets: tuple[int, int]       # the predicted digit and the runner-up
    maps: np.ndarray               # (2, 28, 28): how much each pixel pushed towards each target
    probabilities: np.ndarray      # (10,)


@dataclass
class Embedding:
    points: np.ndarray             # (N, 2): the images' penultimate activations, PCA to 2-D
    predicted: np.ndarray          # (N,) the model's digit for each image
    mean: np.ndarray               # (d,) to project more activations: (a - mean) @ components.T
    components: np.ndarray         # (2, d)
    explained: np.ndarray          # (2,) fraction of the variance along each axis


@dataclass
class Network:
    """A dense model's neurons for one image: the top-k units of each dense layer, and the edges."""
    layers: list[dict]   # name, activation values (all units), shown unit indices, bias
    edges: list[np.ndarray]        # edges[i]: (k_i, k_{i+1}) weight × activation, layer i → i+1
    probabilities: np.ndarray
    off: tuple = ()


@dataclass
class _Inspector:
    """The compiled pieces for one model (built on first use)."""
    model: object
    shape: tuple                                    # the model's input (core.contract)
    logits: bool                                    # its output wants a softmax to be probabilities
    shown: list = field(default_factory=list)       # the layers with a picture
    calls: dict = field(default_factory=dict)


def _inspector(model) -> _Inspector:
    # Kept on the model, not in a weak-keyed table: the inspector refers to its model, so a table
    # entry would have kept every inspected model (and its compiled calls) alive for good.
    found = getattr(model, "_inside_inspector", None)
    if found is None:
        from .contract import ContractError, of

        try:
            agreed = of(model)
        except ContractError as exc:
            raise InsideError(str(exc)) from None
        shown = [layer for layer in model.layers if type(layer).__name__ not in _PASS_THROUGH]
        found = model._inside_inspector = _Inspector(model, agreed.input_shape, agreed.logits, shown)
    return found


def _compiled(model, key, outputs_of, *, grads=False):
    """A compiled call from (N, 28, 28) raw pixels to the tensors ``outputs_of(model)`` lists, cached."""
    ins = _inspector(model)
    call = ins.calls.get(key)
    if call is None:
        import keras
        import tensorflow as tf

        sub = keras.Model(model.inputs, outputs_of(model))
        shape = ins.shape

        def run(x):
            return sub(tf.reshape(x, (-1, *shape)), training=False)

        call = run if grads else tf.function(run, reduce_retracing=True, autograph=False).get_concrete_function(
            tf.TensorSpec((None, SIZE, SIZE), tf.float32))
        ins.calls[key] = call
    return call


def _probs(model):
    """The model's output as probabilities, symbolically (a softmax on logits)."""
    if not _inspector(model).logits:
        return model.outputs[0]
    import keras

    return keras.ops.softmax(model.outputs[0], axis=-1)


def _as_images(images) -> np.ndarray:
    """(N, 28, 28) float32 from one image or many, square or flat."""
    return np.asarray(images, dtype=np.float32).reshape(-1, SIZE, SIZE)


def _batched(call, images, reduce=None):
    """``call`` over images in batches; each output gathered (optionally reduced per batch)."""
    import tensorflow as tf

    parts = []
    for start in range(0, len(images), BATCH):
        out = call(tf.constant(images[start:start + BATCH]))
        out = [o.numpy() for o in (out if isinstance(out, (list, tuple)) else [out])]
        parts.append([reduce(o) if reduce else o for o in out])
    return [np.concatenate(p) for p in zip(*parts)]


# ---- 1. layer by layer ----------------------------------------------------------------------------

def layer_outputs(model, image, width: int | None = None) -> LayerOutputs:
    """Every shown layer's output for one 28×28 image (raw 0..255 pixels), in order; with a view
    ``width`` (px), also their pictures laid out for it (``core.pictures``)."""
    ins = _inspector(model)
    call = _compiled(model, "layers", lambda m: [layer.output for layer in ins.shown] + [m.layers[-1].input])
    import tensorflow as tf

    image = _as_images(image)[:1]
    out = [o.numpy()[0] for o in call(tf.constant(image))]
    layers = [LayerOutput(layer.name, type(layer).__name__, values,
                          getattr(getattr(layer, "activation", None), "__name__", ""))
              for layer, values in zip(ins.shown, out)]
    probs = out[-2].reshape(-1)
    if ins.logits:
        from .contract import softmax

        probs = softmax(probs)
    result = LayerOutputs(image[0], layers, probs, out[-1].reshape(-1))
    if width is not None:
        result.pictures = pictures.layer_pictures(result, int(width))
    return result


# ---- 2. what it learned -----------------------------------------------------------------------------

def _first_weighted(model):
    for layer in model.layers:
        if type(layer).__name__ in ("Dense", "Conv2D"):
            return layer
    raise InsideError("This model has no Dense or Conv2D layer to show the weights of.")


def first_layer_weights(model, max_tiles: int = 64) -> dict:
    """The first Dense layer's units as 28×28 tiles, or the first Conv2D's filters, strongest first.

    Strength is the L2 norm of a unit's incoming weights. Returns layer name, kind, tiles
    (n, h, w), the units' indices and norms.
    """
    layer = _first_weighted(model)
    kernel = np.asarray(layer.kernel.numpy())
    if type(layer).__name__ == "Dense":
        if kernel.shape[0] != SIZE * SIZE:
            raise InsideError(f"The first dense layer takes {kernel.shape[0]} inputs, not 28×28 pixels.")
        tiles = kernel.T.reshape(-1, SIZE, SIZE)
    else:
        tiles = kernel.sum(axis=2).transpose(2, 0, 1)  # (out, kh, kw), summed over input channels
    norms = np.sqrt((tiles.reshape(len(tiles), -1) ** 2).sum(axis=1))
    order = np.argsort(-norms, kind="stable")[:max_tiles]
    return {"layer": layer.name, "kind": type(layer).__name__, "tiles": tiles[order],
            "units": order, "norms": norms[order], "count": len(tiles)}


def histograms(model, images=None, bins: int = 40) -> list[dict]:
    """Per layer with weights: a histogram of its weights, and (given images) of its outputs."""
    outputs = {}
    if images is not None:
        ins = _inspector(model)
        weighted = [layer for layer in ins.shown if getattr(layer, "kernel", None) is not None]
        call = _compiled(model, "weighted", lambda m: [layer.output for layer in weighted])
        values = _batched(call, _as_images(images))
        outputs = {layer.name: v for layer, v in zip(weighted, values)}
    result = []
    for layer in model.layers:
        kernel = getattr(layer, "kernel", None)
        if kernel is None:
            continue
        w = np.asarray(kernel.numpy()).ravel()
        entry = {"layer": layer.name, "kind": type(layer).__name__, "weights": np.histogram(w, bins=bins)}
        if layer.name in outputs:
            entry["activations"] = np.histogram(outputs[layer.name].ravel(), bins=bins)
        result.append(entry)
    return result


def top_images(model, images, layer_name: str, unit: int, k: int = 16) -> dict:
    """The images that most excite one unit (dense) or channel (conv: its strongest spot)."""
    layer = model.get_layer(layer_name)
    call = _compiled(model, ("layer", layer_name), lambda m: layer.output)
    images = _as_images(images)

    def strength(out):
        out = out[..., unit]
        return out.reshape(len(out), -1).max(axis=1)

    (values,) = _batched(call, images, reduce=strength)
    order = np.argsort(-values, kind="stable")[:k]
    return {"layer": layer_name, "unit": unit, "indices": order, "values": values[order]}


# ---- 3. why this answer ---------------------------------------------------------------------------------

def _score_call(model):
    """f(x) -> (scores (N, 10), probabilities (N, 10)), differentiable, cached."""
    ins = _inspector(model)
    fn = ins.calls.get("scores")
    if fn is None:
        import tensorflow as tf

        last = model.layers[-1]
        # Scores before the softmax (else log-probabilities): gradients of saturated probabilities say little.
        if ends_in_softmax_dense(model):
            pen = _compiled(model, "penultimate", lambda m: m.layers[-1].input, grads=True)

            def fn(x):
                z = tf.matmul(tf.reshape(pen(x), (-1, last.kernel.shape[0])), last.kernel)
                if last.bias is not None:
                    z = z + last.bias
                return z, tf.nn.softmax(z)
        else:  # logits are the scores themselves; else log-probabilities
            out = _compiled(model, "output", lambda m: m.outputs[0], grads=True)

            def fn(x):
                o = out(x)
                return (o, tf.nn.softmax(o)) if ins.logits else (tf.math.log(o + 1e-12), o)
        ins.calls["scores"] = fn
    return fn


def _ig_call(model):
    ins = _inspector(model)
    call = ins.calls.get("ig")
    if call is None:
        import tensorflow as tf

        scores = _score_call(model)
        alphas = (np.arange(IG_STEPS, dtype=np.float32) + 0.5) / IG_STEPS  # midpoint rule

        @tf.function(input_signature=[tf.TensorSpec((SIZE, SIZE)), tf.TensorSpec((2,), tf.int32)], autograph=False)
        def call(image, targets):
            path = tf.constant(alphas)[:, None, None] * image[None]      # black → the image
            batch = tf.concat([path, path], axis=0)
            pick = tf.repeat(tf.one_hot(targets, 10), IG_STEPS, axis=0)
            with tf.GradientTape() as tape:
                tape.watch(batch)
                z, _ = scores(batch)
                total = tf.reduce_sum(z * pick)
            grads = tf.reshape(tape.gradient(total, batch), (2, IG_STEPS, SIZE, SIZE))
            return tf.reduce_mean(grads, axis=1) * image[None]
        ins.calls["ig"] = call
    return call


def _occlusion_batch(image):
    starts = range(0, SIZE - OCCLUSION_PATCH + 1, OCCLUSION_STRIDE)
    boxes = [(r, c) for r in starts for c in starts]
    batch = np.repeat(image[None], len(boxes), axis=0)
    for i, (r, c) in enumerate(boxes):
        batch[i, r:r + OCCLUSION_PATCH, c:c + OCCLUSION_PATCH] = 0
    return batch, boxes


def _occlusion(model, image, targets):
    import tensorflow as tf

    batch, boxes = _occlusion_batch(image)
    call = _compiled(model, "scores_compiled", _probs)  # probabilities
    probs = call(tf.constant(np.concatenate([image[None], batch]))).numpy()
    drop = probs[0, list(targets)][None] - probs[1:, list(targets)]  # (boxes, 2)
    total, count = np.zeros((2, SIZE, SIZE), np.float32), np.zeros((SIZE, SIZE), np.float32)
    for (r, c), d in zip(boxes, drop):
        total[:, r:r + OCCLUSION_PATCH, c:c + OCCLUSION_PATCH] += d[:, None, None]
        count[r:r + OCCLUSION_PATCH, c:c + OCCLUSION_PATCH] += 1
    return total / count, probs[0]


def attribution(model, image, method: str = DEFAULT_METHOD, targets=None) -> Attribution:
    """How much each input pixel pushed the model towards its answer and towards the runner-up.

    ``integrated_gradients``: the pre-softmax score's gradient averaged along the straight path
    from a black image, times the pixel (a black pixel gets exactly 0; the maps sum to the score's
    change from black). ``occlusion``: the drop in probability when a 4×4 patch is blacked out,
    averaged over the patches covering each pixel.
    """
    import tensorflow as tf

    image = _as_images(image)[0]
    probs = _compiled(model, "scores_compiled", _probs)(tf.constant(image[None])).numpy()[0]
    if targets is None:
        order = np.argsort(-probs, kind="stable")
        targets = (int(order[0]), int(order[1]))
    targets = tuple(int(t) for t in targets)
    if method == "integrated_gradients":
        maps = _ig_call(model)(tf.constant(image), tf.constant(targets, tf.int32)).numpy()
    elif method == "occlusion":
        maps, _ = _occlusion(model, image, targets)
    else:
        raise InsideError(f"Unknown attribution method {method!r} (choose {', '.join(METHODS)}).")
    return Attribution(method, targets, maps.astype(np.float32), probs)


def deletion_curve(model, image, saliency, target: int, steps: int = 20) -> np.ndarray:
    """The target's probability as the most-attributed pixels are blacked out, a 1/steps of the
    ink at a time (a faithful map makes it fall fast: a smaller area under the curve)."""
    import tensorflow as tf

    image = _as_images(image)[0]
    ink = np.flatnonzero(image.ravel() > 0)
    order = ink[np.argsort(-saliency.ravel()[ink], kind="stable")]
    batch = np.repeat(image.reshape(1, -1), steps + 1, axis=0)
    for i in range(1, steps + 1):
        batch[i, order[:round(len(order) * i / steps)]] = 0
    probs = _compiled(model, "scores_compiled", _probs)(
        tf.constant(batch.reshape(-1, SIZE, SIZE))).numpy()
    return probs[:, target]


# ---- 4. the map -------------------------------------------------------------------------------------------

def embedding_steps(model, images):
    """``embedding`` as a generator that yields between batches, so that whoever runs it can serve
    other requests in between (the service does: a CNN's map takes seconds); returns the Embedding."""
    import tensorflow as tf

    call = _compiled(model, "map", lambda m: [m.layers[-1].input, _probs(m)])
    images = _as_images(images)
    pens, probs = [], []
    for start in range(0, len(images), MAP_STEP):
        pen, prob = call(tf.constant(images[start:start + MAP_STEP]))
        pens.append(pen.numpy().reshape(len(pen), -1))
        probs.append(prob.numpy())
        if start + MAP_STEP < len(images):
            yield
    return _pca(np.concatenate(pens), np.concatenate(probs))


def run_steps(steps):
    """Run a generator of steps (e.g. ``embedding_steps``) to its end; its return value."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def embedding(model, images) -> Embedding:
    """The images' penultimate-layer activations, projected to 2-D by PCA (numpy's SVD)."""
    return run_steps(embedding_steps(model, images))


def _pca(pen, probs) -> Embedding:
    pen = pen.astype(np.float64)
    mean = pen.mean(axis=0)
    centred = pen - mean
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:2]
    # Sign fixed by the largest loading, so that a map does not flip between epochs for no reason.
    components *= np.sign(components[np.arange(2), np.abs(components).argmax(axis=1)])[:, None]
    variance = s ** 2
    return Embedding((centred @ components.T).astype(np.float32), probs.argmax(axis=1),
                     mean.astype(np.float32), components.astype(np.float32),
                     (variance[:2] / variance.sum()).astype(np.float32))


# ---- 5. the network at work (dense models) ---------------------------------------------------------------

def _dense_layers(model):
    dense = [layer for layer in model.layers if type(layer).__name__ == "Dense"]
    names = [type(layer).__name__ for layer in model.layers]
    if not dense or "Conv2D" in names or dense[0].kernel.shape[0] != SIZE * SIZE:
        raise InsideError("The network view is for dense models (the Seed DNN, MLPs): "
                          "this model has convolutions.")
    return dense


@contextlib.contextmanager
def units_off(model, off):
    """Temporarily switch units off: their outgoing weights are zeroed, then restored (even on error).

    ``off``: (dense layer name, unit) pairs. Only for dense models; the output layer's units cannot be.
    """
    dense = _dense_layers(model)
    index = {layer.name: i for i, layer in enumerate(dense)}
    saved = []
    try:
        for name, unit in off or ():
            i = index.get(name)
            if i is None or i + 1 >= len(dense) or not 0 <= unit < dense[i].units:
                raise InsideError(f"There is no hidden unit {unit} in layer {name}.")
            kernel = dense[i + 1].kernel
            original = kernel.numpy()
            saved.append((kernel, original))
            changed = original.copy()
            changed[unit] = 0
            kernel.assign(changed)
        yield
    finally:
        for kernel, original in reversed(saved):
            kernel.assign(original)


def network(model, image, k: int = 8, off=()) -> Network:
    """For each dense layer, its units' outputs, the k most active units (all 10 of the output),
    and edges between shown units weighted by weight × the sending unit's output."""
    dense = _dense_layers(model)
    with units_off(model, off):
        call = _compiled(model, "dense", lambda m: [layer.output for layer in dense])
        import tensorflow as tf

        out = [o.numpy()[0] for o in call(tf.constant(_as_images(image)[:1]))]
    acts = out
    layers, shown = [], []
    for layer, a in zip(dense, acts):
        units = np.arange(len(a)) if len(a) <= 10 else np.argsort(-np.abs(a), kind="stable")[:k]
        shown.append(units)
        layers.append({"name": layer.name, "values": a, "units": units, "size": len(a),
                       "activation": getattr(layer.activation, "__name__", "")})
    edges = []
    for i in range(len(dense) - 1):
        kernel = dense[i + 1].kernel.numpy()
        contrib = acts[i][shown[i]][:, None] * kernel[np.ix_(shown[i], shown[i + 1])]
        # A unit switched off sends nothing.
        off_here = {u for name, u in off or () if name == dense[i].name}
        for row, unit in enumerate(shown[i]):
            if unit in off_here:
                contrib[row] = 0
        edges.append(contrib)
    return Network(layers, edges, acts[-1], tuple(off or ()))


def unit_detail(model, image, layer_name: str, unit: int, off=()) -> dict:
    """One dense unit for this image: incoming weights, bias, weighted sum, output, top feeders."""
    dense = _dense_layers(model)
    names = [layer.name for layer in dense]
    if layer_name not in names:
        raise InsideError(f"No dense layer {layer_name}.")
    i = names.index(layer_name)
    layer = dense[i]
    with units_off(model, off):
        import tensorflow as tf

        call = _compiled(model, ("in_out", layer_name), lambda m: [layer.input, layer.output])
        x, y = (o.numpy()[0] for o in call(tf.constant(_as_images(image)[:1])))
        w = layer.kernel.numpy()[:, unit]
    b = float(layer.bias.numpy()[unit]) if layer.bias is not None else 0.0
    contrib = x * w
    feeders = np.argsort(-np.abs(contrib), kind="stable")[:8]
    return {"layer": layer_name, "unit": unit, "weights": w, "bias": b,
            "weighted_sum": float(contrib.sum() + b), "output": float(y[unit]),
            "feeders": feeders, "feeder_contributions": contrib[feeders],
            "previous": names[i - 1] if i else "input pixels (normalised)"}


def knockout(model, image, off, x_test, y_test) -> dict:
    """The answer for this image and the test accuracy with these units off, and with all on."""
    call = _compiled(model, "scores_compiled", _probs)
    images = _as_images(x_test)

    def measure():
        import tensorflow as tf

        probs = call(tf.constant(_as_images(image)[:1])).numpy()[0]
        (test,) = _batched(call, images)
        return probs, float(np.mean(test.argmax(axis=1) == np.asarray(y_test)))

    before = measure()
    with units_off(model, off):
        after = measure()
    return {"off": tuple(off), "probabilities": after[0], "accuracy": after[1],
            "probabilities_before": before[0], "accuracy_before": before[1]}


# ---- 6. the data itself ------------------------------------------------------------------------------------

def data_stats(x_train, y_train, x_test, y_test) -> dict:
    """Per digit: counts in train and test, mean and variance images (train); pixel histogram.

    One digit at a time in float32, and the histogram by counting uint8 values: converting all of
    a 47 MB training set to floats at once held the model thread (and the GIL) for seconds under load.
    The counting goes in slices too: one np.bincount of 47 million values held the GIL for 60 ms,
    and the UI thread waited as long.
    """
    x, y = np.asarray(x_train), np.asarray(y_train)
    means, variances = np.zeros((10, SIZE, SIZE), np.float32), np.zeros((10, SIZE, SIZE), np.float32)
    for d in range(10):
        xd = x[y == d].astype(np.float32)
        if len(xd):
            means[d], variances[d] = xd.mean(axis=0), xd.var(axis=0)
    pixels = np.clip(x, 0, 255).astype(np.uint8, copy=False).reshape(len(x), -1)
    counts = np.zeros(256, np.int64)
    for start in range(0, len(pixels), HISTOGRAM_SLICE):
        counts += np.bincount(pixels[start:start + HISTOGRAM_SLICE].ravel(), minlength=256)
    counts = counts.reshape(64, 4).sum(axis=1)
    return {"train_counts": np.bincount(y, minlength=10), "test_counts": np.bincount(np.asarray(y_test), minlength=10),
            "means": means, "variances": variances, "histogram": (counts, np.linspace(0, 256, 65))}


# ---- one entry point, for the service -----------------------------------------------------------------------

KINDS = {"layers": layer_outputs, "attribution": attribution, "weights": first_layer_weights,
         "histograms": histograms, "top_images": top_images, "network": network, "unit": unit_detail,
         "knockout": knockout,
         "map": embedding_steps}  # a generator: see embedding_steps


def warm_attribution(model) -> None:
    """Trace the default attribution's functions now, once per model (0.5 s for the bundled CNN,
    holding the GIL for up to 16 ms at a time): the Draw Pad asks for one after every stroke."""
    if "ig" not in _inspector(model).calls:
        attribution(model, np.zeros((SIZE, SIZE), np.float32))


def compute(kind: str, model, **args):
    """Run the view ``kind`` (a KINDS name, or "data" which needs no model) with these arguments.

    "map" returns a generator of steps (``run_steps`` runs it through); the others, their result.
    Whatever goes wrong is one ``InsideError`` line for the user, never a raw internal error."""
    if kind == "data":
        return data_stats(**args)
    if kind not in KINDS:
        raise InsideError(f"Unknown view {kind!r}.")
    if model is None:
        raise InsideError("There is no model yet: train one or open a model file.")
    steps = _steps(kind, model, args)
    return steps if kind == "map" else run_steps(steps)


def _steps(kind, model, args):
    """The view as a generator of steps (only the map has several); its failures one ``InsideError``
    line, and NaN answers (a model broken after it was opened) too, rather than nonsense drawn."""
    try:
        if kind == "map":
            result = yield from KINDS[kind](model, **args)
        else:
            result = KINDS[kind](model, **args)
    except InsideError:
        raise
    except Exception as exc:
        broken = isinstance(exc, (TypeError, ValueError)) and ("nan" in str(exc).lower() or "finite" in str(exc))
        raise InsideError(f"The {kind} view cannot be shown for this model: "
                          + ("its numbers are NaN or infinite." if broken else f"({type(exc).__name__}).")) from exc
    numbers = [v for v in getattr(result, "__dict__", {}).values() if isinstance(v, np.ndarray) and v.dtype.kind == "f"]
    if not all(np.all(np.isfinite(v)) for v in numbers):
        raise InsideError(f"The {kind} view cannot be shown for this model: its answers are NaN or infinite.")
    return result
