"""The pieces of the run as code (``core.codegen``): settings, definitions and steps, as plain Keras.

Each piece is (explanation, code). The script puts the explanations in comments and the steps in
``main()``; the notebook gives each piece a markdown cell and a code cell. Only what a model's
config uses is written: the Seed DNN's code is the notebook's and nothing more.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .augment import ROTATION_DEGREES, SHARE, SHEAR, SHIFT, THICKER, THINNER, ZOOM
from .models import ONE_CYCLE_END, ONE_CYCLE_START, ONE_CYCLE_WARMUP, PRESETS, ModelConfig


@dataclass(frozen=True)
class Piece:
    title: str        # a few words; the notebook's markdown heading, the script's comment
    text: str         # what it does and why, for a learner (markdown)
    code: str
    notebook_only: bool = False


def q(text: str) -> str:
    """A string literal in double quotes, as the rest of the code writes them."""
    return json.dumps(text, ensure_ascii=False)


def is_cnn(config: ModelConfig) -> bool:
    return PRESETS[config.preset].architecture == "cnn"


def averaging(config: ModelConfig) -> float:
    return PRESETS[config.preset].weight_average


def smoothing(config: ModelConfig) -> float:
    return PRESETS[config.preset].label_smoothing


def settings(config: ModelConfig, info: dict) -> str:
    """The module-level constants: the config, as the model's sidecar records it."""
    lines = [f"PRESET = {q(config.preset)}  # mnist-gui's {PRESETS[config.preset].title}",
             f"EPOCHS = {config.epochs}  # passes over the training images",
             f"BATCH_SIZE = {config.batch_size}  # images per step of the optimizer",
             f"LEARNING_RATE = {config.learning_rate!r}  # how far each step moves the weights"]
    if config.optimizer == "sgd" and config.momentum:
        lines.append(f"MOMENTUM = {config.momentum!r}  # SGD keeps this share of its last step's direction")
    if config.weight_decay:
        lines.append(f"WEIGHT_DECAY = {config.weight_decay!r}  # each step also shrinks every weight by "
                     "this times the learning rate")
    if config.schedule == "step":
        lines.append(f"LR_DECAY = {config.lr_decay!r}  # the learning rate is multiplied by this every epoch")
    if averaging(config):
        lines.append(f"WEIGHT_AVERAGE = {averaging(config)!r}  # momentum of the moving average of the weights")
    if smoothing(config):
        lines.append(f"LABEL_SMOOTHING = {smoothing(config)!r}  # targets of 1 - this + this/10 for the label, "
                     "this/10 for the others")
    lines.append(f"SEED = {config.seed}  # the same seed, the same starting weights and order")
    if info.get("train_size"):
        lines.append(f"TRAIN_SIZE = {info['train_size']}  # the model file was trained on the first "
                     f"{info['train_size']} training images")
    return "\n".join(lines)


def augment_settings() -> str:
    return "\n".join([
        f"ROTATION_DEGREES = {ROTATION_DEGREES!r}  # ± turn",
        f"SHEAR = {SHEAR!r}  # ± horizontal shear",
        f"ZOOM = {ZOOM!r}  # ± size, as a fraction",
        f"SHIFT = {SHIFT!r}  # ± place, as a fraction of the side",
        f"THINNER, THICKER = {THINNER!r}, {THICKER!r}  # stroke width: erosions (thinner) or dilations (thicker)",
        f"AUGMENTED_SHARE = {SHARE!r}  # of each batch; the rest stays as MNIST has it"])


LOAD_MNIST = '''\
def load_mnist(path=None):
    """MNIST as (x_train, y_train), (x_test, y_test): Keras' loader (it downloads MNIST once), or
    the .npz at ``path`` in the same layout (arrays x_train, y_train, x_test, y_test)."""
    if path is None:
        return keras.datasets.mnist.load_data()
    with np.load(path, allow_pickle=False) as f:
        return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])'''

