"""The UI edge of the Qt-free code's messages: core/session/service return English text, and the
ones that reach the user are translated here, by exact text or by template (``{name}`` parts are
filled in from the English message and stay untranslated: file names, numbers, errors)."""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..i18n import translate

CONTEXT = "core"

# Listed for pyside6-lupdate; each is also a template matched against the English message.
TEXTS = (
    # resources/app.json: the window's title, About
    QT_TRANSLATE_NOOP("core", "MNIST Digits"),
    QT_TRANSLATE_NOOP("core", "Train a neural network on the MNIST handwritten digits, browse its predictions, and "
                              "draw digits for it to read."),
    QT_TRANSLATE_NOOP("core", "MNIST database of handwritten digits: Yann LeCun, Corinna Cortes and Christopher J. "
                              "C. Burges (CC BY-SA 3.0)."),
    # service.py / session.py: the status bar and error boxes
    QT_TRANSLATE_NOOP("core", "Loading TensorFlow…"),
    QT_TRANSLATE_NOOP("core", "TensorFlow ready"),
    QT_TRANSLATE_NOOP("core", "TensorFlow could not be loaded: {error}"),
    QT_TRANSLATE_NOOP("core", "TensorFlow: still loading"),
    QT_TRANSLATE_NOOP("core", "Loading data…"),
    QT_TRANSLATE_NOOP("core", "Data ready ({source})"),
    QT_TRANSLATE_NOOP("core", "Stop training before {what}."),
    QT_TRANSLATE_NOOP("core", "Loading model {name}…"),
    QT_TRANSLATE_NOOP("core", "Could not build the model: {error}"),
    QT_TRANSLATE_NOOP("core", "Exporting {name}…"),
    QT_TRANSLATE_NOOP("core", "Preparing to train more…"),
    QT_TRANSLATE_NOOP("core", "Training: epoch {epoch} of {end} done"),
    QT_TRANSLATE_NOOP("core", "Model: {name} (fast start: LiteRT while TensorFlow loads)"),
    QT_TRANSLATE_NOOP("core", "Model: {name}"),
    QT_TRANSLATE_NOOP("core", "Training is already running."),
    QT_TRANSLATE_NOOP("core", "The MNIST data is not loaded yet."),
    QT_TRANSLATE_NOOP("core", "TensorFlow is still loading; try again in a moment."),
    QT_TRANSLATE_NOOP("core", "There is no model to train more: train one or open a model file."),
    QT_TRANSLATE_NOOP("core", "Fine-tuning needs some of your drawings: label a few on the Draw Pad first."),
    QT_TRANSLATE_NOOP("core", "Training diverged: the loss became NaN or infinite. Try a lower learning rate. "
                              "The previous model is kept."),
    QT_TRANSLATE_NOOP("core", "Training diverged in epoch {epoch} (the loss became NaN or infinite); the model "
                              "keeps the weights of epoch {kept}. Try a lower learning rate."),
    QT_TRANSLATE_NOOP("core", "Fine-tuning cost {points} points of test accuracy ({before} → {after}); Undo "
                              "fine-tune brings the previous model back."),
    # core/models.py: presets, and the training form's checks
    QT_TRANSLATE_NOOP("core", "Seed DNN (notebook)"),
    QT_TRANSLATE_NOOP("core", "MLP (editable)"),
    QT_TRANSLATE_NOOP("core", "CNN"),
    QT_TRANSLATE_NOOP("core", "The notebook's model: Reshape 784 → BatchNorm → Dense 200/100/60/30 sigmoid → "
                              "softmax, SGD 0.03, batch 32, 50 epochs. Choose MLP to change the architecture."),
    QT_TRANSLATE_NOOP("core", "Edit freely: hidden sizes, activation, dropout, optimizer, momentum, weight decay "
                              "and the learning-rate schedule."),
    QT_TRANSLATE_NOOP("core", "Three small convolutions, Adam with a one-cycle learning rate, augmented digits, "
                              "averaged weights: quick on a CPU, ≈99.0% test accuracy after 1 epoch, ≈99.4% in 5."),
    QT_TRANSLATE_NOOP("core", "hidden: at least one hidden layer is needed"),
    QT_TRANSLATE_NOOP("core", "hidden: give layer sizes like 200,100,60,30"),
    QT_TRANSLATE_NOOP("core", "hidden: {text} is not a list of whole numbers like 200,100,60,30"),
    QT_TRANSLATE_NOOP("core", "{name}: must be a whole number, got {value}"),
    QT_TRANSLATE_NOOP("core", "{name}: must be a number, got {value}"),
    QT_TRANSLATE_NOOP("core", "{name}: must be {span}"),
    # model_host.py, session.py: refusals and failures shown in the window
    QT_TRANSLATE_NOOP("core", "No model yet: train one or open a model file."),
    QT_TRANSLATE_NOOP("core", "The model cannot predict: {error}"),
    QT_TRANSLATE_NOOP("core", "Could not load {name}: {error}"),
    QT_TRANSLATE_NOOP("core", "There is no other model to switch to."),
    QT_TRANSLATE_NOOP("core", "This model cannot be trained further: {error}"),
    QT_TRANSLATE_NOOP("core", "The model changed while this was computed."),
    QT_TRANSLATE_NOOP("core", "There is no model to save yet: train one or open a model file."),
    QT_TRANSLATE_NOOP("core", "Could not export {name}: {error}"),
    QT_TRANSLATE_NOOP("core", "The app is closing."),
    QT_TRANSLATE_NOOP("core", "No training is running."),
    QT_TRANSLATE_NOOP("core", "The {preset} preset's learning rate cannot change."),
    QT_TRANSLATE_NOOP("core", "Nothing to change."),
    QT_TRANSLATE_NOOP("core", "opening another model"),
    QT_TRANSLATE_NOOP("core", "building another model"),
    QT_TRANSLATE_NOOP("core", "switching models"),
    # core/images.py, core/numbers.py: why an image cannot be read
    QT_TRANSLATE_NOOP("core", "no such file"),
    QT_TRANSLATE_NOOP("core", "permission denied"),
    QT_TRANSLATE_NOOP("core", "not an image (or not a format Pillow can read)"),
    QT_TRANSLATE_NOOP("core", "too large (over {limit} megapixels)"),
    QT_TRANSLATE_NOOP("core", "too large to decode in the memory available"),
    QT_TRANSLATE_NOOP("core", "damaged or truncated image ({reason})"),
    QT_TRANSLATE_NOOP("core", "not a grey image"),
    QT_TRANSLATE_NOOP("core", "damaged image (pixels that are not numbers)"),
    QT_TRANSLATE_NOOP("core", "too large: {size} pixels (the limit is {limit} megapixels)"),
    QT_TRANSLATE_NOOP("core", "too small to hold a digit: {size} pixels"),
    QT_TRANSLATE_NOOP("core", "no digit found: nothing stands out from the background"),
    QT_TRANSLATE_NOOP("core", "no digit found"),
    # core/robustness.py: the distortions
    QT_TRANSLATE_NOOP("core", "Noise σ"),
    QT_TRANSLATE_NOOP("core", "Rotation"),
    QT_TRANSLATE_NOOP("core", "Slant (shear)"),
    QT_TRANSLATE_NOOP("core", "Stroke thickness"),
    QT_TRANSLATE_NOOP("core", "Mouse drawing"),
)


@lru_cache(maxsize=None)
def _patterns():
    found = []
    for template in TEXTS:
        if "{" not in template:
            continue
        parts = re.split(r"\{(\w+)\}", template)
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
        found.append((re.compile(regex + r"\Z", re.S), template))
    return found


def in_sentence(text: str) -> str:
    """A title used inside a sentence: lower case, but in German, whose nouns keep their capital."""
    from PySide6.QtCore import QLocale

    return text if QLocale().language() == QLocale.Language.German else text.lower()


def core_text(text: str) -> str:
    """``text`` in the user's language when it is one of the known messages, else as it is."""
    if not text:
        return text
    if text in TEXTS:
        return translate(CONTEXT, text)
    for pattern, template in _patterns():
        m = pattern.match(text)
        if m:
            parts = {k: translate(CONTEXT, v) if v in TEXTS else v for k, v in m.groupdict().items()}
            return translate(CONTEXT, template).format(**parts)  # a known part too ("Stop training before {what}.")
    return text