SHOW_DIGITS = '''\
def headless():
    """True where no window can open (a server, CI): figures then only go to PNG files."""
    if "ipykernel" in sys.modules:  # Jupyter shows figures in the notebook
        return False
    if sys.platform.startswith(("linux", "freebsd")):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def show_digits(images, titles, png_path, red=()):
    """The images in a row with their titles (in red where ``red`` is true): saved as a PNG, and
    shown if there is a screen."""
    try:
        import matplotlib
    except ImportError:
        print("(no pictures: matplotlib is not installed; pip install matplotlib)")
        return
    if headless():
        matplotlib.use("Agg")  # draw into the file only
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(images), figsize=(1.1 * len(images), 1.7))
    for k, (ax, image, title) in enumerate(zip(axes, images, titles)):
        ax.imshow(image, cmap="gray")
        ax.set_title(title, fontsize=9, color="red" if k < len(red) and red[k] else "black")
        ax.axis("off")
    fig.savefig(png_path, dpi=100, bbox_inches="tight")
    print(f"saved {png_path}")
    if not headless() and matplotlib.get_backend().lower() != "agg":
        plt.show()
    plt.close(fig)'''


def optimizer_code(config: ModelConfig) -> str:
    args = ["learning_rate=LEARNING_RATE"]
    if config.optimizer == "sgd" and config.momentum:
        args.append("momentum=MOMENTUM")
    if config.weight_decay:
        args.append("weight_decay=WEIGHT_DECAY")
    name = "SGD" if config.optimizer == "sgd" else "Adam"
    return f"keras.optimizers.{name}({', '.join(args)})"


def build_model_code(config: ModelConfig) -> str:
    head = ['def build_model():',
            '    """The network, compiled: raw pixels (28×28, 0..255) in, ten probabilities out."""',
            '    keras.utils.set_random_seed(SEED)  # the same starting weights every time']
    if is_cnn(config):
        body = [
            '    inputs = keras.Input(shape=(28, 28))',
            '    x = layers.Rescaling(1 / 255.0)(inputs)  # pixels 0..255 -> 0..1',
            '    x = layers.Reshape((28, 28, 1))(x)  # one channel, as convolutions expect',
            '    x = layers.Conv2D(24, 3, padding="same", activation="relu")(x)  # 24 3×3 filters',
            '    x = layers.MaxPooling2D()(x)  # 14×14',
            '    x = layers.Conv2D(48, 3, padding="same", activation="relu")(x)',
            '    x = layers.MaxPooling2D()(x)  # 7×7',
            '    x = layers.Conv2D(96, 3, padding="valid", activation="relu")(x)  # 5×5',
            '    x = layers.Flatten()(x)',
            '    x = layers.Dropout(0.25)(x)  # in training, a random quarter of the features is dropped',
            '    outputs = layers.Dense(10, activation="softmax")(x)  # one probability per digit',
            '    model = keras.Model(inputs, outputs, name="cnn")']
    else:
        name = "seed_dnn" if config.preset == "seed" else config.preset
        body = [f'    model = keras.Sequential(name={q(name)})',
                '    model.add(keras.Input(shape=(28, 28)))',
                '    model.add(layers.Reshape((784,)))  # the image as one row of 784 pixels',
                '    model.add(layers.BatchNormalization())  # scales the raw pixels (the notebook\'s way)']
        for units in config.hidden:
            body.append(f'    model.add(layers.Dense({units}, activation={q(config.activation)}))')
            if config.dropout:
                body.append(f'    model.add(layers.Dropout({config.dropout!r}))  # in training only')
        body.append('    model.add(layers.Dense(10, activation="softmax"))  # one probability per digit')
    optimizer = f'    optimizer = {optimizer_code(config)}'
    if len(optimizer) > 100:  # one argument a line
        name, args = optimizer_code(config).rstrip(")").split("(", 1)
        optimizer = "\n".join([f"    optimizer = {name}("] + [f"        {a}," for a in args.split(", ")] + ["    )"])
    loss = ('keras.losses.CategoricalCrossentropy(label_smoothing=LABEL_SMOOTHING)' if smoothing(config)
            else '"categorical_crossentropy"')
    compile_ = [optimizer,
                f'    model.compile(optimizer=optimizer, loss={loss}, metrics=["accuracy"])',
                '    return model']
    return "\n".join(head + body + compile_)


AUGMENT = '''\
def augment(images, rng):
    """Random variants of images (N, 28, 28), float 0..255: strokes thinner or thicker, then
    turned, sheared, resized and moved, in one resampling about the centre."""
    n = len(images)
    x = keras.ops.convert_to_tensor(images[..., None])  # (N, 28, 28, 1)

    def grow(v):  # 3×3 grey-level dilation: each pixel the brightest of its neighbours
        return keras.ops.max_pool(v, pool_size=3, strides=1, padding="same")

    thick1 = grow(x)
    thick2 = grow(thick1)
    thin1 = -grow(-x)  # an erosion
    # t < 0 blends towards one erosion, 0..1 towards one dilation, above 1 towards two.
    t = keras.ops.convert_to_tensor(rng.uniform(-THINNER, THICKER, (n, 1, 1, 1)).astype("float32"))
    x = keras.ops.where(t < 0, x - t * (thin1 - x),
                        keras.ops.where(t < 1, x + t * (thick1 - x), thick1 + (t - 1) * (thick2 - thick1)))

    angle = np.radians(rng.uniform(-ROTATION_DEGREES, ROTATION_DEGREES, n))
    shear = rng.uniform(-SHEAR, SHEAR, n)
    zoom = 1 + rng.uniform(-ZOOM, ZOOM, n)
    dx, dy = rng.uniform(-SHIFT, SHIFT, (2, n)) * 28
    cos, sin = np.cos(angle), np.sin(angle)
    a0, a1 = zoom * cos, zoom * (cos * shear - sin)
    b0, b1 = zoom * sin, zoom * (sin * shear + cos)
    c = 13.5  # the centre, (28 - 1) / 2
    zero = np.zeros(n)
    # Where each output pixel reads from: input(p) = c + R·Shear·zoom·(p - c) + shift.
    transform = np.stack([a0, a1, c - a0 * c - a1 * c + dx,
                          b0, b1, c - b0 * c - b1 * c + dy, zero, zero], axis=1)
    x = keras.ops.image.affine_transform(x, transform.astype("float32"), interpolation="bilinear",
                                         fill_mode="constant", fill_value=0.0)
    return keras.ops.convert_to_numpy(x)[..., 0]


class AugmentedBatches(keras.utils.PyDataset):
    """The training images in a new random order every epoch, batch_size at a time, the first
    AUGMENTED_SHARE of each batch augmented (new variants every time)."""

    def __init__(self, x, y, batch_size, seed):
        super().__init__()
        self.x, self.y, self.batch_size = x, y, batch_size
        self.rng = np.random.default_rng(seed)
        self.order = self.rng.permutation(len(x))

    def __len__(self):
        return math.ceil(len(self.x) / self.batch_size)

    def __getitem__(self, i):
        take = self.order[i * self.batch_size:(i + 1) * self.batch_size]
        images, labels = self.x[take], self.y[take]
        k = math.ceil(AUGMENTED_SHARE * len(take))
        images[:k] = augment(images[:k], self.rng)
        return images, labels

    def on_epoch_end(self):
        self.order = self.rng.permutation(len(self.x))'''


def schedule_code(config: ModelConfig) -> str | None:
    if config.schedule == "step":
        return ('def learning_rate_at(epoch, epochs):\n'
                '    """The step schedule: LEARNING_RATE, multiplied by LR_DECAY every epoch."""\n'
                '    return LEARNING_RATE * LR_DECAY ** epoch')
    if config.schedule == "cosine":
        return ('def learning_rate_at(epoch, epochs):\n'
                '    """The cosine schedule: from LEARNING_RATE down towards 0 over the run\'s epochs."""\n'
                '    return LEARNING_RATE * 0.5 * (1 + math.cos(math.pi * epoch / max(1, epochs)))')
    if config.schedule == "one_cycle":
        return f'''\
def one_cycle_rate(step, total):
    """One cycle over a run of ``total`` steps: up from {ONE_CYCLE_START:g} of LEARNING_RATE over the
    first {ONE_CYCLE_WARMUP:.0%}, then down along a cosine to {ONE_CYCLE_END:g} of it."""
    up = max(1, round({ONE_CYCLE_WARMUP!r} * total))
    if step < up:
        return LEARNING_RATE * ({ONE_CYCLE_START!r} + (1 - {ONE_CYCLE_START!r}) * step / up)
    t = min(1.0, (step - up) / max(1, total - up))
    return LEARNING_RATE * ({ONE_CYCLE_END!r} + (1 - {ONE_CYCLE_END!r}) * 0.5 * (1 + math.cos(math.pi * t)))


class OneCycle(keras.callbacks.Callback):
    """Sets the optimizer's learning rate before every step (one_cycle_rate)."""

    def __init__(self, total_steps):
        super().__init__()
        self.total, self.step = max(1, total_steps), 0

    def on_train_batch_begin(self, batch, logs=None):
        self.model.optimizer.learning_rate = one_cycle_rate(self.step, self.total)
        self.step += 1'''
    return None


WEIGHT_AVERAGE_CODE = '''\
class WeightAverage(keras.callbacks.Callback):
    """A moving average of the weights over the run's steps (Polyak averaging), as mnist-gui keeps
    one: validation judges it and the model keeps it at the end, while the steps go on from the raw
    weights. Mid-schedule the raw weights jitter around a better point; their average finds it.
    The momentum grows with the steps, min(WEIGHT_AVERAGE, (1 + t) / (10 + t)), so that a short
    run is not held near its random start. (Keras' optimizers offer use_ema=True, with a fixed
    momentum.)"""

    def on_train_begin(self, logs=None):
        self.average = [v.numpy() for v in self.model.trainable_variables]
        self.raw, self.steps = None, 0

    def on_train_batch_end(self, batch, logs=None):
        self.steps += 1
        keep = min(WEIGHT_AVERAGE, (1 + self.steps) / (10 + self.steps))
        for average, v in zip(self.average, self.model.trainable_variables):
            average *= keep
            average += (1 - keep) * v.numpy()

    def on_test_begin(self, logs=None):  # validation: the average goes in
        if self.raw is None:
            self.raw = [v.numpy() for v in self.model.trainable_variables]
            self.assign(self.average)

    def on_epoch_begin(self, epoch, logs=None):  # training goes on from the raw weights
        if self.raw is not None:
            self.assign(self.raw)
            self.raw = None

    def on_train_end(self, logs=None):  # the model keeps the average
        self.assign(self.average)

    def assign(self, values):
        for v, value in zip(self.model.trainable_variables, values):
            v.assign(value)'''


def train_code(config: ModelConfig) -> str:
    callbacks = []  # (code, why)
    if config.schedule in ("step", "cosine"):
        callbacks.append(("keras.callbacks.LearningRateScheduler(lambda epoch: learning_rate_at(epoch, epochs))",
                          ""))
    if config.schedule == "one_cycle":
        callbacks.append(("OneCycle(total_steps=math.ceil(len(x_train) / BATCH_SIZE) * epochs)",
                          "the rate for each step"))
    if averaging(config):
        callbacks.append(("WeightAverage()", "validation judges the averaged weights"))
    lines = (["callbacks = ["] + [f"    {code},{f'  # {why}' if why else ''}" for code, why in callbacks] + ["]"]
             if callbacks else [])
    extra = ", callbacks=callbacks" if callbacks else ""
    if config.augment:
        lines += ["batches = AugmentedBatches(x_train, y_train_onehot, BATCH_SIZE, seed=SEED)",
                  "history = model.fit(batches, epochs=epochs, validation_data=(x_test, y_test_onehot),",
                  f"                    {extra[2:] + ', ' if extra else ''}verbose=2)"]
    else:
        lines += ["history = model.fit(x_train, y_train_onehot, batch_size=BATCH_SIZE, epochs=epochs,",
                  f"                    validation_data=(x_test, y_test_onehot){extra}, verbose=2)"]
    return "\n".join(lines)


def definitions(config: ModelConfig) -> list[Piece]:
    """The functions (and classes) the steps use."""
    pieces = [Piece("Loading MNIST", "Keras' own loader, or a copy you already have.", LOAD_MNIST),
              Piece("Showing digits", "matplotlib draws digits with titles; with no screen, into a PNG only.",
                    SHOW_DIGITS),
              Piece("The network", describe_model(config), build_model_code(config))]
    if config.augment:
        pieces.append(Piece(
            "Augmentation",
            "As mnist-gui trains with it: half of each batch is changed at random, strokes thinner or "
            "thicker, then turned, sheared, resized and moved, so that the model learns to read "
            "drawings that are slanted, thick or thin. The same kinds of change and the same ranges "
            "as mnist-gui's (`mnist_gui/core/augment.py`), written in NumPy and `keras.ops`; not "
            "bit-identical (the random numbers come from NumPy).",
            augment_settings() + "\n\n\n" + AUGMENT))
    schedule = schedule_code(config)
    if schedule:
        pieces.append(Piece("The learning-rate schedule", describe_schedule(config), schedule))
    if averaging(config):
        pieces.append(Piece("Averaged weights", "What validation judges and the model keeps: the weights "
                            "averaged over the run's last hundred steps or so.", WEIGHT_AVERAGE_CODE))
    return pieces


def describe_model(config: ModelConfig) -> str:
    if is_cnn(config):
        arch = ("Three small convolutions (24, 48 and 96 filters of 3×3), the first two followed by "
                "2×2 max pooling, then dropout and a 10-way softmax. It takes the raw pixels and divides "
                "them by 255 itself.")
    else:
        hidden = ", ".join(str(u) for u in config.hidden)
        arch = (f"The 28×28 image as one row of 784 numbers, BatchNormalization (it scales the raw 0..255 "
                f"pixels, as in the notebook), dense layers of {hidden} units ({config.activation})"
                f"{f' each followed by dropout {config.dropout:g}' if config.dropout else ''}, and a 10-way "
                "softmax: ten probabilities that add up to 1.")
    opt = ("SGD (each step moves every weight against its gradient, times the learning rate"
           f"{', with momentum' if config.momentum else ''})" if config.optimizer == "sgd"
           else "Adam (SGD that adapts each weight's step to its gradients' history)")
    text = (f"{arch} Compiling chooses how it learns: {opt}, the loss categorical cross-entropy (how far "
            "the ten probabilities are from the one-hot label) and the metric accuracy (the share read right).")
    if averaging(config):
        text += (" Training keeps a moving average of the weights (`WeightAverage`, below), which "
                 "validation judges and the model keeps at the end.")
    return text


def describe_schedule(config: ModelConfig) -> str:
    if config.schedule == "step":
        return f"The learning rate is multiplied by {config.lr_decay:g} at every epoch."
    if config.schedule == "cosine":
        return "The learning rate falls along a cosine from its value to 0 over the run."
    return ("One cycle, set before every step: the learning rate rises from a tenth of its value over the "
            f"first {ONE_CYCLE_WARMUP:.0%} of the steps, then falls along a cosine to almost nothing. A high rate in the "
            "middle explores; the low rate at the end settles.")


def steps(config: ModelConfig, info: dict) -> list[Piece]:
    """The run, in the notebook's order; the script runs them in ``main()``."""
    subset = "\nx_train, y_train = x_train[:TRAIN_SIZE], y_train[:TRAIN_SIZE]" if info.get("train_size") else ""
    scaled = ("its Rescaling layer divides them by 255" if is_cnn(config)
              else "its BatchNormalization layer scales them, as in the notebook")
    train_text = (f"Passes over the training images (epochs) in random order, {config.batch_size} at a time: "
                  "after each batch the optimizer moves every weight a little against its gradient. After "
                  "each epoch the model is checked on the test images (`val_accuracy`), as the notebook did; "
                  "`history.history` keeps every epoch's figures.")
    if config.augment:
        train_text += " Half of each batch is augmented (above)."
    if config.schedule != "constant":
        train_text += " The learning rate follows its schedule (above)."
    return [
        Piece("The data",
              "MNIST: 70,000 handwritten digits, 28×28 pixels of grey from 0 (black) to 255 (white), "
              "60,000 to learn from and 10,000 to test on, each with its label: the digit it shows.",
              "(x_train, y_train), (x_test, y_test) = load_mnist(data_path)" + subset + "\n"
              'print(f"{len(x_train)} training images, {len(x_test)} test images")'),
        Piece("A look at the images", "The first test images with their labels, as the notebook showed them.",
              'show_digits(x_test[:10], [str(label) for label in y_test[:10]], base + "_data.png")',
              notebook_only=True),
        Piece("Inputs and one-hot labels",
              f"The model takes the pixels as they are, 0..255, as 32-bit floats: {scaled}. Each label "
              "becomes ten numbers, 1 at its digit and 0 elsewhere (one-hot: 7 is [0,0,0,0,0,0,0,1,0,0]), "
              "to compare with the model's ten probabilities.",
              'x_train, x_test = x_train.astype("float32"), x_test.astype("float32")\n'
              "y_train_onehot = keras.utils.to_categorical(y_train, 10)\n"
              "y_test_onehot = keras.utils.to_categorical(y_test, 10)"),
        Piece("Build the network", "The network of `build_model` (above), compiled.",
              "model = build_model()\nmodel.summary()"),
        Piece("Train", train_text, train_code(config)),
        Piece("Evaluate", "The share of the 10,000 test images, never trained on, that the model reads right.",
              "loss, accuracy = model.evaluate(x_test, y_test_onehot, verbose=0)\n"
              'print(f"test loss {loss:.4f}, test accuracy {accuracy:.2%}")'),
        Piece("Predict", "The model's ten probabilities for a few test images; its answer is the likeliest digit.",
              "probabilities = model.predict(x_test[:10], verbose=0)\n"
              "predicted = probabilities.argmax(axis=1)\n"
              "for i, digit in enumerate(predicted):\n"
              '    print(f"test image {i}: read as {digit} ({probabilities[i, digit]:.1%}), it is a {y_test[i]}")\n'
              'show_digits(x_test[:10], [f"says {p}\\nis {t}" for p, t in zip(predicted, y_test[:10])],\n'
              '            base + "_predictions.png", red=predicted != y_test[:10])  # misreads in red'),
        Piece("Save", "The trained model as a Keras file (the notebook saved `mnist_dnn_v1.h5`): "
              "`keras.saving.load_model` reads it back, and mnist-gui opens it.",
              'model.save(base + ".keras")\nprint(f"saved {base}.keras")'),
    ]


def omissions(config: ModelConfig, info: dict) -> list[str]:
    """What mnist-gui did that this code does not, said in the code's header."""
    notes = []
    if PRESETS[config.preset].bfloat16_training:
        notes.append("mnist-gui trains this preset in bfloat16 on CPUs that compute it natively; this code "
                     "trains in float32 (the same accuracy; slower on such CPUs).")
    if smoothing(config):
        notes.append("After training, mnist-gui folds a temperature fitted on 500 augmented training images "
                     "into the last layer, so that the probabilities say how sure the model is; this code leaves "
                     "them as label smoothing made them (about 91% for a sure answer).")
    drawings = info.get("drawings")
    if isinstance(drawings, dict) and drawings.get("taught"):
        notes.append(f"The model file was also taught {drawings['taught']} of your drawings (My drawings); "
                     "this code trains on MNIST alone.")
        if "held_out" in drawings:
            notes.append("Its last run was a fine-tune on your drawings: the settings here are that short "
                         "run's (a lower learning rate), not those the model was first trained with.")
    epochs_run = info.get("epochs_run")
    if isinstance(epochs_run, int) and epochs_run != config.epochs:
        notes.append(f"The model file was trained for {epochs_run} epochs in all; its last run's settings "
                     f"say {config.epochs}.")
    return notes
